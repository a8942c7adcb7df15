"""Refusing a file that is not a journal, and cleaning up after a failed creation."""

from __future__ import annotations

from pathlib import Path

import pytest

from runjournal.store import Journal
from runjournal.store.errors import JournalError
from runjournal.store.opening import remove_new_journal


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
