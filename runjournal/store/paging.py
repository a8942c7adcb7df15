"""Keyset paging for the History screen: any page of 100,000 entries in one index scan."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain.entries import Entry, Kind
from .rows import TABLES, dicts, to_entries

# Sortable columns per kind: the SQL expressions (each ending in id, so keys are
# unique) that the indexes of migration m002 cover.
SORTS: dict[str, dict[str, tuple[str, ...]]] = {
    "run": {
        "date": ("date", "coalesce(time, '')", "id"),
        "distance": ("distance_m", "id"),
        "duration": ("duration_s", "id"),
        "effort": ("coalesce(rpe, 0)", "id"),
        # Without an index of their own: a sort by pace, heart rate or type reads the
        # runs once (a few ms for thousands), where date and distance seek. Pace is in
        # whole seconds per km, as shown; ties fall back to id.
        "pace": ("(duration_s * 1000) / distance_m", "id"),
        "hr": ("coalesce(hr, 0)", "id"),
        "type": ("type", "id"),
    },
    "leg": {
        "date": ("date", "coalesce(time, '')", "id"),
        "duration": ("duration_s", "id"),
        "effort": ("coalesce(rpe, 0)", "id"),
    },
    "checkin": {
        "date": ("date", "id"),
        "soreness": ("soreness", "id"),
    },
}


@dataclass(frozen=True)
class HistoryQuery:
    """Which entries the History screen shows, and in which order."""

    kind: Kind
    sort: str = "date"
    descending: bool = True
    run_type: str | None = None
    since: date | None = None
    until: date | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """The SQL expressions the rows are ordered by, the id last."""
        return SORTS[self.kind][self.sort]

    def where(self) -> tuple[list[str], list[Any]]:
        """The filter's SQL clauses (to be joined by `and`) and their parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.run_type and self.kind == "run":
            clauses.append("type = ?")
            params.append(self.run_type)
        if self.since:
            clauses.append("date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append("date <= ?")
            params.append(self.until.isoformat())
        return clauses, params

    def page_sql(
        self, table: str, *, after: tuple[Any, ...] | None, backwards: bool, limit: int
    ) -> tuple[str, list[Any]]:
        """SQL for `limit` rows after (or, backwards, before) the row whose key is `after`."""
        clauses, params = self.where()
        forward_desc = self.descending != backwards
        if after is not None:
            keys = ", ".join(self.keys)
            marks = ", ".join("?" for _ in self.keys)
            # The bound on the first key alone lets SQLite seek into the index (it does
            # not for a row value over an expression such as coalesce(rpe, 0)); the row
            # value then picks the exact place among equal first keys.
            clauses.append(f"{self.keys[0]} {'<=' if forward_desc else '>='} ?")
            clauses.append(f"({keys}) {'<' if forward_desc else '>'} ({marks})")
            params.extend([after[0], *after])
        direction = "desc" if forward_desc else "asc"
        order = ", ".join(f"{key} {direction}" for key in self.keys)
        where = f" where {' and '.join(clauses)}" if clauses else ""
        select = ", ".join(f"{key} as _k{n}" for n, key in enumerate(self.keys))
        return f"select *, {select} from {table}{where} order by {order} limit ?", [*params, limit]


def page(
    conn: sqlite3.Connection,
    query: HistoryQuery,
    *,
    after: tuple[Any, ...] | None,
    backwards: bool,
    limit: int,
) -> list[tuple[tuple[Any, ...], Entry]]:
    """Up to `limit` entries (with their keyset keys) in the query's order.

    `after` is the key of the row to continue from; `backwards` reads the rows
    before it instead (returned in display order all the same).
    """
    table = TABLES[query.kind]
    sql, params = query.page_sql(table, after=after, backwards=backwards, limit=limit)
    rows = list(dicts(conn, sql, params))
    if backwards:
        rows.reverse()
    width = len(query.keys)
    keys = [tuple(row.pop(f"_k{n}") for n in range(width)) for row in rows]
    return list(zip(keys, to_entries(conn, query.kind, rows), strict=True))


def count(conn: sqlite3.Connection, query: HistoryQuery) -> int:
    """How many entries the query's filter lets through."""
    clauses, params = query.where()
    where = f" where {' and '.join(clauses)}" if clauses else ""
    sql = f"select count(*) from {TABLES[query.kind]}{where}"
    return int(conn.execute(sql, params).fetchone()[0])
