"""Agreements found by the whole pipeline: the seed, three articles over three weeks about one
ceasefire, and samples/02; the agreement and timeline commands (loads the spaCy model)."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SEED, need_shared
from tidings.agreements import timeline
from tidings.cli import app
from tidings.model import Article

pytestmark = pytest.mark.slow
THREE_WEEKS = ROOT / "tests" / "data" / "agreements"


def found(pipeline, path: Path, date: str | None = None):
    from tidings.readers import read_articles
    article = next(iter(read_articles([str(path)], date, 10_000_000)))
    return pipeline.process_doc(pipeline.nlp(article.text), article).agreements


def holders(agreement, stance: str) -> set[str]:
    return {m.id or m.name for s in agreement.stances if s.stance == stance for m in s.holder}


def test_seed_ceasefire_phases_provisions_stances(pipeline):
    records = found(pipeline, need_shared(SEED), "2025-02-02")
    deals = [a for a in records if a.kind == "agreement"]
    assert len(deals) == 1
    gaza = deals[0]
    assert gaza.family == "ceasefire" and "Gaza" in gaza.name
    assert {m.country for m in gaza.parties} == {"ISR", "PSE"}
    assert any(m.id == "hamas" for m in gaza.parties)
    one, two = gaza.phase(1), gaza.phase(2)
    assert one.status == "in_effect" and one.since == "2025-01-19"
    numbers = sorted(q.value for p in one.provisions for q in p.quantities)
    assert numbers == [33, 2000]
    assert two.status == "under_negotiation" and two.since == "2025-02-03"
    assert any(s.date == "2025-02-03" and "Washington" in (s.place or "") for s in two.statuses)
    assert "bezalel-smotrich" in holders(gaza, "oppose")
    assert any(m.sector == "PTY" for s in gaza.stances if s.stance == "oppose" for m in s.holder)
    assert "donald-trump" in holders(gaza, "doubt")
    proposals = [a for a in records if a.kind == "proposal"]
    assert len(proposals) == 1 and "relocate" in proposals[0].name
    assert {m.country for m in proposals[0].proposer} == {"USA"}
    assert {m.country for s in proposals[0].stances if s.stance == "oppose"
            for m in s.holder} == {"EGY", "JOR"}


def test_three_articles_signed_in_effect_collapsed(tmp_path):
    db = str(tmp_path / "three.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(THREE_WEEKS), "--db", db]).exit_code == 0
    from tidings.store import Store
    with Store.open(db, read_only=True) as store:
        agreements = store.agreements(party="ETH")
    assert len(agreements) == 1
    truce = agreements[0]
    changes = [r.what for r in timeline(truce) if r.what in ("agreed", "in_effect", "collapsed")]
    firsts = [w for i, w in enumerate(changes) if i == 0 or changes[i - 1] != w]
    assert firsts == ["agreed", "in_effect", "collapsed"]
    assert truce.status == "collapsed" and truce.phase_in_effect() is None
    assert len({e.article_id for e in truce.evidence}) == 3
    shown = runner.invoke(app, ["agreement", "show", truce.agreement_id[:6], "--db", db])
    assert shown.exit_code == 0 and "collapsed" in shown.output and "test-times" in shown.output
    listed = runner.invoke(app, ["agreements", "--db", db, "--party", "ERI"])
    assert "Ethiopia" in listed.output


def test_sample_two_phases_and_mediator(pipeline):
    records = found(pipeline, ROOT / "samples" / "02_agreement_phases.txt")
    congo = next(a for a in records if a.kind == "agreement")
    assert congo.phase(1).status == "in_effect" and congo.phase(2).status == "under_negotiation"
    assert {m.country for m in congo.mediators} == {"QAT"}
    assert any(a.kind == "proposal" and holders(a, "oppose") for a in records)


def test_timeline_command_writes_png_and_html(tmp_path):
    pytest.importorskip("matplotlib")
    db = str(tmp_path / "seed.duckdb")
    runner = CliRunner()
    need_shared(SEED)
    assert runner.invoke(app, ["ingest", str(SEED.parent), "--date", "2025-02-02", "--db", db]).exit_code == 0
    png, page = tmp_path / "isr.png", tmp_path / "isr.html"
    out = runner.invoke(app, ["timeline", "--actor", "ISR", "--by", "week", "--db", db,
                              "--plot", str(png), "--html", str(page)])
    assert out.exit_code == 0, out.output
    assert "2025-01-27" in out.output and png.stat().st_size > 5000 and "<svg" in page.read_text()
    exported = tmp_path / "agreements.jsonl"
    assert runner.invoke(app, ["export", "--format", "agreements", "-o", str(exported),
                               "--db", db]).exit_code == 0
    assert len(exported.read_text().splitlines()) == 2
