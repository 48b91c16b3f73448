"""The predicate-noun repair: on hand-built parses, and in the loaded model."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.errors import KnowledgeError
from tidings.parse_repair import (COMPONENT, LemmaFixes, PredicateNouns, is_predicate_noun,
                                  lemma_table)


def parse(words, heads, deps, tags):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags)


def gunmen_shot():
    return parse(["Gunmen", "on", "Tuesday", "shot", "and", "injured", "a", "doctor"],
                 [3, 3, 1, 3, 3, 3, 7, 5],
                 ["nsubj", "prep", "pobj", "ROOT", "cc", "conj", "det", "dobj"],
                 ["NNS", "IN", "NNP", "NN", "CC", "VBD", "DT", "NN"])


def test_noun_heading_a_subject_is_retagged_like_its_conjoined_verb():
    doc = PredicateNouns(frozenset())(gunmen_shot())
    assert doc[3].tag_ == "VBD"


def test_irregular_past_without_a_partner_verb():
    doc = parse(["Gunmen", "Tuesday", "shot", "him"], [2, 2, 2, 2],
                ["nsubj", "npadvmod", "ROOT", "dobj"], ["NNS", "NNP", "NN", "PRP"])
    assert PredicateNouns(frozenset({"shot"}))(doc)[2].tag_ == "VBD"
    doc = parse(["Police", "Tuesday", "patrol", "streets"], [2, 2, 2, 2],
                ["nsubj", "npadvmod", "ROOT", "dobj"], ["NNS", "NNP", "NN", "NNS"])
    assert PredicateNouns(frozenset({"shot"}))(doc)[2].tag_ == "VBP"


@pytest.mark.parametrize("words,heads,deps,tags", [
    # "five of them children": a verbless small clause keeps its noun
    (["five", "of", "them", "children"], [3, 0, 1, 3], ["nsubj", "prep", "pobj", "ROOT"],
     ["CD", "IN", "PRP", "NNS"]),
    # a determiner marks a noun: "it a safe place"
    (["it", "a", "place"], [2, 2, 2], ["nsubj", "det", "ROOT"], ["PRP", "DT", "NN"]),
    # no subject: a headline noun stays a noun
    (["Obama", "visit"], [1, 1], ["compound", "ROOT"], ["NNP", "NN"]),
])
def test_nouns_that_stay_nouns(words, heads, deps, tags):
    doc = parse(words, heads, deps, tags)
    assert not any(is_predicate_noun(t) for t in doc)


@pytest.mark.slow
def test_loaded_model_codes_the_mistagged_verb(nlp, pipeline):
    assert COMPONENT in nlp.pipe_names
    assert nlp.pipe_names.index(COMPONENT) < nlp.pipe_names.index("lemmatizer")
    doc = nlp("Unidentified gunmen on Tuesday shot and injured a traditional doctor.")
    shot = next(t for t in doc if t.text == "shot")
    assert (shot.pos_, shot.lemma_) == ("VERB", "shoot")
    events = pipeline.extract("Unidentified gunmen on Tuesday shot and injured a traditional doctor.")
    assert [(e.cameo, [m.text for m in e.actor]) for e in events] == [("193", ["Unidentified gunmen"])]


def test_listed_lemmas_are_put_right_for_their_part_of_speech_only():
    doc = Doc(Vocab(), words=["Militants", "raped", "women", "raped"],
              pos=["NOUN", "VERB", "NOUN", "NOUN"],
              lemmas=["militant", "rap", "woman", "rap"])
    doc = LemmaFixes(lemma_table())(doc)
    assert [t.lemma_ for t in doc] == ["militant", "rape", "woman", "rap"]


def test_a_lemma_row_without_its_lemma_names_the_line(tmp_path):
    path = tmp_path / "lemmas.tsv"
    path.write_text("form\tpos\tlemma\n# comment\nwaged\tVERB\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"lemmas.tsv:3"):
        lemma_table(path)


@pytest.mark.slow
def test_the_loaded_model_codes_rape_not_rap(pipeline):
    events = pipeline.extract("Soldiers raped two women in the village.")
    assert [(e.event_type, e.mode, e.cameo) for e in events] == [("ASSAULT", "sexual", "1821")]
