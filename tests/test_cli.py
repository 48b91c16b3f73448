"""The command line, end to end in-process (loads the model: slow)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tidings.cli import app

from .test_model import RECORD_FIELDS

pytestmark = pytest.mark.slow
TEXT = ("Israeli Prime Minister Benjamin Netanyahu will meet US President Donald Trump at the "
        "White House on Tuesday. Egypt and Jordan rejected the proposal.")


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(TEXT)
    return path


def test_jsonl_is_one_event_record_per_line(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--date", "2025-02-02"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(list(r) == RECORD_FIELDS for r in records)
    meet = next(r for r in records if r["trigger"]["text"] == "meet")
    assert meet["date"] == "2025-02-04" and meet["article_id"] == "one"


def test_table_and_output_file(runner, article, tmp_path):
    out = tmp_path / "events.txt"
    result = runner.invoke(app, ["extract", str(article), "--date", "2025-02-02",
                                 "--format", "table", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "CONSULT" in out.read_text() and "recipient" in out.read_text()


def test_json_format_is_one_list(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--format", "json"])
    assert isinstance(json.loads(result.stdout), list)


def test_mentions(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--mentions"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"article_id", "text", "start", "end", "kind", "name", "country", "sector", "id"} \
        <= set(records[0])
    netanyahu = next(r for r in records if r["id"] == "benjamin-netanyahu")
    assert netanyahu["kind"] == "person" and TEXT[netanyahu["start"]:netanyahu["end"]] == netanyahu["text"]


def test_stdin(runner):
    result = runner.invoke(app, ["extract", "-", "--date", "2025-02-02"], input=TEXT)
    assert result.exit_code == 0 and "CONSULT" in result.stdout


def test_bad_inputs_fail_loudly_and_the_rest_goes_on(runner, tmp_path):
    (tmp_path / "good.txt").write_text(TEXT)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 au lait in Paris.".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MB
    (tmp_path / "batch.jsonl").write_text('{"id": "j1", "text": "Egypt rejected the plan."}\n{oops\n')
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    for name in ("empty.txt", "binary.txt", "latin.txt", "huge.txt", "batch.jsonl:2"):
        assert name in result.stderr, result.stderr
    assert "5 input(s) failed" in result.stderr
    ids = {json.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert "good" in ids


def test_bad_date_is_a_usage_error(runner, article):
    result = runner.invoke(app, ["extract", str(article), "--date", "02/02/2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_help_lists_options(runner):
    result = runner.invoke(app, ["extract", "--help"])
    for option in ("--date", "--format", "--output", "--mentions", "--actors", "--config"):
        assert option in result.stdout
