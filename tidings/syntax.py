"""Small helpers over spaCy's dependency parse, shared by the coder's steps."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
OCCASION_PREPS = frozenset({"in", "during", "by", "amid", "amidst", "under"})
NEST_WORDS = frozenset({"of", "in", "near", ","})  # "X of Y", "X in Y", "X, Y": X lies in Y
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def subject_of(verb: Token) -> Token | None:
    """The verb's active subject; the parser sometimes hangs it on the auxiliary ("soldiers
    are patrolling" with "soldiers" under "are")."""
    found = child(verb, *SUBJECTS)
    for aux in children(verb, "aux"):
        found = found or child(aux, *SUBJECTS)
    return found


def prep_objects(token: Token, preps: tuple[str, ...] | set[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under ``token`` for the given prepositions."""
    for prep in children(token, "prep", "agent", "dative"):
        if prep.lower_ in preps or (prep.dep_ == "agent" and "by" in preps):
            for obj in children(prep, "pobj"):
                yield prep.lower_, obj
        elif prep.dep_ == "dative" and prep.pos_ in ("NOUN", "PROPN", "PRON"):
            yield "to", prep


def occasion_verb(noun: Token, preps: frozenset[str] = OCCASION_PREPS) -> Token | None:
    """The verb whose act ``noun`` names the occasion of, through one of ``preps``: "killed in a
    raid", "wounded during clashes", "killed by a car bomb"; else None."""
    prep = noun.head
    if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and \
            prep.lower_ in preps and prep.head.pos_ == "VERB":
        return prep.head
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def governing_verb(token: Token) -> Token | None:
    """The verb a noun depends on: its subject's or object's verb, or through a preposition."""
    head = token
    for _ in range(3):
        if head.dep_ in ("pobj",) and head.head.dep_ == "prep":
            head = head.head.head
        elif head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "pobj", "npadvmod"):
            head = head.head
        else:
            break
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def xcomp_chain(verb: Token) -> list[Token]:
    """The verb and the open complements it governs: "set to begin" -> [set, begin]."""
    chain = [verb]
    while True:
        nxt = child(chain[-1], "xcomp")
        if nxt is None or nxt in chain:
            return chain
        chain.append(nxt)


def clause_of(token: Token, targets: set[int]) -> bool:
    """True when ``token`` belongs to the clause of one of ``targets`` (token indices)."""
    current = token
    while True:
        if current.i in targets:
            return True
        if current.dep_ in CLAUSE_DEPS or current.head.i == current.i:
            return False
        current = current.head


def nests(doc: Doc, inner_end: int, outer_start: int) -> bool:
    """The name ending before token ``inner_end`` lies inside the one starting at token
    ``outer_start``: "the Vedeno region of southern Chechnya", "Mafraq in western Baquba" (at
    most five words between them, one of them "of", "in", "near" or a comma, and no verb or
    noun: in "a U.S. patrol in the Fdhiliyah neighborhood" the first name describes the patrol)."""
    gap = doc[inner_end:outer_start]
    return 0 < len(gap) <= 5 and any(t.lower_ in NEST_WORDS for t in gap) and \
        not any(t.pos_ in ("VERB", "AUX", "NOUN", "PROPN") for t in gap)
