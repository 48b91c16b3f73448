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


def events(pipeline, text: str, date: str = "2025-02-02"):
    return next(pipeline.run([Article(text=text, id="t", date=date)])).events


def test_a_known_name_after_a_particle_is_the_tail_of_a_longer_name(pipeline):
    """"Jaysh Al-Fateh" is not Fatah and "Dahiyat Al-Assad" is a place, not Bashar al-Assad."""
    found = mentions(pipeline, "Jaysh Al-Fateh entered Dahiyat Al-Assad on Sunday.")
    assert "Fateh" not in found and "Assad" not in found
    assert all(m.country is None for m in found.values())


@pytest.mark.parametrize(("text", "name", "country"), [
    ("President al-Assad met Putin in Moscow.", "Assad", "SYR"),
    ("Abdel Fattah el-Sisi met Netanyahu.", "Abdel Fattah el-Sisi", "EGY"),
    ("The Fatah Central Committee condemned the raid.", "Fatah", "PSE"),
    ("Hamas leader Ismail Haniyeh met Turkish officials.", "Ismail Haniyeh", "PSE"),
    ("The Free Syrian Army attacked government forces.", "Free Syrian Army", "SYR"),
])
def test_names_with_titles_and_heads_after_them_stay_known(pipeline, text, name, country):
    assert mentions(pipeline, text)[name].country == country


@pytest.mark.parametrize(("text", "side"), [
    ("Washington pledged to defend Chinese rivals.", "recipient"),
    ("China's rivals condemned the move.", "actor"),
    ("Russia's neighbours criticized the decision.", "actor"),
    ("Iran's enemies attacked the embassy.", "actor"),
    ("Critics of the Egyptian government protested.", "actor"),
])
def test_a_relational_noun_is_not_its_modifiers_actor(pipeline, text, side):
    """"Chinese rivals" are China's rivals: the phrase is a participant of unknown country."""
    coded = events(pipeline, text)
    parties = [m for e in coded for m in getattr(e, side)]
    assert parties and all(m.country is None for m in parties), [(m.text, m.code) for m in parties]


def test_a_relational_noun_named_by_an_appositive_is_that_name(pipeline):
    coded = events(pipeline, "China is sending aid to its poor neighbor Kyrgyzstan.")
    assert [m.country for e in coded for m in e.recipient] == ["KGZ"]


def test_witkoff_is_still_the_envoy_not_trump(pipeline):
    coded = events(pipeline, "Netanyahu met Trump's special envoy, Steve Witkoff, in Jerusalem.")
    assert [m.name for e in coded for m in e.recipient] == ["Steve Witkoff"]


def test_a_pronoun_stands_for_the_last_person_named_even_of_unknown_country(pipeline):
    from tidings.model import Article
    text = "Arnel Joseph was arrested in 2011. He was released in May 2017."
    events = next(pipeline.run([Article(text=text, id="t")])).events
    released = [e for e in events if e.event_type == "RETREAT"]
    assert [m.name.split()[-1] for e in released for m in e.recipient] == ["Joseph"]
