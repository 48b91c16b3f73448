"""Score tidings and the file's own annotations against a second, adjudicating reading.

    PYTHONPATH=. .venv/bin/python scripts/location_audit.py [--judgments FILE] [--data DIR]

scripts/location_judgments.tsv holds, for a fixed-seed random sample of the first 3000 cases of
event_location dev (the cases `tidings eval event_location --limit 3000` scores), a second
annotator's answer to the file's question: where did the event told by the marked verb happen,
as place names copied from the sentence (several when the sentence nests them, "Calamar |
Guaviare province"), or `-` for none; for some cases a second reader's answer, given
independently. Columns: case, places, second, note; `#` lines are comments; the file's header
says how the sample was drawn and what the readers were told. A reader saw the sentence with
the verb marked and the union of the file's and tidings' answers in random order, without being
told which was which.

Each answer is scored against the judge (the first reader) by the rule `tidings eval` uses
against the file (both without a place, or place spans that overlap). Printed: how often the two
readers agree, how often the file agrees with the judge, tidings' accuracy against the file and
against the judge on the same cases, and tidings' errors by the file split by what the judge
says of them.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tidings import Pipeline
from tidings.devsets import data_file, devset
from tidings.goldsets import Case, read_event_location
from tidings.model import Article
from tidings.places import occurrences
from tidings.scoring import event_on_verb, same_location
from tidings.tsv import tsv_rows

DEFAULT = Path(__file__).with_name("location_judgments.tsv")
COLUMNS = ("case", "places", "second", "note")
Spans = list[tuple[int, int]]


def read_judgments(path: Path) -> dict[str, tuple[str, str]]:
    """case id -> (places, second reading or "")."""
    return {r["case"]: (r["places"], r["second"]) for _, r in tsv_rows(path, COLUMNS, required=2)}


def judged_spans(case: Case, answer: str) -> Spans:
    names = [] if answer == "-" else [n.strip() for n in answer.split("|") if n.strip()]
    text = case.text.replace("\xa0", " ")  # readers type a plain space for a no-break one
    return [span for name in names for span in occurrences(text, name)]


def tidings_spans(case: Case, events) -> Spans | None:
    """The spans of tidings' place for the event on the verb; None when no event is found."""
    event = event_on_verb(case, events)
    if event is None:
        return None
    return occurrences(case.text, event.location.text.strip()) if event.location else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judgments", type=Path, default=DEFAULT)
    parser.add_argument("--data", help="data root (default ../shared/data/dev)")
    args = parser.parse_args()
    judged = read_judgments(args.judgments)
    cases = [c for c in read_event_location(data_file(devset("event_location"), args.data))
             if c.id in judged]
    missing = set(judged) - {c.id for c in cases}
    if missing:
        raise SystemExit(f"{args.judgments}: unknown case ids {sorted(missing)[:5]}")
    pipeline = Pipeline()
    tally: Counter = Counter()
    for case, result in zip(cases, pipeline.run(Article(text=c.text, id=c.id) for c in cases)):
        gold = [(m.start, m.end) for m in case.marks if m.label == "LOCATION"]
        first, second = judged[case.id]
        judge = judged_spans(case, first)
        if second:
            tally["read twice"] += 1
            tally["readers agree"] += same_location(judge, judged_spans(case, second))
        ours = tidings_spans(case, result.events)
        file_right = same_location(gold, judge)
        tally["cases"] += 1
        tally["file=judge"] += file_right
        if ours is None:
            continue
        tally["found"] += 1
        by_file, by_judge = same_location(ours, gold), same_location(ours, judge)
        tally["tidings=file"] += by_file
        tally["tidings=judge"] += by_judge
        tally["found, file=judge"] += file_right
        if not by_file:
            tally["tidings wrong by the file"] += 1
            tally["... of which right by the judge"] += by_judge
    Console().print(report(tally))
    return 0


def report(t: Counter) -> Table:
    table = Table(title=f"event_location: {t['cases']} judged cases, {t['found']} with an event "
                        "on the verb", header_style="bold")
    table.add_column("figure")
    table.add_column("value", justify="right")
    found = t["found"] or 1
    rows = [(f"the two readers agree ({t['read twice']} cases read twice)",
             t["readers agree"] / (t["read twice"] or 1)),
            ("file agrees with the judge (all judged cases)", t["file=judge"] / (t["cases"] or 1)),
            ("file agrees with the judge (cases tidings finds)", t["found, file=judge"] / found),
            ("tidings accuracy against the file", t["tidings=file"] / found),
            ("tidings accuracy against the judge", t["tidings=judge"] / found)]
    for name, value in rows:
        table.add_row(name, f"{value:.3f}")
    wrong = t["tidings wrong by the file"]
    table.add_row("tidings wrong by the file, right by the judge",
                  f"{t['... of which right by the judge']} of {wrong}")
    return table


if __name__ == "__main__":
    raise SystemExit(main())
