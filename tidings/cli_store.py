"""Store commands of the command line: ingest, events, stats, dyads, export (thin over the library).

Registered on ``tidings.cli.app`` when that module is imported.
"""
from __future__ import annotations

import csv
import functools
import inspect
import json
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .cli import app, fail
from .errors import TidingsError
from .exports import CSV_COLUMNS, FORMATS, export as export_store, flat_row
from .ingest import PipelineProcessor, ingest as ingest_sources, worker_pipeline
from .query import EventQuery
from .readers import check_date
from .settings import load_settings
from .sources import CsvColumns, SourceOptions, read_sources
from .store import DEFAULT_DB, Store

DB_HELP = "The store file (DuckDB); created when missing."


class ListFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def open_store(db: Path, read_only: bool = False) -> Store:
    if read_only and not db.exists():
        fail(f"[T600] {db}: no such store\n  fix: run `tidings ingest PATH --db {db}` first.")
    try:
        return Store.open(db, read_only=read_only)
    except TidingsError as exc:
        fail(str(exc))


def ingest_bar(console: Console) -> Progress:
    return Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed} articles"),
                    TextColumn("{task.fields[rate]:.1f} articles/s"),
                    TextColumn("{task.fields[events]} events"),
                    TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(),
                    console=console, transient=True, disable=not console.is_terminal)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive) or glob patterns: .txt, .jsonl, .json, .csv/.tsv, .html, .rss/.atom/.xml, .warc, any of them .gz; - for stdin."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes; each loads the NLP pipeline once."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for articles that carry none."),
    text_column: str = typer.Option("text", "--text-column", help="CSV column with the article text."),
    id_column: str = typer.Option("id", "--id-column", help="CSV column with the article id."),
    date_column: str = typer.Option("date", "--date-column", help="CSV column with the publication date."),
    title_column: str = typer.Option("title", "--title-column", help="CSV column with the title."),
    source_column: str = typer.Option("source", "--source-column", help="CSV column with the news source."),
    url_column: str = typer.Option("url", "--url-column", help="CSV column with the URL."),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (TOML); see docs/settings.md."),
) -> None:
    """Code news articles and add them to the event store (idempotent and resumable)."""
    err = Console(stderr=True)
    try:
        check_date(date, "--date")
        settings = load_settings(config)
        if workers == 1:
            worker_pipeline(settings)
    except TidingsError as exc:
        fail(str(exc))
    columns = CsvColumns(text_column, id_column, date_column, title_column, source_column, url_column)
    items = read_sources(paths, SourceOptions(date, settings.max_article_bytes, columns=columns))
    store = open_store(db)
    with ingest_bar(err) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, events=0, failed=0)
        show = lambda r: bar.update(task, completed=r.added + r.skipped, rate=r.rate,  # noqa: E731
                                    events=r.events, failed=r.failed)
        try:
            report = ingest_sources(store, items, PipelineProcessor(settings), workers, on_progress=show)
        except TidingsError as exc:
            store.close()
            fail(str(exc))
    store.close()
    summarize(err, report, db)


def summarize(err: Console, report, db: Path) -> None:
    for origin, message in report.failures[:20]:
        err.print(f"[red]failed[/red] {message}", highlight=False)
    if report.failed > 20:
        err.print(f"... and {report.failed - 20} more (see `tidings stats --failures --db {db}`)")
    err.print(f"{report.added} added, {report.skipped} already stored, {report.failed} failed; "
              f"{report.events} events, {report.duplicates} near-duplicate articles; "
              f"{report.rate:.2f} articles/s -> {db}", highlight=False)
    if report.failed:
        raise typer.Exit(1)


# The event filters of `events` and `export` (tidings.query.EventQuery).
ACTOR = typer.Option(None, "--actor", help="Actor code, country or id (ISRGOV, ISR, benjamin-netanyahu).")
RECIPIENT = typer.Option(None, "--recipient", help="Recipient code, country or id.")
EVENT_TYPE = typer.Option(None, "--type", help="PLOVER event type (CONSULT, ASSAULT, ...).")
STATUS = typer.Option(None, "--status", help="occurred, ongoing, planned, hypothetical or negated.")
SINCE = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Events on or before this date.")
COUNTRY = typer.Option(None, "--country", help="Country (ISO alpha-3) of the event's location.")
TEXT = typer.Option(None, "--text", help="Sentence contains this text (case-insensitive).")
FILTERS = {"actor": ACTOR, "recipient": RECIPIENT, "event_type": EVENT_TYPE, "status": STATUS,
           "since": SINCE, "until": UNTIL, "country": COUNTRY, "text": TEXT}  # EventQuery field -> option


def filtered(command: Callable[..., None]) -> Callable[..., None]:
    """Declare the FILTERS options where ``command`` has its ``query`` parameter, and call it with
    them as one EventQuery: `events` and `export` share the filters without repeating them."""
    own = inspect.signature(command, eval_str=True).parameters
    kind = own["query"].kind
    shared = [inspect.Parameter(name, kind, default=option, annotation=Optional[str])
              for name, option in FILTERS.items()]
    params = [q for p in own.values() for q in (shared if p.name == "query" else [p])]

    @functools.wraps(command)
    def run(**values: Any) -> None:
        command(query=EventQuery(**{name: values.pop(name) for name in FILTERS}), **values)

    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]  (read by Typer)
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


@app.command()
@filtered
def events(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_HELP),
    query: EventQuery = EventQuery(),  # the FILTERS options (see `filtered`)
    clusters: bool = typer.Option(False, "--clusters", help="One row per real-world event (cluster) instead of per report."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many rows."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Query the events in the store."""
    query = replace(query, limit=limit)
    store = open_store(db, read_only=True)
    try:
        if clusters:
            print_clusters([c.to_dict() for c in store.clusters(query)], fmt)
        else:
            print_events(store, query, fmt)
    except TidingsError as exc:
        fail(str(exc))
    finally:
        store.close()


def print_events(store: Store, query: EventQuery, fmt: ListFormat) -> None:
    rows = store.iter_events(query)
    if fmt is ListFormat.jsonl:
        sys.stdout.writelines(r["record"] + "\n" for r in rows)
    elif fmt is ListFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(flat_row(json.loads(r["record"]), r) for r in rows)
    else:
        from .model import Event
        from .render import events_table
        records = [Event.from_dict(json.loads(r["record"])) for r in rows]
        Console().print(events_table([(e.article_id, e) for e in records]))


CLUSTER_COLUMNS = ("cluster_id", "event_type", "actor_key", "recipient_key", "day_lo", "day_hi",
                   "num_events", "num_articles", "num_stories", "num_sources", "place", "text")


def print_clusters(rows: list[dict], fmt: ListFormat) -> None:
    if fmt is ListFormat.jsonl:
        sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    elif fmt is ListFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else CLUSTER_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(header_style="bold")
        for name in CLUSTER_COLUMNS:
            table.add_column(name, overflow="fold")
        for r in rows:
            table.add_row(*("-" if r[k] is None else str(r[k]) for k in CLUSTER_COLUMNS))
        Console().print(table)


@app.command()
def stats(db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_HELP),
          failures: bool = typer.Option(False, "--failures", help="List every recorded failure.")) -> None:
    """Summarize the store: counts, events by type and status, failures."""
    store = open_store(db, read_only=True)
    summary, failed = store.stats(), store.failures() if failures else []
    store.close()
    console = Console()
    table = Table("what", "count", header_style="bold")
    for key, value in summary.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        table.add_row(key, str(value))
    table.add_row("file size", f"{db.stat().st_size:,} bytes")
    console.print(table)
    for row in failed:
        console.print(f"{row['origin']}: [{row['code']}] {row['reason']}", highlight=False)


@app.command()
def dyads(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date."),
    by: str = typer.Option("week", "--by", help="Period: day, week, month or year."),
    level: str = typer.Option("country", "--level", help="country (ISR) or code (ISRGOV)."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Real-world events and mean Goldstein per actor -> recipient pair per period."""
    store = open_store(db, read_only=True)
    try:
        rows = store.dyads(since, until, by, level)
    except TidingsError as exc:
        fail(str(exc))
    finally:
        store.close()
    rows = [{**r, "period": r["period"].isoformat()} for r in rows]
    if fmt is ListFormat.table:
        table = Table("period", "actor", "recipient", "events", "reports", "mean goldstein",
                      header_style="bold")
        for r in rows:
            table.add_row(*(str(r[k]) for k in ("period", "actor", "recipient", "events",
                                                 "reports", "mean_goldstein")))
        Console().print(table)
    else:
        print_clusters(rows, fmt)


@app.command("export")
@filtered
def export_cmd(
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_HELP),
    query: EventQuery = EventQuery(),  # the FILTERS options (see `filtered`)
) -> None:
    """Export the store, or the events matching the filters: event records (jsonl, csv, parquet),
    PLOVER JSON, Phoenix or GDELT tables."""
    store = open_store(db, read_only=True)
    try:
        count = export_store(store, fmt, output, query)
    except TidingsError as exc:
        fail(str(exc))
    finally:
        store.close()
    Console(stderr=True).print(f"{count} rows -> {output} ({fmt})", highlight=False)
