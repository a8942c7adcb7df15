"""The edges of opening a journal: header fields read byte for byte, stale headers
beside a -wal, other processes holding locks, and a full disk."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from runjournal.store import Journal
from runjournal.store.connection import connect
from runjournal.store.errors import JournalError
from runjournal.store.opening import APPLICATION_ID, FileState, inspect

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
