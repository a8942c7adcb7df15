"""Keyset paging for the History screen: any page of 100,000 entries in one index scan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain.entries import Kind

# Sortable columns per kind: the SQL expressions (each ending in id, so keys are
# unique) that the indexes of migration m002 cover.
SORTS: dict[str, dict[str, tuple[str, ...]]] = {
    "run": {
        "date": ("date", "coalesce(time, '')", "id"),
        "distance": ("distance_m", "id"),
        "duration": ("duration_s", "id"),
        "effort": ("coalesce(rpe, 0)", "id"),
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
        return SORTS[self.kind][self.sort]

    def where(self) -> tuple[list[str], list[Any]]:
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
