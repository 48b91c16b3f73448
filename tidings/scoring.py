"""Scoring coded events against gold cases: a ``Tally`` of (gold, predicted) pairs, and one
scorer per kind of annotation. ``NONE`` stands for "no event" / "nothing found" on either side.

Every scorer has the signature ``scorer(case, events, tally)`` and adds to the tally; the
figures (precision, recall, F1 per label, micro averages, accuracy) follow from the pairs.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from .evaluate import PLV_MERGE, Gold, predict
from .goldsets import UNMAPPED, Case, Marked, cameo_root
from .model import Event, Trigger, penta_class
from .places import occurrences

NONE = "NONE"


def prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    precision, recall = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


@dataclass
class Tally:
    """(gold, predicted) label pairs, plus named counts a scorer may keep ("code_tp", ...)."""

    confusion: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)

    def add(self, gold: str, predicted: str) -> None:
        self.confusion[(gold, predicted)] += 1

    def labels(self) -> list[str]:
        return sorted({label for pair in self.confusion for label in pair} - {NONE})

    def per_class(self) -> dict[str, dict[str, float]]:
        out = {}
        for label in self.labels():
            tp = self.confusion[(label, label)]
            gold = sum(n for (g, _), n in self.confusion.items() if g == label)
            pred = sum(n for (_, p), n in self.confusion.items() if p == label)
            out[label] = prf(tp, pred, gold) | {"support": gold}
        return out

    def micro(self) -> dict[str, float]:
        tp = sum(n for (g, p), n in self.confusion.items() if g == p != NONE)
        gold = sum(n for (g, _), n in self.confusion.items() if g != NONE)
        pred = sum(n for (_, p), n in self.confusion.items() if p != NONE)
        return prf(tp, pred, gold)

    def accuracy(self) -> float:
        """Share of gold items (NONE included, when it is a gold label) predicted exactly."""
        total = sum(self.confusion.values()) - self.spurious()
        right = sum(n for (g, p), n in self.confusion.items() if g == p)
        return right / total if total else 0.0

    def spurious(self) -> int:
        return sum(n for (g, p), n in self.confusion.items() if g == NONE and p != NONE)


def align(gold: list[str], pred: list[str]) -> list[tuple[str, str]]:
    """Pair gold and predicted labels of one text: equal labels first, then the rest in order
    (a confusion), then what is left against NONE."""
    gold, pred, pairs = list(gold), list(pred), []
    for label in list(gold):
        if label in pred:
            gold.remove(label)
            pred.remove(label)
            pairs.append((label, label))
    while gold and pred:
        pairs.append((gold.pop(0), pred.pop(0)))
    return pairs + [(g, NONE) for g in gold] + [(NONE, p) for p in pred]


# --- one label per sentence ------------------------------------------------------------------

def gold_of(case: Case) -> Gold:
    spans = {m.label: (m.start, m.end) for m in case.marks}
    return Gold(case.id, case.text, case.labels[0], spans.get("source"), spans.get("target"))


COOPERATIVE = {"verbal_cooperation", "material_cooperation"}


def as_codebooks_code(event: Event) -> Event:
    """PLOVER and CAMEO annotators code an announced future cooperative act ("Putin will meet
    Erdogan", "the US will provide aid") as intent to cooperate (AGREE, CAMEO 03x); tidings keeps
    the act with status "planned". This view translates tidings' record to theirs."""
    if event.status != "planned" or event.quad_class not in COOPERATIVE or event.event_type == "AGREE":
        return event
    return replace(event, event_type="AGREE", mode=None, cameo="030")


def score_plover_root(case: Case, events: list[Event], tally: Tally) -> None:
    """PLV: the event that best fits the marked source and target; CONCEDE/RETREAT -> YIELD."""
    coded = [as_codebooks_code(e) for e in events]
    tally.add(case.labels[0], predict(coded, gold_of(case), PLV_MERGE))


def quad_label(events: list[Event]) -> str:
    """ConfliBERT's classes are Phoenix's PentaClass of the CAMEO code: 0 statements and
    appeals, 1-4 the quad classes; the most confident event decides, and a sentence with no
    coded event is a statement (0)."""
    coded = [as_codebooks_code(e) for e in events if e.cameo]
    if not coded:
        return "0"
    best = max(coded, key=lambda e: (e.confidence, -e.trigger.start))
    return str(penta_class(best.cameo))


def score_quad(case: Case, events: list[Event], tally: Tally) -> None:
    tally.add(case.labels[0], quad_label(events))


# --- several CAMEO codes per sentence ----------------------------------------------------------

def score_cameo(case: Case, events: list[Event], tally: Tally) -> None:
    """PETRARCH-style records: roots aligned per sentence; full codes counted alongside.
    Negated events are not codings (PETRARCH codes none for "did not attack")."""
    coded = [e.cameo for e in events if e.cameo and e.status != "negated"]
    gold_codes = list(case.labels)
    tally.counts["code_gold"] += len(gold_codes)
    tally.counts["code_pred"] += len(coded)
    remaining = list(coded)
    for code in gold_codes:
        if code in remaining:
            remaining.remove(code)
            tally.counts["code_tp"] += 1
    if not gold_codes:
        tally.counts["no_event_cases"] += 1
        tally.counts["no_event_right"] += not coded
    for pair in align([cameo_root(c) for c in gold_codes], [cameo_root(c) for c in coded]):
        tally.add(*pair)


# --- spans: actors, triggers ---------------------------------------------------------------

def overlaps(mark: Marked, start: int, end: int) -> bool:
    return start < mark.end and mark.start < end


ROLE_OF = {"source": "actor", "target": "recipient"}


def score_actor_spans(case: Case, events: list[Event], tally: Tally) -> None:
    """cameo_ner: gold source/target/reciprocal spans vs the actors and recipients of all
    events of the sentence. A reciprocal span is right in either role."""
    found = {("source", m.start, m.end) for e in events for m in e.actor} | \
            {("target", m.start, m.end) for e in events for m in e.recipient}
    used = set()
    for mark in case.marks:
        hits = [f for f in found if overlaps(mark, f[1], f[2])]
        roles = {f[0] for f in hits}
        used.update(hits)
        if mark.label == "reciprocal":
            tally.add(mark.label, mark.label if roles else NONE)
        else:
            tally.add(mark.label, mark.label if mark.label in roles else
                      (next(iter(roles)) if roles else NONE))
    for role, _, _ in found - used:
        tally.add(NONE, role)


def score_triggers(case: Case, events: list[Event], tally: Tally) -> None:
    """WikiEvents: a gold trigger is found when an event's trigger overlaps it; the pair is
    (gold PLOVER type, that event's type). Events on no gold trigger are false positives;
    events on a trigger whose KAIROS type has no PLOVER counterpart are not scored."""
    used: set[int] = set()
    for mark in case.marks:
        hits = [i for i, e in enumerate(events) if overlaps(mark, e.trigger.start, e.trigger.end)]
        used.update(hits)
        if mark.label == UNMAPPED:
            continue
        types = [events[i].event_type for i in hits]
        tally.add(mark.label, mark.label if mark.label in types else (types[0] if types else NONE))
    for i, event in enumerate(events):
        if i not in used:
            tally.add(NONE, event.event_type)


# --- event location ---------------------------------------------------------------------------

def location_label(case: Case, event: Event | None) -> str:
    if event is None:
        return "no event"
    if event.location is None:
        return "no place"
    golds = [m for m in case.marks if m.label == "LOCATION"]
    spans = occurrences(case.text, event.location.text.strip())
    right = any(overlaps(m, s, e) for m in golds for s, e in spans)
    return "right place" if right else "wrong place"


def told_by(event: Event) -> list[Trigger]:
    """The words that tell ``event``: its trigger and the mentions merged into it."""
    return [event.trigger, *event.merged_triggers]


def event_on_verb(case: Case, events: list[Event]) -> Event | None:
    """The event told by the case's annotated VERB (its trigger or a merged mention)."""
    verb = next(m for m in case.marks if m.label == "VERB")
    return next((e for e in events if any(overlaps(verb, t.start, t.end) for t in told_by(e))),
                None)


def same_location(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    """Two answers for one verb agree by the scoring rule: both without a place, or place
    spans (character offsets) that overlap."""
    if not first or not second:
        return not first and not second
    return any(s < e2 and s2 < e for s, e in first for s2, e2 in second)


def score_location(case: Case, events: list[Event], tally: Tally) -> None:
    """event_location: the event coded on the annotated verb, and its place vs the annotated
    LOCATION spans. Gold "located" when the verb has a LOCATION span, else "unlocated"."""
    located = any(m.label == "LOCATION" for m in case.marks)
    tally.add("located" if located else "unlocated", location_label(case, event_on_verb(case, events)))


def location_figures(tally: Tally) -> dict[str, float]:
    c = tally.confusion
    total = sum(c.values())
    found = total - c[("located", "no event")] - c[("unlocated", "no event")]
    right = c[("located", "right place")] + c[("unlocated", "no place")]
    placed = sum(n for (_, p), n in c.items() if p in ("right place", "wrong place"))
    located = sum(n for (g, p), n in c.items() if g == "located" and p != "no event")
    return {"accuracy": right / found if found else 0.0,
            "found": found / total if total else 0.0,
            "place_precision": c[("located", "right place")] / placed if placed else 0.0,
            "place_recall": c[("located", "right place")] / located if located else 0.0}


def cameo_figures(tally: Tally) -> dict[str, float]:
    counts = tally.counts
    root = tally.micro()
    code = prf(counts["code_tp"], counts["code_pred"], counts["code_gold"])
    out = {"root_" + k: v for k, v in root.items()} | {"code_" + k: v for k, v in code.items()}
    if counts["no_event_cases"]:
        out["no_event_accuracy"] = counts["no_event_right"] / counts["no_event_cases"]
    return out


def label_figures(tally: Tally) -> dict[str, float]:
    return {"accuracy": tally.accuracy()} | {"macro_f1": macro_f1(tally)}


def span_figures(tally: Tally) -> dict[str, float]:
    return tally.micro()


def macro_f1(tally: Tally) -> float:
    rows = [m["f1"] for m in tally.per_class().values() if m["support"]]
    return sum(rows) / len(rows) if rows else 0.0
