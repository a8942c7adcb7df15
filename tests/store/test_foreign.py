"""Reading another journal file for an import (SPEC §7): every entry, read-only."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.entries import Checkin, Entry, Exercise, LegDay, Run
from runjournal.services.import_files import ImportOptions, import_paths
from runjournal.store import Journal, foreign
from runjournal.store.migrations import SCHEMA_VERSION

D = date(2026, 11, 20)


def other_journal(path: Path) -> list[Entry]:
    """A second journal with runs, leg days and check-ins added out of order; returns
    them as stored, in the order `foreign` must give them back."""
    squat = Exercise("back squat", 5, 3, 100_000)
    lunge = Exercise("walking lunges", 3, 12)
    press = Exercise("leg press", 4, 10, 140_500)
    with Journal.open(path) as journal:
        late = journal.add(Run(date=D, distance_m=8000, duration_s=2700, time="18:00"))
        untimed = journal.add(
            Run(date=D, distance_m=5000, duration_s=1500, type="tempo", rpe=7, notes="windy")
        )
        early = journal.add(
            Run(date=D, distance_m=3000, duration_s=1000, time="06:30", hr=150, uid="u-1")
        )
        before = journal.add(Run(date=D - timedelta(days=1), distance_m=10000, duration_s=3600))
        leg2 = journal.add(LegDay(date=D, duration_s=1800, rpe=6, exercises=(press,), time="07:00"))
        leg1 = journal.add(
            LegDay(
                date=D - timedelta(days=2),
                duration_s=3600,
                rpe=9,
                to_failure=True,
                exercises=(squat, lunge),
                notes="heavy",
            )
        )
        bare = journal.add(LegDay(date=D, duration_s=1200, rpe=4))
        check2 = journal.add(Checkin(date=D, soreness=3, notes="ok"))
        check1 = journal.add(Checkin(date=D - timedelta(days=1), soreness=6))
    return [before, untimed, early, late, leg1, bare, leg2, check1, check2]


def test_every_entry_comes_back_exactly_oldest_first(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    expected = other_journal(path)
    got = foreign.file_entries(path)
    assert got == expected
    legs = [entry for entry in got if isinstance(entry, LegDay)]
    assert [leg.exercises for leg in legs] == [
        (Exercise("back squat", 5, 3, 100_000), Exercise("walking lunges", 3, 12)),
        (),
        (Exercise("leg press", 4, 10, 140_500),),
    ]


def test_a_journal_in_memory_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    expected = other_journal(path)
    assert foreign.bytes_entries(path.read_bytes()) == expected


def test_reading_from_memory_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "other.db"
    other_journal(path)
    data = path.read_bytes()
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    assert len(foreign.bytes_entries(data)) == 9
    assert sorted(p.name for p in work.iterdir()) == []


def test_the_other_file_is_left_byte_for_byte_and_no_side_files(tmp_path: Path) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    path = folder / "other.db"
    other_journal(path)
    before = path.read_bytes()
    assert len(foreign.file_entries(path)) == 9
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["other.db"]


def test_entries_still_in_the_wal_of_an_open_journal_are_read(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with Journal.open(path) as journal:
        run = journal.add(Run(date=D, distance_m=5000, duration_s=1500))
        assert (tmp_path / "other.db-wal").stat().st_size > 0
        assert foreign.file_entries(path) == [run]


def test_a_locked_journal_without_wal_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    expected = other_journal(path)
    holder = sqlite3.connect(path)
    try:
        holder.execute("PRAGMA journal_mode = DELETE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("delete from runs")
        assert foreign.file_entries(path) == expected  # immutable: the lock is not asked
    finally:
        holder.rollback()
        holder.close()


def test_an_empty_journal_has_no_entries(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    Journal.open(path).close()
    assert foreign.file_entries(path) == []


def plain_database(path: Path, app_id: int, version: int) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("create table t (x)")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def message(read: object, arg: object) -> str:
    with pytest.raises(foreign.NotAJournal) as caught:
        read(arg)  # type: ignore[operator]
    return str(caught.value)


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "x.db", 0x12345678, 1)
    assert message(foreign.file_entries, path) == (
        "an SQLite database of another application, not a runjournal journal"
    )
    assert message(foreign.bytes_entries, path.read_bytes()) == (
        "an SQLite database of another application, not a runjournal journal"
    )


def newer_journal(path: Path, version: int) -> Path:
    Journal.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def test_a_newer_journal_is_refused(tmp_path: Path) -> None:
    path = newer_journal(tmp_path / "new.db", SCHEMA_VERSION + 1)
    assert message(foreign.file_entries, path) == (
        "written by a newer runjournal; upgrade runjournal to read it"
    )


def test_a_journal_at_this_schema_version_is_read(tmp_path: Path) -> None:
    path = newer_journal(tmp_path / "same.db", SCHEMA_VERSION)
    assert foreign.file_entries(path) == []


def test_bytes_that_are_not_a_database(tmp_path: Path) -> None:
    text = message(foreign.bytes_entries, b"SQLite format 3\x00" + b"\x01" * 200)
    assert text.startswith("not a readable SQLite database (")
    assert text.endswith(")")
    assert len(text) > len("not a readable SQLite database ()")


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"hello, this is not sqlite" * 100)
    text = message(foreign.file_entries, path)
    assert text == "not a readable SQLite database (file is not a database)"


def test_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "nope.db"
    assert message(foreign.file_entries, path) == (
        "cannot be opened (unable to open database file)"
    )


def test_a_journal_missing_a_table_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    Journal.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("drop table checkins")
    conn.commit()
    conn.close()
    assert message(foreign.file_entries, path) == "damaged (no such table: checkins)"


def test_a_journal_inside_a_zip_is_imported(tmp_path: Path, journal: Journal) -> None:
    """A journal is in WAL mode; read from memory it must still open (it did not)."""
    other = tmp_path / "other.db"
    expected = other_journal(other)
    archive = tmp_path / "backup.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(other, "journals/other.db")
    summary = import_paths(journal, [str(archive)], date(2026, 11, 24), ImportOptions())
    assert summary.unreadable == []
    assert summary.added == {"run": 4, "leg": 3, "checkin": 2}
    assert {e.uid for e in journal.entries("run")} == {e.uid for e in expected[:4]}
