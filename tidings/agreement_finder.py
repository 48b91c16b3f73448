"""Find agreements in a parsed article: a pipeline step after the event coder.

It reads the spaCy Doc, the actor mentions and the coded events, and returns ``Agreement``
records (tidings.agreements): each ceasefire, deal, accord or proposal the article speaks of,
its parties and mediators, its phases with the status the text gives them, the provisions (the
coded events inside a phase's sentence), and the stances actors take on it. All the words it
looks for are in ``data/agreements/cues.tsv``; the rules are about grammar, not about any one
article (docs/agreements.md).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .actors import ActorFinder, Context
from .agreement_cues import AgreementCues, Cue
from .agreements import GENERIC, Agreement, Evidence, Phase, Provision, Stance, Status
from .dates import resolve as resolve_date
from .kb import KnowledgeBase
from .lexicon import Lexicon
from .model import Article, Event, Mention
from .modality import status_of_verb

LABELS = {"ceasefire": "ceasefire", "peace": "peace agreement", "exchange": "prisoner exchange",
          "framework": "framework agreement", "accord": "agreement", "proposal": "proposal"}
STATE_SECTORS = {None, "GOV", "MIL", "COP", "JUD", "LEG"}
PARTY_PREPS = {"between", "with"}
DEFINITE = {"the", "this", "that", "its", "their"}
CLIMB = 6  # how many heads up from a mention to look for a status or stance word
PLANNED_STATUS = {"in_effect": "agreed", "agreed": "under_negotiation",
                  "under_negotiation": "under_negotiation", "proposed": "proposed"}
HOLDER_DEPS = {"dobj", "pobj", "acomp", "xcomp", "advcl", "conj", "attr", "prep", "amod"}


@dataclass(slots=True)
class Spot:
    """A noun phrase that names an agreement (head token) and the record it belongs to."""

    token: Token
    family: str
    sentence: int
    places: frozenset[str]
    record: int = -1


@dataclass(slots=True)
class PhaseSpot:
    token: Token
    ordinal: str
    sentence: int
    record: int = -1
    number: int | None = None


@dataclass(slots=True)
class Found:
    """A status word found above a mention: the status, the word, events behind it."""

    status: str
    head: Token
    date: str | None = None
    place: str | None = None
    events: list[Event] = field(default_factory=list)


@dataclass(slots=True)
class Reading:
    """What the finder knows while reading one article."""

    doc: Doc
    article: Article
    mentions: list[Mention]
    events: list[Event]
    ctx: Context
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [s.start for s in self.doc.sents]

    def sentence(self, token: Token) -> int:
        return bisect.bisect_right(self.starts, token.i) - 1

    def events_at(self, token: Token) -> list[Event]:
        return [e for e in self.events if e.trigger.start == token.idx]

    def events_in(self, sentence: int) -> list[Event]:
        return [e for e in self.events if e.sentence == sentence]

    def evidence(self, sentence: int, events: list[Event] = ()) -> Evidence:
        sent = list(self.doc.sents)[sentence]
        return Evidence(self.article.id, sentence, sent.text.strip(), self.article.date,
                        [e.event_id for e in events], self.article.source, self.article.url)


class AgreementFinder:
    """Doc + mentions + events in, agreement records out. Holds only immutable knowledge."""

    def __init__(self, cues: AgreementCues, actors: ActorFinder, kb: KnowledgeBase,
                 lexicon: Lexicon) -> None:
        self.cues, self.actors, self.kb, self.lexicon = cues, actors, kb, lexicon

    def find(self, doc: Doc, article: Article, mentions: list[Mention], events: list[Event],
             ctx: Context) -> list[Agreement]:
        reading = Reading(doc, article, mentions, events, ctx)
        spots = self.spots(doc, reading)
        records = group_spots(spots)
        for spot in spots:
            self.read_spot(reading, spot, records[spot.record])
        phases = self.phase_spots(doc, reading, spots)
        for phase in sorted(phases, key=lambda p: not p.ordinal.isdigit()):
            self.read_phase(reading, phase, records[phase.record])
        for record in records:
            finish(record, self.kb)
        return [r for r in records if r.evidence]

    # ---- finding the mentions ------------------------------------------------------------------

    def spots(self, doc: Doc, reading: Reading) -> list[Spot]:
        found = []
        for token in doc:
            family = self.family_of(token)
            if family is None or self.is_modifier_of_cue(token) or idiom(token):
                continue
            found.append(Spot(token, family, reading.sentence(token), place_words(token)))
        return found

    def family_of(self, token: Token) -> str | None:
        """The most specific family among the cues this noun (with its modifiers) matches."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        near = near_lemmas(token)
        families = [f for cue, f in self.cues.agreement.items()
                    if cue[-1] == token.lemma_.lower() or cue[-1] == token.lower_
                    if all(w in near for w in cue[:-1])]
        families += [self.family_of(c) for c in token.children if c.dep_ == "compound"]
        families = [f for f in families if f]
        specific = [f for f in families if f != GENERIC]
        return specific[0] if specific else (families[0] if families else None)

    def is_modifier_of_cue(self, token: Token) -> bool:
        return token.dep_ == "compound" and self.family_of(token.head) is not None

    def phase_spots(self, doc: Doc, reading: Reading, spots: list[Spot]) -> list[PhaseSpot]:
        found = []
        for token in doc:
            if token.lemma_.lower() not in self.cues.phase or token.pos_ != "NOUN":
                continue
            ordinal = self.ordinal_of(token)
            owner = owner_record(token, spots) if ordinal else None
            if owner is not None:
                found.append(PhaseSpot(token, ordinal, reading.sentence(token), owner))
        return found

    def ordinal_of(self, token: Token) -> str | None:
        words = [c for c in token.children if c.dep_ in ("amod", "nummod", "advmod", "compound")]
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.like_num or (nxt is not None and nxt.pos_ == "NUM"):
            words.append(nxt)
        for word in words:
            value = self.cues.ordinal.get(word.lower_)
            if value:
                return value
        return None

    # ---- reading one mention -------------------------------------------------------------------

    def read_spot(self, reading: Reading, spot: Spot, record: Agreement) -> None:
        token, events = spot.token, reading.events_at(spot.token)
        record.evidence.append(reading.evidence(spot.sentence, events))
        record.parties.extend(self.parties_of(reading, token))
        record.mediators.extend(self.mediators_of(reading, token))
        if spot.family == "proposal":
            record.proposer.extend(self.possessor(reading, token))
            record.name = record.name or proposal_name(token)
            record.topic = record.topic or proposal_topic(token)
        elif spot.places and not record.name:
            record.name = " ".join(sorted(spot.places)) + " " + LABELS[record.family]
        if not inside_phase(token, self.cues):
            found = self.status_at(reading, token)
            if found:
                record.statuses.append(self.status_record(reading, spot.sentence, found))
                record.parties.extend(self.signatories(reading, found))
            self.add_provisions(reading, record, spot.sentence, None, found)
        record.stances.extend(self.stances_at(reading, token, None))

    def read_phase(self, reading: Reading, spot: PhaseSpot, record: Agreement) -> None:
        number = phase_number(spot.ordinal, record)
        if number is None:
            return
        phase = record.phase(number)
        found = self.status_at(reading, spot.token)
        if found:
            phase.statuses.append(self.status_record(reading, spot.sentence, found))
        record.evidence.append(reading.evidence(spot.sentence, found.events if found else []))
        self.add_provisions(reading, record, spot.sentence, number, found)
        record.stances.extend(self.stances_at(reading, spot.token, number))

    def status_record(self, reading: Reading, sentence: int, found: Found) -> Status:
        return Status(found.status, reading.evidence(sentence, found.events), found.date,
                      found.place)

    # ---- status -------------------------------------------------------------------------------

    def status_at(self, reading: Reading, token: Token) -> Found | None:
        """The nearest status word above the mention (or a talks noun as its clause's subject)."""
        node = token
        for _ in range(CLIMB):
            if node.head is node:
                return None
            node = node.head
            found = self.status_word(node) or self.subject_status(node, token)
            if found is not None:
                return self.qualify(reading, token, *found)
        return None

    def status_word(self, node: Token) -> tuple[str, Token] | None:
        status = match(node, self.cues.status)
        return (status, node) if status else None

    def subject_status(self, node: Token, token: Token) -> tuple[str, Token] | None:
        for subject in node.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.i != token.i \
                    and token not in subject.subtree:
                status = match(subject, self.cues.status)
                if status == "under_negotiation":
                    return status, subject
        return None

    def qualify(self, reading: Reading, token: Token, status: str, head: Token) -> Found | None:
        """Apply negation and modality, and find the date and place of the status."""
        mood = status_of_verb(head, self.lexicon, default=None) if head.pos_ in ("VERB", "AUX") \
            else None
        if mood == "negated":
            return None
        if mood == "planned":
            status = PLANNED_STATUS.get(status)
        elif mood == "hypothetical" and status != "under_negotiation":
            return None
        if status is None:
            return None
        events = status_events(reading, head, token, status)
        date = next((e.date for e in events if e.date), None) or \
            date_below(head, reading.article.date, "future" if mood == "planned" else "past")
        if mood == "planned" and status != "under_negotiation":
            date = None  # "will take effect on Wednesday": agreed as of the report
        place = next((e.location.name for e in events if e.location), None)
        return Found(status, head, date, place, events)

    # ---- provisions ---------------------------------------------------------------------------

    def add_provisions(self, reading: Reading, record: Agreement, sentence: int,
                       phase: int | None, found: Found | None) -> None:
        pending = found is not None and found.status in ("proposed", "under_negotiation", "agreed")
        taken = {p.evidence.event_ids[0] for p in all_provisions(record) if p.evidence.event_ids}
        for event in reading.events_in(sentence):
            if not self.cues.provides(event.event_type, event.mode) or event.event_id in taken:
                continue
            if phase is None and record.phases and has_phase_word(reading, sentence, self.cues):
                continue
            status = "delivered" if event.status == "occurred" and not pending else "promised"
            provision = Provision(event.mode or event.event_type.lower(),
                                  reading.evidence(sentence, [event]), list(event.actor),
                                  list(event.recipient), list(event.quantities), status,
                                  event.date if status == "delivered" else None, phase)
            (record.phase(phase).provisions if phase else record.provisions).append(provision)

    # ---- stances ------------------------------------------------------------------------------

    def stances_at(self, reading: Reading, token: Token, phase: int | None) -> list[Stance]:
        node = token
        for _ in range(CLIMB):
            if node.head is node:
                return []
            node = node.head
            stance = match(node, self.cues.stance)
            if stance:
                return self.stance(reading, node, stance, phase)
            if match_any(node, self.cues.pressure):
                return self.stance(reading, node, "pressure", phase)
        return []

    def stance(self, reading: Reading, word: Token, stance: str, phase: int | None) -> list[Stance]:
        mood = status_of_verb(word, self.lexicon, default=None) if word.pos_ == "VERB" else None
        if mood == "negated":
            stance = {"support": "oppose", "oppose": "support"}.get(stance)
        pressing = word.dep_ in ("xcomp", "acl", "ccomp", "advcl") and \
            match_any(word.head, self.cues.pressure)  # "pressure from X to abandon it"
        if stance is None or (mood == "hypothetical" and not pressing):
            return []
        holder, pressed, pusher = self.holder(reading, word), [], None
        if not holder and pressing:
            pusher = word.head
        elif stance == "pressure":
            pusher = word
        if pusher is not None:
            holder, pressed = self.holder(reading, pusher), self.pressed(reading, pusher)
        if not holder:
            return []
        events = reading.events_at(word) or (reading.events_at(pusher) if pusher is not None else [])
        date = next((e.date for e in events if e.date), None) or \
            date_below(word, reading.article.date, "past")
        sentence = reading.sentence(word)
        return [Stance(stance, holder, reading.evidence(sentence, events), date, phase, pressed,
                       word.lemma_.lower())]

    def holder(self, reading: Reading, word: Token) -> list[Mention]:
        """Who takes the stance: the coded event's actor, else the subject, agent or possessor
        of the stance word, else of the clause it hangs from."""
        for event in reading.events_at(word):
            if event.actor:
                return list(event.actor)
        node = word
        for _ in range(3):
            who = self.own_holder(reading, node)
            if who:
                return who
            if node.dep_ not in HOLDER_DEPS or node.head is node:
                return []
            node = node.head.head if node.dep_ == "pobj" else node.head
        return []

    def own_holder(self, reading: Reading, node: Token) -> list[Mention]:
        for child in node.children:
            if child.dep_ in ("nsubj", "poss"):
                return self.resolve(reading, child)
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("by", "from")):
                obj = next((o for o in child.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return self.resolve(reading, obj)
        return []

    def pressed(self, reading: Reading, word: Token) -> list[Mention]:
        """Whom a pressure word pushes: the event's recipient, the object, "on X", or the
        subject of the verb that has (or "faces") the pressure."""
        for event in reading.events_at(word):
            if event.recipient:
                return list(event.recipient)
        for child in word.children:
            if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ == "on"):
                obj = child if child.dep_ == "dobj" else next(
                    (o for o in child.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return self.resolve(reading, obj)
            if child.dep_ in ("amod", "acl") and child.pos_ == "VERB":
                subject = next((s for s in child.children if s.dep_ == "nsubj"), None)
                if subject is not None:
                    return self.resolve(reading, subject)
        return []

    # ---- actors -------------------------------------------------------------------------------

    def resolve(self, reading: Reading, token: Token) -> list[Mention]:
        return [m for m in self.actors.resolve(token, reading.mentions, reading.ctx)
                if m.country or m.id]

    def possessor(self, reading: Reading, token: Token) -> list[Mention]:
        poss = next((c for c in token.children if c.dep_ == "poss"), None)
        return self.resolve(reading, poss) if poss is not None and poss.pos_ != "PRON" else []

    def parties_of(self, reading: Reading, token: Token) -> list[Mention]:
        """Parties named in the phrase ("between X and Y", "with X" and the clause's subject,
        "X's truce", "the Israel-Hamas ceasefire") and by the AGREE / ceasefire events on it."""
        found: list[Mention] = []
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                found.extend(self.resolve(reading, obj))
            if prep.lower_ == "with":
                found.extend(self.clause_subject(reading, token))
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            found.extend(m for m in self.possessor(reading, token) if m.kind != "person")
        found.extend(self.compound_parties(reading, token))
        frame = frame_verb(token)
        if frame is not None:  # "Russia and Ukraine exchanged prisoners in a swap"
            found.extend(self.own_holder(reading, frame))
        for event in reading.events_at(token):
            if event.event_type == "AGREE" or event.mode == "ceasefire":
                found.extend(event.actor + event.recipient)
        return found

    def signatories(self, reading: Reading, found: Found) -> list[Mention]:
        """Who signed or reached it: the AGREE event's sides, else the verb's subject."""
        if found.status != "agreed":
            return []
        sides = [m for e in found.events if e.event_type == "AGREE" for m in e.actor + e.recipient]
        return sides or self.own_holder(reading, found.head)

    def clause_subject(self, reading: Reading, token: Token) -> list[Mention]:
        node = token
        for _ in range(CLIMB):
            if node.head is node:
                return []
            node = node.head
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return self.resolve(reading, subject)
        return []

    def compound_parties(self, reading: Reading, token: Token) -> list[Mention]:
        found = []
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                found.extend(m for m in reading.mentions
                             if m.start >= child.idx and m.end <= child.idx + len(child.text)
                             and m.country and m.kind != "location")
        return found

    def mediators_of(self, reading: Reading, token: Token) -> list[Mention]:
        """"the Qatar-brokered agreement", "a swap brokered by the UAE", "mediated by X"."""
        found = []
        for child in token.children:
            if child.lemma_.lower() not in self.cues.broker:
                continue
            for sub in child.children:
                if sub.dep_ in ("npadvmod", "compound", "nsubj"):
                    found.extend(self.resolve(reading, sub))
                if sub.dep_ == "agent":
                    for obj in (o for o in sub.children if o.dep_ == "pobj"):
                        found.extend(self.resolve(reading, obj))
        return found


# ---- helpers --------------------------------------------------------------------------------

def near_lemmas(token: Token) -> set[str]:
    """Lemmas of a noun's modifiers and complements, two levels down."""
    out = set()
    for child in token.children:
        out.add(child.lemma_.lower())
        out.update(g.lemma_.lower() for g in child.children)
    return out


def idiom(token: Token) -> bool:
    """"in exchange for", "in a deal for": the noun does not name an agreement."""
    return token.dep_ == "pobj" and token.head.lower_ == "in" and token.lemma_ == "exchange"


def place_words(token: Token) -> frozenset[str]:
    """Proper-noun modifiers that name the agreement ("the Gaza ceasefire (agreement)")."""
    found = set()
    for child in token.children:
        if child.dep_ not in ("compound", "amod"):
            continue
        if child.pos_ == "PROPN" and child.ent_type_ in ("GPE", "LOC", "FAC", ""):
            found.add(child.text)
        elif child.dep_ == "compound":
            found |= place_words(child)
    return frozenset(found)


def group_spots(spots: list[Spot]) -> list[Agreement]:
    """Mentions of one agreement become one record: a generic "the deal" joins the latest
    agreement; a specific one joins a record of its family (or upgrades a generic one) unless
    their place words differ; each proposal is its own record unless it is "the proposal"."""
    records: list[Agreement] = []
    places: list[frozenset[str]] = []
    for spot in spots:
        spot.record = pick_record(spot, records, places)
        if spot.record < 0:
            records.append(Agreement(spot.family, ""))
            places.append(spot.places)
            spot.record = len(records) - 1
        record = records[spot.record]
        if record.family == GENERIC and spot.family not in (GENERIC, "proposal"):
            record.family = spot.family
        places[spot.record] = places[spot.record] | spot.places
    return records


def pick_record(spot: Spot, records: list[Agreement], places: list[frozenset[str]]) -> int:
    candidates = [i for i, r in enumerate(records) if (r.family == "proposal") ==
                  (spot.family == "proposal")]
    if spot.family == "proposal":
        definite = any(c.lower_ in DEFINITE for c in spot.token.children) and \
            not any(c.dep_ in ("acl", "prep") for c in spot.token.children)
        return candidates[-1] if definite and candidates else -1
    if spot.family == GENERIC:
        return candidates[-1] if candidates else -1
    fits = [i for i in candidates if records[i].family in (spot.family, GENERIC)
            and (not spot.places or not places[i] or spot.places & places[i])]
    return fits[-1] if fits else -1


def owner_record(token: Token, spots: list[Spot]) -> int | None:
    """The agreement a phase belongs to: its "of X" or "X's", else the latest one before it,
    else the first one after it in the sentence."""
    by_token = {s.token.i: s for s in spots if s.family != "proposal"}
    for child in token.children:
        if child.dep_ == "poss" and child.i in by_token:
            return by_token[child.i].record
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.i in by_token:
                return by_token[obj.i].record
    before = [s for s in by_token.values() if s.token.i < token.i]
    if before:
        return max(before, key=lambda s: s.token.i).record
    after = [s for s in by_token.values() if s.token.sent == token.sent]
    return min(after, key=lambda s: s.token.i).record if after else None


def frame_verb(token: Token) -> Token | None:
    """The verb an agreement frames: "exchanged ... in a swap", "released under the deal"."""
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "under") and \
            token.head.head.pos_ == "VERB":
        return token.head.head
    return None


def dedupe_provisions(provisions: list[Provision]) -> list[Provision]:
    """One provision per phase, action, giver and receiver: the one with the most numbers."""
    from .agreements import actor_key
    best: dict[tuple, Provision] = {}
    for p in provisions:
        key = (p.phase, p.action, tuple(sorted(actor_key(m) for m in p.giver)),
               tuple(sorted((m.name or m.text).lower() for m in p.receiver)))
        if key not in best or len(p.quantities) > len(best[key].quantities):
            best[key] = p
    return list(best.values())


def inside_phase(token: Token, cues: AgreementCues) -> bool:
    """True for "the first phase of the ceasefire" / "the truce's next stage": the phase has
    the status, not the agreement."""
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else \
        token.head if token.dep_ == "poss" else None
    return head is not None and head.lemma_.lower() in cues.phase


def phase_number(ordinal: str, record: Agreement) -> int | None:
    """A number; "next" is the one after the phase in effect (or the highest known);
    "final" is the highest known."""
    if ordinal.isdigit():
        return int(ordinal)
    known = [p.number for p in record.phases]
    live = [p.number for p in record.phases if p.status in ("in_effect", "completed")]
    if ordinal == "next":
        return (max(live) if live else max(known, default=1)) + 1 if (live or known) else 2
    return max(known) if known else None


def match(node: Token, table: dict[Cue, str]) -> str | None:
    """The value of the longest cue whose head is this word and whose other words hang below."""
    lemma, below = node.lemma_.lower(), None
    best: tuple[int, str] | None = None
    for cue, value in table.items():
        if cue[0] != lemma and cue[0] != node.lower_:
            continue
        if len(cue) > 1:
            below = below if below is not None else near_lemmas(node)
            if not all(w in below for w in cue[1:]):
                continue
        if best is None or len(cue) > best[0]:
            best = (len(cue), value)
    return best[1] if best else None


def match_any(node: Token, cues: frozenset[Cue]) -> bool:
    return match(node, {c: "-" for c in cues}) is not None


def status_events(reading: Reading, head: Token, token: Token, status: str) -> list[Event]:
    """Events behind a status: on the status word itself, else agreement-like events in its
    clause (AGREE, a ceasefire; talks for a negotiation), nearest to the mention first."""
    own = reading.events_at(head)
    if own:
        return own
    span = {t.idx for t in head.subtree}
    kinds = ("CONSULT",) if status == "under_negotiation" else ("AGREE",)
    near = [e for e in reading.events if e.trigger.start in span and
            (e.event_type in kinds or e.mode == "ceasefire")]
    return sorted(near, key=lambda e: abs(e.trigger.start - token.idx))


def date_below(head: Token, published: str | None, tense: str) -> str | None:
    """The first date expression in the word's own clause, resolved against the article date."""
    for ent in head.doc.ents:
        if ent.label_ == "DATE" and ent.root.head.i == head.i or \
                ent.label_ == "DATE" and ent.root.head.head.i == head.i:
            return resolve_date(ent.text, published, tense)
    return None


def has_phase_word(reading: Reading, sentence: int, cues: AgreementCues) -> bool:
    sent = list(reading.doc.sents)[sentence]
    return any(t.lemma_.lower() in cues.phase for t in sent)


def all_provisions(record: Agreement) -> list[Provision]:
    return record.provisions + [p for phase in record.phases for p in phase.provisions]


def proposal_name(token: Token) -> str:
    """"proposal to relocate displaced Palestinians to Egypt and Jordan": the noun and its
    complement, without articles and possessors."""
    tail = [c for c in token.children if c.dep_ in ("acl", "prep", "compound", "amod") ]
    end = max([token.i] + [t.i for c in tail if c.i > token.i for t in c.subtree])
    start = min([token.i] + [c.left_edge.i for c in tail if c.i < token.i])
    return token.doc[start:end + 1].text


def proposal_topic(token: Token) -> str:
    verb = next((c for c in token.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    return verb.lemma_.lower() if verb is not None else token.lemma_.lower()


def as_party(mention: Mention, kb: KnowledgeBase) -> Mention:
    """A party is a state (its government) or a named non-state group: "Netanyahu" and
    "Israeli" stand for Israel; Hamas stays Hamas."""
    if mention.country and mention.sector in STATE_SECTORS and mention.kind != "group" \
            or mention.kind in ("country", "nationality", "location") and mention.country:
        entry = kb.by_country.get(mention.country)
        name = entry.name if entry else mention.country
        return Mention(mention.text, mention.start, mention.end, "country", name,
                       mention.country, None, mention.country)
    return mention


def unique(mentions: list[Mention]) -> list[Mention]:
    from .agreements import actor_key
    seen: dict[str, Mention] = {}
    for m in mentions:
        seen.setdefault(actor_key(m), m)
    return list(seen.values())


def finish(record: Agreement, kb: KnowledgeBase) -> None:
    """Parties as states or groups, once each; a name; an id."""
    from .agreements import agreement_id
    record.parties = unique([as_party(m, kb) for m in record.parties])
    record.mediators = [m for m in unique([as_party(m, kb) for m in record.mediators])
                        if m not in record.parties]
    record.proposer = unique(record.proposer)
    record.provisions = dedupe_provisions(record.provisions)
    for phase in record.phases:
        phase.provisions = dedupe_provisions(phase.provisions)
    if not record.name:
        names = [m.name or m.text for m in record.parties]
        label = LABELS[record.family]
        record.name = ("–".join(names) + " " + label) if names else label
    record.agreement_id = agreement_id(record)
