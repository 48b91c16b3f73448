"""Ingest throughput with 1 and 2 worker processes, store size, and a dyad-by-week query over 1M
synthetic events, in one run.

    .venv/bin/python scripts/bench_ingest.py [--repeat 4] [--events 1000000]

Articles: ../shared/data/dev/voa/*.jsonl (real news) when present, else the samples; the corpus is
repeated ``--repeat`` times under new ids so that no copy is skipped as already stored (copies are
still linked as near-duplicates, as they would be in a real crawl). Each timed ingest starts from
an empty store and includes loading the NLP pipeline in every worker.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from tidings.ingest import PipelineProcessor, ingest, worker_pipeline
from tidings.model import Article
from tidings.settings import load_settings
from tidings.sources import read_sources
from tidings.store import Store

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared/data/dev/voa"

SYNTHETIC = """
INSERT INTO dyads SELECT 'e-' || i, DATE '2024-01-01' + (i % 600)::INTEGER,
    ['ISR','USA','PSE','EGY','JOR','IRN','RUS','UKR','CHN','GBR'][1 + i % 10],
    NULL, ['USA','ISR','PSE','EGY','JOR','IRN','RUS','UKR','CHN','GBR'][1 + (i // 10) % 10],
    NULL, ((i % 21) - 10)::DOUBLE FROM range(?) t(i);
INSERT INTO cluster_members SELECT 'c-' || (i // 3), 'e-' || i, 'a-' || (i // 5) FROM range(?) t(i);
"""


def corpus(repeat: int) -> tuple[list[tuple[str, Article]], str]:
    files = sorted(str(p) for p in VOA.glob("*.jsonl")) if VOA.exists() else []
    source = ", ".join(files) or "samples"
    base = [(o, a) for o, a in read_sources(files or [str(ROOT / "samples")]) if isinstance(a, Article)]
    items = [(f"{o}#{n}", replace(a, id=f"{a.id}~{n}")) for n in range(repeat) for o, a in base]
    return items, source


def timed_ingest(items, workers: int, settings) -> tuple[float, int, int, int]:
    worker_pipeline.cache_clear()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        with Store.open(path) as store:
            start = time.perf_counter()
            report = ingest(store, items, PipelineProcessor(settings), workers=workers)
            seconds = time.perf_counter() - start
            store.con.execute("CHECKPOINT")
            events = store.stats()["events"]
        return seconds, report.added, events, path.stat().st_size


def dyad_query(n: int, repeat: int = 3) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "dyads.duckdb") as store:
        for statement in SYNTHETIC.split(";"):
            if statement.strip():
                store.con.execute(statement, [n])
        store.con.execute("CHECKPOINT")
        best, rows = float("inf"), 0
        for _ in range(repeat):
            start = time.perf_counter()
            rows = len(store.dyads(since="2024-01-01", by="week"))
            best = min(best, time.perf_counter() - start)
        return best, rows


def main() -> None:
    parser = argparse.ArgumentParser(description="ingest throughput and dyad query time")
    parser.add_argument("--repeat", type=int, default=4, help="copies of the corpus to ingest")
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events for the dyad query")
    args = parser.parse_args()
    settings = load_settings()
    items, source = corpus(args.repeat)
    print(f"articles: {len(items)} ({args.repeat} x {len(items) // args.repeat}) from {source}")
    results = {}
    for workers in (1, 2):
        seconds, added, events, size = timed_ingest(items, workers, settings)
        results[workers] = seconds
        print(f"{workers} worker(s): {added / seconds:7.2f} articles/s  {events / seconds:8.1f} events/s"
              f"  ({added} articles, {events} events, {seconds:.1f} s)  "
              f"store {size / max(events, 1) * 1000 / 1e6:.2f} MB per 1,000 events")
    print(f"ratio 2 workers / 1 worker: {results[1] / results[2]:.2f}x")
    seconds, rows = dyad_query(args.events)
    print(f"dyads by week over {args.events:,} synthetic events: {seconds * 1000:.0f} ms ({rows} rows)")


if __name__ == "__main__":
    main()
