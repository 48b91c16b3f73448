"""Agreement records, cue file, merging across articles, store, timeline and charts, on
hand-built objects (no spaCy model)."""
from __future__ import annotations

import pytest

from tests.storekit import event, mention, result
from tidings.agreement_cues import AgreementCues
from tidings.agreements import Agreement, Evidence, Phase, Stance, Status, merge, timeline
from tidings.errors import KnowledgeError
from tidings.pipeline import AGREEMENT_FINDERS
from tidings.store import Store
from tidings.timeline import TimelineQuery, timeline_rows


def evidence(article: str, day: str, sentence: int = 0) -> Evidence:
    return Evidence(article, sentence, f"Sentence of {article}.", day, [], "wire")


def report(article: str, day: str, status: str, date: str | None, phase: int | None = None) -> Agreement:
    ev = evidence(article, day)
    record = Agreement("ceasefire", "Ethiopia–Eritrea ceasefire", [mention("ETH"), mention("ERI")],
                       evidence=[ev])
    if phase is None:
        record.statuses.append(Status(status, ev, date))
    else:
        record.phases.append(Phase(phase, [Status(status, ev, date)]))
    return record


def test_registered_agreement_finders():
    assert AGREEMENT_FINDERS.names() == ["tidings.agreements.v1"]


def test_cue_file_loads_and_bad_rows_name_the_line(tmp_path):
    cues = AgreementCues.load()
    assert cues.agreement[("truce",)] == "ceasefire"
    assert cues.status[("take", "effect")] == "in_effect"
    assert cues.provides("RETREAT", "release") and not cues.provides("ASSAULT", None)
    bad = tmp_path / "cues.tsv"
    bad.write_text("role\tcue\tvalue\nstatus\ttake effect\tlive\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"cues.tsv:2: status value 'live'"):
        AgreementCues.load(bad)


def test_record_round_trip():
    record = report("a1", "2025-03-03", "in_effect", "2025-03-01", phase=1)
    record.stances.append(Stance("oppose", [mention("ISRGOV")], evidence("a1", "2025-03-03"),
                                 pressure_on=[mention("USAGOV")]))
    data = record.to_dict()
    assert Agreement.from_dict(data).to_dict() == data
    assert data["phase_in_effect"] == 1 and data["status"] == "in_effect"


def test_reports_merge_into_a_timeline_in_order():
    reports = [report("a3", "2025-03-24", "collapsed", "2025-03-22"),
               report("a1", "2025-03-03", "agreed", "2025-03-01"),
               report("a2", "2025-03-10", "in_effect", "2025-03-05", phase=1)]
    merged = merge(reports)
    assert len(merged) == 1
    one = merged[0]
    assert [r.what for r in timeline(one)] == ["agreed", "in_effect", "collapsed"]
    assert one.status == "collapsed" and one.phase_in_effect() is None
    assert sorted(a for a in one.to_dict()["articles"]) == ["a1", "a2", "a3"]


def test_reports_without_parties_join_their_family():
    named = report("a1", "2025-03-03", "agreed", None)
    loose = Agreement("ceasefire", "ceasefire", evidence=[evidence("a2", "2025-03-04")],
                      statuses=[Status("in_effect", evidence("a2", "2025-03-04"))])
    assert len(merge([named, loose])) == 1


def test_store_keeps_reports_and_lists_merged_agreements(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        for i, (day, status) in enumerate([("2025-03-03", "agreed"), ("2025-03-10", "in_effect")]):
            res = result(f"a{i}", f"Article {i} text about the truce.", [event(f"a{i}", 0)], date=day)
            res.agreements = [report(f"a{i}", day, status, day)]
            store.add(res)
        found = store.agreements()
        assert len(found) == 1 and found[0].status == "in_effect"
        assert store.agreements(party="ERI") and not store.agreements(party="USA")
        assert store.stats()["agreement_reports"] == 2


def test_export_agreements(tmp_path):
    import json
    from tidings.exports import export
    with Store.open(tmp_path / "s.duckdb") as store:
        res = result("a1", "Text.", [event("a1", 0)])
        res.agreements = [report("a1", "2025-03-03", "agreed", None)]
        store.add(res)
        assert export(store, "agreements", tmp_path / "a.jsonl") == 1
    line = json.loads((tmp_path / "a.jsonl").read_text().splitlines()[0])
    assert line["family"] == "ceasefire" and line["agreement_id"].startswith("ag-")


def timeline_store(tmp_path) -> Store:
    store = Store.open(tmp_path / "t.duckdb")
    days = ["2025-01-06", "2025-01-07", "2025-01-15", "2025-01-22"]
    kinds = [("CONSULT", 1.0), ("ASSAULT", -10.0), ("AGREE", 3.0), ("AID", 7.0)]
    for i, (day, (etype, weight)) in enumerate(zip(days, kinds)):
        ev = event(f"t{i}", 0, etype=etype, date=day, goldstein=weight, actor=("ISRGOV",),
                   recipient=("USAGOV",) if i != 1 else ("PSEREB",))
        store.add(result(f"t{i}", f"Timeline article {i}.", [ev], date=day))
    return store


def test_timeline_counts_by_quad_class_and_balance(tmp_path):
    with timeline_store(tmp_path) as store:
        rows = timeline_rows(store, TimelineQuery("ISR", by="week"))
        assert [r.period.isoformat() for r in rows] == ["2025-01-06", "2025-01-13", "2025-01-20"]
        assert (rows[0].events, rows[0].verbal_cooperation, rows[0].material_conflict) == (2, 1, 1)
        assert rows[0].balance == -9.0
        with_usa = timeline_rows(store, TimelineQuery("ISR", partner="USA", by="month"))
        assert [(r.events, r.material_cooperation) for r in with_usa] == [(3, 1)]


def test_timeline_png_and_html(tmp_path):
    pytest.importorskip("matplotlib")
    from PIL import Image
    from tidings.charts import PNG_DPI, PNG_SIZE, write_html, write_png
    with timeline_store(tmp_path) as store:
        rows = timeline_rows(store, TimelineQuery("ISR", by="week"))
    png = write_png(rows, "ISR by week", tmp_path / "t.png")
    assert png.stat().st_size > 5000
    with Image.open(png) as image:
        assert image.size == (int(PNG_SIZE[0] * PNG_DPI), int(PNG_SIZE[1] * PNG_DPI))
    page = write_html(rows, "ISR by week", tmp_path / "t.html").read_text()
    assert "<svg" in page and "2025-01-13" in page


def test_a_store_made_before_agreements_is_upgraded(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:  # make it look like a version-2 store
        store.con.execute("DROP TABLE agreement_reports")
        store.con.execute("DELETE FROM migrations WHERE version = 3")
    with Store.open(path) as store:
        assert store.agreements() == []
        assert store.con.execute("SELECT max(version) FROM migrations").fetchone()[0] >= 3
