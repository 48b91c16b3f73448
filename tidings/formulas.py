"""Phrasings that use an event word without telling the act it names: an opinion held about a
proposition ("rejected the idea migration can lead to ...", "rebuffed fears that ..."), a verb
of agreement reporting a quotation ("'The danger has not passed,' agreed X"), and a
prepositional formula naming an occasion ("in recognition of International Women's Day").
The word lists are grammar.yaml's `opinion_nouns`, `opinion_types` and `occasion_nouns`."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon, Rule
from .syntax import child, children, subject_of


def mere_formula(token: Token, rule: Rule, lex: Lexicon) -> bool:
    """True when the trigger word is used in one of the formulas above, not as an act."""
    if rule.pos == "NOUN":
        return occasion(token, lex)
    if rule.event_type not in lex.opinion_types:
        return False
    return quotative(token) or opinion_object(token, lex)


def occasion(noun: Token, lex: Lexicon) -> bool:
    """"In recognition of X", "in honour of Y": the noun names what an act marks."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "in" and \
        noun.lemma_.lower() in lex.occasion_nouns and \
        any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in noun.children)


def quotative(verb: Token) -> bool:
    """The verb follows the clause it reports: "'The danger is not past,' agreed Sayim"."""
    return any(c.i < verb.i for c in children(verb, "ccomp", "parataxis"))


def opinion_object(verb: Token, lex: Lexicon) -> bool:
    """The object is a belief, not a party or a proposal: "rejected the idea (that) ...",
    "rebuffed fears of a recession". "Rejected the idea of talks" stays a rejection: an "of"
    object with an event noun names a proposal; so does any object that is not a belief."""
    noun = object_noun(verb)
    if noun is None or noun.lemma_.lower() not in lex.opinion_nouns:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def object_noun(verb: Token) -> Token | None:
    """The head noun of the verb's object. The parser sometimes reads "the idea migration can
    lead" as "idea" modifying the clause's subject, or the object, with the clause beside it:
    with a clause there, a leading modifier noun is the object."""
    clause = child(verb, "ccomp")
    obj = child(verb, "dobj") or (subject_of(clause) if clause is not None else None)
    if obj is None:
        return None
    first = next((t for t in obj.subtree if t.pos_ == "NOUN"), None)
    misread = clause is not None and first is not None and first.dep_ == "compound"
    return first if misread else obj
