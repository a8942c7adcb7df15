"""Another runjournal journal (`.db`): its entries, merged by uid (SPEC §7).

The other file is opened read-only and left byte-for-byte as it was (the store's
`foreign` module does the opening: SQL is the store's); its settings and checklist are
not read. Entries come back without their ids (they get new ones here) and with their
uids, so importing the same journal twice adds nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from ..domain.entries import Entry
from ..store import foreign
from .found import Found, ReadOptions, Unreadable

MAGIC = b"SQLite format 3\x00"


def looks_like(head: bytes) -> bool:
    """An SQLite database (whether it is a journal is known once it is opened)."""
    return head.startswith(MAGIC)


def read(data: bytes, name: str, options: ReadOptions) -> Found:
    """The entries of a journal held in `data` (a member of an archive, say)."""
    return _found(lambda: foreign.bytes_entries(_rollback_mode(data)))


def _rollback_mode(data: bytes) -> bytes:
    """`data` with its header saying rollback-journal mode instead of WAL (bytes 18-19).

    A journal is kept in WAL mode, and SQLite cannot open a WAL-mode file from memory
    ("unable to open database file"): a journal zipped as it is would never be read.
    Only this in-memory copy changes; what a -wal file held is not in `data` anyway.
    """
    if data.startswith(MAGIC) and data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def read_path(path: Path, name: str, options: ReadOptions) -> Found:
    """The entries of the journal at `path`, opened read-only."""
    return _found(lambda: foreign.file_entries(path))


def _found(entries: Callable[[], list[Entry]]) -> Found:
    try:
        found = entries()
    except foreign.NotAJournal as error:
        raise Unreadable(str(error)) from None
    return Found(entries=[dataclasses.replace(entry, id=None) for entry in found])
