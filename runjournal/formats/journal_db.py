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
    return _found(lambda: foreign.bytes_entries(data))


def read_path(path: Path, name: str, options: ReadOptions) -> Found:
    """The entries of the journal at `path`, opened read-only."""
    return _found(lambda: foreign.file_entries(path))


def _found(entries: Callable[[], list[Entry]]) -> Found:
    try:
        found = entries()
    except foreign.NotAJournal as error:
        raise Unreadable(str(error)) from None
    return Found(entries=[dataclasses.replace(entry, id=None) for entry in found])
