"""Reading another runjournal journal (an import), without changing a byte of it.

A file on disk is opened through a read-only URI, and `immutable` when no other program
has it open in WAL mode (no `-wal` file beside it), so SQLite neither writes nor locks
anything; a journal found inside an archive is read from memory (`deserialize`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..domain.entries import Entry, Exercise
from .migrations import SCHEMA_VERSION
from .opening import APPLICATION_ID
from .rows import checkin_from_row, dicts, leg_day_from_row, run_from_row


class NotAJournal(Exception):
    """The file is not a runjournal journal this version can read; the message says why."""


def open_file(path: Path) -> sqlite3.Connection:
    """A read-only connection to the journal at `path`."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not wal.exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def open_bytes(data: bytes) -> sqlite3.Connection:
    """A connection to a journal held in memory (a member of an archive)."""
    conn = sqlite3.connect(":memory:")
    if data[18:20] == b"\x02\x02":
        # A journal is in WAL mode (header bytes 18-19), which a database in memory
        # cannot be: SQLite would refuse to read it. Mark it a rollback-journal file.
        data = data[:18] + b"\x01\x01" + data[20:]
    conn.deserialize(data)
    return conn


def file_entries(path: Path) -> list[Entry]:
    """Every entry of the journal at `path`, opened read-only (see `entries`)."""
    try:
        conn = open_file(path)
    except sqlite3.Error as error:
        raise NotAJournal(f"cannot be opened ({error})") from None
    return _all(conn)


def bytes_entries(data: bytes) -> list[Entry]:
    """Every entry of a journal held in memory (see `entries`)."""
    try:
        conn = open_bytes(data)
    except sqlite3.Error as error:
        raise NotAJournal(f"not a readable SQLite database ({error})") from None
    return _all(conn)


def _all(conn: sqlite3.Connection) -> list[Entry]:
    try:
        return list(entries(conn))
    finally:
        conn.close()


def entries(conn: sqlite3.Connection) -> Iterator[Entry]:
    """Every entry of another journal, oldest first; its settings and checklist are left.

    Raises:
        NotAJournal: another application's database, a newer journal, or damaged.
    """
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise NotAJournal(f"not a readable SQLite database ({error})") from None
    if app_id != APPLICATION_ID:
        raise NotAJournal("an SQLite database of another application, not a runjournal journal")
    if version > SCHEMA_VERSION:
        raise NotAJournal("written by a newer runjournal; upgrade runjournal to read it")
    try:
        yield from _rows(conn)
    except sqlite3.DatabaseError as error:
        raise NotAJournal(f"damaged ({error})") from None


def _rows(conn: sqlite3.Connection) -> Iterator[Entry]:
    order = "order by date, coalesce(time, ''), id"
    for row in dicts(conn, f"select * from runs {order}"):
        yield run_from_row(row)
    exercises: dict[int, list[Exercise]] = {}
    for ex in dicts(conn, "select * from leg_exercises order by leg_day_id, position"):
        exercises.setdefault(ex["leg_day_id"], []).append(
            Exercise(ex["name"], ex["sets"], ex["reps"], ex["weight_g"])
        )
    for row in dicts(conn, f"select * from leg_days {order}"):
        yield leg_day_from_row(row, tuple(exercises.get(row["id"], ())))
    for row in dicts(conn, "select * from checkins order by date, id"):
        yield checkin_from_row(row)
