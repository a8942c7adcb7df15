"""Rows and entries: which table holds each kind, and the mapping both ways."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from ..domain.entries import Checkin, Entry, Exercise, Kind, LegDay, Run

TABLES: dict[Kind, str] = {"run": "runs", "leg": "leg_days", "checkin": "checkins"}


def dicts(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()
) -> Iterator[dict[str, Any]]:
    """Rows as dictionaries, fetched lazily (the statement runs at once, as in sqlite-utils).

    Plain sqlite3 rather than `Database.query`: reading the journal must not cost the
    import of sqlite-utils, and a dictionary per row is all that was used of it.
    """
    cursor = conn.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return (dict(zip(keys, row, strict=True)) for row in cursor)


def entry_values(entry: Entry) -> dict[str, Any]:
    """The stored columns of an entry (but its ids and exercises), by column name."""
    if isinstance(entry, Run):
        return {
            "date": entry.date.isoformat(),
            "time": entry.time,
            "distance_m": entry.distance_m,
            "duration_s": entry.duration_s,
            "type": entry.type,
            "rpe": entry.rpe,
            "hr": entry.hr,
            "notes": entry.notes,
        }
    if isinstance(entry, LegDay):
        return {
            "date": entry.date.isoformat(),
            "time": entry.time,
            "duration_s": entry.duration_s,
            "rpe": entry.rpe,
            "to_failure": int(entry.to_failure),
            "notes": entry.notes,
        }
    return {"date": entry.date.isoformat(), "soreness": entry.soreness, "notes": entry.notes}


def to_entries(conn: sqlite3.Connection, kind: Kind, rows: list[dict[str, Any]]) -> list[Entry]:
    """Entries of one kind from their rows; leg days get their exercises in one query."""
    if kind == "run":
        return [run_from_row(row) for row in rows]
    if kind == "checkin":
        return [checkin_from_row(row) for row in rows]
    exercises: dict[int, list[Exercise]] = {row["id"]: [] for row in rows}
    if exercises:
        marks = ", ".join("?" for _ in exercises)
        for leg_day_id, name, sets, reps, weight_g in conn.execute(
            "select leg_day_id, name, sets, reps, weight_g from leg_exercises "
            f"where leg_day_id in ({marks}) order by leg_day_id, position",
            list(exercises),
        ):
            exercises[leg_day_id].append(Exercise(name, sets, reps, weight_g))
    return [leg_day_from_row(row, tuple(exercises[row["id"]])) for row in rows]


def run_from_row(row: dict[str, Any]) -> Run:
    """A run from its `runs` row."""
    return Run(
        date=date.fromisoformat(row["date"]),
        distance_m=row["distance_m"],
        duration_s=row["duration_s"],
        type=row["type"],
        rpe=row["rpe"],
        hr=row["hr"],
        time=row["time"],
        notes=row["notes"],
        id=row["id"],
        uid=row["uid"],
    )


def leg_day_from_row(row: dict[str, Any], exercises: tuple[Exercise, ...]) -> LegDay:
    """A leg day from its `leg_days` row and its exercises."""
    return LegDay(
        date=date.fromisoformat(row["date"]),
        duration_s=row["duration_s"],
        rpe=row["rpe"],
        to_failure=bool(row["to_failure"]),
        exercises=exercises,
        time=row["time"],
        notes=row["notes"],
        id=row["id"],
        uid=row["uid"],
    )


def checkin_from_row(row: dict[str, Any]) -> Checkin:
    """A check-in from its `checkins` row."""
    return Checkin(
        date=date.fromisoformat(row["date"]),
        soreness=row["soreness"],
        notes=row["notes"],
        id=row["id"],
        uid=row["uid"],
    )
