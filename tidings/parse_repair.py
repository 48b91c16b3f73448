"""Repairs of the small spaCy model's analysis: two components added to the loaded pipeline.

``tidings_predicate_nouns`` fixes tags the parse itself gives away; it runs between the parser
and the attribute ruler so that part of speech and lemma follow the repaired tag.
``tidings_lemma_fixes`` runs after the lemmatizer and puts right the lemmas listed in
``data/patterns/lemmas.tsv`` ("raped" is not "rap", docs/knowledge.md).

A predicate noun: the small English model tags a verb after a subject and a time phrase as a
noun ("Gunmen on Tuesday shot and injured a doctor": "shot" NN), yet parses it as the head of
the clause with a subject. A noun does not take a subject, except in verbless small clauses
("five of them children"), and a noun that heads a clause with no determiner, possessor,
adjective or number of its own is the verb the tagger missed. Its tag becomes the tag of the
verb it is coordinated with, else a past tense for an irregular past form the lemmatizer knows
("shot"), else the present (VBZ for an -s form)."""
from __future__ import annotations

from importlib import resources
from types import MappingProxyType

from spacy.language import Language
from spacy.tokens import Doc, Token

from .tsv import tsv_rows

COMPONENT = "tidings_predicate_nouns"
LEMMA_COMPONENT = "tidings_lemma_fixes"
LEMMA_COLUMNS = ("form", "pos", "lemma")
CLAUSE_HEADS = frozenset({"ROOT", "conj", "advcl", "relcl"})
NOUN_DEPENDENTS = frozenset({"det", "poss", "amod", "nummod", "case"})


@Language.factory(COMPONENT)
def make_predicate_nouns(nlp: Language, name: str) -> PredicateNouns:
    return PredicateNouns(irregular_pasts(nlp))


def irregular_pasts(nlp: Language) -> frozenset[str]:
    """Verb forms the lemmatizer lists as exceptions that are not base forms ("shot", "fled")."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc"):
        return frozenset()
    verbs = lookups.get_table("lemma_exc").get("verb", {})
    return frozenset(form for form, lemmas in verbs.items() if form not in lemmas)


class PredicateNouns:
    """The spaCy component: retags predicate nouns as verbs (see the module docstring)."""

    def __init__(self, pasts: frozenset[str]) -> None:
        self.pasts = pasts

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if is_predicate_noun(token):
                token.tag_ = self.verb_tag(token)
        return doc

    def verb_tag(self, token: Token) -> str:
        partner = next((t for t in token.conjuncts if t.tag_.startswith("VB")), None)
        if partner is not None:
            return partner.tag_
        if token.text.lower() in self.pasts:
            return "VBD"
        return "VBZ" if token.tag_ == "NNS" else "VBP"


def is_predicate_noun(token: Token) -> bool:
    if token.tag_ not in ("NN", "NNS") or token.dep_ not in CLAUSE_HEADS:
        return False
    children = list(token.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(c.dep_ in NOUN_DEPENDENTS for c in children) and \
        not any(quantified(s) for s in subjects)


def quantified(subject: Token) -> bool:
    """"many of them", "five of them": the subject of a verbless small clause."""
    return any(c.dep_ == "prep" and c.text.lower() == "of" for c in subject.children)


@Language.factory(LEMMA_COMPONENT)
def make_lemma_fixes(nlp: Language, name: str) -> LemmaFixes:
    return LemmaFixes(lemma_table())


def lemma_table(path=None) -> MappingProxyType:
    """(form, part of speech) -> lemma, from lemmas.tsv (or ``path``)."""
    path = path or resources.files("tidings") / "data" / "patterns" / "lemmas.tsv"
    return MappingProxyType({(r["form"].lower(), r["pos"]): r["lemma"]
                             for _, r in tsv_rows(path, LEMMA_COLUMNS)})


class LemmaFixes:
    """The spaCy component: the listed (form, part of speech) pairs get the listed lemma."""

    def __init__(self, table: MappingProxyType) -> None:
        self.table = table

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lemma = self.table.get((token.text.lower(), token.pos_))
            if lemma is not None:
                token.lemma_ = lemma
        return doc


def add_to(nlp: Language) -> Language:
    """Insert the tag repair after the parser (it reads the parse) and before the attribute
    ruler (which maps the tag to the part of speech), the lemma fixes after the lemmatizer;
    a pipeline without those parts goes without the repair that needs them."""
    if "parser" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="parser")
    if "lemmatizer" in nlp.pipe_names and LEMMA_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer")
    return nlp
