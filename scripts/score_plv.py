"""Score `extract` on PLV_train.tsv: the gold PLOVER root of each sentence (YIELD = CONCEDE or
RETREAT) against the event tidings codes for the marked source and target.

    .venv/bin/python scripts/score_plv.py [--data ../shared/data/dev/plv/PLV_train.tsv] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tidings import Pipeline
from tidings.evaluate import read_plv, score_roots

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/dev/plv/PLV_train.tsv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"{args.data} not found: PLV_train lives in ../shared/data/dev/plv", file=sys.stderr)
        return 2
    golds = read_plv(args.data)
    report = score_roots(Pipeline(), golds)
    if args.json:
        print(json.dumps({"n": report.total, "accuracy": report.accuracy,
                          "coverage": report.found / report.total, "per_class": report.per_class()}))
        return 0
    table = Table(title=f"PLV_train: {report.total} sentences")
    for col in ("class", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="right")
    for label, m in report.per_class().items():
        table.add_row(label, f"{m['precision']:.2f}", f"{m['recall']:.2f}", f"{m['f1']:.2f}",
                      str(m["support"]))
    console = Console()
    console.print(table)
    console.print(f"accuracy {report.accuracy:.3f}   sentences with an event "
                  f"{report.found / report.total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
