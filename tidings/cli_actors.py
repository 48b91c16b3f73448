"""`tidings actors ...`: look names up in the knowledge base, import other dictionaries.
A thin layer over tidings.lookup and tidings.petrarch; registered in tidings/cli.py."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

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
