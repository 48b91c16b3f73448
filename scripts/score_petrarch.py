"""Run `extract` with the PETR.Validate actor and agent dictionaries (imported by
`tidings actors import --format petrarch`) over PETRARCH's unit-test records, and report the
share of expected codings whose source and target codes tidings finds.

    .venv/bin/python scripts/score_petrarch.py [--data ../shared/data/dev/petrarch2] [--misses N]

Codes are compared on their first six letters (country + sector, which is what tidings codes).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml
from rich.console import Console
from rich.progress import track

from tidings import Pipeline, load_settings
from tidings.actor_eval import petrarch_articles, read_petrarch_records, score_dyads
from tidings.petrarch import import_file, merge

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/dev/petrarch2"


def imported(folder: Path, out: Path) -> Path:
    files = [folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"]
    out.write_text(yaml.safe_dump(merge(import_file(f) for f in files), sort_keys=False), "utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--misses", type=int, default=0, help="list this many missed codings")
    args = parser.parse_args()
    records_file = args.data / "PETR.UnitTest.records.xml"
    if not records_file.exists():
        print(f"{records_file} not found: it lives in ../shared/data/dev/petrarch2", file=sys.stderr)
        return 2
    records = read_petrarch_records(records_file)
    with tempfile.TemporaryDirectory() as tmp:
        actors = imported(args.data, Path(tmp) / "petrarch.yaml")
        pipeline = Pipeline(load_settings(actors=[str(actors)]))
        results = list(track(pipeline.run(petrarch_articles(records)), total=len(records),
                             description="extract", transient=True))
    report = score_dyads(records, results)
    console = Console()
    console.print(f"records {len(records)}, expected codings {report.codings} "
                  f"(records expecting no event are left out)")
    console.print(f"both codes among the sentence's actors (any role)  : "
                  f"{report.in_mentions:4d}  {report.share(report.in_mentions):.3f}")
    console.print(f"source -> target in one coded event              : "
                  f"{report.in_event:4d}  {report.share(report.in_event):.3f}")
    console.print(f"... and the same CAMEO root                      : "
                  f"{report.with_root:4d}  {report.share(report.with_root):.3f}")
    for miss in report.misses[:args.misses]:
        console.print("  missed", *miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
