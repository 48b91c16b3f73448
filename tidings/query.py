"""Queries over the event store: filters, event clusters and dyad counts, as SQL with parameters."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from .errors import TidingsError

PERIODS = ("day", "week", "month", "year")
LEVELS = ("country", "code")


class QueryError(TidingsError):
    code = "T610"
    fix = "See `tidings events --help` and docs/store.md for the filters."


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for ``Store.events``: each one left as None matches everything.

    actor / recipient match an actor's code (ISRGOV), country (ISR) or knowledge-base id;
    since / until are ISO dates compared with the event's date span (else its article's date);
    country is the country of the event's location; text is a case-insensitive substring.
    """

    actor: str | None = None
    recipient: str | None = None
    event_type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    text: str | None = None
    limit: int | None = None

    def where(self) -> tuple[str, list]:
        clauses, params = ["TRUE"], []
        for column, value in (("e.actor_keys", self.actor), ("e.recipient_keys", self.recipient)):
            if value:
                clauses.append(f"list_contains({column}, ?)")
                params.append(value)
        for column, value in (("e.event_type", self.event_type and self.event_type.upper()),
                              ("e.status", self.status), ("e.location_country", self.country)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.since:
            clauses.append("coalesce(e.day_end, e.day) >= ?")
            params.append(iso(self.since, "--since"))
        if self.until:
            clauses.append("e.day <= ?")
            params.append(iso(self.until, "--until"))
        if self.text:
            clauses.append("e.text ILIKE ?")
            params.append(f"%{self.text}%")
        return " AND ".join(clauses), params

    def limit_sql(self) -> str:
        return f" LIMIT {int(self.limit)}" if self.limit else ""


@dataclass(frozen=True, slots=True)
class ClusterRow:
    """One real-world event: the cluster of event mentions that report it."""

    cluster_id: str
    event_type: str
    status_group: str
    actor_key: str
    recipient_key: str
    place: str | None
    day_lo: Date | None
    day_hi: Date | None
    num_events: int
    num_articles: int
    num_stories: int
    num_sources: int
    first_seen: Date | None
    last_seen: Date | None
    representative: str
    text: str | None = None
    goldstein: float | None = None
    cameo: str | None = None

    def to_dict(self) -> dict:
        out = {name: getattr(self, name) for name in self.__slots__}
        return {k: v.isoformat() if isinstance(v, Date) else v for k, v in out.items()}


def iso(value: str, where: str) -> str:
    try:
        return Date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise QueryError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def events_sql(query: EventQuery, columns: str, joins: str = "") -> tuple[str, list]:
    where, params = query.where()
    sql = (f"SELECT {columns} FROM events e JOIN articles a ON a.id = e.article_id {joins} "
           f"WHERE {where} ORDER BY e.day NULLS LAST, a.seq, e.sentence, e.trigger_start, e.event_id"
           + query.limit_sql())
    return sql, params


def cluster_sql(query: EventQuery) -> tuple[str, list]:
    """Clusters that hold at least one event matching the query, with their representative."""
    where, params = query.where()
    sql = ("SELECT c.*, r.text, r.goldstein, r.cameo FROM clusters c "
           "JOIN events r ON r.event_id = c.representative WHERE c.cluster_id IN ("
           "SELECT m.cluster_id FROM cluster_members m JOIN events e USING (event_id) "
           f"WHERE {where}) ORDER BY c.day_lo NULLS LAST, c.cluster_id" + query.limit_sql())
    return sql, params


def cluster_export_sql(query: EventQuery) -> tuple[str, list]:
    """Clusters that hold an event matching the query, with the representative record and the
    URLs and sources of every member article (the Phoenix and GDELT exports)."""
    where, params = query.where()
    sql = ("SELECT c.*, r.record, string_agg(DISTINCT a.url, ';' ORDER BY a.url) AS urls, "
           "string_agg(DISTINCT a.source, ';' ORDER BY a.source) AS sources FROM clusters c "
           "JOIN events r ON r.event_id = c.representative JOIN cluster_members m USING (cluster_id) "
           "JOIN articles a ON a.id = m.article_id WHERE c.cluster_id IN ("
           "SELECT m.cluster_id FROM cluster_members m JOIN events e USING (event_id) "
           f"WHERE {where}) GROUP BY ALL ORDER BY c.day_lo NULLS LAST, c.cluster_id"
           + query.limit_sql())
    return sql, params


def dyads_sql(since: str | None, until: str | None, by: str = "week",
              level: str = "country") -> tuple[str, list]:
    """Per period and actor -> recipient pair: real-world events (clusters, each counted once),
    event reports, and the mean Goldstein weight over the real-world events."""
    if by not in PERIODS:
        raise QueryError(f"--by {by!r}: choose one of {', '.join(PERIODS)}")
    if level not in LEVELS:
        raise QueryError(f"--level {level!r}: choose one of {', '.join(LEVELS)}")
    clauses, params = ["d.day IS NOT NULL"], []
    if since:
        clauses.append("d.day >= ?")
        params.append(iso(since, "--since"))
    if until:
        clauses.append("d.day <= ?")
        params.append(iso(until, "--until"))
    sql = (
        f"WITH per_cluster AS (SELECT date_trunc('{by}', min(d.day))::DATE AS period, "
        f"d.actor_{level} AS actor, d.recipient_{level} AS recipient, m.cluster_id, "
        "avg(d.goldstein) AS goldstein, count(*) AS reports FROM dyads d "
        f"JOIN cluster_members m USING (event_id) WHERE {' AND '.join(clauses)} "
        "GROUP BY ALL) "
        "SELECT period, actor, recipient, count(*) AS events, sum(reports)::BIGINT AS reports, "
        "round(avg(goldstein), 2) AS mean_goldstein FROM per_cluster GROUP BY ALL "
        "ORDER BY period, events DESC, actor, recipient")
    return sql, params
