"""Is an imported run or leg day already in the journal? (SPEC §7), as indexed queries.

Each question reads a day or two of the `(date, time, id)` index, whatever the size of
the journal; an import asks them once per activity.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from .journal import Journal

# Within `minutes` of `at` (a local 'YYYY-MM-DD HH:MM'): julianday counts in days.
_NEAR = (
    "select 1 from {table} where date between ? and ? and time is not null "
    "and abs(julianday(date || ' ' || time) - julianday(?)) * 1440 <= ? + 1e-6 limit 1"
)
_SAME_DISTANCE = (
    "select 1 from runs where date = ? {untimed} "
    "and abs(distance_m - ?) <= ? * max(distance_m, 1) limit 1"
)


def _conn(journal: Journal) -> sqlite3.Connection:
    return journal.conn


def _near(journal: Journal, table: str, day: date, time: str, minutes: int) -> bool:
    params = (
        (day - timedelta(days=1)).isoformat(),
        (day + timedelta(days=1)).isoformat(),
        f"{day.isoformat()} {time}",
        minutes,
    )
    return _conn(journal).execute(_NEAR.format(table=table), params).fetchone() is not None


def run_near(journal: Journal, day: date, time: str, minutes: int = 2) -> bool:
    """A run in the journal starts within `minutes` of `day` at `time` (HH:MM, local)."""
    return _near(journal, "runs", day, time, minutes)


def leg_day_near(journal: Journal, day: date, time: str, minutes: int = 2) -> bool:
    """A leg day in the journal starts within `minutes` of `day` at `time`."""
    return _near(journal, "leg_days", day, time, minutes)


def run_same_distance(
    journal: Journal, day: date, distance_m: int, tolerance: float = 0.03, *, untimed: bool
) -> bool:
    """A run on `day` whose distance is within `tolerance` of `distance_m`.

    With `untimed`, only runs logged without a time of day count (the rule for an
    imported run that has a time); without it, any run that day (for one that has none).
    """
    sql = _SAME_DISTANCE.format(untimed="and time is null" if untimed else "")
    row = _conn(journal).execute(sql, (day.isoformat(), distance_m, tolerance)).fetchone()
    return row is not None


def has_checkin(journal: Journal, day: date) -> bool:
    """The journal has a check-in dated `day` (an import never replaces it)."""
    sql = "select 1 from checkins where date = ?"
    return _conn(journal).execute(sql, (day.isoformat(),)).fetchone() is not None
