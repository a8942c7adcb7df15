"""Problems with the journal file itself (exit code 1), as opposed to bad input."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path


class JournalError(Exception):
    """The journal cannot be used: foreign, damaged, newer, locked or not writable.

    Attributes:
        disk_full: the disk (or the user's quota) had no room for what was written.
    """

    def __init__(self, message: str, *, disk_full: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full


_SQLITE_IOERR, _SQLITE_FULL = 10, 13


def _no_room(path: Path | str) -> bool:
    """Whether the journal's disk is (nearly) full: what an I/O error there most often means."""
    import shutil

    try:
        return shutil.disk_usage(Path(path).expanduser().resolve().parent).free < 1 << 20
    except OSError:
        return False


def as_journal_error(error: sqlite3.Error, path: Path | str) -> JournalError:
    """SQLite's failure as a message a person can act on."""
    text = str(error)
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF  # the primary result code
    if code == _SQLITE_FULL or "disk is full" in text or (code == _SQLITE_IOERR and _no_room(path)):
        return JournalError(
            f"the disk is full: the journal {path} could not be written; free some space "
            "and try again",
            disk_full=True,
        )
    if "locked" in text or "busy" in text:
        return JournalError(
            f"the journal {path} is locked by another program; try again in a moment"
        )
    if "readonly" in text or "read-only" in text:
        return JournalError(f"the journal {path} is read-only")
    if isinstance(error, sqlite3.OperationalError):
        return JournalError(f"the journal {path} could not be used: {text}")
    return JournalError(f"the journal {path} is damaged: {text}")


@contextlib.contextmanager
def translate_errors(path: Path | str) -> Iterator[None]:
    """Turn any `sqlite3.Error` raised inside the block into a JournalError naming `path`."""
    try:
        yield
    except sqlite3.Error as error:
        raise as_journal_error(error, path) from None
