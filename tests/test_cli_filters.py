"""The event filter options shared by `tidings events` and `tidings export` (tidings/cli_store.py)."""
from __future__ import annotations

import typer
from typer.main import get_command
from typer.testing import CliRunner

from tidings.cli import app
from tidings.cli_store import FILTERS, filtered
from tidings.query import EventQuery

FILTER_FLAGS = {"--actor", "--recipient", "--type", "--status", "--since", "--until", "--country",
                "--text"}


def options(command: str) -> set[str]:
    """The option names Typer reports for a sub-command of ``tidings``."""
    params = get_command(app).commands[command].params  # type: ignore[attr-defined]
    return {name for p in params for name in p.opts}


def test_events_and_export_accept_the_same_filter_options():
    events, export = options("events"), options("export")
    assert FILTER_FLAGS <= events and FILTER_FLAGS <= export
    assert events - {"--clusters", "--limit"} == export - {"--output", "-o"}


def test_every_filter_is_listed_in_help():
    for command in ("events", "export"):
        shown = CliRunner().invoke(app, [command, "--help"], terminal_width=200).stdout
        assert all(flag in shown for flag in FILTER_FLAGS), command


def test_a_filtered_command_gets_one_query_and_its_own_options():
    seen = []
    demo = typer.Typer()

    @demo.command()
    @filtered
    def show(query: EventQuery = EventQuery(),
             top: int = typer.Option(3, "--top", help="Own option.")) -> None:
        seen.append((query, top))

    result = CliRunner().invoke(demo, ["--actor", "ISR", "--type", "assault", "--since", "2024-01",
                                       "--top", "5"])
    assert result.exit_code == 0, result.output
    assert seen == [(EventQuery(actor="ISR", event_type="assault", since="2024-01"), 5)]
    assert set(FILTERS) <= set(EventQuery.__dataclass_fields__)
