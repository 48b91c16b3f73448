"""Store rows of one coded article, built where the article was coded (a worker process).

``prepare`` turns a pipeline result into plain tuples for every table, the article's MinHash
signature and LSH buckets, and what clustering needs to know of each event, so the process that
writes the store only inserts rows in bulk and plans clusters. Everything here is picklable.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date as Date

from .dedup import ClusterKey, MinHasher, date_span, place_key
from .model import Article, Event, Sentence
from .pipeline import Result


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Clusterable:
    """What clustering needs of one event: its key, date span and place."""

    event_id: str
    article_id: str
    key: ClusterKey
    lo: Date | None
    hi: Date | None
    place: str | None


@dataclass(frozen=True, slots=True)
class Prepared:
    """One article's rows, in table column order; ``article`` lacks seq, duplicate_of, similarity."""

    article_id: str
    text_hash: str
    origin: str | None
    article: tuple
    signature: list[int]
    buckets: list[int]
    sentences: list[tuple]
    mentions: list[tuple]
    events: list[tuple]
    dyads: list[tuple]
    clusterables: list[Clusterable]
    agreement_reports: list[tuple] = ()

    @property
    def num_events(self) -> int:
        return self.article[-1]


def prepare(result: Result, sentences: list[Sentence] | None, origin: str | None,
            hasher: MinHasher) -> Prepared:
    """All rows of one result (``sentences`` from the parse; recovered from events when None)."""
    article = result.article
    digest = text_hash(article.text)
    signature = hasher.signature(article.text)
    events = unique_events(result.events)
    event_rows, dyad_rows, clusterables = [], [], []
    for event in events:
        lo, hi = event_days(event, article)
        event_rows.append(event_row(event, lo, hi))
        dyad_rows.extend(dyad_rows_of(event, lo))
        clusterables.append(Clusterable(event.event_id, article.id, ClusterKey.of(event), lo, hi,
                                        place_key(event)))
    return Prepared(
        article.id, digest, origin,
        (article.id, digest, article.date, article.title, article.source, article.url, origin,
         article.text, len(result.events)),
        signature.tolist(), hasher.buckets(signature),
        [(article.id, s.index, s.start, s.end) for s in sentences or sentences_of(result)],
        mention_rows(result), event_rows, dyad_rows, clusterables, agreement_rows(result))


def agreement_rows(result: Result) -> list[tuple]:
    """What the article says about each agreement, one row each (merged when queried)."""
    return [(result.article.id, i, a.merge_key(), a.family, json.dumps(a.to_dict(), ensure_ascii=False))
            for i, a in enumerate(getattr(result, "agreements", None) or [])]


def mention_rows(result: Result) -> list[tuple]:
    return [(result.article.id, i, m.text, m.start, m.end, m.kind, m.name or m.text, m.country,
             m.sector, m.code, m.id) for i, m in enumerate(result.mentions)]


def event_row(event: Event, lo: Date | None, hi: Date | None) -> tuple:
    record = event.to_dict()
    loc = event.location
    return (record["event_id"], event.article_id, event.sentence, event.trigger.start,
            event.event_type, event.mode, event.cameo, event.quad_class, event.goldstein,
            event.status, mention_keys(event.actor), mention_keys(event.recipient), event.date,
            lo, hi, loc.name if loc else None, loc.country if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, event.text, record["confidence"],
            event.coder, json.dumps(record, ensure_ascii=False))


def dyad_rows_of(event: Event, lo: Date | None) -> list[tuple]:
    """One row per actor x recipient pair whose countries are both known."""
    event_id = event.event_id
    return [(event_id, lo, a.country, a.code, r.country, r.code, event.goldstein)
            for a in event.actor for r in event.recipient if a.country and r.country]


def event_days(event: Event, article: Article) -> tuple[Date | None, Date | None]:
    """The event's own date span, else the article's publication day, else nothing."""
    span = date_span(event.date) or date_span(article.date)
    return span if span else (None, None)


def mention_keys(mentions) -> list[str]:
    """Every code a filter can match an actor by: CAMEO-style code, country, knowledge-base id."""
    keys = {k for m in mentions for k in (m.code, m.country, m.id) if k}
    return sorted(keys)


def unique_events(events: list[Event]) -> list[Event]:
    """Events with distinct ids (a coder may emit the same trigger twice)."""
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.event_id, event)
    return list(seen.values())


def sentences_of(result: Result) -> list[Sentence]:
    """Sentence spans recovered from the events' sentence texts, when the parse is not at hand."""
    found: dict[int, Sentence] = {}
    for event in result.events:
        start = result.article.text.find(event.text)
        if start >= 0 and event.sentence not in found:
            found[event.sentence] = Sentence(event.sentence, start, start + len(event.text))
    return [found[i] for i in sorted(found)]
