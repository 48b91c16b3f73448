"""The store commands end to end with the real pipeline (loads the spaCy model: slow)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tidings.cli import app

from .conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "s.duckdb"
    bad = db.parent / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Egypt rejected the plan on Sunday."}\n{oops\n')
    result = CliRunner().invoke(app, ["ingest", str(ROOT / "samples"), str(bad), "--db", str(db),
                                      "--date", "2025-02-02"])
    assert result.exit_code == 1, result.output  # one malformed line
    assert "1 failed" in result.stderr and "bad.jsonl:2" in result.stderr
    return db, result


def test_ingest_again_adds_nothing(store):
    db, _ = store
    again = CliRunner().invoke(app, ["ingest", str(ROOT / "samples"), "--db", str(db)])
    assert again.exit_code == 0 and "0 added" in again.stderr


def test_events_jsonl_are_records(store):
    db, _ = store
    out = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records and all("event_id" in r and "actor" in r for r in records)
    out = CliRunner().invoke(app, ["events", "--db", str(db), "--clusters", "--format", "jsonl"])
    clusters = [json.loads(line) for line in out.stdout.splitlines()]
    assert clusters and sum(c["num_events"] for c in clusters) == len(records)


def test_stats_dyads_export(store, tmp_path):
    db, _ = store
    stats = CliRunner().invoke(app, ["stats", "--db", str(db), "--failures"])
    assert stats.exit_code == 0 and "bad.jsonl:2" in stats.stdout
    dyads = CliRunner().invoke(app, ["dyads", "--db", str(db), "--by", "month", "--format", "jsonl"])
    assert dyads.exit_code == 0
    out = tmp_path / "g.tsv"
    export = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)])
    assert export.exit_code == 0 and out.read_text().startswith("GLOBALEVENTID\t")


def test_export_takes_the_event_filters(store, tmp_path):
    db, _ = store
    out = tmp_path / "r.jsonl"
    export = CliRunner().invoke(app, ["export", "--db", str(db), "--type", "reject", "-o", str(out)])
    types = {json.loads(line)["event_type"] for line in out.read_text().splitlines()}
    assert export.exit_code == 0 and types == {"REJECT"}


def test_missing_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "T600" in result.stderr
