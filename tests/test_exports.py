"""Every export format written from a real store and read back."""
from __future__ import annotations

import csv
import json

import pytest

from tidings.exports import CSV_COLUMNS, GDELT_COLUMNS, PHOENIX_COLUMNS, ExportError, export
from tidings.store import Store

from .storekit import PRISONERS, WHITE_HOUSE, event, result
from .test_store import TEXT


@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path / "x.duckdb") as s:
        s.add(result("a1", TEXT, [event("a1", 0, place=WHITE_HOUSE, quantities=[PRISONERS]),
                                  event("a1", 1, etype="REJECT", actor=("EGY", "JOR"), cameo="120",
                                        goldstein=-4.0, start=60)]))
        s.add(result("a2", "Another report of the meeting, in other words entirely.",
                     [event("a2", 0, date="2025-02-05")], source="second"))
        yield s


def test_jsonl_and_parquet_hold_the_records(store, tmp_path):
    import pyarrow.parquet as pq

    originals = [json.loads(r) for r in store.event_records()]
    assert export(store, "jsonl", tmp_path / "e.jsonl") == 3
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [{k: v for k, v in r.items() if k != "cluster_id"} for r in lines] == originals
    assert export(store, "parquet", tmp_path / "e.parquet") == 3
    rows = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in originals]
    first = rows[0]
    assert first["location"]["name"] == "Washington, D.C." and first["actor"][0]["code"] == "ISRGOV"
    assert first["quantities"][0]["value"] == 2000 and first["cluster_id"] == lines[0]["cluster_id"]


def test_csv(store, tmp_path):
    export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == 3
    reject = next(r for r in rows if r["event_type"] == "REJECT")
    assert reject["actor_code"] == "EGY;JOR" and reject["recipient_country"] == "USA"


def test_plover(store, tmp_path):
    export(store, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    consult = records[0]
    assert consult["event"] == ["CONSULT"] and consult["source"][0]["code"] == "ISR"
    assert consult["event_loc"]["cc3"] == "USA" and consult["quad_code"] == 1
    other = next(r for r in records if r["cite_info"]["citation"] == "a2")
    assert consult["link"] == other["link"]  # both reports of the meeting share a cluster
    assert consult["cite_info"]["url"] == "https://news.example/a1"


def test_phoenix_and_gdelt_have_one_row_per_real_world_event(store, tmp_path):
    assert export(store, "phoenix", tmp_path / "p.tsv") == 2
    with (tmp_path / "p.tsv").open(newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert list(rows[0]) == list(PHOENIX_COLUMNS)
    meet = next(r for r in rows if r["EventCode"] == "040")
    assert meet["SourceActorFull"] == "ISRGOV" and meet["TargetActorEntity"] == "USA"
    assert meet["PentaClass"] == "1" and len(meet["URLs"].split(";")) == 2
    assert export(store, "gdelt", tmp_path / "g.tsv") == 2
    with (tmp_path / "g.tsv").open(newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert list(rows[0]) == list(GDELT_COLUMNS)
    meet = next(r for r in rows if r["EventCode"] == "040")
    assert (meet["NumMentions"], meet["NumArticles"], meet["NumSources"]) == ("2", "2", "2")
    assert meet["SQLDATE"] == "20250204" and meet["QuadClass"] == "1"


def test_phoenix_and_gdelt_follow_the_query(store, tmp_path):
    from tidings.query import EventQuery

    assert export(store, "phoenix", tmp_path / "p.tsv", EventQuery(event_type="reject")) == 1
    with (tmp_path / "p.tsv").open(newline="") as fh:
        assert [r["EventCode"] for r in csv.DictReader(fh, delimiter="\t")] == ["120"]
    assert export(store, "gdelt", tmp_path / "g.tsv", EventQuery(actor="ISRGOV")) == 1


def test_unknown_format(store, tmp_path):
    with pytest.raises(ExportError):
        export(store, "xml", tmp_path / "x")
