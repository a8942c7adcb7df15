"""Sums and groupings over a span of days, computed in SQL where SQL can do it.

The Today view's totals and 7-day strip read these; weekly aggregates for trends belong
here too.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from ..domain.entries import Entry, Kind
from .queries import read
from .rows import dicts


def totals(conn: sqlite3.Connection, first: date, last: date) -> dict[str, int]:
    """Distance, running time, runs and leg days between two dates, inclusive.

    Keys: runs, distance_m, duration_s, leg_days, leg_duration_s.
    """
    params = [first.isoformat(), last.isoformat()]
    runs = next(
        dicts(
            conn,
            "select count(*) as runs, coalesce(sum(distance_m), 0) as distance_m, "
            "coalesce(sum(duration_s), 0) as duration_s from runs where date between ? and ?",
            params,
        )
    )
    legs = next(
        dicts(
            conn,
            "select count(*) as leg_days, coalesce(sum(duration_s), 0) as leg_duration_s "
            "from leg_days where date between ? and ?",
            params,
        )
    )
    return {**runs, **legs}


def days(conn: sqlite3.Connection, first: date, last: date) -> dict[date, list[Entry]]:
    """Every entry between two dates, grouped by day (for the 7-day strip).

    Within a day: leg days, then runs, then the check-in, each oldest first.
    """
    grouped: dict[date, list[Entry]] = {}
    kinds: tuple[Kind, ...] = ("leg", "run", "checkin")
    for kind in kinds:
        for entry in reversed(read(conn, kind, since=first, until=last)):
            grouped.setdefault(entry.date, []).append(entry)
    return grouped
