"""Words of dying and of casualties that tell of a violent event of their sentence: "50 people
died in clashes", "he was shot and died of his injuries", "28 died when their vehicle hit a
landmine", "the raid left 22 people dead". Dying is no event of its own (people die of illness
too); tied to an attack it is one more word telling the attack, says who suffered it and how
many were killed (grammar.yaml death_verbs, casualty_states)."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .model import QUAD_CLASSES, Event, Mention, Trigger
from .quantities import quantity_for
from .repeats import trigger_root
from .syntax import OCCASION_PREPS, SUBJECTS, children, occasion_verb

DEATH_PREPS = OCCASION_PREPS | {"after", "from", "following"}  # "died after an air strike"
Resolver = Callable[[list[Token]], list[Mention]]


def tell_deaths(events: list[Event], sent: Span, lex: Lexicon, resolve: Resolver) -> None:
    """Fold each word of dying or of casualties into the violent event it is tied to."""
    violent = [e for e in events if QUAD_CLASSES[e.event_type] == "material_conflict"]
    for verb in sent:
        read = reading(verb, lex) if verb.pos_ == "VERB" else None
        if read is None:
            continue
        victims, role, cause = read
        event = next((e for e in violent if cause(verb, trigger_root(e.trigger, sent.doc))), None)
        if event is not None:
            fold(verb, event, victims, role, lex, resolve)


def reading(verb: Token, lex: Lexicon) -> tuple[list[Token], str, Callable] | None:
    """Who suffered, in what role, and how the event is found: "X died" (its cause), "left X
    dead" (what left them so)."""
    if verb.lemma_.lower() in lex.death_verbs:
        return children(verb, *SUBJECTS), "killed", died_of
    state = casualty_state(verb, lex)
    if state is None:
        return None
    return children(verb, "dobj") or [state], lex.casualty_states[state.lower_], left_by


def casualty_state(verb: Token, lex: Lexicon) -> Token | None:
    """"left 22 people dead": the adjective saying in what state the act left them."""
    if verb.lemma_.lower() != "leave":
        return None
    return next((c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
                 and c.lower_ in lex.casualty_states), None)


def died_of(verb: Token, root: Token) -> bool:
    """The event's word is the cause the verb of dying names ("died in clashes"), a clause
    saying when ("died when a mine exploded"), or a verb joined to it ("was shot and died")."""
    if occasion_verb(root, DEATH_PREPS) == verb:
        return True
    if root.dep_ in ("advcl", "conj") and root.head == verb:
        return True
    return verb.dep_ == "conj" and verb.head == root


def left_by(verb: Token, root: Token) -> bool:
    """The event is the subject that left them so ("the fighting left 36 dead"), or the noun
    the leaving clause describes ("a raid ... left 22 people dead")."""
    return (root.dep_ == "nsubj" and root.head == verb) or (verb.dep_ == "acl" and verb.head == root)


def fold(verb: Token, event: Event, victims: list[Token], role: str, lex: Lexicon,
         resolve: Resolver) -> None:
    event.merged_triggers.append(Trigger(verb.text, verb.idx, verb.idx + len(verb.text)))
    if not event.recipient:
        event.recipient = resolve([v for v in victims if v.pos_ != "ADJ"])
    counted = [q for q in (quantity_for(v, role, lex) for v in victims) if q is not None]
    if counted and all(q.role != role for q in event.quantities):  # the dead, not the targeted
        event.quantities = [q for q in event.quantities if q.text != counted[0].text] + counted[:1]
