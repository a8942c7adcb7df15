"""Another runjournal journal (`.db`): its entries, merged by uid (SPEC §7).

The other file is opened read-only and left byte-for-byte as it was; its settings and
checklist are not read. Entries come back without their ids (they get new ones here)
and with their uids, so importing the same journal twice adds nothing.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from ..store import foreign
from .found import Found, ReadOptions, Unreadable

MAGIC = b"SQLite format 3\x00"


def looks_like(head: bytes) -> bool:
    """An SQLite database (whether it is a journal is known once it is opened)."""
    return head.startswith(MAGIC)


def read(data: bytes, name: str, options: ReadOptions) -> Found:
    """The entries of a journal held in `data` (a member of an archive, say)."""
    try:
        conn = foreign.open_bytes(data)
    except sqlite3.DatabaseError as error:
        raise Unreadable(f"not a readable SQLite database ({error})") from None
    return _read(conn)


def read_path(path: Path, name: str, options: ReadOptions) -> Found:
    """The entries of the journal at `path`, opened read-only."""
    try:
        conn = foreign.open_file(path)
    except sqlite3.Error as error:
        raise Unreadable(f"cannot be opened ({error})") from None
    return _read(conn)


def _read(conn: sqlite3.Connection) -> Found:
    found = Found()
    try:
        for entry in foreign.entries(conn):
            found.entries.append(dataclasses.replace(entry, id=None))
    except foreign.NotAJournal as error:
        raise Unreadable(str(error)) from None
    finally:
        conn.close()
    return found
