"""How consistent is event_location dev with itself? A ceiling for the place accuracy.

    PYTHONPATH=. .venv/bin/python scripts/location_agreement.py [--data DIR]

labeled.dev.jsonl holds some sentences more than once with the same VERB span, each copy
annotated on its own. For every pair of such copies this script asks whether the two
annotations agree by the rule `tidings eval event_location` scores with (both without a
LOCATION, or both with LOCATION spans that overlap), and how often their spans are identical.
A coder cannot be expected to agree with the file more often than the file agrees with itself.
It also prints, per `source` field, the share of verbs that have a LOCATION at all.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from itertools import combinations

from rich.console import Console
from rich.table import Table

from tidings.devsets import data_file, devset
from tidings.goldsets import Case, read_event_location
from tidings.scoring import same_location

Spans = list[tuple[int, int]]


def places(case: Case) -> Spans:
    return [(m.start, m.end) for m in case.marks if m.label == "LOCATION"]


def copies(cases: list[Case]) -> list[list[Spans]]:
    """The annotations of each (sentence, verb) annotated more than once."""
    groups: dict[tuple[str, int, int], list[Spans]] = defaultdict(list)
    for case in cases:
        verb = next(m for m in case.marks if m.label == "VERB")
        groups[(case.text.strip(), verb.start, verb.end)].append(places(case))
    return [g for g in groups.values() if len(g) > 1]


def source_table(path, cases: list[Case]) -> Table:
    """Share of verbs with a LOCATION, per source (line numbers tie cases to rows)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    total, located = Counter(), Counter()
    for case in cases:
        source = rows[int(case.id.rsplit("-", 1)[1]) - 1].get("source", "?")
        total[source] += 1
        located[source] += bool(places(case))
    table = Table(title="verbs with a LOCATION, per source", header_style="bold")
    for col in ("source", "verbs", "located"):
        table.add_column(col, justify="right")
    for source, n in total.most_common():
        table.add_row(source, str(n), f"{located[source] / n:.2f}")
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data root (default ../shared/data/dev)")
    args = parser.parse_args()
    path = data_file(devset("event_location"), args.data)
    cases = read_event_location(path)
    pairs = [pair for group in copies(cases) for pair in combinations(group, 2)]
    console = Console()
    console.print(source_table(path, cases))
    if not pairs:
        console.print("no sentence is annotated twice")
        return 0
    scored = sum(same_location(a, b) for a, b in pairs) / len(pairs)
    identical = sum(sorted(a) == sorted(b) for a, b in pairs) / len(pairs)
    console.print(f"{len(pairs)} pairs of copies: agree by the scoring rule {scored:.3f}, "
                  f"identical spans {identical:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
