"""Two things the store promises that only the command line used to check.

- A journal left readable by others (a copy made with `cp`, a restored backup) is made
  private on opening, its WAL side files too, and the user is told what its mode was.
- `Journal.entries` keeps to the dates and the count it is given.
"""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.entries import Run
from runjournal.store import Journal

SIDES = ("-wal", "-shm")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def held_open(path: Path) -> Iterator[None]:
    """Another program's connection, mid-write: the journal's -wal and -shm exist."""
    other = sqlite3.connect(path)
    try:
        other.execute("insert into settings (key, value) values ('units', 'km')")
        other.commit()
        other.execute("begin")
        other.execute("update settings set value = 'mi' where key = 'units'")
        yield
    finally:
        other.rollback()
        other.close()


def a_journal(path: Path) -> None:
    with Journal.open(path) as journal:
        journal.add(Run(date=date(2026, 11, 20), distance_m=5000, duration_s=1500))


def test_a_journal_readable_by_others_is_made_private_with_its_side_files(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.db"
    a_journal(path)
    with held_open(path):
        sides = [path.with_name(path.name + side) for side in SIDES]
        assert all(side.exists() for side in sides)
        for file in (path, *sides):
            file.chmod(0o644)
        with Journal.open(path) as journal:
            assert journal.notices == [
                f"{path} was readable by others (mode 0644); it is private now (0600)"
            ]
            assert [mode(file) for file in (path, *sides)] == [0o600, 0o600, 0o600]


@pytest.mark.parametrize("loose", [0o604, 0o620, 0o660, 0o606])
def test_any_access_by_group_or_others_counts_as_loose(tmp_path: Path, loose: int) -> None:
    path = tmp_path / "j.db"
    a_journal(path)
    path.chmod(loose)
    with Journal.open(path) as journal:
        assert journal.notices == [
            f"{path} was readable by others (mode {loose:04o}); it is private now (0600)"
        ]
    assert mode(path) == 0o600


def test_a_private_journal_is_left_as_it_is_and_nothing_is_said(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    a_journal(path)
    path.chmod(0o700)  # the owner's own bits are the owner's business
    with Journal.open(path) as journal:
        assert journal.notices == []
    assert mode(path) == 0o700


# Journal.entries ---------------------------------------------------------------------


def days(runs: list[Run]) -> list[int]:
    return [run.date.day for run in runs]


def test_entries_keep_to_the_dates_and_the_count_asked_for(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.db") as journal:
        for day in (10, 12, 14, 16, 18):
            journal.add(Run(date=date(2026, 11, day), distance_m=5000, duration_s=1500))
        assert days(journal.entries("run")) == [18, 16, 14, 12, 10]
        assert days(journal.entries("run", since=date(2026, 11, 14))) == [18, 16, 14]
        assert days(journal.entries("run", until=date(2026, 11, 14))) == [14, 12, 10]
        both = journal.entries("run", since=date(2026, 11, 11), until=date(2026, 11, 17))
        assert days(both) == [16, 14, 12]
        assert days(journal.entries("run", limit=2)) == [18, 16]
        assert days(journal.entries("run", since=date(2026, 11, 11), limit=1)) == [18]
        assert days(journal.entries("run", until=date(2026, 11, 13), limit=1)) == [12]
