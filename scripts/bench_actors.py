"""Cost of actor finding and resolution relative to spaCy parsing, in one run.

    .venv/bin/python scripts/bench_actors.py [--repeat 5]

Parses the articles once, then times, best of --repeat rounds: spaCy `nlp.pipe`; actor finding
(`ActorFinder.find`) on the parsed docs; and the whole per-article step after parsing (find +
coder). Prints each as a share of the spaCy time, so runs on busy machines stay comparable.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from tidings import Pipeline
from tidings.actors import Context
from tidings.model import Article
from tidings.readers import read_articles

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared/data/dev/voa/voa_dev.jsonl"


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pipeline = Pipeline()
    articles = [a for a in read_articles([str(VOA if VOA.exists() else ROOT / "samples")])
                if isinstance(a, Article)]
    texts = [a.text for a in articles]
    docs = list(pipeline.nlp.pipe(texts))
    parse = best(lambda: list(pipeline.nlp.pipe(texts)), args.repeat)
    find = best(lambda: [pipeline.finder.find(d, Context(a.date)) for d, a in zip(docs, articles)],
                args.repeat)
    step = best(lambda: [pipeline.process_doc(d, a) for d, a in zip(docs, articles)], args.repeat)
    print(f"articles: {len(articles)}")
    print(f"spaCy parse          : {parse:7.3f} s")
    print(f"actor finding        : {find:7.3f} s  ({find / parse:6.1%} of parse)")
    print(f"find + code (no parse): {step:7.3f} s  ({step / parse:6.1%} of parse)")
    print(f"extract estimate      : {(parse + step) / parse:6.3f}x the parse time")


if __name__ == "__main__":
    main()
