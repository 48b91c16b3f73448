"""Event status from the clause around a trigger: occurred, ongoing, planned, hypothetical, negated."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .syntax import child, children, governing_verb

FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def own_status(verb: Token, lex: Lexicon) -> str | None:
    """What the verb's own auxiliaries, negation and subordinator say, if anything."""
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated"
    for aux in children(verb, "aux", "auxpass"):
        word = aux.lower_.replace("\u2019", "'")  # "we’ll": a typographic apostrophe
        if word in FUTURE_AUX or word in lex.planned:
            return "planned"
        if word in lex.hypothetical:
            return "hypothetical"
    mark = child(verb, "mark")
    if mark is not None and mark.lower_ in lex.conditional:
        return "hypothetical"
    return None


def governor_status(verb: Token, lex: Lexicon) -> str | None:
    """What the verb governing this one says: "is set to begin", "denied attacking", "if"."""
    head = verb.head
    if head.i == verb.i:
        return None
    lemma = head.lemma_.lower()
    if for_to(verb) or (verb.dep_ == "advcl" and lemma in lex.hypothetical and to_infinitive(verb)):
        return "hypothetical"  # "called for X to lift the ban", "lobbied the EU to abandon them"
    if verb.dep_ == "xcomp":
        if lemma in lex.negated:
            return "negated"  # "failed to reach agreement"
        if lemma in lex.planned or head.lower_ in lex.planned:
            return own_status(head, lex) if own_status(head, lex) == "negated" else "planned"
        if lemma in lex.hypothetical:
            return "hypothetical"
        return status_of_verb(head, lex, default=None)
    if verb.dep_ in ("ccomp", "xcomp") and lemma in lex.denial:
        return "negated"
    if verb.dep_ in ("advcl", "xcomp") and lemma in lex.motion and child(verb, "aux") is not None:
        return "planned"  # travelling to X to discuss: the purpose is still to come
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return status_of_verb(head.head, lex, default=None)  # "would focus on achieving X"
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and to_infinitive(verb):
        return noun_status(head, "to", lex)  # "a proposal to hold talks", "plans to withdraw"
    if verb.dep_ == "conj" and not children(verb, "aux", "auxpass"):
        return status_of_verb(head, lex, default=None)  # "will meet and discuss": shared aux
    if verb.dep_ == "advcl":
        mark = child(verb, "mark")
        if mark is not None and mark.lower_ in lex.conditional:
            return "hypothetical"
    return None


def to_infinitive(verb: Token) -> bool:
    return any(a.lower_ == "to" for a in children(verb, "aux"))


def for_to(verb: Token) -> bool:
    """A "for X to do" clause names an act wished for, asked or arranged, not one done."""
    mark = child(verb, "mark")
    return mark is not None and mark.lower_ == "for" and to_infinitive(verb)


def progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in children(verb, "aux"))


def status_of_verb(verb: Token, lex: Lexicon, default: str | None = "occurred") -> str | None:
    found = own_status(verb, lex) or governor_status(verb, lex)
    if found:
        return found
    if progressive(verb) and not any(a.lower_ in ("was", "were") for a in children(verb, "aux")):
        return "ongoing"
    return default


def status_of(trigger: Token, lex: Lexicon) -> str:
    """The status of the event a trigger (verb or noun) expresses."""
    if trigger.pos_ == "VERB":
        return status_of_verb(trigger, lex) or "occurred"
    if any(c.lower_ in ("no",) and c.dep_ == "det" for c in trigger.children):
        return "negated"
    if any(planning_participle(c, lex) for c in children(trigger, "acl")):
        return "planned"  # "the talks, set to begin on Monday"; "talks scheduled for May"
    prep = trigger.head
    if trigger.dep_ == "pobj" and prep.lower_ in ("of", "for") and prep.head.pos_ == "NOUN":
        found = noun_status(prep.head, prep.lower_, lex)  # "calls for a ceasefire"
        if found:
            return found
    verb = governing_verb(trigger)
    if verb is None:
        return "occurred"
    if trigger.dep_ in ("nsubj", "nsubjpass") and child(verb, "xcomp") is not None and \
            (verb.lemma_.lower() in lex.planned or verb.lower_ in lex.planned):
        return own_status(verb, lex) or "planned"  # "another rally is set to begin"
    if trigger.dep_ == "dobj" and verb.lemma_.lower() in lex.hypothetical:
        return own_status(verb, lex) or "hypothetical"  # "residents fear attacks"
    found = status_of_verb(verb, lex)
    return "occurred" if found == "ongoing" and trigger.dep_ != "nsubj" else found or "occurred"


def noun_status(noun: Token, word: str, lex: Lexicon) -> str | None:
    """An act named as what a noun proposes or fears ("the idea of talks", "calls for a
    ceasefire", "fears of attacks") is only possible; one a plan names is planned. Cue nouns
    are status.yaml entries, alone or with the word that joins the act ("call for")."""
    lemma = noun.lemma_.lower()
    forms = {lemma, f"{lemma} {word}"}
    if forms & lex.planned:
        return "planned"
    return "hypothetical" if forms & lex.hypothetical else None


def planning_participle(verb: Token, lex: Lexicon) -> bool:
    return verb.tag_ == "VBN" and (verb.lemma_.lower() in lex.planned or verb.lower_ in lex.planned)


def tense_of(status: str) -> str:
    return "future" if status in ("planned", "hypothetical") else "past"
