"""The learned place attacher: candidates and features on a hand-built parse, the scorer on a tiny
hand-made weights dict, the shipped weights file and its provenance."""
from __future__ import annotations

import math

import pytest
import spacy
from spacy.tokens import Doc

from tidings.errors import KnowledgeError, SettingsError
from tidings.kb import KnowledgeBase
from tidings.model import Mention
from tidings.place_attach import (PlaceAttacher, PlaceModel, Spot, bucket, dep_path,
                                  make_attacher)
from tidings.places import Gazetteer

from .conftest import DEV, need_shared

GAZA = {"geonameid": 281133, "name": "Gaza", "latitude": 31.5, "longitude": 34.47,
        "countrycode": "PS", "population": 410000, "admin1code": "GZ", "alternatenames": []}


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer(KnowledgeBase.load(), records=[GAZA])


def parsed() -> Doc:
    """"Israeli soldiers killed two men in Gaza on Monday ." parsed by hand."""
    words = ["Israeli", "soldiers", "killed", "two", "men", "in", "Gaza", "on", "Monday", "."]
    heads = [1, 2, 2, 4, 2, 2, 5, 2, 7, 2]
    deps = ["amod", "nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "prep", "pobj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"]
    lemmas = ["israeli", "soldier", "kill", "two", "man", "in", "Gaza", "on", "Monday", "."]
    ents = ["B-NORP", "O", "O", "B-CARDINAL", "O", "O", "B-GPE", "O", "B-DATE", "O"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               tags=["JJ", "NNS", "VBD", "CD", "NNS", "IN", "NNP", "IN", "NNP", "."], ents=ents)


def model(weights: dict, bias: float = -1.0, threshold: float = 0.5) -> PlaceModel:
    return PlaceModel.from_dict({"weights": weights, "bias": bias, "threshold": threshold})


def test_probability_is_the_logistic_of_bias_plus_weights():
    m = model({"a": 2.0, "b": 0.5})
    assert m.probability(["a", "b", "unknown"]) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert m.probability([]) == pytest.approx(1 / (1 + math.exp(1.0)))


def test_a_weights_file_without_threshold_is_a_knowledge_error():
    with pytest.raises(KnowledgeError, match="threshold"):
        PlaceModel.from_dict({"weights": {}, "bias": 0.0}, "w.json")


def test_unknown_attacher_mode_is_a_settings_error(gaz):
    with pytest.raises(SettingsError, match="learned, rules"):
        make_attacher("neural", gaz)
    assert make_attacher("rules", gaz) is None


def test_candidates_are_names_not_dates_or_numbers(gaz):
    doc = parsed()
    spots = PlaceAttacher(gaz).candidates(doc[:])
    assert [(doc[s.start:s.end].text, s.label) for s in spots] == [("Israeli", "NORP"), ("Gaza", "GPE")]


def test_dependency_path_names_the_preposition():
    doc = parsed()
    assert dep_path(doc[2], doc[6]) == ("vprep:in/vpobj", "vprep/vpobj")
    assert dep_path(doc[2], doc[0]) == ("vnsubj/vamod", "vnsubj/vamod")


def test_features_of_a_place_and_of_a_modifier(gaz):
    doc = parsed()
    actor = [Mention("Israeli soldiers", 0, 16, "military", "ISR")]
    described = {doc[s.start:s.end].text: (found, feats) for s, found, feats in
                 PlaceAttacher(gaz).described(doc[2], actor, None, None)}
    found, gaza = described["Gaza"]
    assert found is not None and found.name == "Gaza" and found.country == "PSE"
    assert {"prep=in", "label=GPE", "kind=city", "participant=outside", "side=after",
            "clause=same", "rule=none"} <= set(gaza)
    _, israeli = described["Israeli"]
    assert {"participant=within", "modifies=NOUN", "modifies_word=soldier"} <= set(israeli)


def test_a_name_the_knowledge_base_knows_as_an_actor_says_so(gaz):
    words = ["Troops", "shelled", "the", "Patriotic", "Union", "of", "Kurdistan", "'s", "posts",
             "near", "Gaza"]
    heads = [1, 1, 4, 4, 8, 4, 5, 4, 1, 8, 9]
    deps = ["nsubj", "ROOT", "det", "compound", "poss", "prep", "pobj", "case", "dobj", "prep",
            "pobj"]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-GPE"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents,
              tags=["NNS", "VBD", "DT", "NNP", "NNP", "IN", "NNP", "POS", "NNS", "IN", "NNP"])
    described = {doc[s.start:s.end].text: feats for s, _, feats in
                 PlaceAttacher(gaz).described(doc[1], [], None, None)}
    assert "actor=party" in described["the Patriotic Union of Kurdistan"]
    assert "actor=none" in described["Gaza"]
    assert gaz.actor_kind("Hamas") == "group" and gaz.actor_kind("Iraq") is None


def test_attach_picks_the_best_candidate_above_the_threshold(gaz):
    doc = parsed()
    chooser = PlaceAttacher(gaz, model({"prep=in": 3.0, "participant=within": -3.0}))
    place = chooser.attach(doc[2], [], None)
    assert place is not None and place.text == "Gaza" and place.lat == pytest.approx(31.5)
    strict = PlaceAttacher(gaz, model({"prep=in": 3.0}, threshold=0.99))
    assert strict.attach(doc[2], [], None) is None


def test_a_name_the_gazetteer_lacks_is_kept_without_coordinates(gaz):
    doc = parsed()
    place = PlaceAttacher(gaz).unresolved(Spot(6, 7, "GPE"), doc[:], "PSE")
    assert (place.name, place.country, place.lat, place.precision) == ("Gaza", "PSE", None, "site")


def test_bucket_bounds():
    assert bucket(1) == "<=1" and bucket(4) == "<=5" and bucket(50) == ">20"


def test_shipped_weights_load_with_licence_and_provenance():
    shipped = PlaceModel.load()
    assert len(shipped.weights) > 100 and 0.0 < shipped.threshold < 1.0
    meta = shipped.meta
    assert meta["licence"] == "MIT" and meta["copyright"] == "Copyright (c) 2019 Andy Halterman"
    assert meta["data"].startswith("ahalterman/event_location@")
    assert {"protocol", "training_cases", "rows", "trained", "cv_accuracy"} <= set(meta)


@pytest.mark.slow
def test_training_split_keeps_the_held_out_sentences_out():
    from scripts.train_place_attacher import HELD_OUT, split
    from tidings.goldsets import read_event_location
    cases = read_event_location(need_shared(DEV / "event_location" / "labeled.dev.jsonl"))
    train, dropped = split(cases)
    held = {c.text.strip() for c in cases[:HELD_OUT]}
    assert dropped > 0 and not any(c.text.strip() in held for c in train)


def test_of_two_names_joined_by_in_the_first_is_the_inner_place():
    from tidings.place_attach import nesting
    words = ["A", "bomb", "exploded", "in", "Mafraq", "in", "western", "Baquba", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              pos=["DET", "NOUN", "VERB", "ADP", "PROPN", "ADP", "ADJ", "PROPN", "PUNCT"])
    inner, outer = Spot(4, 5, "GPE"), Spot(7, 8, "GPE")
    assert nesting(inner, [inner, outer], doc[:]) == ["nest=inner"]
    assert nesting(outer, [inner, outer], doc[:]) == ["nest=outer"]
    assert nesting(inner, [inner], doc[:]) == ["nest=none"]


def test_copies_of_one_annotated_verb_agree_by_the_scoring_rule():
    from scripts.location_agreement import copies
    from tidings.goldsets import Case, Marked
    from tidings.scoring import same_location as agree
    verb = Marked("VERB", 0, 6)
    def case(*spans):
        return Case("c", "Killed in Gaza City.", None, (),
                    (verb, *(Marked("LOCATION", s, e) for s, e in spans)))
    groups = copies([case((10, 14)), case((10, 19)), case()])
    assert groups == [[[(10, 14)], [(10, 19)], []]]
    assert agree([(10, 14)], [(10, 19)]) and agree([], []) and not agree([], [(10, 14)])


def test_the_second_reading_of_event_location_parses_and_scores_by_overlap():
    from pathlib import Path
    from scripts.location_audit import DEFAULT, judged_spans, read_judgments
    from tidings.goldsets import Case
    from tidings.scoring import same_location as agrees
    judged = read_judgments(Path(DEFAULT))
    assert len(judged) == 300 and sum(bool(second) for _, second in judged.values()) == 200
    case = Case("c", "Two were captured in Calamar, Guaviare province.", None, (), ())
    spans = judged_spans(case, "Calamar | Guaviare province")
    assert [case.text[s:e] for s, e in spans] == ["Calamar", "Guaviare province"]
    assert agrees(spans, [(21, 24)]) and not agrees(spans, []) and agrees([], judged_spans(case, "-"))
