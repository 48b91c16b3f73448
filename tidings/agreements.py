"""Agreements as records: ceasefires, deals, accords and proposals, with their phases, the status
of each phase over time, their provisions, the stances actors take on them, and the evidence.

An ``Agreement`` is what one article says (made by ``tidings.agreement_finder``) or, after
``merge``, what all stored articles say about one agreement: its state is then a timeline.
``to_dict`` gives the record of docs/agreements.md; ``from_dict`` reads it back.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .model import Mention, Quantity, content_id

STATUSES = ("proposed", "under_negotiation", "agreed", "in_effect", "suspended", "collapsed",
            "completed")
STANCES = ("support", "oppose", "doubt", "pressure")
FAMILIES = ("ceasefire", "peace", "exchange", "framework", "accord", "proposal")
ENDED = ("suspended", "collapsed", "completed")
GENERIC = "accord"  # "the agreement", "the deal": joins the specific agreement it refers to


def _actors(items: Iterable[dict] | None) -> list[Mention]:
    return [Mention.from_dict(m) for m in items or []]


def _dicts(items: Iterable) -> list[dict]:
    return [i.to_dict() for i in items]


@dataclass(slots=True)
class Evidence:
    """Where a fact was read: the article, its sentence, and the events coded from it."""

    article_id: str
    sentence: int
    text: str
    published: str | None = None
    event_ids: list[str] = field(default_factory=list)
    source: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "sentence": self.sentence, "text": self.text,
                "published": self.published, "event_ids": list(self.event_ids),
                "source": self.source, "url": self.url}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(data["article_id"], data["sentence"], data["text"], data.get("published"),
                   list(data.get("event_ids") or []), data.get("source"), data.get("url"))

    @property
    def day(self) -> str:
        return self.published or ""


@dataclass(slots=True)
class Status:
    """One reported state of an agreement or a phase: ``date`` is when it held or began, as
    precise as the text says (else None: the report's ``published`` date is all we know)."""

    status: str
    evidence: Evidence
    date: str | None = None
    place: str | None = None

    @property
    def day(self) -> str:
        return self.date or self.evidence.day

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "date": self.date, "place": self.place,
                "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Status:
        return cls(data["status"], Evidence.from_dict(data["evidence"]), data.get("date"),
                   data.get("place"))


@dataclass(slots=True)
class Provision:
    """What a phase (or the agreement) has one side give or do for another."""

    action: str
    evidence: Evidence
    giver: list[Mention] = field(default_factory=list)
    receiver: list[Mention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    status: str = "promised"
    date: str | None = None
    phase: int | None = None

    def key(self) -> tuple:
        values = tuple(sorted((q.value, q.what or "") for q in self.quantities))
        givers = tuple(sorted(m.country or m.name or "" for m in self.giver))
        return (self.phase, self.action, givers, values)

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "phase": self.phase, "giver": _dicts(self.giver),
                "receiver": _dicts(self.receiver), "quantities": _dicts(self.quantities),
                "status": self.status, "date": self.date, "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provision:
        return cls(data["action"], Evidence.from_dict(data["evidence"]), _actors(data.get("giver")),
                   _actors(data.get("receiver")),
                   [Quantity.from_dict(q) for q in data.get("quantities") or []],
                   data.get("status", "promised"), data.get("date"), data.get("phase"))


@dataclass(slots=True)
class Stance:
    """An actor's position on an agreement (or one phase of it): support, oppose, doubt, or
    pressure; ``pressure_on`` names whom the holder pushes to act on it."""

    stance: str
    holder: list[Mention]
    evidence: Evidence
    date: str | None = None
    phase: int | None = None
    pressure_on: list[Mention] = field(default_factory=list)
    cue: str = ""

    @property
    def day(self) -> str:
        return self.date or self.evidence.day

    def to_dict(self) -> dict[str, Any]:
        return {"stance": self.stance, "holder": _dicts(self.holder), "phase": self.phase,
                "pressure_on": _dicts(self.pressure_on), "cue": self.cue, "date": self.date,
                "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stance:
        return cls(data["stance"], _actors(data.get("holder")), Evidence.from_dict(data["evidence"]),
                   data.get("date"), data.get("phase"), _actors(data.get("pressure_on")),
                   data.get("cue", ""))


@dataclass(slots=True)
class Phase:
    """A phase or stage; its statuses in the order they were reported, its provisions."""

    number: int
    statuses: list[Status] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)

    @property
    def status(self) -> str | None:
        """The latest reported status (by its date, then by report)."""
        return latest(self.statuses).status if self.statuses else None

    @property
    def since(self) -> str | None:
        """When the current status began: the earliest dated report of it since the last change."""
        run = current_run(self.statuses)
        dated = [s.date for s in run if s.date]
        return min(dated) if dated else (run[0].evidence.published if run else None)

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "status": self.status, "since": self.since,
                "statuses": _dicts(timeline_order(self.statuses)),
                "provisions": _dicts(self.provisions)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Phase:
        return cls(data["number"], [Status.from_dict(s) for s in data.get("statuses") or []],
                   [Provision.from_dict(p) for p in data.get("provisions") or []])


def timeline_order(statuses: Iterable[Status]) -> list[Status]:
    return sorted(statuses, key=lambda s: (s.day, s.evidence.day, STATUSES.index(s.status)))


def latest(statuses: list[Status]) -> Status:
    return timeline_order(statuses)[-1]


def current_run(statuses: list[Status]) -> list[Status]:
    """The reports since the status last changed, oldest first."""
    ordered = timeline_order(statuses)
    run: list[Status] = []
    for status in reversed(ordered):
        if run and status.status != run[0].status:
            break
        run.insert(0, status)
    return run


@dataclass(slots=True)
class Agreement:
    """One agreement or proposal, as one article reports it or as merged from many."""

    family: str
    name: str
    parties: list[Mention] = field(default_factory=list)
    mediators: list[Mention] = field(default_factory=list)
    proposer: list[Mention] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    agreement_id: str = ""
    topic: str = ""

    @property
    def kind(self) -> str:
        return "proposal" if self.family == "proposal" else "agreement"

    def party_keys(self) -> list[str]:
        return sorted({actor_key(m) for m in self.parties})

    def merge_key(self) -> str:
        """Reports with the same key are one agreement: family and parties (a proposal: its
        proposer and name)."""
        if self.family == "proposal":
            who = sorted({actor_key(m) for m in self.proposer})
            return "|".join(["proposal", *who, self.topic or self.name.lower()])
        return "|".join([self.family, *self.party_keys()])

    def phase(self, number: int) -> Phase:
        found = next((p for p in self.phases if p.number == number), None)
        if found is None:
            found = Phase(number)
            self.phases.append(found)
            self.phases.sort(key=lambda p: p.number)
        return found

    @property
    def status(self) -> str | None:
        """In effect while a phase is; else the latest reported status of the agreement or of
        any phase (talks on a next phase do not end the phase in effect)."""
        if self.phase_in_effect() is not None:
            return "in_effect"
        every = self.statuses + [s for p in self.phases for s in p.statuses]
        return latest(every).status if every else None

    def phase_in_effect(self) -> Phase | None:
        """The highest-numbered phase whose current status is in effect, unless the agreement
        as a whole was since reported suspended, collapsed or completed."""
        live = [p for p in self.phases if p.status == "in_effect"]
        if not live:
            return None
        ends = [s for s in self.statuses if s.status in ENDED]
        if ends and latest(ends).day >= (live[-1].since or ""):
            return None
        return live[-1]

    def dates(self) -> tuple[str | None, str | None]:
        days = sorted(e.day for e in self.evidence if e.day)
        return (days[0], days[-1]) if days else (None, None)

    def to_dict(self) -> dict[str, Any]:
        first, last = self.dates()
        live = self.phase_in_effect()
        return {
            "agreement_id": self.agreement_id or agreement_id(self), "kind": self.kind,
            "family": self.family, "name": self.name, "topic": self.topic, "status": self.status,
            "phase_in_effect": live.number if live else None,
            "parties": _dicts(self.parties), "mediators": _dicts(self.mediators),
            "proposer": _dicts(self.proposer), "statuses": _dicts(timeline_order(self.statuses)),
            "phases": _dicts(self.phases), "provisions": _dicts(self.provisions),
            "stances": _dicts(sorted(self.stances, key=lambda s: s.day)),
            "first_reported": first, "last_reported": last,
            "articles": sorted({e.article_id for e in self.evidence}),
            "evidence": _dicts(self.evidence)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Agreement:
        return cls(
            data["family"], data["name"], _actors(data.get("parties")),
            _actors(data.get("mediators")), _actors(data.get("proposer")),
            [Status.from_dict(s) for s in data.get("statuses") or []],
            [Phase.from_dict(p) for p in data.get("phases") or []],
            [Provision.from_dict(p) for p in data.get("provisions") or []],
            [Stance.from_dict(s) for s in data.get("stances") or []],
            [Evidence.from_dict(e) for e in data.get("evidence") or []],
            data.get("agreement_id", ""), data.get("topic", ""))


def actor_key(mention: Mention) -> str:
    """What makes two party mentions the same party: a group's id, else its country."""
    if mention.id and mention.id != mention.country:
        return mention.id
    return mention.country or (mention.name or mention.text).lower()


def agreement_id(agreement: Agreement) -> str:
    return content_id(agreement.merge_key(), prefix="ag-")


# ---- across articles ------------------------------------------------------------------------

def merge(reports: list[Agreement]) -> list[Agreement]:
    """Reports about one agreement (same family and parties; a proposal: same proposer and
    topic) become one agreement whose statuses, stances and provisions form its timeline. A
    report that names no parties joins the one agreement of its family with the same name, or
    the only agreement of its family."""
    groups: dict[str, list[Agreement]] = {}
    loose: list[Agreement] = []
    for report in reports:
        if report.family != "proposal" and not report.parties:
            loose.append(report)
        else:
            groups.setdefault(report.merge_key(), []).append(report)
    for report in loose:
        groups.setdefault(home_of(report, groups), []).append(report)
    return [combine(key, items) for key, items in groups.items()]


def home_of(report: Agreement, groups: dict[str, list[Agreement]]) -> str:
    same = [k for k, items in groups.items() if items[0].family == report.family]
    named = [k for k in same if any(i.name == report.name for i in groups[k])]
    if len(named) == 1:
        return named[0]
    return same[0] if len(same) == 1 else report.merge_key()


def combine(key: str, items: list[Agreement]) -> Agreement:
    out = Agreement(items[0].family, most_common([i.name for i in items]),
                    agreement_id=content_id(key, prefix="ag-"), topic=items[0].topic)
    for item in items:
        out.parties = unique_actors(out.parties + item.parties)
        out.mediators = unique_actors(out.mediators + item.mediators)
        out.proposer = unique_actors(out.proposer + item.proposer)
        out.statuses += item.statuses
        out.stances += item.stances
        out.evidence += item.evidence
        out.provisions = unique_provisions(out.provisions + item.provisions)
        for phase in item.phases:
            mine = out.phase(phase.number)
            mine.statuses += phase.statuses
            mine.provisions = unique_provisions(mine.provisions + phase.provisions)
    return out


def most_common(names: list[str]) -> str:
    """The name most reports use; reports with a place word ("Gaza ceasefire") count first."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: (counts[n], -names.index(n)))


def unique_actors(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        seen.setdefault(actor_key(m), m)
    return list(seen.values())


def unique_provisions(provisions: list[Provision]) -> list[Provision]:
    """The same provision reported twice is kept once: the first report, unless a later one
    says it was delivered."""
    best: dict[tuple, Provision] = {}
    for p in provisions:
        old = best.get(p.key())
        if old is None or (old.status != "delivered" and p.status == "delivered"):
            best[p.key()] = p
    return list(best.values())


def has_party(agreement: Agreement, code: str) -> bool:
    """True when a party (or a proposal's proposer) has this code, country or id."""
    for m in agreement.parties + agreement.proposer:
        if code in (m.code, m.country, m.id):
            return True
    return False


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One dated line of an agreement's history."""

    day: str
    what: str
    phase: int | None
    detail: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"day": self.day, "what": self.what, "phase": self.phase, "detail": self.detail,
                "evidence": self.evidence.to_dict()}


def names(mentions: list[Mention]) -> str:
    return ", ".join(m.name or m.text for m in mentions)


def timeline(agreement: Agreement) -> list[TimelineRow]:
    """Statuses, provisions and stances in date order (a fact without its own date is placed
    on the day it was reported)."""
    rows = [TimelineRow(s.day, s.status, None, s.place or "", s.evidence)
            for s in agreement.statuses]
    for phase in agreement.phases:
        rows += [TimelineRow(s.day, s.status, phase.number, s.place or "", s.evidence)
                 for s in phase.statuses]
    for p in all_provisions(agreement):
        what = ", ".join(q.text for q in p.quantities) or names(p.receiver)
        rows.append(TimelineRow(p.date or p.evidence.day, f"{p.action} ({p.status})", p.phase,
                                f"{names(p.giver)}: {what}", p.evidence))
    for s in agreement.stances:
        on = f" (pressing {names(s.pressure_on)})" if s.pressure_on else ""
        rows.append(TimelineRow(s.day, s.stance, s.phase, names(s.holder) + on, s.evidence))
    order = {name: i for i, name in enumerate(STATUSES)}
    return sorted(rows, key=lambda r: (r.day, r.evidence.day, order.get(r.what, 9)))


def all_provisions(agreement: Agreement) -> list[Provision]:
    return agreement.provisions + [p for phase in agreement.phases for p in phase.provisions]
