"""Throughput of `extract` against bare spaCy `nlp.pipe` on the same articles, in one run:
with the learned place attacher (the default) and with the place rules alone.

    .venv/bin/python scripts/bench_extract.py [--repeat 3]

Articles: ../shared/data/dev/voa (real news) when present, else the samples; both timed over the
same texts with the same model, one process. The baseline is the model as spaCy loads it,
without the two small repair components tidings adds to it (tidings/parse_repair.py). Prints articles/s for each and their ratio.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from tidings import Pipeline
from tidings.model import Article
from tidings.readers import read_articles

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared/data/dev/voa/voa_dev.jsonl"


def articles() -> list[Article]:
    source = VOA if VOA.exists() else ROOT / "samples"
    return [a for a in read_articles([str(source)]) if isinstance(a, Article)]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="extract vs bare spaCy throughput")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds; the best is kept")
    args = parser.parse_args()
    pipeline = Pipeline()
    rules = Pipeline(pipeline.settings.with_overrides({"place_attacher": "rules"}))
    bare_nlp = spacy.load(pipeline.settings.model)  # without tidings' repair components
    docs = articles()
    texts = [a.text for a in docs]
    words = sum(len(t.split()) for t in texts)
    list(pipeline.run(docs[:2]))  # warm-up
    list(rules.run(docs[:2]))
    rounds = [(timed(lambda: list(bare_nlp.pipe(texts))), timed(lambda: list(pipeline.run(docs))),
               timed(lambda: list(rules.run(docs)))) for _ in range(args.repeat)]
    # interleaved, so a busy machine slows all three alike; the best round of each is kept
    bare, full, plain = (min(r[i] for r in rounds) for i in range(3))
    events = sum(len(r.events) for r in pipeline.run(docs))
    print(f"articles: {len(docs)} ({words:,} words) from {VOA if VOA.exists() else 'samples'}")
    print(f"bare spaCy nlp.pipe          : {len(docs) / bare:8.2f} articles/s")
    print(f"tidings extract              : {len(docs) / full:8.2f} articles/s  ({events} events)")
    print(f"tidings extract, place rules : {len(docs) / plain:8.2f} articles/s")
    print(f"ratio extract/spaCy          : {bare / full:8.2f}x  (place rules alone: {bare / plain:.2f}x)")

if __name__ == "__main__":
    main()
