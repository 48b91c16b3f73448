"""Writing a batch of prepared articles into the store: bulk inserts, in-memory cluster planning.

A batch is written in input order with the same outcome as adding its articles one by one:
articles already stored (same id, same text) are skipped, a changed article replaces its old
version, near-duplicates are found among stored articles and earlier articles of the batch, and
events are placed in clusters by ``tidings.clustering.ClusterPlan``. Per batch the writer runs a
fixed number of statements, whatever the number of events: rows go in as Arrow tables.
The caller owns the transaction (``Store.write`` makes one per batch).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import pyarrow as pa

from .clustering import ClusterPlan, ClusterState
from .dedup import ClusterKey, MinHasher, similarity
from .rows import Prepared

REFRESH_SQL = """
UPDATE clusters SET num_events = r.n, num_articles = r.na, num_stories = r.ns, num_sources = r.nsrc,
    first_seen = r.fs, last_seen = r.ls, day_lo = r.lo, day_hi = r.hi
FROM (SELECT m.cluster_id, count(*) AS n, count(DISTINCT a.id) AS na,
             count(DISTINCT coalesce(a.duplicate_of, a.id)) AS ns,
             count(DISTINCT coalesce(a.source, 'article:' || a.id)) AS nsrc,
             min(a.date) AS fs, max(a.date) AS ls, min(e.day) AS lo, max(e.day_end) AS hi
      FROM cluster_members m JOIN events e USING (event_id) JOIN articles a ON a.id = m.article_id
      WHERE m.cluster_id IN (SELECT c0 FROM _touched) GROUP BY m.cluster_id) r
WHERE clusters.cluster_id = r.cluster_id"""
CANDIDATES_SQL = """
SELECT l.band, l.bucket, a.id, a.duplicate_of, a.seq, s.minhash FROM lsh_buckets l
JOIN _wanted q ON q.c0 = l.band AND q.c1 = l.bucket JOIN articles a ON a.id = l.article_id
JOIN signatures s ON s.article_id = a.id"""
CLUSTERS_SQL = """
SELECT c.cluster_id, c.event_type, c.status_group, c.actor_key, c.recipient_key, c.place,
       c.day_lo, c.day_hi FROM clusters c JOIN _keys k ON k.c0 = c.event_type
       AND k.c1 = c.status_group AND k.c2 = c.actor_key AND k.c3 = c.recipient_key"""


def insert(con, table: str, rows: list[tuple]) -> None:
    """Insert rows (tuples in the table's column order) with one statement."""
    if rows:
        with_view(con, "_rows", rows, lambda: con.execute(f"INSERT INTO {table} SELECT * FROM _rows"))


def with_view(con, name: str, rows: list[tuple], run):
    """Run ``run()`` while ``name`` is a view of ``rows`` (columns c0, c1, ...)."""
    columns = list(zip(*rows))
    table = pa.table({f"c{i}": pa.array(list(col)) for i, col in enumerate(columns)})
    con.register(name, table)
    try:
        return run()
    finally:
        con.unregister(name)


@dataclass(frozen=True, slots=True)
class Stored:
    """A stored article that shares an LSH bucket with an article of the batch."""

    article_id: str
    duplicate_of: str | None
    seq: int
    signature: np.ndarray


class SegmentWriter:
    """Writes articles that are all new to the store (no replacements) in one go."""

    def __init__(self, con, hasher: MinHasher, near: float, window_days: int) -> None:
        self.con, self.hasher, self.near = con, hasher, near
        self.window = timedelta(days=window_days)

    def write(self, items: list[Prepared]) -> list[tuple[str | None, float | None]]:
        if not items:
            return []
        seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchall()[0][0]
        dups = self.near_duplicates(items, seq)
        insert(self.con, "articles", [p.article[:1] + (seq + i + 1,) + p.article[1:] + dup
                                      for i, (p, dup) in enumerate(zip(items, dups))])
        insert(self.con, "signatures", [(p.article_id, p.signature) for p in items])
        insert(self.con, "lsh_buckets", [(band, bucket, p.article_id) for p in items
                                         for band, bucket in enumerate(p.buckets)])
        for table in ("sentences", "mentions", "events", "dyads", "agreement_reports"):
            insert(self.con, table, [row for p in items for row in getattr(p, table)])
        self.cluster(items, [d for d, _ in dups])
        origins = [(p.origin,) for p in items if p.origin]
        if origins:
            with_view(self.con, "_origins", origins, lambda: self.con.execute(
                "DELETE FROM failures WHERE origin IN (SELECT c0 FROM _origins)"))
        return dups

    # ---- near-duplicates ---------------------------------------------------------------------

    def near_duplicates(self, items: list[Prepared], seq: int) -> list[tuple]:
        """(duplicate_of, similarity) per article, as if they were added one by one."""
        buckets, stored = self._stored_candidates(items)
        out: list[tuple] = []
        for i, item in enumerate(items):
            signature = np.array(item.signature, dtype=np.uint32)
            keys = list(enumerate(item.buckets))
            others = sorted({o for k in keys for o in buckets.get(k, ())}, key=lambda o: stored[o].seq)
            out.append(self._best(signature, [stored[o] for o in others]))
            entry = Stored(item.article_id, out[-1][0], seq + i + 1, signature)
            stored[item.article_id] = entry
            for k in keys:
                buckets.setdefault(k, set()).add(item.article_id)
        return out

    def _best(self, signature: np.ndarray, others: list[Stored]) -> tuple:
        best: tuple = (None, None)
        for other in others:
            score = similarity(signature, other.signature)
            if score >= self.near and (best[1] is None or score > best[1]):
                best = (other.duplicate_of or other.article_id, round(score, 3))
        return best

    def _stored_candidates(self, items: list[Prepared]) -> tuple[dict, dict]:
        wanted = sorted({(band, b) for p in items for band, b in enumerate(p.buckets)})
        rows = with_view(self.con, "_wanted", wanted,
                         lambda: self.con.execute(CANDIDATES_SQL).fetchall())
        buckets: dict[tuple, set[str]] = {}
        stored: dict[str, Stored] = {}
        for band, bucket, article_id, dup, seq, minhash in rows:
            buckets.setdefault((band, bucket), set()).add(article_id)
            if article_id not in stored:
                stored[article_id] = Stored(article_id, dup, seq, np.array(minhash, dtype=np.uint32))
        return buckets, stored

    # ---- clusters ----------------------------------------------------------------------------

    def cluster(self, items: list[Prepared], dups: list[str | None]) -> None:
        plan = self._plan(items, dups)
        for item, dup in zip(items, dups):
            for clusterable in item.clusterables:
                plan.add(clusterable, dup)
        self._write_plan(plan)

    def _plan(self, items: list[Prepared], dups: list[str | None]) -> ClusterPlan:
        plan = ClusterPlan(self.window)
        keys = sorted({astuple(c.key) for p in items for c in p.clusterables if c.key.clusterable})
        if keys:
            for row in with_view(self.con, "_keys", keys,
                                 lambda: self.con.execute(CLUSTERS_SQL).fetchall()):
                plan.load(ClusterState(row[0], ClusterKey(*row[1:5]), row[5], row[6], row[7],
                                       True, stored_place=row[5]))
        batch_ids = {p.article_id for p in items}
        copied = sorted({(d,) for d in dups if d and d not in batch_ids})
        if copied:
            for article_id, event_id, cluster_id in with_view(
                    self.con, "_copied", copied, lambda: self.con.execute(
                        "SELECT article_id, event_id, cluster_id FROM cluster_members "
                        "WHERE article_id IN (SELECT c0 FROM _copied) ORDER BY ALL").fetchall()):
                plan.load_member(article_id, event_id, cluster_id)
        return plan

    def _write_plan(self, plan: ClusterPlan) -> None:
        insert(self.con, "clusters", [
            (s.cluster_id, s.key.event_type, s.key.status_group, s.key.actor, s.key.recipient,
             s.place, None, None, None, None, None, None, None, None, s.representative)
            for s in plan.new_clusters()])
        for source, target in plan.stored_merges():
            self.con.execute("UPDATE cluster_members SET cluster_id = ? WHERE cluster_id = ?",
                             [target, source])
            self.con.execute("DELETE FROM clusters WHERE cluster_id = ?", [source])
        for cluster_id, place in plan.place_updates():
            self.con.execute("UPDATE clusters SET place = ? WHERE cluster_id = ?", [place, cluster_id])
        insert(self.con, "cluster_members", plan.member_rows())
        touched = [(c,) for c in plan.live_touched()]
        if touched:
            with_view(self.con, "_touched", touched, lambda: self.con.execute(REFRESH_SQL))


def astuple(key: ClusterKey) -> tuple:
    return (key.event_type, key.status_group, key.actor, key.recipient)


def segments(items: Iterable[Prepared], stored: dict[str, str]):
    """Split a batch at each article that replaces a stored (or earlier) version of itself.

    Yields ("skip", item), ("replace", item) and ("new", item) in input order."""
    seen = dict(stored)
    for item in items:
        old = seen.get(item.article_id)
        if old == item.text_hash:
            yield "skip", item
            continue
        yield ("replace" if old is not None else "new"), item
        seen[item.article_id] = item.text_hash
