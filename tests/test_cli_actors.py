"""`tidings actors ...` commands (no spaCy model needed: fast)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from tidings.cli import app

RUNNER = CliRunner()


def test_lookup_json_names_the_office_holder():
    result = RUNNER.invoke(app, ["actors", "lookup", "the US president", "--date", "2019-06-01", "--json"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    assert (first["id"], first["code"], first["how"]) == ("donald-trump", "USAGOV", "role")


def test_lookup_table_shows_why():
    result = RUNNER.invoke(app, ["actors", "lookup", "Gallant", "--date", "2025-02-02"],
                           env={"COLUMNS": "160"})
    assert result.exit_code == 0 and "Yoav Gallant" in result.stdout and "defence minister" in result.stdout


def test_lookup_unknown_exits_1():
    assert RUNNER.invoke(app, ["actors", "lookup", "Zorblax the Unknowable"]).exit_code == 1


def test_lookup_bad_date_exits_2():
    assert RUNNER.invoke(app, ["actors", "lookup", "Trump", "--date", "yesterday"]).exit_code == 2


def test_lookup_with_user_override(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("as_of: 2025-01-01\nactors:\n"
                     "  - {id: donald-trump, kind: person, name: Donald Trump, aliases: [Trump],"
                     " country: USA, sector: BUS}\n")
    result = RUNNER.invoke(app, ["actors", "lookup", "Trump", "--actors", str(extra), "--json"])
    assert json.loads(result.stdout.splitlines()[0])["code"] == "USABUS"
