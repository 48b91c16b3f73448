"""Worker processes: a started pool gives the same store as one process, and a processor that
cannot load its model makes ingest fail with its error instead of hanging."""
from __future__ import annotations

import json

import pytest

from tidings.errors import ModelNotFound
from tidings.ingest import ingest
from tidings.sources import read_sources
from tidings.store import Store
from tidings.workers import WorkerPool

from .storekit import FakeProcessor


class BrokenProcessor:
    """Its model cannot be loaded: ``warm`` and every call raise."""

    def warm(self) -> None:
        raise ModelNotFound("cannot load the spaCy pipeline 'nowhere'")

    def __call__(self, batch):
        self.warm()


def articles(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"a{i}", "text": f"Story {i} on talks. " * 3,
                                          "date": "2025-02-03"}) for i in range(12)))
    return read_sources([str(path)])


def dump(store: Store) -> dict:
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("articles", "events", "clusters", "cluster_members", "lsh_buckets")}


def test_a_started_pool_gives_the_store_of_one_process(tmp_path):
    with Store.open(tmp_path / "one.duckdb") as store:
        ingest(store, articles(tmp_path), FakeProcessor(), chunk=5)
        expected = dump(store)
    with WorkerPool(FakeProcessor(), 2) as pool, Store.open(tmp_path / "two.duckdb") as store:
        assert pool.ready() >= 0
        report = ingest(store, articles(tmp_path), FakeProcessor(), workers=2, chunk=2, pool=pool)
        assert report.added == 12 and dump(store) == expected


def test_a_model_that_cannot_load_fails_the_run(tmp_path):
    with Store.open(tmp_path / "t.duckdb") as store, pytest.raises(ModelNotFound):
        ingest(store, articles(tmp_path), BrokenProcessor(), workers=2)
