"""Cluster planning for a batch of new events, in memory, in input order.

The writer loads the clusters that share a key with any event of the batch (and which clusters
hold the events of the articles the batch's near-duplicates copy), then ``ClusterPlan.add`` places
each event exactly as docs/store.md says: it joins the oldest cluster with the same key, a
compatible place and dates within the window (or one holding events of the article it
duplicates), merges every other cluster it fits into that one, or starts a new cluster. The plan
is then written with a few bulk statements (``tidings.writer``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date, timedelta

from .dedup import ClusterKey
from .rows import Clusterable

PRECISE_DAYS = 31  # a date span longer than this is vague: it only joins clusters with its span


@dataclass(slots=True)
class ClusterState:
    cluster_id: str
    key: ClusterKey
    place: str | None
    lo: Date | None
    hi: Date | None
    stored: bool
    representative: str = ""
    stored_place: str | None = None


def low(a: Date | None, b: Date | None) -> Date | None:
    return b if a is None else a if b is None else min(a, b)


def high(a: Date | None, b: Date | None) -> Date | None:
    return b if a is None else a if b is None else max(a, b)


def order(state: ClusterState) -> tuple:
    """Oldest first (clusters with no dates last), then by id: the SQL ``ORDER BY day_lo, id``."""
    return (state.lo is None, state.lo or Date.min, state.cluster_id)


@dataclass(slots=True)
class ClusterPlan:
    """Where each event of a batch goes, and which clusters merge; see the module docstring."""

    window: timedelta
    clusters: dict[str, ClusterState] = field(default_factory=dict)
    by_key: dict[ClusterKey, list[str]] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)
    event_cluster: dict[str, str] = field(default_factory=dict)
    article_events: dict[str, list[str]] = field(default_factory=dict)
    merges: list[tuple[str, str]] = field(default_factory=list)
    members: list[tuple[str, str]] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)

    def load(self, state: ClusterState) -> None:
        """A stored cluster that batch events may join."""
        self.clusters[state.cluster_id] = state
        self.by_key.setdefault(state.key, []).append(state.cluster_id)

    def load_member(self, article_id: str, event_id: str, cluster_id: str) -> None:
        """A stored event of an article that batch articles duplicate."""
        self.event_cluster[event_id] = cluster_id
        self.article_events.setdefault(article_id, []).append(event_id)

    def resolve(self, cluster_id: str) -> str:
        while cluster_id in self.alias:
            cluster_id = self.alias[cluster_id]
        return cluster_id

    def add(self, item: Clusterable, dup_of: str | None) -> str:
        """Place one event; returns its cluster id (final until a later event merges it)."""
        found = self._candidates(item, dup_of) if item.key.clusterable and item.lo else []
        if found:
            target = found[0]
        else:
            target = self._new(item)
        for other in found[1:]:
            self._merge(other, target)
        state = self.clusters[target]
        state.lo, state.hi = low(state.lo, item.lo), high(state.hi, item.hi)
        if item.place and state.place is None:
            state.place = item.place
        self.event_cluster[item.event_id] = target
        self.article_events.setdefault(item.article_id, []).append(item.event_id)
        self.members.append((item.event_id, item.article_id))
        self.touched.add(target)
        return target

    def _candidates(self, item: Clusterable, dup_of: str | None) -> list[str]:
        copied = self._clusters_of(dup_of) if dup_of else set()
        states = [self.clusters[c] for c in self.by_key.get(item.key, [])]
        fit = [s for s in states if self._fits(s, item) or s.cluster_id in copied]
        fit = [s for s in fit if s.place is None or item.place is None or s.place == item.place]
        return [s.cluster_id for s in sorted(fit, key=order)]

    def _fits(self, state: ClusterState, item: Clusterable) -> bool:
        if state.lo is None or state.hi is None:
            return False
        if state.lo == item.lo and state.hi == item.hi:
            return True
        precise = (item.hi - item.lo).days <= PRECISE_DAYS
        return (precise and state.lo <= item.hi + self.window and state.hi >= item.lo - self.window
                and (state.hi - state.lo).days <= PRECISE_DAYS)

    def _clusters_of(self, article_id: str) -> set[str]:
        events = self.article_events.get(article_id, [])
        return {self.resolve(self.event_cluster[e]) for e in events}

    def _new(self, item: Clusterable) -> str:
        cluster_id = "c-" + item.event_id[2:]
        self.load(ClusterState(cluster_id, item.key, item.place, None, None, False,
                               representative=item.event_id))
        return cluster_id

    def _merge(self, source: str, target: str) -> None:
        gone, into = self.clusters[source], self.clusters[target]
        into.lo, into.hi = low(into.lo, gone.lo), high(into.hi, gone.hi)
        self.by_key[gone.key].remove(source)
        del self.clusters[source]
        self.alias[source] = target
        self.touched.discard(source)
        if gone.stored:
            self.merges.append((source, target))

    # ---- what to write -----------------------------------------------------------------------

    def member_rows(self) -> list[tuple]:
        return [(self.resolve(self.event_cluster[e]), e, a) for e, a in self.members]

    def new_clusters(self) -> list[ClusterState]:
        return [s for s in self.clusters.values() if not s.stored]

    def stored_merges(self) -> list[tuple[str, str]]:
        """(merged-away stored cluster, the live cluster that took its members)."""
        return [(source, self.resolve(source)) for source, _ in self.merges]

    def place_updates(self) -> list[tuple[str, str]]:
        return [(s.cluster_id, s.place) for s in self.clusters.values()
                if s.stored and s.place is not None and s.stored_place is None]

    def live_touched(self) -> list[str]:
        return sorted({self.resolve(c) for c in self.touched})
