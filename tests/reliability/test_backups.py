"""Daily automatic backups: one per day, the newest 7 kept, private, never a crash."""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.entries import Run
from runjournal.store import Journal
from runjournal.store.backups import daily_backup, list_backups

from .helpers import integrity, row_counts, sha256

DAY = date(2026, 11, 24)


def _journal_with_runs(path: Path, n: int) -> None:
    with Journal.open(path) as journal:
        for i in range(n):
            journal.add(Run(date=DAY, distance_m=5000 + i, duration_s=1800, notes=f"run {i}"))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_first_call_of_the_day_writes_a_private_consistent_copy(isolated_journal: Path) -> None:
    _journal_with_runs(isolated_journal, 3)
    before = sha256(isolated_journal)

    made = daily_backup(isolated_journal, DAY)

    assert made == isolated_journal.parent / "backups" / "journal.db-2026-11-24.db"
    assert _mode(made) == 0o600
    assert _mode(made.parent) == 0o700
    assert integrity(made) == "ok"
    assert row_counts(made)["runs"] == 3
    # A backup is one plain file: no -wal beside it, and its header is not in WAL mode.
    assert made.read_bytes()[18:20] == b"\x01\x01"
    assert not Path(f"{made}-wal").exists()
    assert sha256(isolated_journal) == before, "making a backup changed the journal"


def test_second_call_the_same_day_keeps_the_first_copy(isolated_journal: Path) -> None:
    _journal_with_runs(isolated_journal, 1)
    first = daily_backup(isolated_journal, DAY)
    assert first is not None
    kept = sha256(first)
    _journal_with_runs(isolated_journal, 2)

    again = daily_backup(isolated_journal, DAY)

    assert again == first
    assert sha256(first) == kept
    assert daily_backup(isolated_journal, DAY + timedelta(days=1)) != first
    assert row_counts(list_backups(isolated_journal)[0])["runs"] == 3


def test_copy_is_consistent_while_the_journal_is_open_and_written(isolated_journal: Path) -> None:
    with Journal.open(isolated_journal) as journal:
        journal.add(Run(date=DAY, distance_m=5000, duration_s=1800))
        # Committed but not yet checkpointed: the rows live in the -wal file only.
        journal.add(Run(date=DAY, distance_m=6000, duration_s=1800))
        made = daily_backup(isolated_journal, DAY)
        assert made is not None
        assert row_counts(made)["runs"] == 2
        assert integrity(made) == "ok"


def test_keeps_only_the_newest_seven(isolated_journal: Path) -> None:
    _journal_with_runs(isolated_journal, 1)
    for n in range(10):
        assert daily_backup(isolated_journal, DAY + timedelta(days=n)) is not None

    backups = list_backups(isolated_journal)

    assert [p.name for p in backups] == [
        f"journal.db-{DAY + timedelta(days=n)}.db" for n in range(9, 2, -1)
    ]


def test_rotation_leaves_other_files_and_other_journals_alone(isolated_journal: Path) -> None:
    _journal_with_runs(isolated_journal, 1)
    other = isolated_journal.with_name("work.db")
    _journal_with_runs(other, 1)
    folder = isolated_journal.parent / "backups"
    folder.mkdir(mode=0o700)
    mine = folder / "keep-me.db"
    mine.write_text("a file the user put here")
    assert daily_backup(other, DAY) is not None

    for n in range(9):
        daily_backup(isolated_journal, DAY + timedelta(days=n), keep=2)

    assert len(list_backups(isolated_journal)) == 2
    assert list_backups(other) == [folder / "work.db-2026-11-24.db"]
    assert mine.read_text() == "a file the user put here"


@pytest.mark.parametrize("problem", ["read-only folder", "backups is a file", "missing journal"])
def test_a_disk_problem_returns_none_and_never_raises(isolated_journal: Path, problem: str) -> None:
    _journal_with_runs(isolated_journal, 1)
    folder = isolated_journal.parent / "backups"
    if problem == "read-only folder":
        folder.mkdir(mode=0o700)
        os.chmod(folder, 0o500)
        if os.access(folder, os.W_OK):
            # root writes through permission bits; a file in the way fails for everyone.
            os.chmod(folder, 0o700)
            folder.rmdir()
            folder.write_text("not a folder")
    elif problem == "backups is a file":
        folder.write_text("not a folder")
    else:
        isolated_journal = isolated_journal.with_name("absent.db")

    assert daily_backup(isolated_journal, DAY) is None
    assert list_backups(isolated_journal) == []
    assert list(isolated_journal.parent.rglob("*.tmp")) == []


def test_a_failed_copy_leaves_no_half_file(isolated_journal: Path) -> None:
    # A journal SQLite cannot read stands in for a disk that fails half-way.
    isolated_journal.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))

    assert daily_backup(isolated_journal, DAY) is None
    folder = isolated_journal.parent / "backups"
    assert not folder.exists()  # it was made for this copy: it goes with it


def test_a_failed_copy_leaves_a_folder_that_was_there(isolated_journal: Path) -> None:
    isolated_journal.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    folder = isolated_journal.parent / "backups"
    folder.mkdir()
    assert daily_backup(isolated_journal, DAY) is None
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


def test_keep_one_keeps_only_todays_copy(isolated_journal: Path) -> None:
    _journal_with_runs(isolated_journal, 1)
    folder = isolated_journal.parent / "backups"
    daily_backup(isolated_journal, DAY - timedelta(days=2))
    daily_backup(isolated_journal, DAY - timedelta(days=1))
    assert daily_backup(isolated_journal, DAY - timedelta(days=1), keep=1) is not None
    assert list_backups(isolated_journal) == [folder / "journal.db-2026-11-23.db"]
    assert daily_backup(isolated_journal, DAY, keep=1) == folder / "journal.db-2026-11-24.db"
    assert list_backups(isolated_journal) == [folder / "journal.db-2026-11-24.db"]


def test_an_old_copy_that_cannot_be_removed_is_left_quietly(isolated_journal: Path) -> None:
    _journal_with_runs(isolated_journal, 1)
    folder = isolated_journal.parent / "backups"
    folder.mkdir()
    stuck = folder / "journal.db-2026-01-01.db"
    stuck.mkdir()  # a folder by a backup's name: unlink fails
    (stuck / "x").write_text("x")
    assert daily_backup(isolated_journal, DAY, keep=1) == folder / "journal.db-2026-11-24.db"
    assert stuck.is_dir()


def test_the_copy_is_made_beside_the_backups_not_in_the_system_temp_folder(
    isolated_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    _journal_with_runs(isolated_journal, 1)
    monkeypatch.setattr(tempfile, "tempdir", str(isolated_journal.parent / "no-such-tmp"))
    made = daily_backup(isolated_journal, DAY)
    assert made == isolated_journal.parent / "backups" / "journal.db-2026-11-24.db"
    assert integrity(made) == "ok"


def test_restore_as_documented_gives_back_the_entries(isolated_journal: Path) -> None:
    _journal_with_runs(isolated_journal, 4)
    made = daily_backup(isolated_journal, DAY)
    assert made is not None
    with Journal.open(isolated_journal) as journal:
        for run in journal.entries("run"):
            assert run.id is not None
            journal.delete("run", run.id)

    # The docstring's steps: app closed, -wal/-shm removed, the backup copied over.
    for suffix in ("-wal", "-shm"):
        Path(f"{isolated_journal}{suffix}").unlink(missing_ok=True)
    isolated_journal.write_bytes(made.read_bytes())

    with Journal.open(isolated_journal) as journal:
        assert sorted(r.notes for r in journal.entries("run")) == [f"run {i}" for i in range(4)]
