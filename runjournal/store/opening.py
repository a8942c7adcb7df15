"""Deciding whether a file is a journal we may open, without changing a byte of it.

The SQLite header (https://www.sqlite.org/fileformat.html) holds everything we need:
the magic string, the page size and count, `user_version` at offset 60 and
`application_id` at offset 68. Reading it directly means a foreign or damaged file is
refused before SQLite has had a chance to touch it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path
from typing import NamedTuple

from .errors import JournalError

APPLICATION_ID = 0x524A4E4C  # "RJNL"
_MAGIC = b"SQLite format 3\x00"


class FileState(NamedTuple):
    """What `inspect` found: a journal to open (at which schema) or room for a new one."""

    exists: bool  # False: a new journal will be created (missing or empty file)
    user_version: int = 0


def inspect(path: Path, schema_version: int) -> FileState:
    """Check that `path` is missing, empty, or a journal this code can open.

    Raises:
        JournalError: with a message a person can act on; the file is untouched.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return FileState(exists=False)
    except OSError as error:  # not a directory, name too long, permission denied...
        raise JournalError(f"cannot read {path}: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise JournalError(f"{path} is a folder, not a journal file; pass a file path to --db")
    if not stat.S_ISREG(info.st_mode):
        raise JournalError(f"{path} is not a regular file")
    if info.st_size == 0:
        return FileState(exists=False)
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise JournalError(f"cannot read {path}: {error.strerror}") from None
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise JournalError(f"{path} is not a runjournal journal (not an SQLite database)")
    app_id = int.from_bytes(header[68:72], "big")
    user_version = int.from_bytes(header[60:64], "big")
    tables = 1
    wal = _has_wal(path)
    if wal or app_id != APPLICATION_ID:
        # The header may be stale (in WAL mode the newest one lives in the -wal file
        # until a checkpoint) or caught half-way through another process creating the
        # journal: ask SQLite, read-only, for all three facts in one snapshot.
        app_id, user_version, tables = _snapshot(path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The in-header page count is valid only when "version-valid-for" matches the
    # change counter; then a shorter file was truncated (copied half-way, disk full).
    # Not while a -wal holds pages: a checkpoint in another process writes page 1
    # before the pages that grow the file, and that journal is healthy.
    if not wal and header[24:28] == header[92:96] and pages and info.st_size < pages * page_size:
        raise JournalError(
            f"{path} is damaged: it is shorter than its own header says (truncated?). "
            "Restore a backup (see `runjournal --help`)."
        )
    if app_id == APPLICATION_ID:
        if user_version > schema_version:
            raise JournalError(
                f"{path} was written by a newer version of runjournal (schema "
                f"{user_version}, this one knows {schema_version}); upgrade runjournal"
            )
        return FileState(exists=True, user_version=user_version)
    if app_id != 0 or tables:
        raise JournalError(
            f"{path} is an SQLite database of another application, not a runjournal journal"
        )
    return FileState(exists=False)


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _snapshot(path: Path) -> tuple[int, int, int]:
    """application_id, user_version and the number of tables, as one read transaction
    sees them (the -wal file included), through a read-only connection."""
    try:
        conn = connect_read_only(path)
        try:
            conn.execute("BEGIN")
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = int(conn.execute("select count(*) from sqlite_master").fetchone()[0])
            conn.rollback()
            return app_id & 0xFFFFFFFF, user_version, tables
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise JournalError(f"{path} is damaged or not an SQLite database") from None


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file: for looking at it and for copying it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def create_private(path: Path) -> None:
    """Make sure the folder exists and the journal file exists with mode 0600."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        if path.stat().st_size == 0:
            os.chmod(path, 0o600)
    except OSError as error:
        raise JournalError(f"cannot create the journal at {path}: {error.strerror}") from None


def make_private(path: Path) -> int | None:
    """Make the journal (and its side files) 0600; the old mode if it was looser, else None.

    SQLite creates the -wal and -shm with the journal's own mode, so one check covers
    all three.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if not mode & 0o077:
            return None
        for name in (path.name, path.name + "-wal", path.name + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.chmod(path.with_name(name), 0o600)
    except OSError:  # not ours to change (another owner): the journal still opens
        return None
    return mode


def remove_new_journal(path: Path) -> None:
    """Remove the journal this process just failed to create, with its side files."""
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink()


def check_writable_folder(path: Path) -> None:
    """Refuse early when the journal's folder exists but cannot be written."""
    folder = path.parent
    if folder.is_dir() and (
        not os.access(folder, os.W_OK) or not folder.stat().st_mode & stat.S_IWUSR
    ):
        raise JournalError(f"{folder} is read-only; runjournal needs to write to it")


def check_writable(path: Path) -> None:
    """Refuse a journal (or folder) that is read-only, before SQLite tries to write.

    The owner's write bit is checked as well as access(2): root may write anywhere, but a
    file someone made read-only was made so on purpose.
    """
    for where in (path, path.parent):
        if not os.access(where, os.W_OK) or not where.stat().st_mode & stat.S_IWUSR:
            raise JournalError(f"{where} is read-only; runjournal needs to write to it")
