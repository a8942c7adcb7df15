"""Another runjournal journal (.db) as an import source: its entries, new ids, same uids."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.entries import Run
from runjournal.formats import journal_db
from runjournal.formats.found import Unreadable
from runjournal.store.journal import Journal

from .samples import OPTIONS

RUNS = [
    Run(date=date(2026, 11, 1), time="07:00", distance_m=5000, duration_s=1800, uid="u-one"),
    Run(date=date(2026, 11, 3), time="18:30", distance_m=8000, duration_s=2900, uid="u-two"),
]


def other_journal(tmp_path: Path) -> Path:
    path = tmp_path / "other.db"
    with Journal.open(path) as journal:
        for run in RUNS:
            assert journal.add(run).id is not None  # stored with ids of that journal
    return path


def _plain(found: list[object]) -> list[tuple[object, ...]]:
    return [(e.id, e.uid, e.date, e.distance_m) for e in found]  # type: ignore[attr-defined]


def test_read_path_gives_its_entries_without_their_ids(tmp_path: Path) -> None:
    path = other_journal(tmp_path)
    found = journal_db.read_path(path, "other.db", OPTIONS)
    assert _plain(found.entries) == [
        (None, "u-one", date(2026, 11, 1), 5000),
        (None, "u-two", date(2026, 11, 3), 8000),
    ]
    assert dict(found.skipped) == {}


def test_read_of_its_bytes_gives_the_same(tmp_path: Path) -> None:
    path = other_journal(tmp_path)
    data = path.read_bytes()
    # a journal is kept in WAL mode (header bytes 18-19): zipped as it is, still read
    assert data[18:20] == b"\x02\x02"
    assert journal_db.looks_like(data[:4096]) is True
    found = journal_db.read(data, "backup.zip/other.db", OPTIONS)
    assert _plain(found.entries) == _plain(journal_db.read_path(path, "x", OPTIONS).entries)
    assert [e.uid for e in found.entries] == ["u-one", "u-two"]


def test_another_apps_database_is_unreadable_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    why = "an SQLite database of another application, not a runjournal journal"
    with pytest.raises(Unreadable) as error:
        journal_db.read_path(path, "notes.db", OPTIONS)
    assert str(error.value) == why
    with pytest.raises(Unreadable) as error:
        journal_db.read(path.read_bytes(), "notes.db", OPTIONS)
    assert str(error.value) == why


def test_read_of_a_rollback_mode_copy_too(tmp_path: Path) -> None:
    path = other_journal(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a backup copy is written
    conn.close()
    data = path.read_bytes()
    assert data[18:20] == b"\x01\x01"
    assert [e.uid for e in journal_db.read(data, "copy.db", OPTIONS).entries] == ["u-one", "u-two"]
