"""Problems with the journal file itself (exit code 1), as opposed to bad input."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path


class JournalError(Exception):
    """The journal cannot be used: foreign, damaged, newer, locked or not writable."""


def as_journal_error(error: sqlite3.Error, path: Path | str) -> JournalError:
    """SQLite's failure as a message a person can act on."""
    text = str(error)
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
