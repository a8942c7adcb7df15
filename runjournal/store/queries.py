"""The entry tables' statements: read, stream, add, change and remove entries.

Plain sqlite3 on the journal's connection. The writes run inside the caller's
transaction (`Journal.transaction`), which also decides what a missing entry means.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from ..domain.entries import Checkin, Entry, Exercise, Kind, LegDay, Run
from .rows import TABLES, checkin_from_row, dicts, entry_values, to_entries

# Newest first; a missing time sorts after the timed entries of the same day.
NEWEST_FIRST = "date desc, coalesce(time, '') desc, id desc"
ORDER = {"runs": NEWEST_FIRST, "leg_days": NEWEST_FIRST, "checkins": "date desc, id desc"}

# Statements written once, with their columns in the order of `entry_values`.
_INSERT_RUN = (
    "insert into runs (uid, date, time, distance_m, duration_s, type, rpe, hr, notes) "
    "values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_LEG_DAY = (
    "insert into leg_days (uid, date, time, duration_s, rpe, to_failure, notes) "
    "values (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_EXERCISE = (
    "insert into leg_exercises (leg_day_id, position, name, sets, reps, weight_g) "
    "values (?, ?, ?, ?, ?, ?)"
)
# One check-in per date (SPEC §2): a second replaces the first. It keeps the first's uid,
# unless it brings its own (an import), so importing the same file again skips it.
_UPSERT_CHECKIN = (
    "insert into checkins (uid, date, soreness, notes) values (?, ?, ?, ?) "
    "on conflict (date) do update set soreness = excluded.soreness, "
    "notes = excluded.notes, uid = coalesce(?, checkins.uid)"
)


def date_range(since: date | None, until: date | None) -> tuple[str, list[Any]]:
    """A ` where ...` clause (or nothing) and its parameters for an inclusive date range."""
    clauses, params = [], []
    if since is not None:
        clauses.append("date >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("date <= ?")
        params.append(until.isoformat())
    return (" where " + " and ".join(clauses) if clauses else ""), params


def insert(conn: sqlite3.Connection, entry: Entry, uid: str) -> int | None:
    """Write one new entry; its new row's id, or None for a check-in (which may have
    replaced the one its date had).

    Statements written once, straight on the connection: an import runs this 100,000
    times, and sqlite-utils' conveniences cost more per row than the inserts.
    """
    row = (uid, *entry_values(entry).values())
    if isinstance(entry, Checkin):
        conn.execute(_UPSERT_CHECKIN, (*row, entry.uid))
        return None
    if isinstance(entry, Run):
        return int(conn.execute(_INSERT_RUN, row).lastrowid or 0)
    leg_day_id = int(conn.execute(_INSERT_LEG_DAY, row).lastrowid or 0)
    _insert_exercises(conn, leg_day_id, entry.exercises)
    return leg_day_id


def update(conn: sqlite3.Connection, entry: Entry, entry_id: int) -> None:
    """Overwrite the stored fields of the entry `entry_id` (a leg day's exercises too)."""
    values = entry_values(entry)
    sets = ", ".join(f"{column} = ?" for column in values)
    table = TABLES[entry.kind]
    conn.execute(f"update {table} set {sets} where id = ?", [*values.values(), entry_id])
    if isinstance(entry, LegDay):
        conn.execute("delete from leg_exercises where leg_day_id = ?", [entry_id])
        _insert_exercises(conn, entry_id, entry.exercises)


def delete(conn: sqlite3.Connection, kind: Kind, entry_id: int) -> bool:
    """Delete one entry (a leg day with its exercises); False if there was none."""
    if kind == "leg":
        conn.execute("delete from leg_exercises where leg_day_id = ?", [entry_id])
    return conn.execute(f"delete from {TABLES[kind]} where id = ?", [entry_id]).rowcount > 0


def _insert_exercises(
    conn: sqlite3.Connection, leg_day_id: int, exercises: Sequence[Exercise]
) -> None:
    conn.executemany(
        _INSERT_EXERCISE,
        [(leg_day_id, n, ex.name, ex.sets, ex.reps, ex.weight_g) for n, ex in enumerate(exercises)],
    )


def read(
    conn: sqlite3.Connection,
    kind: Kind,
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[Entry]:
    """Entries of one kind, newest first, optionally within a date range."""
    where, params = date_range(since, until)
    sql = f"select * from {TABLES[kind]}{where} order by {ORDER[TABLES[kind]]}"
    if limit is not None:
        sql += " limit ?"
        params.append(limit)
    return to_entries(conn, kind, list(dicts(conn, sql, params)))


def stream(
    conn: sqlite3.Connection,
    kinds: Iterable[Kind],
    since: date | None,
    until: date | None,
    oldest_first: bool,
) -> Iterator[Entry]:
    """Entries of the given kinds, newest (or oldest) first, merged lazily from one
    cursor per kind, 500 rows at a time: an export of 100,000 entries streams."""
    import heapq

    def key(entry: Entry) -> tuple[str, str, int]:
        return (entry.date.isoformat(), entry.time or "", entry.id or 0)

    streams = [_stream_kind(conn, kind, since, until, oldest_first) for kind in kinds]
    return heapq.merge(*streams, key=key, reverse=not oldest_first)


def _stream_kind(
    conn: sqlite3.Connection, kind: Kind, since: date | None, until: date | None, oldest_first: bool
) -> Iterator[Entry]:
    where, params = date_range(since, until)
    order = ORDER[TABLES[kind]]
    if oldest_first:
        order = order.replace(" desc", " asc")
    sql = f"select * from {TABLES[kind]}{where} order by {order}"
    batch: list[dict[str, Any]] = []
    for row in dicts(conn, sql, params):
        batch.append(row)
        if len(batch) == 500:
            yield from to_entries(conn, kind, batch)
            batch = []
    if batch:
        yield from to_entries(conn, kind, batch)


def get(conn: sqlite3.Connection, kind: Kind, entry_id: int) -> Entry | None:
    """The entry of that kind and id, or None."""
    found = list(dicts(conn, f"select * from {TABLES[kind]} where id = ?", [entry_id]))
    return to_entries(conn, kind, found)[0] if found else None


def checkin_on(conn: sqlite3.Connection, day: date) -> Checkin | None:
    """The check-in of that date, or None."""
    found = list(dicts(conn, "select * from checkins where date = ?", [day.isoformat()]))
    return checkin_from_row(found[0]) if found else None


def count(conn: sqlite3.Connection, kind: Kind) -> int:
    """How many entries of that kind the journal holds."""
    return int(conn.execute(f"select count(*) from {TABLES[kind]}").fetchone()[0])


_HAS_UID = " union all ".join(f"select 1 from {t} where uid = ?" for t in TABLES.values())


def has_uid(conn: sqlite3.Connection, uid: str) -> bool:
    """Whether an entry of any kind has that uid: one indexed lookup per table."""
    return conn.execute(_HAS_UID, (uid,) * len(TABLES)).fetchone() is not None


def exercise_names(conn: sqlite3.Connection, limit: int) -> list[str]:
    """Past exercise names, most used first."""
    found = conn.execute(
        "select name, count(*) as n from leg_exercises group by name order by n desc, name limit ?",
        [limit],
    )
    return [name for name, _ in found]
