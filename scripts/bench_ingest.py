"""Ingest throughput with 1 and 2 worker processes, store size, and a dyad-by-week query over 1M
synthetic events, in one run.

    .venv/bin/python scripts/bench_ingest.py [--repeat 4] [--rounds 3] [--events 1000000]

Articles: ../shared/data/dev/voa/*.jsonl (real news) when present, else the samples; the corpus is
repeated ``--repeat`` times under new ids so that no copy is skipped as already stored (copies are
still linked as near-duplicates, as they would be in a real crawl). Every timed ingest starts
from an empty store.

The machine may be busy with other work, so 1- and 2-worker rounds are interleaved (1, 2, 2, 1,
1, 2, ...) and the best round of each is reported, with the median. Start-up (loading the NLP
pipeline in this process, or starting the worker processes until each has loaded its pipeline)
is timed apart from ingest itself; the ratio is given with and without it. The load average is
printed before and after each round, and the cores the round actually got: CPU seconds of this
process and its workers over the round's wall time (start-up included); well under 1 (or 2 for
2 workers) means other processes had the CPUs.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from tidings.ingest import PipelineProcessor, ingest, worker_pipeline
from tidings.model import Article
from tidings.settings import load_settings
from tidings.sources import read_sources
from tidings.store import Store
from tidings.workers import WorkerPool

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared/data/dev/voa"

SYNTHETIC = """
INSERT INTO dyads SELECT 'e-' || i, DATE '2024-01-01' + (i % 600)::INTEGER,
    ['ISR','USA','PSE','EGY','JOR','IRN','RUS','UKR','CHN','GBR'][1 + i % 10],
    NULL, ['USA','ISR','PSE','EGY','JOR','IRN','RUS','UKR','CHN','GBR'][1 + (i // 10) % 10],
    NULL, ((i % 21) - 10)::DOUBLE FROM range(?) t(i);
INSERT INTO cluster_members SELECT 'c-' || (i // 3), 'e-' || i, 'a-' || (i // 5) FROM range(?) t(i);
"""


@dataclass(frozen=True, slots=True)
class Round:
    workers: int
    startup: float
    seconds: float
    articles: int
    events: int
    size: int
    load: tuple[float, float]
    cores: float

    @property
    def total(self) -> float:
        return self.startup + self.seconds


def corpus(repeat: int) -> tuple[list[tuple[str, Article]], str]:
    files = sorted(str(p) for p in VOA.glob("*.jsonl")) if VOA.exists() else []
    source = ", ".join(files) or "samples"
    base = [(o, a) for o, a in read_sources(files or [str(ROOT / "samples")]) if isinstance(a, Article)]
    items = [(f"{o}#{n}", replace(a, id=f"{a.id}~{n}")) for n in range(repeat) for o, a in base]
    return items, source


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, once joined)."""
    mine, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + kids.ru_utime + kids.ru_stime


def timed_ingest(items, workers: int, settings) -> Round:
    """One ingest into an empty store; start-up timed apart."""
    load_before, cpu_before = os.getloadavg()[0], cpu_seconds()
    processor = PipelineProcessor(settings)
    worker_pipeline.cache_clear()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        with Store.open(path) as store:
            start = time.perf_counter()
            pool = WorkerPool(processor, workers) if workers > 1 else None
            pool.ready() if pool else processor.warm()
            startup = time.perf_counter() - start
            start = time.perf_counter()
            try:
                report = ingest(store, items, processor, workers=workers, pool=pool)
            finally:
                if pool:
                    pool.close()
            seconds = time.perf_counter() - start
            store.con.execute("CHECKPOINT")
            events = store.stats()["events"]
        size = path.stat().st_size
    cores = (cpu_seconds() - cpu_before) / (startup + seconds)
    return Round(workers, startup, seconds, report.added, events, size,
                 (load_before, os.getloadavg()[0]), cores)


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


def schedule(rounds: int) -> list[int]:
    """1, 2, 2, 1, 1, 2, ...: each worker count goes first as often as the other."""
    return [w for r in range(rounds) for w in ((1, 2) if r % 2 == 0 else (2, 1))]


def show_round(r: Round) -> None:
    print(f"  {r.workers} worker(s): start-up {r.startup:5.1f} s, ingest {r.seconds:6.1f} s "
          f"({r.articles / r.seconds:6.2f} articles/s, {r.events / r.seconds:7.1f} events/s), "
          f"{r.cores:.2f} cores used, load {r.load[0]:.2f} -> {r.load[1]:.2f}", flush=True)


def summary(rounds: list[Round], workers: int) -> Round:
    mine = [r for r in rounds if r.workers == workers]
    best = min(mine, key=lambda r: r.seconds)
    median = statistics.median(r.seconds for r in mine)
    print(f"{workers} worker(s), best of {len(mine)}: {best.articles / best.seconds:7.2f} articles/s"
          f"  {best.events / best.seconds:8.1f} events/s  ingest {best.seconds:.1f} s (median "
          f"{median:.1f} s, {best.cores:.2f} cores)  start-up {min(r.startup for r in mine):.1f} s  "
          f"({best.articles} articles, {best.events} events)  "
          f"store {best.size / max(best.events, 1) * 1000 / 1e6:.2f} MB per 1,000 events")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description="ingest throughput and dyad query time")
    parser.add_argument("--repeat", type=int, default=4, help="copies of the corpus to ingest")
    parser.add_argument("--rounds", type=int, default=3, help="timed ingests per worker count")
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events for the dyad query")
    args = parser.parse_args()
    settings = load_settings()
    items, source = corpus(args.repeat)
    print(f"articles: {len(items)} ({args.repeat} x {len(items) // args.repeat}) from {source}; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    rounds = []
    for workers in schedule(args.rounds):
        rounds.append(timed_ingest(items, workers, settings))
        show_round(rounds[-1])
    one, two = summary(rounds, 1), summary(rounds, 2)
    print(f"ratio 2 workers / 1 worker (best ingest): {one.seconds / two.seconds:.2f}x; "
          f"with start-up: {one.total / two.total:.2f}x")
    seconds, rows = dyad_query(args.events)
    print(f"dyads by week over {args.events:,} synthetic events: {seconds * 1000:.0f} ms ({rows} rows)")


if __name__ == "__main__":
    main()
