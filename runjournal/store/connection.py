"""Opening a journal file: the checks before SQLite touches it, then one tuned connection.

Plain `sqlite3` on purpose: importing sqlite-utils costs more (~65 ms) than a command
such as `advise` spends on everything else, so it is loaded only when a migration runs.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import translate_errors
from .opening import check_writable, check_writable_folder, create_private, inspect

BUSY_TIMEOUT_S = 5.0


def connect(
    path: Path, schema_version: int, *, busy_timeout: float = BUSY_TIMEOUT_S
) -> sqlite3.Connection:
    """Open (or create) the journal file at `path`, ready for `Journal`.

    The file is checked before SQLite opens it (`opening.inspect`), and copied aside
    first when it is at an older schema than `schema_version` (an upgrade is due). The
    connection is in WAL mode with NORMAL sync, waits up to `busy_timeout` seconds for
    a lock, and leaves transactions to the store (it never begins one implicitly).

    Raises:
        JournalError: the file is not a journal, newer, damaged, locked or read-only;
            the file is left exactly as it was.
    """
    state = inspect(path, schema_version)
    if state.exists:
        check_writable(path)
    else:
        check_writable_folder(path)  # before creating anything: a refusal leaves no file
        create_private(path)
        check_writable(path)
    with translate_errors(path):
        if state.exists and 0 < state.user_version < schema_version:
            from .backups import backup_before_upgrade  # only an upgrade copies the file

            backup_before_upgrade(path, state.user_version)
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        try:
            _use_wal(conn, busy_timeout)
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """A write transaction that takes the write lock up front (BEGIN IMMEDIATE).

    A deferred transaction (plain BEGIN, as sqlite-utils' atomic() uses) that reads
    first and writes later fails at once (SQLITE_BUSY_SNAPSHOT) if another process
    committed in between, instead of waiting out the busy timeout. Inside a
    transaction already, it is a savepoint: the inner block can fail alone.
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT journal")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # some errors end the whole transaction
                conn.execute("ROLLBACK TO journal")
                conn.execute("RELEASE journal")
            raise
        conn.execute("RELEASE journal")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        # Also when COMMIT itself fails (disk full): a transaction left open would
        # turn every later write into a savepoint that never commits.
        if conn.in_transaction:
            conn.rollback()
        raise


def _use_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """Put the journal in WAL mode, which lets the app read while a command writes.

    (NORMAL sync, set next, is durable in WAL mode for everything but the last commit
    before a power loss.) Switching the mode needs an exclusive lock, and SQLite answers
    "locked" at once rather than waiting when another process is creating the same new
    journal, so the switch is retried within the busy timeout.
    """
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
