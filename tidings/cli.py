"""The command line: a thin layer over the library (``tidings --help``)."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .errors import TidingsError
from .pipeline import AGREEMENT_FINDERS, CODERS, Pipeline, Result
from .readers import check_date, read_articles
from .render import events_table, mentions_table
from .settings import load_settings

app = typer.Typer(help="tidings: news text in, political event data out (PLOVER 2.0 + CAMEO).",
                  no_args_is_help=True, add_completion=False)


TABLE_WIDTH = 170  # columns of a table written to a file or a pipe


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def fail(message: str, code: int = 2) -> None:
    Console(stderr=True).print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def progress(console: Console) -> Progress:
    return Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                    console=console, transient=True, disable=not console.is_terminal)


def records(result: Result, mentions: bool) -> list[dict]:
    if mentions:
        return [m.to_mention_record(result.article.id) for m in result.mentions]
    return [e.to_dict() for e in result.events]


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Article files (.txt), directories, .jsonl files, or - for stdin."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for articles that carry none."),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl: one record a line; json: one list; table: for people."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    mentions: bool = typer.Option(False, "--mentions", help="Write actor mention records instead of events."),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (TOML); see docs/settings.md."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor file(s) in the knowledge format."),
) -> None:
    """Read news articles and write the events (or actor mentions) found in them."""
    err = Console(stderr=True)
    try:
        check_date(date, "--date")
        settings = load_settings(config)
        if actors:
            settings = settings.with_overrides({"actors": [*settings.actors, *map(str, actors)]})
        pipeline = Pipeline(settings)
    except TidingsError as exc:
        fail(str(exc))
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failures, count, rows = 0, 0, []
    with progress(err) as bar:
        task = bar.add_task("extract", total=None, events=0)
        for item in pipeline.run(read_articles(paths, date, settings.max_article_bytes)):
            if isinstance(item, TidingsError):
                failures += 1
                err.print(f"[red]skipped[/red] {item}", highlight=False)
                continue
            found = records(item, mentions)
            count += len(found)
            bar.update(task, advance=1, events=count)
            if fmt is Format.jsonl:
                out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in found)
            elif fmt is Format.json:
                rows.extend(found)
            else:
                rows.extend((item.article.id, e) for e in item.events) if not mentions else rows.extend(found)
    finish(out, fmt, rows, mentions, output)
    if failures:
        err.print(f"[red]{failures} input(s) failed[/red]; the others were processed.")
        raise typer.Exit(1)


def finish(out, fmt: Format, rows: list, mentions: bool, output: Optional[Path]) -> None:
    if fmt is Format.json:
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt is Format.table:
        console = Console(file=out, width=None if out.isatty() else TABLE_WIDTH)
        console.print(mentions_table(rows) if mentions else events_table(rows))
    if output:
        out.close()


@app.command()
def info(config: Optional[Path] = typer.Option(None, "--config", help="Settings file (TOML).")) -> None:
    """Show the settings in force and the registered parts."""
    settings = load_settings(config)
    console = Console()
    for key, value in settings.__class__.__dataclass_fields__.items():
        console.print(f"{key:18} {getattr(settings, key)!r}")
    console.print(f"{'coders':18} {', '.join(CODERS.names())}")
    console.print(f"{'agreement finders':18} {', '.join(AGREEMENT_FINDERS.names())}")


@app.command("eval")
def eval_command(
    name: Optional[str] = typer.Argument(None, help="Development set (see --list)."),
    list_sets: bool = typer.Option(False, "--list", help="List the development sets and exit."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N cases."),
    data: Optional[Path] = typer.Option(None, "--data", help="Data root (default ../shared/data/dev or $TIDINGS_DEV_DATA)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (TOML)."),
) -> None:
    """Score `extract` on an annotated development set: precision, recall, F1, confusion."""
    from .devsets import evaluate
    from .evaltables import figures_line, sets_table, tables
    console = Console()
    if list_sets or not name:
        console.print(sets_table(data))
        return
    err = Console(stderr=True)
    bar = Progress(TextColumn(f"[bold]eval {name}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
    try:
        with bar:
            task = bar.add_task("eval", total=None)
            result = evaluate(name, data, limit, settings=load_settings(config),
                              progress=lambda done, total: bar.update(task, completed=done, total=total))
    except TidingsError as exc:
        fail(str(exc))
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    console.print(*tables(result))
    console.print(f"{result.name} ({result.cases} cases): {figures_line(result)}")


def main() -> None:  # pragma: no cover
    app()


from . import cli_store  # noqa: E402,F401  (registers ingest, events, stats, dyads, export)
from .cli_actors import actors_app  # noqa: E402  (sub-commands live in their own module)

app.add_typer(actors_app, name="actors")

from .cli_agreements import agreement_app  # noqa: E402  (also registers agreements, timeline)

app.add_typer(agreement_app, name="agreement")
