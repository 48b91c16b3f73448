"""Raise the quality floors in tests/quality_floors.toml to the figures measured now.

    .venv/bin/python scripts/pin_floors.py                 # raise every pinned set (never lowers)
    .venv/bin/python scripts/pin_floors.py --init plv --figures accuracy [--limit N]

A floor becomes the measured figure truncated to two decimals. `--init` pins a set afresh
(its current data hash, the given limit and figures); use it when a set is new or its data
changed. To lower a floor, edit the file by hand and give the reason in [NAME.lowered]
(docs/evaluation.md, "The quality gate").
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from tidings import Pipeline
from tidings.devsets import data_file, devset, evaluate, sha256
from tidings.floors import Pin, raised, read_floors, render

FLOORS = Path(__file__).resolve().parents[1] / "tests" / "quality_floors.toml"
HEADER = '''# Quality floors for the development sets: tests/test_quality_gate.py fails when a figure
# drops below its floor or when a data file's sha256 differs. Floors only go up: see
# docs/evaluation.md ("The quality gate"). Raise them with `python scripts/pin_floors.py`.
'''


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--init", help="pin this set afresh at its current figures")
    parser.add_argument("--figures", default="", help="with --init: comma-separated figure names")
    parser.add_argument("--limit", type=int, default=0, help="with --init: cases to score (0 = all)")
    args = parser.parse_args()
    pins = read_floors(FLOORS) if FLOORS.exists() else {}
    pipeline, console = Pipeline(), Console(stderr=True)
    if args.init:
        spec = devset(args.init)
        names = [f for f in args.figures.split(",") if f]
        pins[spec.name] = Pin(spec.name, sha256(data_file(spec)), args.limit,
                              {f: 0.0 for f in names}, {})
    for name, pin in list(pins.items()):
        if name != args.init and args.init:
            continue
        result = evaluate(name, limit=pin.limit or None, pipeline=pipeline)
        if result.sha256 != pin.sha256:
            console.print(f"[red]{name}: data hash changed; re-pin with --init[/red]")
            return 1
        pins[name] = raised(pin, result.figures)
        console.print(f"{name}: {pins[name].floors}")
    FLOORS.write_text(render(pins, HEADER), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
