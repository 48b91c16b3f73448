"""The event store on a real DuckDB file, with hand-built results (no spaCy model)."""
from __future__ import annotations

import duckdb
import pytest

from tidings.errors import InputError, StoreError
from tidings.model import Event
from tidings.query import EventQuery
from tidings.store import Store

from .storekit import PRISONERS, WHITE_HOUSE, event, result

TEXT = "Israel met the United States in Washington. Egypt and Jordan rejected the proposal."
TABLES = ("articles", "sentences", "mentions", "events", "clusters", "cluster_members", "failures",
          "dyads", "signatures", "lsh_buckets")


@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path / "t.duckdb") as s:
        yield s


def snapshot(store: Store) -> dict:
    return {t: sorted(map(repr, store.con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}


def two_events(article_id="a1", date="2025-02-04"):
    return result(article_id, TEXT, [
        event(article_id, 0, place=WHITE_HOUSE, quantities=[PRISONERS], date=date),
        event(article_id, 1, etype="REJECT", actor=("EGY", "JOR"), cameo="120", goldstein=-4.0,
              start=60, text="Egypt and Jordan rejected the proposal.")])


def test_records_round_trip_exactly(store):
    res = two_events()
    store.add(res)
    assert [e.to_dict() for e in store.events()] == [e.to_dict() for e in res.events]
    assert all(Event.from_dict(e.to_dict()).to_dict() == e.to_dict() for e in store.events())


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "m.duckdb"
    Store.open(path).close()
    with Store.open(path) as s:
        versions = s.con.execute("SELECT version FROM migrations ORDER BY 1").fetchall()
    from tidings.migrations import MIGRATIONS
    assert versions == [(m.version,) for m in MIGRATIONS.all()]
    assert versions[:3] == [(1,), (2,), (3,)]


def test_adding_the_same_article_twice_adds_nothing(store):
    assert store.add(two_events()).added
    before = snapshot(store)
    assert not store.add(two_events()).added
    assert snapshot(store) == before


def test_same_id_with_new_text_replaces_the_article(store):
    store.add(two_events())
    changed = result("a1", TEXT + " Update.", [event("a1", 0)])
    assert store.add(changed).added
    assert store.stats()["articles"] == 1 and store.stats()["events"] == 1
    assert store.stats()["clusters"] == 1


def test_filters(store):
    store.add(two_events())
    store.add(result("b", "Protesters marched in Cairo today against prices.",
                     [event("b", 0, etype="PROTEST", actor=("EGYCVL",), recipient=("EGYGOV",),
                            date="2025-03-01", status="planned", text="Protesters marched.")]))
    ids = lambda **kw: [e.article_id + str(e.sentence) for e in store.events(EventQuery(**kw))]
    assert ids(actor="EGY") == ["a11", "b0"]
    assert ids(actor="JOR", recipient="USA") == ["a11"]
    assert ids(event_type="protest") == ["b0"] and ids(status="planned") == ["b0"]
    assert ids(since="2025-02-10") == ["b0"] and ids(until="2025-02-10") == ["a10", "a11"]
    assert ids(country="USA") == ["a10"] and ids(text="REJECTED") == ["a11"]


def test_wire_copy_is_a_near_duplicate_and_counted_once(store):
    store.add(two_events("a1"))
    copy = result("a2", TEXT.replace("proposal.", "proposal on Sunday."),
                  [event("a2", 0, date="2025-02-04")], source="other wire")
    added = store.add(copy)
    assert added.duplicate_of == "a1"
    [consult] = store.clusters(EventQuery(event_type="CONSULT"))
    assert (consult.num_events, consult.num_articles, consult.num_stories, consult.num_sources) \
        == (2, 2, 1, 2)
    assert store.stats()["duplicate_articles"] == 1


def test_different_story_is_not_a_duplicate(store):
    store.add(two_events("a1"))
    other = result("z", "Storms closed schools across the north of the country on Friday, "
                   "officials said, and trains stopped running.", [])
    assert store.add(other).duplicate_of is None


def test_events_within_the_window_cluster_and_a_bridge_merges_clusters(store):
    text = lambda i: f"Story number {i} about a meeting, written differently: {'x ' * i}{i}."
    store.add(result("d1", text(1), [event("d1", 0, date="2025-02-01")], source="s1"))
    store.add(result("d2", text(2), [event("d2", 0, date="2025-02-05")], source="s2"))
    assert store.stats()["clusters"] == 2
    store.add(result("d3", text(3), [event("d3", 0, date="2025-02-03")], source="s3"))
    [cluster] = store.clusters()
    assert cluster.num_events == 3 and cluster.num_sources == 3
    assert str(cluster.day_lo) == "2025-02-01" and str(cluster.day_hi) == "2025-02-05"
    members = store.con.execute("SELECT count(DISTINCT cluster_id) FROM cluster_members").fetchone()
    assert members == (1,)


def test_different_status_group_or_recipient_stays_apart(store):
    store.add(result("p", "one one one", [event("p", 0)]))
    store.add(result("q", "two two two", [event("q", 0, status="negated")]))
    store.add(result("r", "three three", [event("r", 0, recipient=("EGYGOV",))]))
    assert store.stats()["clusters"] == 3


def test_dyads_count_real_world_events_once(store):
    store.add(two_events("a1"))
    store.add(result("a2", "A different text entirely about the same meeting of leaders.",
                     [event("a2", 0, date="2025-02-05")], source="other"))
    rows = {(r["actor"], r["recipient"]): r for r in store.dyads(since="2025-01-01")}
    assert rows[("ISR", "USA")]["events"] == 1 and rows[("ISR", "USA")]["reports"] == 2
    assert rows[("EGY", "USA")]["mean_goldstein"] == -4.0 and ("JOR", "USA") in rows
    assert str(rows[("ISR", "USA")]["period"]) == "2025-02-03"  # the Monday of that week


def test_failures_are_recorded_and_replaced(store):
    store.record_failure(InputError("f.csv", "row has 4 fields", 3), "f.csv:3")
    store.record_failure(InputError("f.csv", "row has 5 fields", 3), "f.csv:3")
    assert store.failures() == [{"origin": "f.csv:3", "code": "T100", "reason": "row has 5 fields",
                                 "fix": InputError.fix}]


def test_not_a_store_is_a_typed_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as err:
        Store.open(bad)
    assert "T600" in str(err.value)


def test_a_second_writer_is_told_the_store_is_locked(tmp_path):
    path = tmp_path / "lock.duckdb"
    with Store.open(path):
        try:
            duckdb.connect(str(path)).close()  # same process: DuckDB allows it
        except duckdb.Error:
            pytest.skip("DuckDB refuses a second connection in one process")
