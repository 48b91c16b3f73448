"""The event store: one embedded DuckDB file with articles, sentences, mentions, events, event
clusters across articles, and failures; rows come back as the records of docs/event-record.md.

    store = Store.open("tidings.duckdb")
    store.add(result)                      # a tidings.pipeline.Result; idempotent
    store.events(EventQuery(actor="ISR"))  # -> list[Event]

Each ``add`` or ``write`` (a batch) is one transaction, so a killed ingest leaves whole articles only.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .agreements import Agreement, has_party, merge
from .dedup import MinHasher
from .errors import InputError, StoreError, TidingsError
from .migrations import MIGRATIONS
from .model import Article, Event, Sentence
from .pipeline import Result
from .query import ClusterRow, EventQuery, cluster_export_sql, cluster_sql, dyads_sql, events_sql
from .rows import Prepared, prepare, text_hash
from .writer import SegmentWriter, segments, with_view

DEFAULT_DB = "tidings.duckdb"
EVENT_JOINS = ("LEFT JOIN cluster_members m ON m.event_id = e.event_id LEFT JOIN sentences s "
               "ON s.article_id = e.article_id AND s.idx = e.sentence")
LOCKED_FIX = "Another tidings process has the store open; wait for it or use another --db file."


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
        rows = self.con.execute("SELECT text_hash FROM articles WHERE id = ?", [article.id]).fetchall()
        return bool(rows) and rows[0][0] == text_hash(article.text)

    def add(self, result: Result, sentences: list[Sentence] | None = None,
            origin: str | None = None) -> Added:
        """Store one article's result in one transaction. The same article twice adds nothing;
        the same id with a new text replaces the old version."""
        return self.write([self.prepare(result, sentences, origin)])[0]

    def prepare(self, result: Result, sentences: list[Sentence] | None = None,
                origin: str | None = None) -> Prepared:
        """The rows ``write`` takes (built with this store's MinHash shape)."""
        return prepare(result, sentences, origin, self.options.hasher)

    def write(self, items: list[Prepared],
              failures: list[tuple[str, TidingsError]] = ()) -> list[Added]:
        """Store prepared articles, in order, and (origin, error) failures in one transaction:
        the same outcome as adding them one by one, with a fixed number of statements."""
        self.con.begin()
        try:
            added = self._write(items)
            for origin, error in failures:
                self.record_failure(error, origin)
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise
        return added

    def _write(self, items: list[Prepared]) -> list[Added]:
        options = self.options
        writer = SegmentWriter(self.con, options.hasher, options.near_duplicate, options.window_days)
        out: dict[int, Added] = {}
        segment: list[tuple[int, Prepared]] = []
        for n, (kind, item) in enumerate(segments(items, self._stored_hashes(items))):
            if kind == "skip":
                out[n] = Added(item.article_id, False)
                continue
            if kind == "replace":
                self._flush(writer, segment, out)
                self._remove_article(item.article_id)
            segment.append((n, item))
        self._flush(writer, segment, out)
        return [out[n] for n in sorted(out)]

    @staticmethod
    def _flush(writer: SegmentWriter, segment: list[tuple[int, Prepared]], out: dict) -> None:
        dups = writer.write([item for _, item in segment])
        for (n, item), (dup_of, _score) in zip(segment, dups):
            out[n] = Added(item.article_id, True, item.num_events, dup_of)
        segment.clear()

    def _stored_hashes(self, items: list[Prepared]) -> dict[str, str]:
        ids = sorted({(p.article_id,) for p in items})
        return dict(with_view(self.con, "_ids", ids, lambda: self.con.execute(
            "SELECT id, text_hash FROM articles WHERE id IN (SELECT c0 FROM _ids)").fetchall()))

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

    def iter_clusters(self, query: EventQuery | None = None, size: int = 5000) -> Iterator[dict]:
        """One row per real-world event that holds an event matching ``query``: cluster fields,
        the representative record, and the URLs and sources of every member article."""
        yield from self._stream(*cluster_export_sql(query or EventQuery()), size)

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


__all__ = ["Added", "DEFAULT_DB", "InputError", "Store", "StoreOptions"]
