"""Batched store writes give exactly the store that adding the same articles one by one gives:
near-duplicates inside a batch, clusters merged by a bridging event, a replaced article, the same
article twice, vague dates and places learnt later. Hand-built results, a real DuckDB file."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from tidings.clustering import ClusterPlan, ClusterState
from tidings.dedup import ClusterKey
from tidings.rows import Clusterable
from tidings.store import Store

from .storekit import WHITE_HOUSE, event, result

TABLES = ("articles", "sentences", "mentions", "events", "clusters", "cluster_members", "failures",
          "dyads", "signatures", "lsh_buckets")
WIRE = ("Israel and the United States held talks in Washington on Monday about the ceasefire "
        "and the release of prisoners, officials from both governments said after the meeting.")


def story(i: int) -> str:
    return f"Story {i} about a meeting, told in its own words: " + " ".join(f"w{i}x{j}" for j in range(12))


def results() -> list:
    """A sequence that exercises every rule of the writer, in an order that matters."""
    return [
        result("d1", story(1), [event("d1", 0, date="2025-02-01")], source="s1"),
        result("d2", story(2), [event("d2", 0, date="2025-02-05", place=WHITE_HOUSE)], source="s2"),
        result("d3", story(3), [event("d3", 0, date="2025-02-03")], source="s3"),   # bridges d1, d2
        result("w1", WIRE, [event("w1", 0, date=None), event("w1", 1, date="2024")], date=None),
        result("w2", WIRE + " More later.", [event("w2", 0, date=None), event("w2", 1, date="2024")],
               date=None, source="other"),                                           # copy of w1
        result("w3", WIRE + " More.", [event("w3", 1, date="2024")], date=None),     # copy of w1
        result("d1", story(1), [event("d1", 0, date="2025-02-01")], source="s1"),    # same again
        result("v1", story(5), [event("v1", 0, date="2025-02", recipient=("EGYGOV",))]),
        result("v2", story(6), [event("v2", 0, date="2025-02", recipient=("EGYGOV",))]),
        result("d2", story(2) + " Updated.", [event("d2", 0, date="2025-02-09")], source="s2"),
        result("n1", story(7), [event("n1", 0, actor=(), recipient=())]),
        result("p1", story(8), [event("p1", 0, date="2025-02-04", place=WHITE_HOUSE),
                                event("p1", 1, date="2025-02-04", etype="REJECT", cameo="120",
                                      start=40)]),
    ]


def snapshot(store: Store) -> dict:
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def one_by_one(path) -> dict:
    with Store.open(path) as store:
        for res in results():
            store.add(res)
        return snapshot(store)


@pytest.mark.parametrize("size", [2, 3, 5, 100])
def test_batches_give_the_store_of_one_by_one_adds(tmp_path, size):
    expected = one_by_one(tmp_path / "one.duckdb")
    with Store.open(tmp_path / f"b{size}.duckdb") as store:
        items = [store.prepare(r) for r in results()]
        added = []
        for start in range(0, len(items), size):
            added += store.write(items[start:start + size])
        assert snapshot(store) == expected
    assert [a.added for a in added].count(False) == 1
    assert {a.article_id: a.duplicate_of for a in added}["w3"] == "w1"


def test_the_sequence_exercises_merges_duplicates_and_replacement(tmp_path):
    tables = one_by_one(tmp_path / "one.duckdb")
    duplicates = {row[0]: row[10] for row in tables["articles"]}
    assert duplicates["w2"] == "w1" and duplicates["w3"] == "w1"
    members = {row[1]: row[0] for row in tables["cluster_members"]}
    assert len({members[e[0]] for e in tables["events"] if e[1] in ("d1", "d3")}) == 1
    assert len(tables["articles"]) == 10  # d1 twice, d2 replaced


def test_plan_merges_every_fitting_cluster_into_the_oldest():
    key = ClusterKey("CONSULT", "real", "ISRGOV", "USAGOV")
    plan = ClusterPlan(timedelta(days=2))
    plan.load(ClusterState("c-b", key, None, date(2025, 2, 5), date(2025, 2, 5), True))
    plan.load(ClusterState("c-a", key, None, date(2025, 2, 1), date(2025, 2, 1), True))
    target = plan.add(Clusterable("e-x", "x", key, date(2025, 2, 3), date(2025, 2, 3), "Gaza|PSE"), None)
    assert target == "c-a" and plan.stored_merges() == [("c-b", "c-a")]
    assert plan.place_updates() == [("c-a", "Gaza|PSE")]
    assert plan.member_rows() == [("c-a", "e-x", "x")] and plan.live_touched() == ["c-a"]
