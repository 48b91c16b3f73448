"""Agreement and timeline commands: ``agreements``, ``agreement show``, ``timeline`` (thin over
tidings.agreements, tidings.timeline and tidings.charts). Registered from tidings.cli."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from .agreements import Agreement, names, timeline
from .cli import TABLE_WIDTH, app, fail
from .cli_store import DB_HELP, ListFormat, open_store
from .errors import TidingsError
from .store import DEFAULT_DB
from .timeline import QUADS, TimelineQuery, timeline_rows

agreement_app = typer.Typer(help="One agreement in detail.", no_args_is_help=True)


def console() -> Console:
    out = Console()
    return out if out.is_terminal else Console(width=TABLE_WIDTH)


def phase_label(agreement: Agreement) -> str:
    live = agreement.phase_in_effect()
    if live is not None:
        return f"phase {live.number} (since {live.since or '?'})"
    return "-"


@app.command("agreements")
def agreements_cmd(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_HELP),
    party: Optional[str] = typer.Option(None, "--party", help="Only agreements with this party (code, country or id: ISR, hamas)."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or jsonl."),
) -> None:
    """List the agreements and proposals in the store, merged across articles."""
    store = open_store(db, read_only=True)
    try:
        found = store.agreements(party)
    finally:
        store.close()
    if fmt is not ListFormat.table:
        sys.stdout.writelines(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in found)
        return
    table = Table("id", "kind", "name", "parties", "status", "in effect", "phases", "stances",
                  "articles", "reported", header_style="bold")
    for a in found:
        first, last = a.dates()
        table.add_row(a.agreement_id, a.kind, a.name, names(a.parties + a.proposer) or "-",
                      a.status or "-", phase_label(a),
                      ", ".join(f"{p.number}: {p.status or '?'}" for p in a.phases) or "-",
                      str(len(a.stances)), str(len({e.article_id for e in a.evidence})),
                      f"{first} .. {last}")
    console().print(table)


@agreement_app.command("show")
def show(
    agreement_id: str = typer.Argument(..., help="Agreement id from `tidings agreements` (a unique prefix will do)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or jsonl."),
) -> None:
    """The timeline of one agreement: phases, statuses, provisions, stances, with sources."""
    store = open_store(db, read_only=True)
    try:
        found = [a for a in store.agreements() if a.agreement_id.startswith(agreement_id)]
    finally:
        store.close()
    if len(found) != 1:
        fail(f"[T640] {'no' if not found else 'more than one'} agreement with id {agreement_id!r}"
             "\n  fix: run `tidings agreements` to list the ids.")
    if fmt is not ListFormat.table:
        print(json.dumps(found[0].to_dict(), ensure_ascii=False))
        return
    print_agreement(console(), found[0])


def print_agreement(console: Console, a: Agreement) -> None:
    console.print(f"[bold]{a.name}[/bold] ({a.agreement_id}, {a.kind}, {a.family}): "
                  f"status {a.status or '?'}, in effect: {phase_label(a)}", highlight=False)
    console.print(f"parties: {names(a.parties) or '-'}; mediators: {names(a.mediators) or '-'}"
                  + (f"; proposed by {names(a.proposer)}" if a.proposer else ""), highlight=False)
    for p in a.phases:
        console.print(f"phase {p.number}: {p.status or '?'} since {p.since or '?'}; "
                      f"{len(p.provisions)} provision(s)", highlight=False)
    table = Table("day", "what", "phase", "detail", "source", "sentence", header_style="bold")
    for row in timeline(a):
        ev = row.evidence
        table.add_row(row.day or "?", row.what, str(row.phase or "-"), row.detail,
                      f"{ev.source or ev.article_id} ({ev.published or '?'})", ev.text[:120])
    console.print(table)


@app.command("timeline")
def timeline_cmd(
    actor: str = typer.Option(..., "--actor", help="Actor code, country or id (ISR, ISRGOV, hamas)."),
    partner: Optional[str] = typer.Option(None, "--with", help="Only events between --actor and this actor."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date."),
    by: str = typer.Option("week", "--by", help="Period: day, week, month or year."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also write a PNG chart here (needs matplotlib)."),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Also write an HTML page with the chart and table."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help=DB_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or jsonl."),
) -> None:
    """Cooperation and conflict of an actor per period: events by quad class, Goldstein balance."""
    from .charts import write_html, write_png
    store = open_store(db, read_only=True)
    title = f"{actor}" + (f" and {partner}" if partner else "") + f", by {by}"
    try:
        rows = timeline_rows(store, TimelineQuery(actor, partner, since, until, by))
        if plot:
            write_png(rows, title, plot)
        if html_out:
            write_html(rows, title, html_out)
    except TidingsError as exc:
        fail(str(exc))
    finally:
        store.close()
    print_timeline(rows, fmt)


def print_timeline(rows, fmt: ListFormat) -> None:
    if fmt is not ListFormat.table:
        sys.stdout.writelines(json.dumps(r.to_dict()) + "\n" for r in rows)
        return
    short = {"verbal_cooperation": "verb. coop", "material_cooperation": "mat. coop",
             "verbal_conflict": "verb. confl", "material_conflict": "mat. confl"}
    table = Table("period", "events", *(short[q] for q in QUADS), "balance", "mean goldstein",
                  header_style="bold")
    for r in rows:
        d = r.to_dict()
        table.add_row(*(str(d[k]) for k in ("period", "events", *QUADS, "balance",
                                             "mean_goldstein")))
    console().print(table)
