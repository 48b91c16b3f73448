"""Scoring actors against labelled data: PETRARCH validation records (expected source and
target codes) and re3d entity annotations (mention kinds). Used by scripts/score_*.py."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .model import Article, Event, Mention

CODE_WIDTH = 6  # tidings codes are country + sector: compare the first six letters
NULL_COUNTRY = "---"


# --- PETRARCH records ------------------------------------------------------------------------

@dataclass(slots=True)
class Coding:
    source: str
    target: str
    event: str


@dataclass(slots=True)
class Record:
    id: str
    date: str | None
    text: str
    codings: list[Coding] = field(default_factory=list)


def read_petrarch_records(path: Path) -> list[Record]:
    """``<Sentence date id><EventCoding sourcecode targetcode eventcode/><Text/>`` records;
    codings marked ``noevents`` are dropped (the record is kept with no codings)."""
    root = ET.parse(path).getroot()
    records = []
    for node in root.iter("Sentence"):
        day = node.get("date") or ""
        codings = [Coding(c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
                   for c in node.iter("EventCoding") if c.get("sourcecode")]
        text = " ".join((node.findtext("Text") or "").split())
        records.append(Record(node.get("id", ""), f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8
                              else None, text, codings))
    return records


def short_code(mention: Mention) -> str:
    """A mention's code as PETRARCH writes it: ``---`` for an agent without a country."""
    return ((mention.country or NULL_COUNTRY) + (mention.sector or ""))[:CODE_WIDTH]


@dataclass(slots=True)
class DyadReport:
    codings: int = 0
    in_mentions: int = 0      # both codes among the sentence's actor mentions and event arguments
    in_event: int = 0         # one event has the source as actor and the target as recipient
    with_root: int = 0        # ... and the expected CAMEO root code
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.codings if self.codings else 0.0


def score_dyads(records: Iterable[Record], results: Iterable) -> DyadReport:
    """Compare each record's expected codings with what the pipeline found in its text."""
    report = DyadReport()
    for record, result in zip(records, results):
        codes = {short_code(m) for m in result.mentions} | \
            {short_code(m) for e in result.events for m in (*e.actor, *e.recipient)}
        for coding in record.codings:
            report.codings += 1
            source, target = coding.source[:CODE_WIDTH], coding.target[:CODE_WIDTH]
            report.in_mentions += source in codes and target in codes
            events = [e for e in result.events if _has_dyad(e, source, target)]
            report.in_event += bool(events)
            report.with_root += any((e.cameo or "")[:2] == coding.event[:2] for e in events)
            if not events:
                report.misses.append((record.id, coding.source, coding.target))
    return report


def _has_dyad(event: Event, source: str, target: str) -> bool:
    return any(short_code(m) == source for m in event.actor) and \
        any(short_code(m) == target for m in event.recipient)


def petrarch_articles(records: Iterable[Record]) -> list[Article]:
    return [Article(text=r.text, id=r.id, date=r.date) for r in records]


# --- re3d mentions -------------------------------------------------------------------------

RE3D_KINDS = {"Person": "person", "Organisation": "organization", "Location": "location",
              "Nationality": "nationality"}
# tidings kinds that count as each re3d type: re3d tags countries Location (or Organisation)
TIDINGS_TO_RE3D = {"person": "Person", "organization": "Organisation", "group": "Organisation",
                   "location": "Location", "country": "Location", "nationality": "Nationality"}


@dataclass(frozen=True, slots=True)
class Span:
    doc: str
    start: int
    end: int
    type: str


def read_re3d(folder: Path) -> tuple[list[Article], dict[Span, float]]:
    """Every re3d sub-corpus under ``folder``: documents.json (one JSON object a line, ``_id``
    and ``text``) and entities.json (``documentId``, ``begin``, ``end``, ``type``,
    ``confidence``) -> articles and gold spans with their confidence."""
    articles, golds = [], {}
    for docs in sorted(folder.glob("*/documents.json")):
        for row in _json_lines(docs):
            articles.append(Article(text=row["text"], id=row["_id"]))
        for row in _json_lines(docs.parent / "entities.json"):
            if row.get("type") in RE3D_KINDS:
                span = Span(row["documentId"], row["begin"], row["end"], row["type"])
                golds[span] = max(golds.get(span, 0.0), float(row.get("confidence") or 0.0))
    return articles, golds


def _json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def pick_alternatives(golds: list[Span], predicted: list[Span],
                      confidence: dict[Span, float]) -> list[Span]:
    """re3d often gives one span two types (a country as Location and Organisation): keep the
    type a prediction at that span has, else the most confident one; one gold span each."""
    by_offset: dict[tuple[str, int, int], list[Span]] = {}
    for g in golds:
        by_offset.setdefault((g.doc, g.start, g.end), []).append(g)
    predicted_at = {(p.doc, p.start, p.end): p.type for p in predicted}
    out = []
    for key, spans in by_offset.items():
        same = [g for g in spans if g.type == predicted_at.get(key)]
        out.append(same[0] if same else max(spans, key=lambda g: confidence.get(g, 0.0)))
    return out


def predicted_spans(article_id: str, mentions: Iterable[Mention]) -> list[Span]:
    return [Span(article_id, m.start, m.end, TIDINGS_TO_RE3D[m.kind]) for m in mentions
            if m.kind in TIDINGS_TO_RE3D]


PRONOUNS = {"i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
            "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
            "they", "them", "their", "theirs", "themselves", "this", "that", "these", "those"}
ARTICLES = {"the", "a", "an"}


def is_named(text: str) -> bool:
    """A proper-name span: some word (not an article or pronoun) starts with a capital."""
    return any(w[:1].isupper() and w.lower() not in PRONOUNS | ARTICLES for w in text.split())


def named_only(spans: Iterable[Span], texts: dict[str, str]) -> list[Span]:
    return [s for s in spans if is_named(texts[s.doc][s.start:s.end])]


def _norm(text: str, span: Span) -> tuple[str, str, str]:
    """Compare spans on their text without a leading "the" or a trailing possessive."""
    words = re.sub(r"(?:'s|’s)$", "", text[span.start:span.end].strip())
    words = re.sub(r"^(?:the|The)\s+", "", words)
    return span.doc, " ".join(words.split()), span.type


def score_spans(golds: list[Span], predicted: list[Span], texts: dict[str, str],
                exact: str = "text") -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type. Matching (same document and type, and): ``text``
    overlapping offsets and the same text without "the"/"'s"; ``offsets`` identical offsets;
    ``overlap`` any overlap (partial match)."""
    out = {}
    for kind in RE3D_KINDS:
        gold = [g for g in golds if g.type == kind]
        pred = [p for p in predicted if p.type == kind]
        hit_pred = sum(any(_match(p, g, texts, exact) for g in gold) for p in pred)
        hit_gold = sum(any(_match(p, g, texts, exact) for p in pred) for g in gold)
        precision = hit_pred / len(pred) if pred else 0.0
        recall = hit_gold / len(gold) if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[kind] = {"precision": precision, "recall": recall, "f1": f1,
                     "gold": len(gold), "predicted": len(pred)}
    return out


def _match(p: Span, g: Span, texts: dict[str, str], exact: str) -> bool:
    if p.doc != g.doc or p.type != g.type:
        return False
    if exact == "offsets":
        return (p.start, p.end) == (g.start, g.end)
    if p.start >= g.end or g.start >= p.end:
        return False
    return exact == "overlap" or _norm(texts[p.doc], p) == _norm(texts[g.doc], g)


def missed(golds: list[Span], predicted: list[Span], texts: dict[str, str]) -> list[Span]:
    return [g for g in golds if not any(_match(p, g, texts, "text") for p in predicted)]


def confusion(golds: list[Span], predicted: list[Span]) -> Counter:
    """(gold type, predicted type) counts for spans at identical offsets: what gets mis-typed."""
    by_offset = {(p.doc, p.start, p.end): p.type for p in predicted}
    return Counter((g.type, by_offset.get((g.doc, g.start, g.end), "-")) for g in golds)
