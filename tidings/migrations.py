"""Schema migrations of the event store: registered, versioned functions, recorded once applied.

A migration is never edited after release; a change to the schema is a new, higher version.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable


class MigrationSet:
    """Migrations by version; ``run`` applies the missing ones in order, one transaction each."""

    def __init__(self) -> None:
        self._items: dict[int, Migration] = {}

    def register(self, version: int, name: str) -> Callable[[Callable], Callable]:
        def decorator(fn: Callable) -> Callable:
            if version in self._items:
                raise StoreError(f"migration version {version} is registered twice")
            self._items[version] = Migration(version, name, fn)
            return fn
        return decorator

    def all(self) -> list[Migration]:
        return [self._items[v] for v in sorted(self._items)]

    def run(self, con) -> list[int]:
        con.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, "
                    "name VARCHAR NOT NULL, applied_at TIMESTAMP DEFAULT current_timestamp)")
        done = {row[0] for row in con.execute("SELECT version FROM migrations").fetchall()}
        newest = max(self._items)
        if done and max(done) > newest:
            raise StoreError(f"the store has schema version {max(done)}, this tidings knows up to "
                             f"{newest}", fix="Upgrade tidings to open this store.")
        applied = []
        for migration in self.all():
            if migration.version not in done:
                self._apply(con, migration)
                applied.append(migration.version)
        return applied

    @staticmethod
    def _apply(con, migration: Migration) -> None:
        con.begin()
        try:
            migration.apply(con)
            con.execute("INSERT INTO migrations (version, name) VALUES (?, ?)",
                        [migration.version, migration.name])
            con.commit()
        except Exception:
            con.rollback()
            raise


MIGRATIONS = MigrationSet()

TABLES_V1 = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, text_hash VARCHAR NOT NULL, date DATE,
    title VARCHAR, source VARCHAR, url VARCHAR, origin VARCHAR, text VARCHAR NOT NULL,
    num_events INTEGER NOT NULL, duplicate_of VARCHAR, similarity DOUBLE);
CREATE TABLE signatures (article_id VARCHAR NOT NULL, minhash UINTEGER[] NOT NULL);
CREATE TABLE lsh_buckets (band SMALLINT NOT NULL, bucket UBIGINT NOT NULL, article_id VARCHAR NOT NULL);
CREATE TABLE sentences (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL);
CREATE TABLE mentions (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR,
    start_char INTEGER, end_char INTEGER, kind VARCHAR, name VARCHAR, country VARCHAR,
    sector VARCHAR, code VARCHAR, kb_id VARCHAR);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, sentence INTEGER NOT NULL,
    trigger_start INTEGER, event_type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR,
    quad_class VARCHAR, goldstein DOUBLE, status VARCHAR, actor_keys VARCHAR[],
    recipient_keys VARCHAR[], date VARCHAR, day DATE, day_end DATE, location_name VARCHAR,
    location_country VARCHAR, lat DOUBLE, lon DOUBLE, text VARCHAR, confidence DOUBLE,
    coder VARCHAR, record VARCHAR NOT NULL);
CREATE TABLE dyads (event_id VARCHAR NOT NULL, day DATE, actor_country VARCHAR,
    actor_code VARCHAR, recipient_country VARCHAR, recipient_code VARCHAR, goldstein DOUBLE);
CREATE TABLE clusters (
    cluster_id VARCHAR PRIMARY KEY, event_type VARCHAR NOT NULL, status_group VARCHAR NOT NULL,
    actor_key VARCHAR NOT NULL, recipient_key VARCHAR NOT NULL, place VARCHAR,
    day_lo DATE, day_hi DATE, num_events INTEGER, num_articles INTEGER, num_stories INTEGER,
    num_sources INTEGER, first_seen DATE, last_seen DATE, representative VARCHAR NOT NULL);
CREATE TABLE cluster_members (cluster_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL);
CREATE TABLE failures (origin VARCHAR PRIMARY KEY, path VARCHAR, line INTEGER, code VARCHAR,
    reason VARCHAR, fix VARCHAR);
"""


@MIGRATIONS.register(1, "articles, sentences, mentions, events, dyads, clusters, failures")
def create_tables(con) -> None:
    for statement in TABLES_V1.split(";"):
        if statement.strip():
            con.execute(statement)


@MIGRATIONS.register(2, "lookup indexes for idempotence, near-duplicates and clustering")
def create_indexes(con) -> None:
    con.execute("CREATE INDEX lsh_lookup ON lsh_buckets (band, bucket)")
    con.execute("CREATE INDEX member_cluster ON cluster_members (cluster_id)")
    con.execute("CREATE INDEX member_article ON cluster_members (article_id)")
    con.execute("CREATE INDEX cluster_key ON clusters (event_type, actor_key, recipient_key)")


@MIGRATIONS.register(3, "agreement reports: what each article says about an agreement")
def create_agreement_reports(con) -> None:
    con.execute("CREATE TABLE agreement_reports (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, "
                "merge_key VARCHAR NOT NULL, family VARCHAR NOT NULL, record VARCHAR NOT NULL)")
    con.execute("CREATE INDEX agreement_report_article ON agreement_reports (article_id)")
