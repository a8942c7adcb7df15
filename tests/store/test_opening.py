"""Refusing a file that is not a journal, and cleaning up after a failed creation."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from runjournal.store import Journal
from runjournal.store.errors import JournalError
from runjournal.store.opening import check_writable_folder, create_private, remove_new_journal


def test_a_failed_creation_removes_the_journal_and_its_side_files(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    for name in ("j.db", "j.db-wal", "j.db-shm", "j.db-journal", "other.db", "j.db-wal.bak"):
        (tmp_path / name).write_bytes(b"x")
    remove_new_journal(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.db-wal.bak", "other.db"]


def test_removing_side_files_that_are_not_there_is_quiet(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    (tmp_path / "j.db-shm").write_bytes(b"x")
    remove_new_journal(path)  # no journal, no -wal, no -journal: nothing raised
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_header_of_another_application_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    header = bytearray(b"SQLite format 3\x00" + bytes(84))
    header[16:18] = (3).to_bytes(2, "big")  # no such page size: SQLite cannot read it
    header[68:72] = (0x11111111).to_bytes(4, "big")  # not our application id
    data = bytes(header) + bytes(4096)
    path.write_bytes(data)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert str(caught.value) == f"{path} is damaged or not an SQLite database"
    assert path.read_bytes() == data


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_journal_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "j.db"
    old = os.umask(0o377)  # would leave the owner without write
    try:
        create_private(path)
    finally:
        os.umask(old)
    assert _mode(path) == 0o600
    assert path.read_bytes() == b""


def test_an_existing_journal_keeps_its_mode_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    path.write_bytes(b"already here")
    path.chmod(0o640)
    create_private(path)  # loose modes are for make_private to report, not to hide
    assert _mode(path) == 0o640
    assert path.read_bytes() == b"already here"


def test_a_journal_cannot_be_created_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    path = tmp_path / "plain" / "j.db"
    with pytest.raises(JournalError) as caught:
        create_private(path)
    assert str(caught.value) == f"cannot create the journal at {path}: File exists"


def test_a_folder_without_the_owners_write_bit_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(JournalError) as caught:
            check_writable_folder(folder / "j.db")
    finally:
        folder.chmod(0o700)
    assert str(caught.value) == f"{folder} is read-only; runjournal needs to write to it"
    check_writable_folder(folder / "j.db")  # writable again: nothing raised
    check_writable_folder(tmp_path / "missing" / "j.db")  # not there yet: created later
