from datetime import date

import pytest

from tidings.dates import offset, resolve, shift

PUB = date(2025, 2, 2)  # a Sunday


@pytest.mark.parametrize("text,tense,expected", [
    ("Tuesday", "future", "2025-02-04"),
    ("on Monday", "future", "2025-02-03"),
    ("Friday", "past", "2025-01-31"),
    ("Sunday", "past", "2025-02-02"),
    ("last Sunday", "past", "2025-01-26"),
    ("next Sunday", "future", "2025-02-09"),
    ("in November", "past", "2024-11"),
    ("in November", "future", "2025-11"),
    ("in March", "future", "2025-03"),
    ("in January", "past", "2025-01"),
    ("last week", "past", "2025-01-26"),
    ("next week", "future", "2025-02-09"),
    ("last month", "past", "2025-01"),
    ("next month", "future", "2025-03"),
    ("last year", "past", "2024"),
    ("earlier this year", "past", "2025"),
    ("yesterday", "past", "2025-02-01"),
    ("tomorrow", "future", "2025-02-03"),
    ("today", "past", "2025-02-02"),
    ("two days ago", "past", "2025-01-31"),
    ("three weeks ago", "past", "2025-01-12"),
    ("in two weeks", "future", "2025-02-16"),
    ("4 October 2007", "past", "2007-10-04"),
    ("October 4, 2007", "past", "2007-10-04"),
    ("March 28", "past", "2024-03-28"),
    ("March 28", "future", "2025-03-28"),
    ("January 20", "past", "2025-01-20"),
    ("November 2024", "past", "2024-11"),
    ("2019", "past", "2019"),
    ("2025-01-19", "past", "2025-01-19"),
])
def test_resolve(text, tense, expected):
    assert resolve(text, PUB, tense) == expected


def test_modal_may_is_not_a_month():
    assert resolve("may", PUB, "past") is None


def test_no_publication_date_gives_none():
    assert resolve("Tuesday", None, "future") is None


def test_offset_and_shift():
    assert offset("two weeks after") == (2, "week")
    assert offset("three days before") == (-3, "day")
    assert offset("after the talks") is None
    assert shift(PUB, -2, "week") == "2025-01-19"
    assert shift(PUB, -3, "month") == "2024-11"
