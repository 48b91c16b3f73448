"""PETRARCH dictionary import: hand-built snippets (fast) and PETR.Validate.* (shared data)."""
from __future__ import annotations

import yaml
import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.errors import KnowledgeError
from tidings.kb import KnowledgeBase
from tidings.lookup import explain
from tidings.petrarch import actor_entry, import_file, read_actors, read_agents, split_code

from .conftest import DEV, need_shared

ACTORS = """<!-- a test dictionary
over two lines -->
ISRAEL [ISR]   # the state
+ISRAELI
HAMAS_GUNMEN [PSEHMSMIL]
GOLLUM  # pas 27 Apr 03
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
HAMFAST GAMGEE [HOB]
\t[HOBGOV 20121109-20130119]
IMF  [IMF]
"""
AGENTS = """!PERSON! = MAN, MEN
TROOPS {}  [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
PARTY [~PTY]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
"""


def test_actor_records_phrases_codes_and_dates():
    records = read_actors(ACTORS, "t.txt")
    assert [r.phrases[0] for r in records] == ["ISRAEL", "HAMAS_GUNMEN", "GOLLUM", "HAMFAST GAMGEE", "IMF"]
    gollum = records[2]
    assert gollum.phrases == ["GOLLUM", "SMEAGOL"] and gollum.default is None
    assert [(r.code, r.start, r.end) for r in gollum.restrictions] == [
        ("HOB", None, "1995-06-01"), ("HOBGOV", "1995-06-01", "1999-08-15"), ("HOBREB", "1999-08-16", None)]


def test_codes_split_into_country_and_sector():
    assert split_code("PSEHMSMIL") == ("PSE", "HMS")
    assert split_code("ISR") == ("ISR", None)
    assert split_code("---GOV") == (None, "GOV")


def test_default_code_fills_the_time_outside_restrictions():
    entry = actor_entry(read_actors(ACTORS)[3], "t.txt")
    spans = [(r["start"], r["end"], r["petrarch_code"]) for r in entry["roles"]]
    assert spans == [("2012-11-09", "2013-01-19", "HOBGOV"), (None, "2012-11-08", "HOB"),
                     ("2013-01-20", None, "HOB")]


def test_agents_plurals_markers_and_prefix_codes():
    rows = {r["term"]: r["sector"] for r in read_agents(AGENTS)}
    assert rows["troops"] == "MIL" and "troopss" not in rows
    assert rows["attorneys general"] == "GOV" and rows["parties"] == "PTY"
    assert rows["congressman"] == rows["congressmen"] == "LEG" and "congress!person!" not in rows
    assert rows["human rights body"] == "NGO"


def test_bad_restriction_names_the_line():
    with pytest.raises(KnowledgeError, match=r"t.txt:2"):
        read_actors("GONDOR [GON]\n\t[GONGOV sometime]\n", "t.txt")


def test_imported_file_loads_and_resolves_by_date(tmp_path):
    src = tmp_path / "mini.actors.txt"
    src.write_text(ACTORS)
    out = tmp_path / "mini.yaml"
    out.write_text(yaml.safe_dump(import_file(src)))
    kb = KnowledgeBase.load([out])
    assert explain(kb, "Smeagol", "1997-01-01")[0].code == "HOBGOV"
    assert explain(kb, "Gollum", "2005-01-01")[0].code == "HOBREB"
    assert explain(kb, "Hamfast Gamgee", "2015-01-01")[0].code == "HOB"
    assert explain(kb, "Israel")[0].entry.id == "petrarch-israel"  # user names come first


def test_cli_import_writes_actors_and_agents(tmp_path):
    actors, agents = tmp_path / "a.txt", tmp_path / "g.txt"
    actors.write_text(ACTORS)
    agents.write_text(AGENTS)
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(app, ["actors", "import", "--format", "petrarch", str(actors),
                                      str(agents), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = yaml.safe_load(out.read_text())
    assert len(doc["actors"]) == 5 and any(a["term"] == "troops" for a in doc["agents"])


@pytest.mark.slow
def test_petr_validate_dictionaries_import():
    folder = need_shared(DEV / "petrarch2")
    actors = import_file(folder / "PETR.Validate.actors.txt")["actors"]
    agents = import_file(folder / "PETR.Validate.agents.txt")["agents"]
    by_id = {a["id"]: a for a in actors}
    assert len(actors) > 120 and len(agents) > 150
    assert len({a["id"] for a in actors}) == len(actors)
    sam = by_id["petrarch-sam-gamgee"]
    assert [r["petrarch_code"] for r in sam["roles"]][:2] == ["HOBCIV", "ORCHOB"]
    assert "Interpol" in by_id["petrarch-international-criminal-police-organization"]["aliases"]
