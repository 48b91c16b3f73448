"""Human-readable output: event and mention tables for the terminal."""
from __future__ import annotations

from rich.table import Table

from .model import Event, Mention


def actors_cell(mentions: list[Mention]) -> str:
    return "; ".join(f"{m.name or m.text} [{m.code or '?'}]" for m in mentions) or "-"


def events_table(rows: list[tuple[str, Event]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    several = len({article_id for article_id, _ in rows}) > 1
    for name in ("article",) * several + ("s", "event", "status", "actor", "recipient", "date",
                                          "where", "numbers", "trigger", "conf"):
        table.add_column(name, overflow="fold")
    for article_id, e in rows:
        numbers = ", ".join(f"{'~' if q.approx else ''}{q.to_dict()['value']} {q.what or ''}".strip()
                            for q in e.quantities)
        table.add_row(*(article_id,) * several, str(e.sentence), f"{e.event_type}/{e.mode or '-'} ({e.cameo})",
                      e.status, actors_cell(e.actor), actors_cell(e.recipient), e.date or "-",
                      e.location.name if e.location else "-", numbers or "-", e.trigger.text,
                      f"{e.confidence:.2f}")
    return table


def mentions_table(rows: list[dict]) -> Table:
    table = Table(header_style="bold")
    for name in ("article", "text", "start", "kind", "name", "country", "sector", "id"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(*(str(r.get(k) if r.get(k) is not None else "-") for k in
                        ("article_id", "text", "start", "kind", "name", "country", "sector", "id")))
    return table
