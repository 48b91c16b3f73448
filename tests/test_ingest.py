"""Ingestion into a real DuckDB file: every reader, the bad-input catalogue, idempotence,
worker processes and kill-and-resume. A fake processor stands in for the NLP pipeline."""
from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.ingest import ingest
from tidings.model import Article
from tidings.sources import SourceOptions, CsvColumns, read_sources
from tidings.store import Store

from .storekit import FakeProcessor

ROOT = Path(__file__).resolve().parent.parent
BODY = "Israel and the United States held talks in Washington on Monday about the ceasefire."
PAGE = ("<html><head><title>Talks in Washington</title>"
        "<meta property='article:published_time' content='2025-02-03'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Talks</h1>"
        f"<p>{BODY}</p><p>{BODY.replace('Monday', 'Tuesday')}</p></article>"
        "<footer>Copyright</footer></body></html>")


def run(tmp_path, paths, options=None, workers=1):
    with Store.open(tmp_path / "t.duckdb") as store:
        report = ingest(store, read_sources([str(p) for p in paths], options), FakeProcessor(),
                        workers=workers)
        return report, store.stats(), store.failures(), [
            r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY seq").fetchall()]


def warc_bytes(pages: list[tuple[str, str]], gzipped: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(
            html.encode()), http_headers=headers))
    writer.write_record(writer.create_warc_record("https://n.example/robots.txt", "request",
                                                  payload=io.BytesIO(b"GET /")))
    return buffer.getvalue()


def test_every_reader(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(f"---\ndate: 2025-02-02\n---\n{BODY}")
    (src / "b.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "b", "text": BODY + " B"}).encode()))
    (src / "c.json").write_text(json.dumps({"articles": [{"id": "c1", "text": BODY + " C1"},
                                                         {"id": "c2", "text": BODY + " C2"}]}))
    (src / "d.tsv").write_text(f"key\tbody\twhen\nd1\t{BODY} D\t2025-02-01\n")
    (src / "e.html").write_text(PAGE)
    (src / "f.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>F</title>"
        "<link>https://n.example/f</link><pubDate>Mon, 03 Feb 2025 09:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{BODY} F&lt;/p&gt;</description></item></channel></rss>")
    (src / "g.atom").write_text(
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Atom wire</title>"
        "<entry><id>urn:g</id><title>G</title><updated>2025-02-04T00:00:00Z</updated>"
        f"<content type='html'>{BODY} G</content></entry></feed>")
    (src / "h.warc.gz").write_bytes(warc_bytes([("https://n.example/h", PAGE.replace("ceasefire", "truce"))], True))
    (src / "i.html.gz").write_bytes(gzip.compress(PAGE.replace("talks", "a meeting").encode()))
    options = SourceOptions(columns=CsvColumns(text="body", id="key", date="when"))
    report, stats, failures, ids = run(tmp_path, [src], options)
    assert failures == [] and report.failed == 0
    assert len(ids) == 10 and {"a", "b", "c1", "c2", "d1", "e", "i"} <= set(ids)
    with Store.open(tmp_path / "t.duckdb") as store:
        rows = dict(store.con.execute("SELECT id, date::VARCHAR FROM articles").fetchall())
        html = store.con.execute("SELECT title, text FROM articles WHERE id = 'e'").fetchone()
        warc = store.con.execute("SELECT url FROM articles WHERE url LIKE '%/h'").fetchone()
        feeds = store.con.execute("SELECT source FROM articles WHERE source ILIKE '%wire%' "
                                  "ORDER BY 1").fetchall()
    assert rows["a"] == "2025-02-02" and rows["d1"] == "2025-02-01" and rows["e"] == "2025-02-03"
    assert html[0].startswith("Talks") and "Home" not in html[1] and BODY in html[1]
    assert warc == ("https://n.example/h",) and feeds == [("Atom wire",), ("Wire",)]


def test_bad_input_catalogue(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (src / "latin1.txt").write_bytes("Caf\xe9 au lait in Paris.".encode("latin-1"))
    (src / "cut.jsonl.gz").write_bytes(gzip.compress(
        "\n".join(json.dumps({"text": f"{BODY} {i}"}) for i in range(200)).encode())[:300])
    (src / "rows.jsonl").write_text(f'{{"id": "ok1", "text": "{BODY}"}}\n{{oops\n[1]\n{{"id": "x"}}\n')
    (src / "rows.csv").write_text(f'id,text\nok2,"{BODY} csv"\nbad,"a","b"\nempty,\n')
    (src / "latin1.csv").write_bytes("id,text\nl1,caf\xe9\n".encode("latin-1"))
    (src / "broken.json").write_text('[{"id": "j", "text": "x"')
    (src / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (src / "none.rss").write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>N"
                                  "</title></channel></rss>")
    (src / "huge.txt").write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MB
    cut = warc_bytes([("https://n.example/1", PAGE), ("https://n.example/2", PAGE + " ")], True)
    (src / "cut.warc.gz").write_bytes(cut[: len(cut) * 2 // 3])
    report, stats, failures, ids = run(tmp_path, [src])
    reasons = {f["origin"].replace(str(src) + "/", ""): f["reason"] for f in failures}
    expected = {"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "UTF-8",
                "rows.jsonl:2": "JSON", "rows.jsonl:3": "object", "rows.jsonl:4": "text",
                "rows.csv:3": "fields", "rows.csv:4": "text", "latin1.csv": "UTF-8",
                "broken.json": "JSON", "menu.html": "no main text", "none.rss": "no items",
                "huge.txt": "larger than"}
    for origin, word in expected.items():
        assert word in reasons.get(origin, ""), (origin, reasons)
    assert any(o.startswith("cut.jsonl.gz:") and "gzip" in r for o, r in reasons.items())
    assert any(o.startswith("cut.warc.gz@") and "truncated" in r for o, r in reasons.items())
    assert {"ok1", "ok2"} <= set(ids) and report.added == len(ids)
    assert report.failed == len(failures) == stats["failures"]
    assert all(f["code"] == "T100" for f in failures)


def test_ingesting_twice_adds_nothing(tmp_path):
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps({"id": f"n{i}", "text": f"{BODY} {i}",
                                                            "date": "2025-02-03"}) for i in range(5)))
    first, stats1, _, _ = run(tmp_path, [tmp_path / "a.jsonl"])
    again, stats2, _, _ = run(tmp_path, [tmp_path / "a.jsonl"])
    assert first.added == 5 and again.added == 0 and again.skipped == 5 and stats1 == stats2


def test_two_worker_processes_give_the_same_store(tmp_path):
    lines = "\n".join(json.dumps({"id": f"w{i}", "text": f"{BODY} {i}"}) for i in range(20))
    (tmp_path / "w.jsonl").write_text(lines)
    one = tmp_path / "one"
    one.mkdir()
    two = tmp_path / "two"
    two.mkdir()
    _, stats1, _, ids1 = run(one, [tmp_path / "w.jsonl"])
    _, stats2, _, ids2 = run(two, [tmp_path / "w.jsonl"], workers=2)
    assert stats1 == stats2 and ids1 == ids2


KILL_SCRIPT = """
import sys
from tidings.ingest import ingest
from tidings.sources import read_sources
from tidings.store import Store
from tests.storekit import FakeProcessor
with Store.open(sys.argv[1]) as store:
    def show(report):
        print(report.added, flush=True)
    ingest(store, read_sources([sys.argv[2]]), FakeProcessor(float(sys.argv[3])),
           chunk=int(sys.argv[4]), on_progress=show)
"""
DUMP = ("articles", "sentences", "mentions", "events", "dyads", "clusters", "cluster_members",
        "failures", "signatures", "lsh_buckets")


def dump(path: Path) -> dict:
    with Store.open(path) as store:
        return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in DUMP}


def ingest_process(db: Path, source: Path, delay: float, chunk: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(db), str(source), str(delay),
                             str(chunk)], cwd=ROOT, stdout=subprocess.PIPE, text=True)


@pytest.mark.parametrize("chunk", [1, 4])
def test_killed_run_resumed_ends_with_the_same_store(tmp_path, chunk):
    records = [{"id": f"k{i}", "text": f"Story {i}. " + " ".join(f"w{i}x{j}" for j in range(30)),
                "date": f"2025-02-{1 + i % 20:02d}", "source": f"s{i % 3}"} for i in range(40)]
    records.insert(20, {"id": "bad"})
    source = tmp_path / "k.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records))
    whole = ingest_process(tmp_path / "whole.duckdb", source, 0.0, 8)
    assert whole.wait(120) == 0
    killed = ingest_process(tmp_path / "resumed.duckdb", source, 0.05, chunk)
    for line in killed.stdout:
        if int(line) >= 10:
            os.kill(killed.pid, signal.SIGKILL)
            break
    killed.wait(60)
    assert killed.returncode == -signal.SIGKILL
    partial = dump(tmp_path / "resumed.duckdb")
    assert 10 <= len(partial["articles"]) < 40
    assert ingest_process(tmp_path / "resumed.duckdb", source, 0.0, chunk).wait(120) == 0
    assert dump(tmp_path / "resumed.duckdb") == dump(tmp_path / "whole.duckdb")


def test_stdin_and_globs(tmp_path, monkeypatch):
    (tmp_path / "x1.txt").write_text(BODY)
    (tmp_path / "x2.txt").write_text(BODY + " Two.")
    items = list(read_sources([str(tmp_path / "x*.txt")]))
    assert [type(i) for _, i in items] == [Article, Article]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode())))
    [(origin, article)] = list(read_sources(["-"]))
    assert origin.startswith("<stdin>") and article.text == BODY
