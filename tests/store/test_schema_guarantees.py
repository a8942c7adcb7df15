"""What the schema itself guarantees, below the store's own checks.

- A uid names one entry: the import skips what the journal has, and the unique index
  stops a second row with that uid even if a check upstream were ever missed.
- `pending` tells an up-to-date journal without importing sqlite-utils: it must tell
  it truly, or every command pays for a migration that has nothing to do.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.entries import Checkin, Entry, LegDay, Run
from runjournal.store import Journal
from runjournal.store.migrations import MIGRATIONS, pending

NAMES = [migration.__name__ for migration in MIGRATIONS]
DAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            Run(date=DAY, distance_m=5000, duration_s=1500, uid="watch-1"),
            Run(date=date(2026, 11, 21), distance_m=8000, duration_s=2400, uid="watch-1"),
        ),
        (
            LegDay(date=DAY, duration_s=3000, rpe=8, uid="strong-1"),
            LegDay(date=date(2026, 11, 22), duration_s=2400, rpe=6, uid="strong-1"),
        ),
        (
            Checkin(date=DAY, soreness=3, uid="phone-1"),
            Checkin(date=date(2026, 11, 23), soreness=1, uid="phone-1"),
        ),
    ],
    ids=["run", "leg", "checkin"],
)
def test_a_second_entry_with_a_uid_already_used_is_refused(
    tmp_path: Path, first: Entry, second: Entry
) -> None:
    with Journal.open(tmp_path / "j.db") as journal:
        journal.add(first)
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE constraint failed"):
            journal.add(second)
        assert [entry.date for entry in journal.entries(first.kind)] == [DAY]


def test_an_up_to_date_journal_has_nothing_pending(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.db") as journal:
        assert pending(journal.conn) == []


def test_a_plain_sqlite_file_has_every_migration_pending(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "plain.db")
    try:
        assert pending(conn) == NAMES
    finally:
        conn.close()


def test_only_the_migrations_not_recorded_are_pending(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    Journal.open(path).close()
    conn = sqlite3.connect(path)
    try:
        conn.execute("delete from _sqlite_migrations where name = ?", [NAMES[-1]])
        conn.commit()
        assert pending(conn) == [NAMES[-1]]
        # Another app's migrations in the same table are not ours.
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at)"
            " values ('someone-else', ?, '2026-01-01')",
            [NAMES[-1]],
        )
        conn.commit()
        assert pending(conn) == [NAMES[-1]]
    finally:
        conn.close()
