"""Parse helpers on hand-built parses (no model needed)."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.syntax import subject_of


def parse(words, heads, deps):
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_subject_hung_on_the_auxiliary_is_the_verbs_subject():
    doc = parse(["Soldiers", "are", "patrolling", "lines"], [1, 2, 2, 2],
                ["nsubj", "aux", "ROOT", "dobj"])
    assert subject_of(doc[2]).text == "Soldiers"


def test_plain_subject_and_none():
    doc = parse(["Soldiers", "patrol", "lines"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    assert subject_of(doc[1]).text == "Soldiers" and subject_of(doc[2]) is None
