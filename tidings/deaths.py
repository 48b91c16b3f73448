"""Verbs of dying that tell of a violent event of their sentence: "50 people died in clashes",
"he was shot and died of his injuries", "28 died when their vehicle hit a landmine". Dying is
no event of its own (people die of illness too); tied to an attack it is one more word telling
the attack, says who suffered it and how many were killed."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .model import QUAD_CLASSES, Event, Mention, Trigger
from .quantities import quantity_for
from .repeats import trigger_root
from .syntax import OCCASION_PREPS, SUBJECTS, children

DEATH_PREPS = OCCASION_PREPS | {"after", "from", "following"}  # "died after an air strike"
Resolver = Callable[[list[Token]], list[Mention]]


def tell_deaths(events: list[Event], sent: Span, lex: Lexicon, resolve: Resolver) -> None:
    """Fold each verb of dying into the violent event it is tied to."""
    violent = [e for e in events if QUAD_CLASSES[e.event_type] == "material_conflict"]
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.death_verbs:
            continue
        event = next((e for e in violent if tied(verb, trigger_root(e.trigger, sent.doc))), None)
        if event is not None:
            fold(verb, event, lex, resolve)


def tied(verb: Token, root: Token) -> bool:
    """The event's word is the cause the verb of dying names ("died in clashes"), a clause
    saying when ("died when a mine exploded"), or a verb joined to it ("was shot and died")."""
    if root.dep_ == "pobj" and root.head.lower_ in DEATH_PREPS and root.head.head == verb:
        return True
    if root.dep_ in ("advcl", "conj") and root.head == verb:
        return True
    return verb.dep_ == "conj" and verb.head == root


def fold(verb: Token, event: Event, lex: Lexicon, resolve: Resolver) -> None:
    event.merged_triggers.append(Trigger(verb.text, verb.idx, verb.idx + len(verb.text)))
    subjects = children(verb, *SUBJECTS)
    if not event.recipient:
        event.recipient = resolve(subjects)
    counted = [q for q in (quantity_for(s, "killed", lex) for s in subjects) if q is not None]
    if counted and all(q.role != "killed" for q in event.quantities):
        event.quantities.append(counted[0])
