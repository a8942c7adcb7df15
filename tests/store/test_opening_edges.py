"""The edges of opening a journal: header fields read byte for byte, stale headers
beside a -wal, other processes holding locks, and a full disk."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from runjournal.store import Journal
from runjournal.store.connection import connect
from runjournal.store.errors import JournalError
from runjournal.store.opening import APPLICATION_ID, FileState, inspect

from ..full_disk import fill, small_disk

SCHEMA = len(Journal.schema)


def _plain(
    path: Path,
    *,
    app_id: int = APPLICATION_ID,
    user_version: int = 1,
    page_size: int = 4096,
    rows: int = 0,
    tables: bool = True,
) -> bytes:
    """A file made by plain sqlite3 in rollback mode (no -wal); its bytes."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA page_size = {page_size}")
    if tables:
        conn.execute("create table t (x)")
        for _ in range(rows):
            conn.execute("insert into t values (zeroblob(3000))")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.close()
    return path.read_bytes()


def _damaged(path: Path) -> str:
    return (
        f"{path} is damaged: it is shorter than its own header says (truncated?). "
        "Restore a backup (see `runjournal --help`)."
    )


def _newer(path: Path, version: int) -> str:
    return (
        f"{path} was written by a newer version of runjournal (schema {version}, "
        f"this one knows {SCHEMA}); upgrade runjournal"
    )


# Missing, empty, not a file ---------------------------------------------------------


def test_a_missing_or_empty_file_is_room_for_a_new_journal(tmp_path: Path) -> None:
    missing = inspect(tmp_path / "nope.db", SCHEMA)
    (tmp_path / "empty.db").write_bytes(b"")
    empty = inspect(tmp_path / "empty.db", SCHEMA)
    assert (missing, missing.exists) == (FileState(exists=False), False)
    assert missing.exists is False
    assert (empty, empty.exists) == (FileState(exists=False), False)
    assert empty.exists is False


def test_an_empty_loose_file_becomes_a_private_journal_quietly(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    path.write_bytes(b"")
    path.chmod(0o644)
    with Journal.open(path) as journal:
        assert journal.notices == []
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert inspect(path, SCHEMA) == FileState(exists=True, user_version=SCHEMA)


def test_a_fifo_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    os.mkfifo(path)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert str(caught.value) == f"{path} is not a regular file"


def test_an_sqlite_file_with_no_tables_and_no_id_is_room_for_a_new_journal(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.db"
    _plain(path, app_id=0, user_version=7, tables=False)
    state = inspect(path, SCHEMA)
    assert (state, state.exists) == (FileState(exists=False), False)
    assert state.exists is False


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_a_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    _plain(path)
    path.chmod(0o000)
    try:
        with pytest.raises(JournalError) as caught:
            inspect(path, SCHEMA)
    finally:
        path.chmod(0o600)
    assert str(caught.value) == f"cannot read {path}: Permission denied"


# Header fields ----------------------------------------------------------------------


def test_a_schema_number_in_the_high_byte_is_newer(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    _plain(path, user_version=0x01000001)
    with pytest.raises(JournalError) as caught:
        inspect(path, SCHEMA)
    assert str(caught.value) == _newer(path, 0x01000001)


def test_a_truncated_journal_is_refused_with_the_exact_message(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    data = _plain(path, rows=6)
    assert len(data) > 5 * 4096
    path.write_bytes(data[: len(data) - 4096])
    with pytest.raises(JournalError) as caught:
        inspect(path, SCHEMA)
    assert str(caught.value) == _damaged(path)
    assert inspect_whole(tmp_path, data) == FileState(exists=True, user_version=1)


def inspect_whole(tmp_path: Path, data: bytes) -> FileState:
    whole = tmp_path / "whole.db"
    whole.write_bytes(data)
    return inspect(whole, SCHEMA)


def test_a_page_count_in_the_high_byte_is_believed(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    data = bytearray(_plain(path, rows=2))
    pages = int.from_bytes(data[28:32], "big")
    data[28:32] = ((1 << 24) | pages).to_bytes(4, "big")  # 16 million pages more
    path.write_bytes(bytes(data))
    with pytest.raises(JournalError) as caught:
        inspect(path, SCHEMA)
    assert str(caught.value) == _damaged(path)


def test_a_stale_page_count_is_not_taken_for_truncation(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    data = bytearray(_plain(path, rows=6))
    counter = int.from_bytes(data[24:28], "big")
    data[92:96] = (counter + 1).to_bytes(4, "big")  # "version-valid-for" no longer matches
    path.write_bytes(bytes(data[: len(data) - 4096]))
    assert inspect(path, SCHEMA) == FileState(exists=True, user_version=1)


def test_a_page_size_of_one_means_65536(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    data = _plain(path, page_size=65536, rows=30)
    assert data[16:18] == b"\x00\x01"
    assert inspect(path, SCHEMA) == FileState(exists=True, user_version=1)  # healthy
    path.write_bytes(data[: len(data) - 1000])
    with pytest.raises(JournalError) as caught:
        inspect(path, SCHEMA)
    assert str(caught.value) == _damaged(path)


# A -wal beside the file -------------------------------------------------------------


def test_the_newest_header_in_the_wal_is_the_one_believed(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    _plain(path, user_version=1)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute(f"PRAGMA user_version = {SCHEMA + 5}")
        assert (tmp_path / "j.db-wal").stat().st_size > 0
        assert int.from_bytes(path.read_bytes()[60:64], "big") == 1  # the file's is stale
        with pytest.raises(JournalError) as caught:
            inspect(path, SCHEMA)
    finally:
        writer.close()
    assert str(caught.value) == _newer(path, SCHEMA + 5)


def test_an_empty_wal_does_not_hide_a_truncation(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    data = _plain(path, rows=6)
    path.write_bytes(data[: len(data) - 4096])
    (tmp_path / "j.db-wal").write_bytes(b"")
    with pytest.raises(JournalError) as caught:
        inspect(path, SCHEMA)
    assert str(caught.value) == _damaged(path)


def test_a_one_byte_wal_is_read_through_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    data = _plain(path, rows=6)
    path.write_bytes(data[: len(data) - 4096])
    (tmp_path / "j.db-wal").write_bytes(b"\x00")  # any byte in the -wal counts
    with pytest.raises(JournalError) as caught:
        inspect(path, SCHEMA)
    assert str(caught.value) == f"{path} is damaged or not an SQLite database"


# Another process holding the journal ------------------------------------------------


def _locked(path: Path) -> str:
    return f"the journal {path} is locked by another program; try again in a moment"


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A second connection to tmp_path/j.db, for holding locks (from a timer thread too)."""
    conn = sqlite3.connect(tmp_path / "j.db", isolation_level=None, check_same_thread=False)
    yield conn
    conn.close()


def _let_go_after(conn: sqlite3.Connection, seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, lambda: conn.execute("ROLLBACK"))
    timer.start()
    return timer


def _refused_while_held(holder: sqlite3.Connection, path: Path) -> str:
    """Open `path` with a 0.3 s timeout while `holder` keeps its lock for 2.5 s: the error."""
    timer = _let_go_after(holder, 2.5)
    try:
        with pytest.raises(JournalError) as caught:
            Journal.open(path, busy_timeout=0.3)
    finally:
        timer.join()
    return str(caught.value)


def test_the_switch_to_wal_waits_for_a_writer_to_let_go(
    tmp_path: Path, holder: sqlite3.Connection
) -> None:
    path = tmp_path / "j.db"
    _plain(path, user_version=0, tables=False)  # rollback mode, not yet a journal
    holder.execute("BEGIN IMMEDIATE")  # SQLite answers "locked" at once to the switch
    timer = _let_go_after(holder, 0.2)
    start = time.monotonic()
    try:
        with Journal.open(path, busy_timeout=1.5) as journal:
            elapsed = time.monotonic() - start
            assert journal.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        timer.join()
    assert elapsed > 0.15  # it waited for the other to let go (how soon after: not timed)


def test_a_writer_that_keeps_the_lock_is_named_after_the_busy_timeout(
    tmp_path: Path, holder: sqlite3.Connection
) -> None:
    path = tmp_path / "j.db"
    data = _plain(path, user_version=0, tables=False)
    holder.execute("BEGIN IMMEDIATE")
    timer = _let_go_after(holder, 2.5)  # long after the timeout
    start = time.monotonic()
    try:
        with pytest.raises(JournalError) as caught:
            Journal.open(path, busy_timeout=0.3)
        elapsed = time.monotonic() - start
    finally:
        timer.join()
    assert str(caught.value) == _locked(path)
    assert elapsed > 0.25  # the whole timeout; it gave up before the other let go
    assert path.read_bytes() == data


def test_an_exclusive_lock_is_waited_for_only_the_busy_timeout(
    tmp_path: Path, holder: sqlite3.Connection
) -> None:
    path = tmp_path / "j.db"
    _plain(path, user_version=0, tables=False)
    holder.execute("BEGIN EXCLUSIVE")  # even reading the journal mode has to wait
    assert _refused_while_held(holder, path) == _locked(path)  # before the other let go


def test_a_lock_held_while_the_schema_is_made_is_named_after_the_busy_timeout(
    tmp_path: Path, holder: sqlite3.Connection
) -> None:
    path = tmp_path / "j.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")  # already WAL: the switch needs no lock
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # half-way created
    conn.close()
    holder.execute("BEGIN IMMEDIATE")
    assert _refused_while_held(holder, path) == _locked(path)


# What the connection is -------------------------------------------------------------


def test_a_journal_at_schema_zero_is_created_in_place_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    _plain(path, user_version=0, tables=False)  # our id, no schema yet: nothing to keep
    Journal.open(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.db"]
    assert inspect(path, SCHEMA) == FileState(exists=True, user_version=SCHEMA)


def test_the_connection_never_leaves_a_transaction_open(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    conn = connect(path, SCHEMA)
    other = sqlite3.connect(path)
    try:
        conn.execute("create table scratch (x)")
        conn.execute("insert into scratch values (1)")
        assert conn.in_transaction is False
        assert other.execute("select x from scratch").fetchall() == [(1,)]
    finally:
        other.close()
        conn.close()


# A full disk ------------------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a small file system of its own (needs root and mount(8)), not yet full."""
    with small_disk(tmp_path / "full", "256k") as folder:
        yield folder


def _full(path: Path) -> str:
    return (
        f"the disk is full: the journal {path} could not be written; free some space and try again"
    )


def test_a_new_journal_on_a_full_disk_leaves_no_file(full_disk: Path) -> None:
    fill(full_disk)
    path = full_disk / "j.db"
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert (str(caught.value), caught.value.disk_full) == (_full(path), True)
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]


def test_an_existing_file_on_a_full_disk_is_kept(full_disk: Path) -> None:
    path = full_disk / "j.db"
    data = _plain(path, user_version=0, tables=False)  # ours, its schema still to make
    fill(full_disk)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert (str(caught.value), caught.value.disk_full) == (_full(path), True)
    assert path.read_bytes() == data
