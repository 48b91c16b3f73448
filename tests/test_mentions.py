"""Mention finding on small hand-written texts (loads the model: slow)."""
from __future__ import annotations

import pytest

from tidings.model import Article

pytestmark = pytest.mark.slow


def mentions(pipeline, text: str, date: str = "2025-02-02"):
    result = next(pipeline.run([Article(text=text, id="t", date=date)]))
    return {m.text: m for m in result.mentions}


def test_name_parts_and_honorifics_are_people(pipeline):
    found = mentions(pipeline, "Jamal Alzoubi runs a farm near Ramtha. Mr Alzoubi said Mr Colville "
                               "had visited.")
    assert found["Jamal Alzoubi"].kind == found["Mr Alzoubi"].kind == found["Mr Colville"].kind == "person"


def test_plural_demonym_is_a_group_and_the_adjective_a_nationality(pipeline):
    found = mentions(pipeline, "Thousands of Syrians fled. Syrian refugees crossed the border.")
    assert found["Syrians"].kind == "group" and found["Syrians"].country == "SYR"
    assert found["Syrian"].kind == "nationality"


def test_agent_phrases_nest_around_the_country(pipeline):
    found = mentions(pipeline, "Iraqi security forces entered the town as IS fighters withdrew.")
    forces = found["Iraqi security forces"]
    assert (forces.kind, forces.country, forces.sector) == ("group", "IRQ", "COP")
    assert found["Iraqi"].kind == "nationality"


def test_known_names_keep_their_knowledge_base_kind(pipeline):
    found = mentions(pipeline, "Trump spoke to Netanyahu on Tuesday.")
    assert found["Trump"].kind == "person" and found["Trump"].id == "donald-trump"


def test_user_file_overrides_a_builtin_entry(tmp_path):
    from tidings import Pipeline, load_settings
    extra = tmp_path / "mine.yaml"
    extra.write_text("as_of: 2025-01-01\nactors:\n"
                     "  - {id: zorb-party, kind: party, name: Zorb Party, aliases: [Zorbists],"
                     " country: ISR, sector: PTY}\n"
                     "  - {id: benjamin-netanyahu, kind: person, name: Benjamin Netanyahu,"
                     " aliases: [Netanyahu], country: ISR, sector: OPP}\n")
    pipeline = Pipeline(load_settings(actors=[str(extra)]))
    found = mentions(pipeline, "The Zorb Party backed Netanyahu.")
    assert found["Zorb Party"].code == "ISRPTY" and found["Netanyahu"].code == "ISROPP"
