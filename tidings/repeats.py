"""One event told more than once: several mentions in one sentence ("shot and killed", "a bomb
detonated") become one event, told by the governing word; later sentences that tell an event
again ("the visit", "his trip") merge into the first telling."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .model import QUAD_CLASSES, Event, Mention, Place, Trigger
from .places import occurrences
from .syntax import nests, occasion_verb

MOMENT_WORDS = frozenset({"when", "as", "while"})  # clauses that tell the same moment
FINENESS = {"country": 0, "region": 1, "admin1": 2, "city": 3, "site": 4}  # Place.precision


def names(mentions: list[Mention]) -> set[str]:
    return {m.name or m.text for m in mentions}


def participants(event: Event) -> set[str]:
    return names(event.actor + event.recipient)


def repeats(later: Event, first: Event) -> bool:
    """``later`` tells again of ``first``: same act, same day and place, no new participant."""
    same_act = (later.event_type, later.mode) == (first.event_type, first.mode)
    same_day = later.date == first.date or None in (later.date, first.date)
    same_place = later.location is None or first.location is None or \
        later.location.name == first.location.name
    statuses = {later.status, first.status}
    return same_act and same_day and same_place and not later.quantities and \
        "negated" not in statuses and "hypothetical" not in statuses and \
        participants(later) <= participants(first) and bool(participants(later))


def same_sides(first: Event, second: Event) -> bool:
    """No one acts in one event and suffers the other ("troops stormed the camp and were
    ambushed": two attacks)."""
    return not (names(first.actor) & names(second.recipient)) and \
        not (names(first.recipient) & names(second.actor))


def same_means(first: Event, second: Event) -> bool:
    """Two material acts of different modes are two acts ("kidnapped two and raped a woman");
    one mode named is how the other is told ("shot and killed"). Words of one statement may
    name it two ways ("issued a warrant, accusing him of crimes")."""
    if first.mode is None or second.mode is None or first.mode == second.mode:
        return True
    return not QUAD_CLASSES[first.event_type].startswith("material")


def fits(one: list[Mention], other: list[Mention]) -> bool:
    a, b = names(one), names(other)
    return not a or not b or a <= b or b <= a


def occasion_pair(first: Event, second: Event, doc: Doc) -> tuple[Event, Event] | None:
    """(verb's event, noun's event) when one names the occasion of the other's act."""
    if occasion_of(first.trigger, second.trigger, doc):
        return second, first
    if occasion_of(second.trigger, first.trigger, doc):
        return first, second
    return None


def opponents(verb: Event, noun: Event) -> bool:
    """"Two soldiers were killed in clashes with Hamas": the verb names who suffered, the noun
    whom they fought; no one is named as the doer."""
    return bool(verb.recipient and noun.recipient) and not verb.actor and not noun.actor and \
        not fits(verb.recipient, noun.recipient)


def one_occasion(first: Event, second: Event, doc: Doc) -> bool:
    """A verb and the noun naming its occasion, their sides compatible ("civilians were killed
    in clashes between the army and rebels") or opposed ("two soldiers were killed in clashes
    with Hamas": one attack, by Hamas on the soldiers)."""
    pair = occasion_pair(first, second, doc)
    if pair is None:
        return False
    return (fits(first.actor, second.actor) and fits(first.recipient, second.recipient)) or \
        opponents(*pair)


def merge_repeats(events: list[Event]) -> list[Event]:
    """An article names one visit in several sentences ("his trip", "the visit"): keep the first."""
    keep: list[Event] = []
    for event in events:
        first = next((i for i, k in enumerate(keep) if repeats(event, k)), None)
        if first is None:
            keep.append(event)
        elif detail(event) > detail(keep[first]):
            keep[first] = event  # the later telling says when or where: it speaks for both
    return keep


def detail(event: Event) -> int:
    return (event.date is not None) + (event.location is not None)


def dedupe(events: list[Event], doc: Doc) -> list[Event]:
    """Within a sentence, drop an event whose type and participants another event already covers;
    the event kept is told by the mention that governs the others (see ``governing_trigger``)."""
    keep: list[Event] = []
    for event in sorted(events, key=lambda e: (-len(participants(e)), -e.confidence)):
        twin = next((k for k in keep if k.event_type == event.event_type and same_sides(event, k)
                     and same_means(event, k)
                     and (participants(event) <= participants(k) or one_occasion(event, k, doc))),
                    None)
        if twin is None:
            keep.append(event)
        else:
            absorb(twin, event, doc)
    return sorted(keep, key=lambda e: e.trigger.start)


def absorb(kept: Event, dropped: Event, doc: Doc) -> None:
    """``dropped`` tells of ``kept`` again: it may say how many ("killed 15 and wounded 30"),
    how ("suicide bombings killed 20": its mode and CAMEO code), and which of the two words
    governs. When it governs (or is coordinated), where and when it says hold for both, and of
    two places the finer; a dependent clause's place is its own ("issued a warrant, accusing
    him of crimes in Gaza"), but a noun that names the occasion of the governing verb's act
    tells where it happened ("killed by a car bomb in Beirut"), and so does a mention of the
    same moment (``same_moment``)."""
    kept.quantities += [q for q in dropped.quantities if q not in kept.quantities]
    pair = occasion_pair(kept, dropped, doc)
    if pair is not None and opponents(*pair):
        kept.actor, kept.recipient = pair[1].recipient, pair[0].recipient
    kept.actor, kept.recipient = kept.actor or dropped.actor, kept.recipient or dropped.recipient
    if kept.mode is None and dropped.mode is not None:  # "suicide bombings killed 20": 1831
        kept.mode, kept.cameo, kept.goldstein = dropped.mode, dropped.cameo, dropped.goldstein
    told = governing_trigger(kept.trigger, dropped.trigger, doc)
    kept.merged_triggers += [t for t in (kept.trigger, dropped.trigger, *dropped.merged_triggers)
                             if t != told and t not in kept.merged_triggers]
    if told == kept.trigger:
        names_occasion = pair is not None and pair[1] is dropped  # "killed by a car bomb in X"
        if names_occasion or conjunct_of(dropped.trigger, kept.trigger, doc) or \
                same_moment(dropped.trigger, kept.trigger, doc):
            kept.location = kept.location or dropped.location
        return
    kept.trigger, kept.location = told, finer(dropped.location, kept.location, doc)
    if kept.date is None:
        kept.date, kept.date_text = dropped.date, dropped.date_text


def governing_trigger(kept: Trigger, dropped: Trigger, doc: Doc) -> Trigger:
    """Two mentions of one event: "shot and killed" spans both coordinated verbs; a verb that
    governs the other mention ("a bomb detonated", "killed during clashes", "destroyed ...,
    firing shells") is the predicate that tells the event."""
    low, high = sorted((kept, dropped), key=lambda t: t.start)
    first, second = trigger_root(low, doc), trigger_root(high, doc)
    if coordinated(first, second):
        return Trigger(doc.text[low.start:high.end], low.start, high.end)
    head, dep = trigger_root(dropped, doc), trigger_root(kept, doc)
    if head.pos_ == "VERB" and head in dep.ancestors:
        return dropped
    return kept


def occasion_of(noun: Trigger, verb: Trigger, doc: Doc) -> bool:
    """``noun`` names the occasion of ``verb``'s act ("killed by a car bomb")."""
    return occasion_verb(trigger_root(noun, doc)) == trigger_root(verb, doc)


def conjunct_of(later: Trigger, first: Trigger, doc: Doc) -> bool:
    """Verbs of one event joined by a conjunction share its place, which the parse hangs on
    the last of them ("were killed and dozens more wounded in an attack near X")."""
    second = trigger_root(later, doc)
    return second.dep_ == "conj" and second.head == trigger_root(first, doc)


def same_moment(told: Trigger, verb: Trigger, doc: Doc) -> bool:
    """The other mention tells the very act of the verb: as its subject ("a wave of attacks
    across Iraq killed 30") or in a "when"/"as"/"while" clause on it ("was killed when his
    convoy was hit by a roadside bomb near Samarra"), so its place is the event's."""
    second, first = trigger_root(told, doc), trigger_root(verb, doc)
    if second.head == first and second.dep_ == "nsubj":
        return True
    clause = next((t for t in [second, *second.ancestors] if t.dep_ == "advcl"), None)
    return clause is not None and clause.head == first and \
        any(c.dep_ in ("advmod", "mark") and c.lower_ in MOMENT_WORDS for c in clause.children)


def trigger_root(trigger: Trigger, doc: Doc) -> Token:
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span.root if span is not None else doc[0]


def coordinated(first: Token, second: Token) -> bool:
    """Verbs joined by a conjunction and nothing else: "shot and killed", "beaten, robbed"."""
    between = first.doc[first.i + 1:second.i]
    return first.pos_ == second.pos_ == "VERB" and second.dep_ == "conj" and \
        second.head.i == first.i and 0 < len(between) <= 2 and \
        all(t.dep_ in ("cc", "punct") for t in between)


def finer(first: Place | None, second: Place | None, doc: Doc) -> Place | None:
    """The more precise of two places of one event: the one the text puts inside the other
    ("the Vedeno region of southern Chechnya"), else the finer kind of place ("an offensive in
    Deir Ezzor, targeting the Thardeh Mountains"); on a tie, the first."""
    if first is None or second is None:
        return first or second
    if inside(second, first, doc):
        return second
    if inside(first, second, doc):
        return first
    return second if FINENESS.get(second.precision, 0) > FINENESS.get(first.precision, 0) else first


def inside(inner: Place, outer: Place, doc: Doc) -> bool:
    """Some occurrence of ``inner``'s text is followed by one of ``outer``'s that contains it."""
    def spans(place: Place) -> list:
        found = (doc.char_span(s, e, alignment_mode="expand")
                 for s, e in occurrences(doc.text, place.text.strip()))
        return [span for span in found if span is not None]
    return any(nests(doc, i.end, o.start) for i in spans(inner) for o in spans(outer)
               if i.end <= o.start)
