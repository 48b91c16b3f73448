"""The shipped lexicon reaches every PLOVER type and mode, with a CAMEO code and weight for each."""
from __future__ import annotations

from importlib import resources

import pytest

from tidings.errors import KnowledgeError
from tidings.lexicon import NOT_EVENT, Lexicon, _tsv_rows, check_modes, rule_from_row
from tidings.model import EVENT_TYPES


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.load()


def plover_modes():
    path = resources.files("tidings") / "data" / "ontology" / "plover_modes.tsv"
    return {(r["event_type"], r["mode"]) for r in _tsv_rows(path.read_text("utf-8"), str(path))}


def all_rules(lexicon):
    return [r for rules in lexicon.rules.values() for r in rules if r.event_type != NOT_EVENT]


def test_every_event_type_and_mode_has_a_trigger(lexicon):
    reached = {(r.event_type, r.mode) for r in all_rules(lexicon)}
    assert set(EVENT_TYPES) <= {t for t, _ in reached}
    assert plover_modes() <= reached, sorted(plover_modes() - reached)


def test_every_trigger_has_a_cameo_code_with_a_goldstein_weight(lexicon):
    missing = [r.pattern for r in all_rules(lexicon) if lexicon.goldstein(r.cameo) is None]
    assert not missing


def test_promise_and_refusal_codes_use_plover_modes(lexicon):
    allowed = plover_modes()
    for coded in (*lexicon.intents.values(), *lexicon.refusals.values()):
        assert coded.mode is None or (coded.event_type, coded.mode) in allowed
        assert lexicon.goldstein(coded.cameo) is not None


def test_a_mode_of_another_type_is_refused_with_the_valid_ones():
    row = {"pattern": "storm", "pos": "VERB", "event_type": "PROTEST", "mode": "aerial",
           "cameo": "145", "recipient": "", "embed": ""}
    with pytest.raises(KnowledgeError, match="riot"):
        check_modes([rule_from_row(row, "t")], [{"event_type": "PROTEST", "mode": "riot"}], "t")


def test_a_row_of_the_wrong_width_names_its_line_past_comments():
    from tidings.errors import KnowledgeError
    text = "# comment\npattern\tpos\n\n# another\nmeet\tVERB\nvisit\n"
    with pytest.raises(KnowledgeError, match=r"triggers.tsv:6: 1 tab-separated cells"):
        _tsv_rows(text, "triggers.tsv")
    assert _tsv_rows(text.rsplit("visit", 1)[0], "t") == [{"pattern": "meet", "pos": "VERB"}]
