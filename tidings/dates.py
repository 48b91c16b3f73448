"""Resolve date expressions against the publication date and the tense of the clause.

``resolve("Tuesday", date(2025, 2, 2), "future")`` -> "2025-02-04": the coming Tuesday;
``resolve("in November", date(2025, 2, 2), "past")`` -> "2024-11": the last November.
Results are ISO strings as precise as the text allows ("2025-02-04", "2024-11", "2025").
"""
from __future__ import annotations

import re
from datetime import date as Date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "several": 3, "a few": 3, "few": 3, "couple": 2, "a couple of": 2}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
TENSES = ("past", "present", "future")

_NUM = r"(\d+|a few|a couple of|" + "|".join(NUMBER_WORDS) + ")"
_UNIT = r"(day|week|fortnight|month|year)s?"
AGO = re.compile(rf"\b{_NUM}\s+{_UNIT}\s+ago\b")
IN_N = re.compile(rf"\b(?:in|within)\s+{_NUM}\s+{_UNIT}\b")
SPAN = re.compile(rf"\b{_NUM}\s+{_UNIT}\b")
SHIFT = re.compile(r"\b(last|next|this|past|coming|previous|earlier this|later this)\s+"
                   r"(week|month|year)\b")
WEEKEND = re.compile(r"\b(?:(last|next|this|coming)\s+|the\s+)weekend\b")
FIXED_DAYS = (("the day before yesterday", -2), ("the day after tomorrow", 2),
              ("yesterday", -1), ("tomorrow", 1))
ORDINAL_DAY = re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_NAME = re.compile(r"\b(" + "|".join(MONTHS) + r"|" + "|".join(MONTH_ABBR) + r")\.?\b")
DAY_OF_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def number(text: str) -> int | None:
    text = text.strip().lower()
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


def add_months(day: Date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def shift(pub: Date, amount: int, unit: str) -> str:
    """``amount`` units after ``pub`` (negative: before), at the unit's precision."""
    if unit in UNIT_DAYS:
        return (pub + timedelta(days=amount * UNIT_DAYS[unit])).isoformat()
    if unit == "month":
        year, month = add_months(pub, amount)
        return f"{year:04d}-{month:02d}"
    return f"{pub.year + amount:04d}"


def weekday(pub: Date, name: str, tense: str, qualifier: str | None = None) -> str:
    target = WEEKDAYS.index(name)
    ahead = (target - pub.weekday()) % 7
    if qualifier == "next" or (tense == "future" and qualifier != "last"):
        days = ahead if qualifier != "next" else ahead or 7
    else:
        days = -((pub.weekday() - target) % 7)
        if qualifier == "last" and days == 0:
            days = -7
    return (pub + timedelta(days=days)).isoformat()


def month_year(pub: Date, month: int, tense: str, qualifier: str | None = None) -> int:
    """The year of a month named without one: the last such month for the past, next for the
    future; "last June" / "next June" never mean the current month."""
    if qualifier == "last":
        return pub.year if month < pub.month else pub.year - 1
    if qualifier == "next":
        return pub.year if month > pub.month else pub.year + 1
    if tense == "future":
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _month_in(text: str) -> int | None:
    match = MONTH_NAME.search(text)
    if not match:
        return None
    word = match.group(1)
    if word == "may" and not re.search(r"\bmay\s+\d|\d\s+may\b|\bin may\b", text):
        return None  # "may" the modal verb
    return MONTHS.index(word) + 1 if word in MONTHS else MONTH_ABBR[word[:4] if word == "sept" else word[:3]]


def calendar(text: str, pub: Date, tense: str) -> str | None:
    """Dates written with a month name and/or year: "4 October 2007", "March 28", "November"."""
    iso = ISO.search(text)
    if iso:
        return iso.group(0)
    month = _month_in(text)
    year_match = YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    if month is None:
        return f"{year:04d}" if year else day_of_month(text, pub, tense)
    rest = MONTH_NAME.sub(" ", YEAR.sub(" ", text))
    day_match = DAY_OF_MONTH.search(rest)
    qualifier = re.search(r"\b(last|next)\s+" + MONTH_NAME.pattern[2:], text)
    year = year or month_year(pub, month, tense, qualifier.group(1) if qualifier else None)
    if day_match and 1 <= int(day_match.group(1)) <= 31:
        try:
            return Date(year, month, int(day_match.group(1))).isoformat()
        except ValueError:
            pass
    return f"{year:04d}-{month:02d}"


def day_of_month(text: str, pub: Date, tense: str) -> str | None:
    """"on the 16th": that day of this month, or of the month before (past) or after (future)."""
    match = ORDINAL_DAY.search(text)
    if not match or not 1 <= int(match.group(1)) <= 31:
        return None
    day = int(match.group(1))
    step = -1 if tense != "future" and day > pub.day else 1 if tense == "future" and day < pub.day else 0
    year, month = add_months(pub, step)
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None


def relative(text: str, pub: Date, tense: str) -> str | None:
    """Expressions relative to the publication date: "yesterday", "last week", "two days ago"."""
    for phrase, days in FIXED_DAYS:
        if phrase in text:
            return (pub + timedelta(days=days)).isoformat()
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", text):
        return pub.isoformat()
    for pattern, sign in ((AGO, -1), (IN_N, 1)):
        match = pattern.search(text)
        if match and number(match.group(1)):
            return shift(pub, sign * number(match.group(1)), match.group(2))
    weekend = WEEKEND.search(text)
    if weekend:  # a weekend is dated by its Saturday
        return weekday(pub, "saturday", tense, weekend.group(1))
    match = SHIFT.search(text)
    if match:
        which, unit = match.groups()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        return shift(pub, step, unit)
    return None


def resolve(text: str, pub: Date | str | None, tense: str = "past") -> str | None:
    """The ISO date a date expression denotes, or None when it cannot be placed."""
    if pub is None or not text:
        return None
    pub = Date.fromisoformat(pub) if isinstance(pub, str) else pub
    lower = text.lower()
    found = relative(lower, pub, tense)
    if found:
        return found
    for name in WEEKDAYS:
        if re.search(rf"\b{name}\b", lower):
            qualifier = re.search(rf"\b(last|next|this|coming)\s+{name}", lower)
            return weekday(pub, name, tense, qualifier.group(1) if qualifier else None)
    return calendar(lower, pub, tense)


def offset(text: str) -> tuple[int, str] | None:
    """"two weeks after" -> (2, "week"); "three days before" -> (-3, "day")."""
    match = re.search(rf"{SPAN.pattern}\s+(after|before|later|earlier)", text.lower())
    if not match or not number(match.group(1)):
        return None
    sign = 1 if match.group(3) in ("after", "later") else -1
    return sign * number(match.group(1)), match.group(2)
