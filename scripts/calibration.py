"""How often an event of a given confidence has the gold type, on PLV_train: confidence should
rank events, a higher value meaning more often right.

    .venv/bin/python scripts/calibration.py [--data ../shared/data/dev/plv/PLV_train.tsv]

Every event coded in a sentence counts (not only the one the PLV scorer picks); an event is
right when its PLOVER type (codebook view, YIELD = CONCEDE or RETREAT) is the sentence's gold root.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from tidings import Pipeline
from tidings.evaluate import PLV_MERGE, read_plv
from tidings.model import Article
from tidings.scoring import as_codebooks_code

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/dev/plv/PLV_train.tsv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"{args.data} not found: PLV_train lives in ../shared/data/dev/plv", file=sys.stderr)
        return 2
    golds = read_plv(args.data)
    bins: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    articles = (Article(text=g.text, id=g.id) for g in golds)
    for gold, result in zip(golds, Pipeline().run(articles)):
        for event in map(as_codebooks_code, result.events):
            tally = bins[min(int(event.confidence * 10), 9)]
            tally[0] += PLV_MERGE.get(event.event_type, event.event_type) == gold.label
            tally[1] += 1
    print("confidence  events  right")
    for b in sorted(bins):
        right, n = bins[b]
        print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}  {n:7d}  {right / n:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
