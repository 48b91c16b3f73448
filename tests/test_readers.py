import json

import pytest

from tidings.errors import InputError
from tidings.model import Article
from tidings.readers import read_articles


def split(items):
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, InputError)]
    return good, bad


def test_text_file_with_front_matter(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\ndate: 2025-02-02\ntitle: T\n---\nBody text.\n")
    [article] = list(read_articles([str(f)]))
    assert article.date == "2025-02-02" and article.title == "T" and article.text == "Body text.\n"
    assert article.id == "a"


def test_default_date_applies_only_when_missing(tmp_path):
    (tmp_path / "a.txt").write_text("Plain.")
    (tmp_path / "b.txt").write_text("---\ndate: 2024-01-01\n---\nDated.")
    good, _ = split(list(read_articles([str(tmp_path)], date="2025-02-02")))
    assert [a.date for a in good] == ["2025-02-02", "2024-01-01"]


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 news".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"a" * 2000)
    (tmp_path / "good.txt").write_text("Good article.")
    lines = [json.dumps({"id": "x1", "text": "one", "date": "2025-01-01"}), "{not json",
             json.dumps({"id": "x2"}), json.dumps({"id": "x3", "text": "three", "date": "Jan 5"}),
             json.dumps({"id": "x4", "text": "four"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    good, bad = split(list(read_articles([str(tmp_path)], max_bytes=1000)))
    assert sorted(a.id for a in good) == ["good", "x1", "x4"]
    reasons = {(e.path.rsplit("/", 1)[-1], e.line): e.reason for e in bad}
    assert "empty" in reasons[("empty.txt", None)]
    assert "binary" in reasons[("binary.txt", None)]
    assert "UTF-8" in reasons[("latin1.txt", None)]
    assert "larger than" in reasons[("big.txt", None)]
    assert "JSON" in reasons[("batch.jsonl", 2)]
    assert "text" in reasons[("batch.jsonl", 3)]
    assert "YYYY-MM-DD" in reasons[("batch.jsonl", 4)]
    assert all(str(e).startswith("[T100]") for e in bad)


def test_missing_path(tmp_path):
    [err] = list(read_articles([str(tmp_path / "nope.txt")]))
    assert isinstance(err, InputError) and "does not exist" in str(err)


def test_error_message_names_file_and_line(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text('{"text": "ok"}\n[1, 2]\n')
    _, [err] = split(list(read_articles([str(f)])))
    assert f"{f}:2" in str(err) and "fix:" in str(err)
