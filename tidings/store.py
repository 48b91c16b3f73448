"""The event store: one embedded DuckDB file with articles, sentences, mentions, events, event
clusters across articles, and failures; rows come back as the records of docs/event-record.md.

    store = Store.open("tidings.duckdb")
    store.add(result)                      # a tidings.pipeline.Result; idempotent
    store.events(EventQuery(actor="ISR"))  # -> list[Event]

Each ``add`` is one transaction, so a killed ingest leaves whole articles only.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date, timedelta
from pathlib import Path

import duckdb
import numpy as np

from .agreements import Agreement, has_party, merge
from .dedup import ClusterKey, MinHasher, date_span, place_key, similarity
from .errors import InputError, StoreError, TidingsError
from .migrations import MIGRATIONS
from .model import Article, Event, Sentence
from .pipeline import Result
from .query import ClusterRow, EventQuery, cluster_sql, dyads_sql, events_sql

DEFAULT_DB = "tidings.duckdb"
EVENT_JOINS = ("LEFT JOIN cluster_members m ON m.event_id = e.event_id LEFT JOIN sentences s "
               "ON s.article_id = e.article_id AND s.idx = e.sentence")
CLUSTER_EXPORT_SQL = (
    "SELECT c.*, r.record, string_agg(DISTINCT a.url, ';' ORDER BY a.url) AS urls, "
    "string_agg(DISTINCT a.source, ';' ORDER BY a.source) AS sources FROM clusters c "
    "JOIN events r ON r.event_id = c.representative JOIN cluster_members m USING (cluster_id) "
    "JOIN articles a ON a.id = m.article_id GROUP BY ALL ORDER BY c.day_lo NULLS LAST, c.cluster_id")
LOCKED_FIX = "Another tidings process has the store open; wait for it or use another --db file."


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoreOptions:
    """How the store de-duplicates: see docs/store.md."""

    window_days: int = 2
    near_duplicate: float = 0.5
    hasher: MinHasher = MinHasher()


@dataclass(frozen=True, slots=True)
class Added:
    """What one ``add`` did: ``added`` is False when the same article was already stored."""

    article_id: str
    added: bool
    events: int = 0
    duplicate_of: str | None = None


class Store:
    """An open event store. Use ``Store.open(path)``; close it (or use ``with``) when done."""

    def __init__(self, con, path: str, options: StoreOptions) -> None:
        self.con, self.path, self.options = con, path, options

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, options: StoreOptions | None = None,
             read_only: bool = False) -> Store:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            fix = LOCKED_FIX if "lock" in str(exc).lower() else None
            raise StoreError(f"{path}: cannot open the store ({str(exc).splitlines()[0]})", fix) \
                from None
        except duckdb.Error as exc:
            raise StoreError(f"{path}: is not a tidings store ({str(exc).splitlines()[0]})") from None
        if not read_only:
            MIGRATIONS.run(con)
        return cls(con, str(path), options or StoreOptions())

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing -----------------------------------------------------------------------------

    def has(self, article: Article) -> bool:
        """True when this article (same id and same text) is already stored."""
        row = self.con.execute("SELECT text_hash FROM articles WHERE id = ?", [article.id]).fetchone()
        return row is not None and row[0] == text_hash(article.text)

    def add(self, result: Result, sentences: list[Sentence] | None = None,
            origin: str | None = None) -> Added:
        """Store one article's result in one transaction. The same article twice adds nothing;
        the same id with a new text replaces the old version."""
        article = result.article
        if self.has(article):
            return Added(article.id, False)
        self.con.begin()
        try:
            added = self._add(result, sentences, origin)
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise
        return added

    def _add(self, result: Result, sentences: list[Sentence] | None, origin: str | None) -> Added:
        article = result.article
        self._remove_article(article.id)
        dup_of, score = self._near_duplicate(article)
        seq = self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
        self.con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article.id, seq, text_hash(article.text), article.date, article.title, article.source,
             article.url, origin, article.text, len(result.events), dup_of, score])
        self._insert_sentences(article, sentences or sentences_of(result))
        self._insert_mentions(result)
        for event in unique_events(result.events):
            self._insert_event(event, article)
            self._cluster(event, article, dup_of)
        self._insert_agreements(result)
        if origin:
            self.con.execute("DELETE FROM failures WHERE origin = ?", [origin])
        return Added(article.id, True, len(result.events), dup_of)

    def record_failure(self, error: TidingsError, origin: str | None = None) -> None:
        """Remember why an input could not be stored (one row per input place, replaced on retry)."""
        path = getattr(error, "path", None)
        line = getattr(error, "line", None)
        where = origin or (f"{path}:{line}" if line is not None else path) or str(error)
        reason = getattr(error, "reason", None) or str(error.args[0])
        self.con.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?, ?)",
                         [where, path, line, error.code, reason, error.fix or None])

    def _remove_article(self, article_id: str) -> None:
        """Drop an older version of an article and take its events out of their clusters."""
        touched = [r[0] for r in self.con.execute(
            "SELECT DISTINCT cluster_id FROM cluster_members WHERE article_id = ?",
            [article_id]).fetchall()]
        for table in ("articles", "signatures", "lsh_buckets", "sentences", "mentions", "events",
                      "cluster_members", "agreement_reports"):
            column = "id" if table == "articles" else "article_id"
            self.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [article_id])
        self.con.execute("DELETE FROM dyads WHERE event_id NOT IN (SELECT event_id FROM events)")
        for cluster_id in touched:
            self._refresh_cluster(cluster_id)

    def _near_duplicate(self, article: Article) -> tuple[str | None, float | None]:
        """Link to the earliest stored article whose text is nearly the same (MinHash + LSH)."""
        hasher = self.options.hasher
        signature = hasher.signature(article.text)
        buckets = hasher.buckets(signature)
        candidates = self.con.execute(
            "SELECT a.id, a.duplicate_of, s.minhash FROM articles a JOIN signatures s "
            "ON s.article_id = a.id WHERE a.id IN (SELECT l.article_id FROM lsh_buckets l "
            "JOIN (SELECT unnest(?::SMALLINT[]) AS band, unnest(?::UBIGINT[]) AS bucket) q "
            "USING (band, bucket)) ORDER BY a.seq",
            [list(range(hasher.bands)), buckets]).fetchall()
        self.con.execute("INSERT INTO signatures VALUES (?, ?)", [article.id, signature.tolist()])
        self.con.executemany("INSERT INTO lsh_buckets VALUES (?, ?, ?)",
                             [[band, bucket, article.id] for band, bucket in enumerate(buckets)])
        best: tuple[str | None, float | None] = (None, None)
        for other_id, other_dup, other_sig in candidates:
            score = similarity(signature, np.array(other_sig, dtype=np.uint32))
            if score >= self.options.near_duplicate and (best[1] is None or score > best[1]):
                best = (other_dup or other_id, round(score, 3))
        return best

    def _insert_sentences(self, article: Article, sentences: list[Sentence]) -> None:
        self._many("INSERT INTO sentences VALUES (?, ?, ?, ?)",
                   [[article.id, s.index, s.start, s.end] for s in sentences])

    def _insert_mentions(self, result: Result) -> None:
        rows = [[result.article.id, i, m.text, m.start, m.end, m.kind, m.name or m.text, m.country,
                 m.sector, m.code, m.id] for i, m in enumerate(result.mentions)]
        self._many("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def _insert_agreements(self, result: Result) -> None:
        rows = [[result.article.id, i, a.merge_key(), a.family,
                 json.dumps(a.to_dict(), ensure_ascii=False)]
                for i, a in enumerate(getattr(result, "agreements", None) or [])]
        self._many("INSERT INTO agreement_reports VALUES (?, ?, ?, ?, ?)", rows)

    def _many(self, sql: str, rows: list[list]) -> None:
        if rows:
            self.con.executemany(sql, rows)

    def _insert_event(self, event: Event, article: Article) -> None:
        record = event.to_dict()
        lo, hi = event_days(event, article)
        loc = event.location
        self.con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)",
            [record["event_id"], event.article_id, event.sentence, event.trigger.start,
             event.event_type, event.mode, event.cameo, event.quad_class, event.goldstein,
             event.status, mention_keys(event.actor), mention_keys(event.recipient), event.date,
             lo, hi, loc.name if loc else None, loc.country if loc else None,
             loc.lat if loc else None, loc.lon if loc else None, event.text, record["confidence"],
             event.coder, json.dumps(record, ensure_ascii=False)])
        rows = [[record["event_id"], lo, a.country, a.code, r.country, r.code, event.goldstein]
                for a in event.actor for r in event.recipient if a.country and r.country]
        self._many("INSERT INTO dyads VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    # ---- clustering --------------------------------------------------------------------------

    def _cluster(self, event: Event, article: Article, dup_of: str | None) -> None:
        """Put an event in the cluster of the same real-world event, merging clusters it bridges."""
        key = ClusterKey.of(event)
        lo, hi = event_days(event, article)
        place = place_key(event)
        found = self._candidates(key, lo, hi, place, dup_of) if key.clusterable and lo else []
        cluster_id = found[0] if found else "c-" + event.event_id[2:]
        if not found:
            self.con.execute(
                "INSERT INTO clusters (cluster_id, event_type, status_group, actor_key, "
                "recipient_key, place, representative) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [cluster_id, key.event_type, key.status_group, key.actor, key.recipient, place,
                 event.event_id])
        for other in found[1:]:
            self._merge(other, cluster_id)
        self.con.execute("INSERT INTO cluster_members VALUES (?, ?, ?)",
                         [cluster_id, event.event_id, event.article_id])
        if place:
            self.con.execute("UPDATE clusters SET place = ? WHERE cluster_id = ? AND place IS NULL",
                             [place, cluster_id])
        self._refresh_cluster(cluster_id)

    def _candidates(self, key: ClusterKey, lo: Date, hi: Date, place: str | None,
                    dup_of: str | None) -> list[str]:
        """Clusters with the same key whose dates fall within the window (or that hold events of
        the article this one duplicates), oldest first."""
        window = timedelta(days=self.options.window_days)
        precise = (hi - lo).days <= 31
        rows = self.con.execute(
            "SELECT cluster_id FROM clusters WHERE event_type = ? AND status_group = ? "
            "AND actor_key = ? AND recipient_key = ? "
            "AND (place IS NULL OR ?::VARCHAR IS NULL OR place = ?) "
            "AND ((? AND day_lo <= ? AND day_hi >= ? AND day_hi - day_lo <= 31) "
            "  OR (day_lo = ? AND day_hi = ?) "
            "  OR cluster_id IN (SELECT cluster_id FROM cluster_members WHERE article_id = ?)) "
            "ORDER BY day_lo, cluster_id",
            [key.event_type, key.status_group, key.actor, key.recipient, place, place,
             precise, hi + window, lo - window, lo, hi, dup_of]).fetchall()
        return [r[0] for r in rows]

    def _merge(self, source: str, target: str) -> None:
        self.con.execute("UPDATE cluster_members SET cluster_id = ? WHERE cluster_id = ?",
                         [target, source])
        self.con.execute("DELETE FROM clusters WHERE cluster_id = ?", [source])

    def _refresh_cluster(self, cluster_id: str) -> None:
        """Recompute a cluster's counts and dates from its members; drop it when it has none."""
        row = self.con.execute(
            "SELECT count(*), count(DISTINCT a.id), count(DISTINCT coalesce(a.duplicate_of, a.id)), "
            "count(DISTINCT coalesce(a.source, 'article:' || a.id)), min(a.date), max(a.date), "
            "min(e.day), max(e.day_end) FROM cluster_members m JOIN events e USING (event_id) "
            "JOIN articles a ON a.id = m.article_id WHERE m.cluster_id = ?", [cluster_id]).fetchone()
        if not row[0]:
            self.con.execute("DELETE FROM clusters WHERE cluster_id = ?", [cluster_id])
            return
        self.con.execute(
            "UPDATE clusters SET num_events = ?, num_articles = ?, num_stories = ?, num_sources = ?, "
            "first_seen = ?, last_seen = ?, day_lo = ?, day_hi = ? WHERE cluster_id = ?",
            [*row, cluster_id])

    # ---- reading -----------------------------------------------------------------------------

    def events(self, query: EventQuery | None = None, **filters) -> list[Event]:
        """Stored events matching the query (or keyword filters), as Event objects."""
        return [Event.from_dict(json.loads(r)) for r in self.event_records(query, **filters)]

    def event_records(self, query: EventQuery | None = None, **filters) -> list[str]:
        """The stored event records (JSON text, exactly as ``Event.to_dict`` made them)."""
        sql, params = events_sql(query or EventQuery(**filters), "e.record")
        return [r[0] for r in self.con.execute(sql, params).fetchall()]

    def iter_events(self, query: EventQuery | None = None, size: int = 5000) -> Iterator[dict]:
        """Event rows for exports, streamed: the record (JSON text), its cluster, its article's
        url, title, source and date, and the sentence's character span."""
        columns = ("e.record, m.cluster_id, a.url, a.title, a.source, a.date::VARCHAR AS published, "
                   "s.start_char AS sentence_start, s.end_char AS sentence_end")
        sql, params = events_sql(query or EventQuery(), columns, EVENT_JOINS)
        yield from self._stream(sql, params, size)

    def iter_clusters(self, size: int = 5000) -> Iterator[dict]:
        """One row per real-world event: cluster fields, the representative record, and the URLs
        and sources of every member article."""
        yield from self._stream(CLUSTER_EXPORT_SQL, [], size)

    def _stream(self, sql: str, params: list, size: int) -> Iterator[dict]:
        cursor = self.con.cursor()
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(size):
            for row in rows:
                yield dict(zip(names, row))
        cursor.close()

    def clusters(self, query: EventQuery | None = None, **filters) -> list[ClusterRow]:
        sql, params = cluster_sql(query or EventQuery(**filters))
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [ClusterRow(**dict(zip(names, row))) for row in cursor.fetchall()]

    def dyads(self, since: str | None = None, until: str | None = None, by: str = "week",
              level: str = "country") -> list[dict]:
        """Real-world events (clusters) and mean Goldstein per actor -> recipient pair per period."""
        sql, params = dyads_sql(since, until, by, level)
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def agreement_reports(self) -> list[Agreement]:
        """What each stored article says about each agreement, in article order
        (``tidings.agreements.merge`` makes one agreement of the reports about it)."""
        rows = self.con.execute(
            "SELECT r.record FROM agreement_reports r JOIN articles a ON a.id = r.article_id "
            "ORDER BY a.date NULLS LAST, a.seq, r.idx").fetchall()
        return [Agreement.from_dict(json.loads(r[0])) for r in rows]

    def agreements(self, party: str | None = None) -> list[Agreement]:
        """Agreements merged across articles; ``party`` keeps those with a party whose code,
        country or id it is."""
        found = merge(self.agreement_reports())
        return [a for a in found if party is None or has_party(a, party)]

    def failures(self) -> list[dict]:
        cursor = self.con.execute("SELECT origin, code, reason, fix FROM failures ORDER BY origin")
        return [dict(zip(("origin", "code", "reason", "fix"), r)) for r in cursor.fetchall()]

    def stats(self) -> dict:
        """Counts of everything in the store, events by type and status, the date range."""
        count = lambda sql: self.con.execute(sql).fetchone()[0]  # noqa: E731
        out = {name: count(f"SELECT count(*) FROM {name}") for name in
               ("articles", "sentences", "mentions", "events", "clusters", "failures",
                "agreement_reports")}
        out["duplicate_articles"] = count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
        out["merged_clusters"] = count("SELECT count(*) FROM clusters WHERE num_events > 1")
        out["first_day"], out["last_day"] = self.con.execute(
            "SELECT min(day)::VARCHAR, max(day)::VARCHAR FROM events").fetchone()
        for column in ("event_type", "status"):
            out[f"by_{column}"] = dict(self.con.execute(
                f"SELECT {column}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
        out["schema_version"] = count("SELECT max(version) FROM migrations")
        return out


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


__all__ = ["Added", "DEFAULT_DB", "InputError", "Store", "StoreOptions"]
