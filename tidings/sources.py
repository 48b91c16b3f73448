"""Read articles for ingestion: text, JSON Lines, JSON, CSV/TSV, HTML pages, RSS/Atom feeds and WARC
crawls, each possibly gzipped, from files, directories (recursive) and glob patterns.

``read_sources`` yields ``(origin, item)`` pairs: ``origin`` names the place in the input the item
came from (``file``, ``file:line``, ``file[index]``, ``file#item3``, ``file@offset``) and ``item`` is
an ``Article`` or the ``InputError`` that says why that place could not be read. One bad place
never stops the others.
"""
from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from .errors import InputError
from .model import Article, content_id
from .readers import TOO_LARGE_FIX, check_date, decode, parse_json_line, parse_record, parse_text, \
    read_stdin

KINDS = {".txt": "text", ".text": "text", ".md": "text", ".jsonl": "jsonl", ".ndjson": "jsonl",
         ".json": "json", ".csv": "csv", ".tsv": "csv", ".html": "html", ".htm": "html",
         ".rss": "feed", ".atom": "feed", ".xml": "feed", ".warc": "warc", ".arc": "warc"}
GLOB_CHARS = "*?["
Origin = tuple[str, Article | InputError]


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Which CSV/TSV columns hold each article field (the header row names them)."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    source: str = "source"
    url: str = "url"


@dataclass(frozen=True, slots=True)
class SourceOptions:
    date: str | None = None            # publication date for articles that carry none
    max_bytes: int = 5_000_000         # the largest article accepted
    min_page_words: int = 8            # HTML pages with less main text than this are failures
    columns: CsvColumns = field(default_factory=CsvColumns)


def kind_of(path: Path) -> str | None:
    """The reader for a file name, looking through a ``.gz`` suffix; None when unknown."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return KINDS.get(suffixes[-1]) if suffixes else None


def expand(name: str) -> list[Path]:
    """A directory gives its known files recursively, a glob its matches, a file itself; sorted."""
    if any(c in name for c in GLOB_CHARS) and not Path(name).exists():
        matches = [Path(p) for p in sorted(glob.glob(name, recursive=True))]
        return [p for m in matches for p in expand(str(m))]
    path = Path(name)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p))
    return [path]


def read_sources(paths: Iterable[str], options: SourceOptions | None = None) -> Iterator[Origin]:
    """Every article under ``paths`` (``-`` is standard input), with where it came from."""
    options = options or SourceOptions()
    for name in paths:
        if name == "-":
            yield from stdin_items(options)
            continue
        files = expand(name)
        if not files or not files[0].exists():
            yield name, InputError(name, "does not exist", fix="Check the path or the pattern.")
            continue
        for path in files:
            yield from read_path(path, options)


def read_path(path: Path, options: SourceOptions) -> Iterator[Origin]:
    kind = kind_of(path) or "text"
    reader = {"text": read_text, "jsonl": read_jsonl, "json": read_json, "csv": read_csv,
              "html": read_html, "feed": read_feed, "warc": read_warc}[kind]
    try:
        yield from reader(path, options)
    except OSError as exc:
        yield str(path), InputError(str(path), f"cannot be read ({exc.strerror or exc})")


def stdin_items(options: SourceOptions) -> Iterator[Origin]:
    for item in read_stdin(options.date, options.max_bytes):
        where = item.id if isinstance(item, Article) else item.line
        yield f"<stdin>#{where}", item


# ---- opening files -----------------------------------------------------------------------------

def open_binary(path: Path):
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def compressed_error(where: str, exc: Exception, line: int | None = None) -> InputError:
    """The failure for a damaged compressed file, whatever layer noticed it."""
    return InputError(where, f"is a truncated or damaged gzip file ({exc})", line,
                      fix="Download or copy the file again; `gzip -t FILE` checks it.")


def read_whole(path: Path, max_bytes: int) -> bytes:
    """The file's bytes (decompressed), refusing more than ``max_bytes``."""
    where = str(path)
    try:
        with open_binary(path) as fh:
            raw = fh.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise compressed_error(where, exc) from None
    if len(raw) > max_bytes:
        raise InputError(where, f"is larger than the limit of {max_bytes:,} bytes", fix=TOO_LARGE_FIX)
    return raw


def lines(path: Path) -> Iterator[tuple[int, bytes | InputError]]:
    """Numbered raw lines of a (possibly gzipped) file; a damaged file ends with an error."""
    number = 0
    try:
        with open_binary(path) as fh:
            for number, raw in enumerate(fh, start=1):
                yield number, raw
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield number + 1, compressed_error(str(path), exc, number + 1)


# ---- one reader per kind -----------------------------------------------------------------------

def read_text(path: Path, options: SourceOptions) -> Iterator[Origin]:
    where = str(path)
    try:
        text = decode(read_whole(path, options.max_bytes), where, options.max_bytes)
        yield where, parse_text(text, where, article_stem(path), options.date)
    except InputError as exc:
        yield where, exc


def article_stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name[: -len(suffix)] if name.endswith(suffix) and name != suffix else name
    return name


def read_jsonl(path: Path, options: SourceOptions) -> Iterator[Origin]:
    where = str(path)
    for number, raw in lines(path):
        origin = f"{where}:{number}"
        if isinstance(raw, InputError):
            yield origin, raw
            return
        if not raw.strip():
            continue
        try:
            yield origin, parse_json_line(decode_line(raw, where, number, options.max_bytes),
                                          where, number, options.date)
        except InputError as exc:
            yield origin, exc


def decode_line(raw: bytes, where: str, number: int, max_bytes: int) -> str:
    if len(raw) > max_bytes:
        raise InputError(where, f"line is larger than the limit of {max_bytes:,} bytes", number,
                         fix=TOO_LARGE_FIX)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"is not UTF-8 (bad byte at offset {exc.start})", number,
                         fix="Convert it first, e.g. `iconv -f latin1 -t utf-8 FILE`.") from None


def read_json(path: Path, options: SourceOptions) -> Iterator[Origin]:
    """A JSON file: one article object, a list of them, or an object with an ``articles`` list."""
    where = str(path)
    try:
        records = json_records(path, where)
    except InputError as exc:
        yield where, exc
        return
    for index, record in enumerate(records):
        origin = f"{where}[{index}]"
        if not isinstance(record, dict):
            yield origin, InputError(origin, "is not a JSON object with a `text` field")
            continue
        try:
            yield origin, sized(parse_record(record, origin, None, options.date), origin, options)
        except InputError as exc:
            yield origin, exc


def json_records(path: Path, where: str) -> list:
    try:
        with open_binary(path) as fh:
            data = json.load(io.TextIOWrapper(fh, encoding="utf-8-sig"))
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise compressed_error(where, exc) from None
    except UnicodeDecodeError as exc:
        raise InputError(where, f"is not UTF-8 (bad byte at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(where, f"is not valid JSON ({exc.msg})", exc.lineno,
                         fix="A .json file holds one article object or a list of them.") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        return data["articles"]
    return data if isinstance(data, list) else [data]


def sized(article: Article, where: str, options: SourceOptions) -> Article:
    size = len(article.text.encode("utf-8"))
    if size > options.max_bytes:
        raise InputError(where, f"{size:,} bytes is larger than the limit of {options.max_bytes:,}",
                         fix=TOO_LARGE_FIX)
    return article


def read_csv(path: Path, options: SourceOptions) -> Iterator[Origin]:
    """CSV (or TSV, by suffix) with a header row; ``options.columns`` maps the columns."""
    where, cols = str(path), options.columns
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    with open_binary(path) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text, delimiter=delimiter)
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error, EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield where, csv_error(where, exc, 1)
            return
        if cols.text not in header:
            yield where, InputError(where, f"has no {cols.text!r} column (columns: "
                                    f"{', '.join(header) or 'none'})", 1,
                                    fix="Name the text column with --text-column.")
            return
        yield from csv_rows(reader, where, cols, options)


def csv_rows(reader: csv.DictReader, where: str, cols: CsvColumns,
             options: SourceOptions) -> Iterator[Origin]:
    width = len(reader.fieldnames or [])
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except (UnicodeDecodeError, csv.Error, EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield f"{where}:{reader.line_num + 1}", csv_error(where, exc, reader.line_num + 1)
            return
        origin = f"{where}:{reader.line_num}"
        try:
            yield origin, csv_article(row, width, where, reader.line_num, cols, options)
        except InputError as exc:
            yield origin, exc


def csv_article(row: dict, width: int, where: str, line: int, cols: CsvColumns,
                options: SourceOptions) -> Article:
    if None in row or None in row.values():
        found = width + len(row.get(None) or []) - sum(v is None for v in row.values())
        raise InputError(where, f"row has {found} fields, the header has {width}", line,
                         fix="Quote fields that contain the delimiter or a line break.")
    record = {name: row.get(getattr(cols, name)) or None for name in
              ("text", "id", "date", "title", "source", "url")}
    return sized(parse_record(record, where, line, options.date), f"{where}:{line}", options)


def csv_error(where: str, exc: Exception, line: int) -> InputError:
    if isinstance(exc, UnicodeDecodeError):
        return InputError(where, f"is not UTF-8 (bad byte at offset {exc.start})", line)
    if isinstance(exc, csv.Error):
        return InputError(where, f"is not valid CSV ({exc})", line)
    return compressed_error(where, exc, line)


# ---- HTML, feeds and WARC ----------------------------------------------------------------------

def read_html(path: Path, options: SourceOptions) -> Iterator[Origin]:
    where = str(path)
    try:
        raw = read_whole(path, options.max_bytes)
        yield where, html_article(raw, where, article_stem(path), None, options)
    except InputError as exc:
        yield where, exc


def html_article(raw: bytes, where: str, article_id: str | None, url: str | None,
                 options: SourceOptions) -> Article:
    """The main text and metadata of an HTML page (trafilatura)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    if not raw.strip():
        raise InputError(where, "is empty", fix="Remove the file or put a page in it.")
    if b"\x00" in raw[:8192]:
        raise InputError(where, "looks like a binary file (contains NUL bytes)")
    doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text.split()) < options.min_page_words:
        raise InputError(where, "has no main text (no article body found in the HTML)",
                         fix="Check that the page is an article, not a list, menu or script page.")
    published = safe_date(doc.date) or options.date
    return Article(text=text, id=article_id or content_id(url or text, prefix="a-"),
                   date=published, title=doc.title, source=doc.sitename,
                   url=doc.url or url)


def safe_date(value: str | None) -> str | None:
    try:
        return check_date(value, "metadata")
    except InputError:
        return None


def read_feed(path: Path, options: SourceOptions) -> Iterator[Origin]:
    """RSS or Atom: one article per item, its text from the item's content or summary."""
    import feedparser

    where = str(path)
    try:
        parsed = feedparser.parse(read_whole(path, options.max_bytes * 20))
    except InputError as exc:
        yield where, exc
        return
    if not parsed.entries:
        reason = "feed has no items" if parsed.get("version") else \
            f"is not an RSS or Atom feed ({parsed.get('bozo_exception', 'no feed found')})"
        yield where, InputError(where, reason, fix="Give tidings an RSS/Atom file with <item>s.")
        return
    source = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{where}#item{number}"
        try:
            yield origin, sized(feed_article(entry, origin, source, options), origin, options)
        except InputError as exc:
            yield origin, exc


def feed_article(entry, where: str, source: str | None, options: SourceOptions) -> Article:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary") or entry.get("description")
    text = html_text(body or "")
    if not text:
        raise InputError(where, "item has no text (no content or summary)")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = Date(*stamp[:3]).isoformat() if stamp else options.date
    link = entry.get("link")
    article_id = entry.get("id") or link
    return Article(text=text, id=content_id(article_id, prefix="a-") if article_id else "",
                   date=published, title=entry.get("title"), source=source, url=link)


BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment, with block elements on their own lines."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines_ = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines_ if line).strip()


def read_warc(path: Path, options: SourceOptions) -> Iterator[Origin]:
    """HTML responses in a WARC (or ARC) file, gzipped or not; other records are not articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where, offset = str(path), 0
    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for record in records:
                raw = warc_html(record, options.max_bytes)
                offset = records.get_record_offset()  # only after the content has been read
                if raw is not None and len(raw) <= options.max_bytes and \
                        getattr(record.raw_stream, "limit", 0) > 0:
                    raise EOFError(f"the record at offset {offset} ends early")
                if raw is not None:
                    yield f"{where}@{offset}", warc_item(record, raw, f"{where}@{offset}", options)
        except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as exc:
            yield f"{where}@{offset}+", InputError(
                where, f"is truncated or damaged after offset {offset} ({exc})",
                fix="Download or copy the WARC again; the records before that point were read.")


def warc_html(record, max_bytes: int) -> bytes | None:
    """The body of an HTML response record (at most ``max_bytes`` + 1 bytes); None otherwise."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    mime = record.http_headers.get_header("Content-Type") or ""
    if "html" not in mime.lower() or record.http_headers.get_statuscode() != "200":
        return None
    return record.content_stream().read(max_bytes + 1)


def warc_item(record, raw: bytes, where: str, options: SourceOptions) -> Article | InputError:
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(raw) > options.max_bytes:
        return InputError(where, f"page is larger than the limit of {options.max_bytes:,} bytes",
                          fix=TOO_LARGE_FIX)
    try:
        return html_article(raw, f"{where} {url}", None, url, options)
    except InputError as exc:
        return exc
