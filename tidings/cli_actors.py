"""`tidings actors ...`: look names up in the knowledge base, import other dictionaries.
A thin layer over tidings.lookup and tidings.petrarch; registered in tidings/cli.py."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
import yaml
from rich.console import Console
from rich.table import Table

from . import petrarch
from .errors import TidingsError
from .kb import KnowledgeBase
from .lookup import Resolution, explain
from .readers import check_date
from .settings import load_settings

actors_app = typer.Typer(help="The actor knowledge base: look up names, import dictionaries.",
                         no_args_is_help=True)


def _fail(message: str, code: int = 2) -> None:
    Console(stderr=True).print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _table(rows: list[Resolution], query: str, day: str | None, as_of: str | None) -> Table:
    table = Table(title=f"{query!r} on {day or f'the knowledge date ({as_of})'}",
                  header_style="bold", title_justify="left")
    for name in ("matched", "how", "entry", "kind", "role on date", "country", "sector", "former"):
        table.add_column(name, overflow="fold")
    for r in rows:
        role = "-" if r.role is None else \
            f"{r.role.title} ({r.role.start or '?'} .. {r.role.end or 'now'})"
        entry = f"{r.entry.name} [{r.entry.id}]" if r.entry else "-"
        table.add_row(r.form, r.how, entry, r.kind, role, r.country or "-", r.sector or "-",
                      "yes" if r.former else "no")
    return table


@actors_app.command("lookup")
def lookup(
    name: str = typer.Argument(..., help='A name or role phrase: "Netanyahu", "the US president", "Israeli troops".'),
    date: Optional[str] = typer.Option(None, "--date", help="The date (YYYY-MM-DD) the phrase is read on; default: the knowledge base's as-of date."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object a reading, one a line."),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (TOML); its `actors` files are loaded."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor file(s) in the knowledge format."),
) -> None:
    """Show what a name or role phrase resolves to on a date, and why."""
    try:
        check_date(date, "--date")
        settings = load_settings(config)
        kb = KnowledgeBase.load([*settings.actors, *map(str, actors)])
    except TidingsError as exc:
        _fail(str(exc))
    found = explain(kb, name, date)
    if as_json:
        for r in found:
            typer.echo(json.dumps(r.to_dict(), ensure_ascii=False))
    elif found:
        Console().print(_table(found, name, date, kb.as_of))
    if not found:
        Console(stderr=True).print(f"no reading of {name!r} in the knowledge base")
        raise typer.Exit(1)


class ImportFormat(str, Enum):
    petrarch = "petrarch"


@actors_app.command("import")
def import_(
    files: list[Path] = typer.Argument(..., help="Dictionary file(s): actors and/or agents."),
    fmt: ImportFormat = typer.Option(..., "--format", "-f", help="The dictionaries' format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the YAML here (default: stdout)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="The date the dictionaries were last checked (YYYY-MM-DD)."),
) -> None:
    """Convert other coders' actor/agent dictionaries into a tidings actors file (use it with --actors)."""
    try:
        check_date(as_of, "--as-of")
        doc = petrarch.merge(petrarch.import_file(f, as_of) for f in files)
    except TidingsError as exc:
        _fail(str(exc))
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, "utf-8")
    Console(stderr=True).print(f"wrote {len(doc['actors'])} actors and {len(doc['agents'])} agents "
                               f"to {output}", highlight=False)
