"""Read articles from .txt files, directories, .jsonl files or stdin.

Readers yield ``Article`` objects or ``InputError`` objects (never raise for one bad article), so a
batch goes on past a bad file and the caller records why each failure happened.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path

from .errors import InputError
from .model import Article, content_id

ARTICLE_SUFFIXES = (".txt", ".jsonl")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
FRONT_KEYS = ("id", "date", "title", "source", "url")

TOO_LARGE_FIX = "Split the file, or raise `max_article_bytes` in the settings."

Item = Article | InputError


def check_date(value: str | None, where: str, line: int | None = None) -> str | None:
    """Return the ISO date or raise InputError naming the place it came from."""
    if value in (None, ""):
        return None
    try:
        return Date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(where, f"date {value!r} is not YYYY-MM-DD", line,
                         fix="Write the publication date as YYYY-MM-DD.") from None


def decode(raw: bytes, where: str, max_bytes: int) -> str:
    """Bytes to text, refusing what is not an article: empty, binary, not UTF-8, too large."""
    if len(raw) > max_bytes:
        raise InputError(where, f"{len(raw):,} bytes is larger than the limit of {max_bytes:,}",
                         fix=TOO_LARGE_FIX)
    if b"\x00" in raw[:8192]:
        raise InputError(where, "looks like a binary file (contains NUL bytes)",
                         fix="Give tidings plain-text articles (UTF-8).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"is not UTF-8 (bad byte at offset {exc.start})",
                         fix="Convert it first, e.g. `iconv -f latin1 -t utf-8 FILE`.") from None
    if not text.strip():
        raise InputError(where, "is empty", fix="Remove the file or put an article in it.")
    return text


def parse_text(text: str, where: str, stem: str, default_date: str | None) -> Article:
    """A plain-text article, with optional front matter (``---`` / ``key: value`` / ``---``)."""
    meta: dict[str, str] = {}
    match = FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip() in FRONT_KEYS:
                meta[key.strip()] = value.strip()
        text = text[match.end():]
    if not text.strip():
        raise InputError(where, "has no article text", fix="Put the article text in the file.")
    published = check_date(meta.get("date"), where) or default_date
    return Article(text=text, id=meta.get("id") or stem, date=published,
                   title=meta.get("title"), source=meta.get("source"), url=meta.get("url"))


def parse_json_line(line: str, where: str, number: int, default_date: str | None) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})", number,
                         fix="Each line must be one JSON object with at least a `text` field.") from None
    if not isinstance(record, dict):
        raise InputError(where, "line is not a JSON object", number)
    return parse_record(record, where, number, default_date)


def parse_record(record: dict, where: str, number: int | None, default_date: str | None) -> Article:
    """An article from one JSON-like record with at least a non-empty ``text``."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "has no `text` (a non-empty string is required)", number)
    published = check_date(record.get("date"), where, number) or default_date
    return Article(text=text, id=str(record.get("id") or content_id(text, prefix="a-")),
                   date=published, title=record.get("title"), source=record.get("source"),
                   url=record.get("url"))


def read_jsonl(text: str, where: str, default_date: str | None) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield parse_json_line(line, where, number, default_date)
        except InputError as exc:
            yield exc


def read_file(path: Path, default_date: str | None, max_bytes: int) -> Iterator[Item]:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(where, f"{size:,} bytes is larger than the limit of {max_bytes:,}",
                             fix=TOO_LARGE_FIX)
        text = decode(path.read_bytes(), where, max_bytes)
    except OSError as exc:
        yield InputError(where, f"cannot be read ({exc.strerror})")
        return
    except InputError as exc:
        yield exc
        return
    if path.suffix == ".jsonl":
        yield from read_jsonl(text, where, default_date)
    else:
        try:
            yield parse_text(text, where, path.stem, default_date)
        except InputError as exc:
            yield exc


def read_stdin(default_date: str | None, max_bytes: int) -> Iterator[Item]:
    try:
        text = decode(sys.stdin.buffer.read(), "<stdin>", max_bytes)
    except InputError as exc:
        yield exc
        return
    if text.lstrip().startswith("{"):
        yield from read_jsonl(text, "<stdin>", default_date)
    else:
        yield parse_text(text, "<stdin>", content_id(text, prefix="a-"), default_date)


def expand(path: Path) -> list[Path]:
    """A directory becomes its article files (recursively, sorted); a file stays itself."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in ARTICLE_SUFFIXES)
    return [path]


def read_articles(paths: Iterable[str], date: str | None = None,
                  max_bytes: int = 5_000_000) -> Iterator[Item]:
    """Every article under ``paths``; ``date`` is the publication date when an article has none."""
    for name in paths:
        if name == "-":
            yield from read_stdin(date, max_bytes)
            continue
        path = Path(name)
        if not path.exists():
            yield InputError(name, "does not exist", fix="Check the path.")
            continue
        for file in expand(path):
            yield from read_file(file, date, max_bytes)
