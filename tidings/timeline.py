"""Timelines of an actor's relations: per period, real-world events (clusters, each counted
once) by quad class and their Goldstein balance (docs/agreements.md, "Timelines")."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from .query import QueryError, iso

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
TIMELINE_PERIODS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    """``actor``: code, country or id on either side of an event; ``partner``: the other
    side (``--with``); dates bound the event's own day."""

    actor: str
    partner: str | None = None
    since: str | None = None
    until: str | None = None
    by: str = "week"

    def sql(self) -> tuple[str, list]:
        if self.by not in TIMELINE_PERIODS:
            raise QueryError(f"--by {self.by!r}: choose one of {', '.join(TIMELINE_PERIODS)}")
        clauses, params = ["e.day IS NOT NULL"], []
        if self.partner:
            clauses.append("((list_contains(e.actor_keys, ?) AND list_contains(e.recipient_keys, ?))"
                           " OR (list_contains(e.actor_keys, ?) AND list_contains(e.recipient_keys, ?)))")
            params += [self.actor, self.partner, self.partner, self.actor]
        else:
            clauses.append("(list_contains(e.actor_keys, ?) OR list_contains(e.recipient_keys, ?))")
            params += [self.actor, self.actor]
        for op, value, name in ((">=", self.since, "--since"), ("<=", self.until, "--until")):
            if value:
                clauses.append(f"e.day {op} ?")
                params.append(iso(value, name))
        counts = ", ".join(f"count(*) FILTER (WHERE quad = '{q}') AS {q}" for q in QUADS)
        sql = (
            "WITH per_event AS (SELECT coalesce(m.cluster_id, e.event_id) AS cid, "
            f"date_trunc('{self.by}', min(e.day))::DATE AS period, any_value(e.quad_class) AS quad, "
            "avg(e.goldstein) AS goldstein FROM events e LEFT JOIN cluster_members m USING (event_id) "
            f"WHERE {' AND '.join(clauses)} GROUP BY 1) "
            f"SELECT period, count(*) AS events, {counts}, round(sum(goldstein), 1) AS balance, "
            "round(avg(goldstein), 2) AS mean_goldstein FROM per_event GROUP BY period ORDER BY period")
        return sql, params


@dataclass(frozen=True, slots=True)
class Period:
    period: Date
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    balance: float | None
    mean_goldstein: float | None

    def to_dict(self) -> dict:
        out = {name: getattr(self, name) for name in self.__slots__}
        return {**out, "period": self.period.isoformat()}


def timeline_rows(store, query: TimelineQuery) -> list[Period]:
    sql, params = query.sql()
    return [Period(*row) for row in store.con.execute(sql, params).fetchall()]
