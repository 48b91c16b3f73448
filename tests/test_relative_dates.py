"""The relative-date test set (tests/data/relative_dates.tsv): every case must resolve."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tidings.dates import offset, resolve

CASES = Path(__file__).parent / "data" / "relative_dates.tsv"


def read_cases() -> list[dict[str, str]]:
    lines = [l for l in CASES.read_text("utf-8").splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def outcome(case: dict[str, str]) -> str:
    if case["function"] == "offset":
        found = offset(case["text"])
        return f"{found[0]} {found[1]}" if found else "-"
    return resolve(case["text"], case["published"], case["tense"]) or "-"


def test_the_set_is_large_enough():
    assert len(read_cases()) >= 60


@pytest.mark.parametrize("case", read_cases(),
                         ids=lambda c: f"{c['published']}-{c['tense']}-{c['text']}")
def test_relative_date(case):
    assert outcome(case) == case["expected"]
