"""Upgrades: an old journal opens with every field intact, a newer one is refused untouched.

`tests/fixtures/journal-v1.db` is a journal as the first schema wrote it (see
`tests/fixtures/make_v1.py`). The rehearsal tests add a throw-away migration on top of
the real ones, so the backup-then-migrate path is exercised even while the real
schema has nothing left to upgrade.
"""

from __future__ import annotations

import shutil
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from runjournal.domain.entries import Entry
from runjournal.store import Journal, JournalError
from runjournal.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration
from runjournal.store.opening import APPLICATION_ID
from tests.fixtures import make_v1

from .helpers import (
    FIXTURES,
    assert_clean_error,
    connect_ro,
    integrity,
    row_counts,
    run_cli,
    sha256,
    tree_state,
)

V1 = FIXTURES / "journal-v1.db"
EXPECTED: list[Entry] = [*make_v1.RUNS, *make_v1.LEG_DAYS, *make_v1.CHECKINS]


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "journals"
    folder.mkdir()
    copy = folder / "journal.db"
    shutil.copyfile(V1, copy)
    copy.chmod(0o600)
    return copy


def _pragma(path: Path, name: str) -> int:
    conn = connect_ro(path)
    try:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])  # name: a fixed literal
    finally:
        conn.close()


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bak"))


def _without_ids(entry: Entry) -> dict[str, object]:
    from dataclasses import asdict

    data = asdict(entry)
    data.pop("id")
    return data


def _assert_v1_content(journal: Journal) -> None:
    stored = {e.uid: e for kind in ("run", "leg", "checkin") for e in journal.entries(kind)}
    assert len(stored) == len(EXPECTED)
    for entry in EXPECTED:
        assert _without_ids(stored[entry.uid]) == _without_ids(entry)
    assert journal.settings() == make_v1.SETTINGS
    items = journal.checklist_items()
    assert make_v1.CUSTOM_ITEM in items
    assert len(items) == 14  # the 13 defaults and the user's own
    ticks = {(t["date"], t["item_id"]) for t in journal.all_ticks()}
    assert ticks == {(d.isoformat(), i) for d, i in make_v1.TICKS}


def test_the_fixture_is_a_version_1_journal(v1_copy: Path) -> None:
    # Read through a copy: even a read-only connection leaves -shm/-wal files beside
    # the journal it reads, and the repository's fixture folder must stay clean.
    assert sha256(v1_copy) == sha256(V1)
    assert _pragma(v1_copy, "user_version") == 1
    assert _pragma(v1_copy, "application_id") == APPLICATION_ID
    assert integrity(v1_copy) == "ok"
    assert sorted(p.name for p in FIXTURES.iterdir() if "journal-v1" in p.name) == [V1.name]


def test_a_v1_journal_opens_with_every_field_intact(v1_copy: Path) -> None:
    with Journal.open(v1_copy) as journal:
        _assert_v1_content(journal)
    assert _pragma(v1_copy, "user_version") == SCHEMA_VERSION
    assert integrity(v1_copy) == "ok"


def test_upgrading_a_v1_journal_first_makes_one_private_backup(v1_copy: Path) -> None:
    if SCHEMA_VERSION == 1:
        pytest.skip("only one schema so far; the rehearsal tests cover the upgrade path")
    original = row_counts(v1_copy)

    with Journal.open(v1_copy):
        pass
    with Journal.open(v1_copy):  # already upgraded: no second backup
        pass

    [backup] = _backups(v1_copy.parent)
    assert backup.name.startswith("journal.db.v1-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert _pragma(backup, "user_version") == 1
    assert row_counts(backup) == original
    with Journal.open(backup) as old:  # the backup is a journal you can open
        _assert_v1_content(old)


def test_a_v1_journal_reads_back_through_the_cli(v1_copy: Path) -> None:
    import json

    result = run_cli(v1_copy, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    assert {e["uid"] for e in exported["entries"]} == {e.uid for e in EXPECTED}
    notes = {e["uid"]: e["notes"] for e in exported["entries"]}
    assert all(notes[e.uid] == e.notes for e in EXPECTED)
    assert exported["settings"]["units"] == "mi"


@pytest.mark.parametrize(
    "args",
    [
        ["history"],
        ["log", "run", "--distance", "5", "--duration", "30"],
        ["checkin", "--soreness", "2"],
        ["advise", "--json"],
        ["config", "set", "units", "km"],
        ["export", "--format", "csv"],
        ["backup", "copy.db"],
    ],
    ids=lambda args: args[0],
)
def test_a_newer_journal_is_refused_byte_for_byte_untouched(v1_copy: Path, args: list[str]) -> None:
    conn = sqlite3.connect(v1_copy)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = tree_state(v1_copy.parent)

    result = run_cli(v1_copy, *[str(v1_copy.parent / a) if a == "copy.db" else a for a in args])

    assert_clean_error(result, 1, "newer version")
    assert tree_state(v1_copy.parent) == before  # no -wal, no .bak, no copy, same bytes
    with pytest.raises(JournalError, match="newer"):
        Journal.open(v1_copy)
    assert tree_state(v1_copy.parent) == before


# Rehearsals: one more migration on top of the real ones --------------------------------


def _extended(*extra: Callable[[Database], None]) -> tuple[Migration, ...]:
    return (*MIGRATIONS, *extra)


def m900_add_shoes(db: Database) -> None:
    db.table("shoes").create({"id": int, "name": str}, pk="id")
    db.execute("alter table runs add column shoe_id integer")


def m900_fails_half_way(db: Database) -> None:
    db.table("shoes").create({"id": int, "name": str}, pk="id")
    db.execute("update runs set notes = 'CHANGED'")
    db.execute("this is not sql")


def _install(monkeypatch: pytest.MonkeyPatch, schema: tuple[Migration, ...]) -> int:
    monkeypatch.setattr(Journal, "schema", schema)
    return len(schema)


def test_rehearsal_upgrade_backs_up_then_migrates(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.open(v1_copy):
        pass  # brought to today's schema first
    for old in _backups(v1_copy.parent):
        old.unlink()
    before = row_counts(v1_copy)
    version = _install(monkeypatch, _extended(m900_add_shoes))

    with Journal.open(v1_copy) as journal:
        _assert_v1_content(journal)

    [backup] = _backups(v1_copy.parent)
    assert backup.name.startswith(f"journal.db.v{version - 1}-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert row_counts(backup) == before
    assert _pragma(backup, "user_version") == version - 1
    assert _pragma(v1_copy, "user_version") == version
    assert "shoes" in row_counts(v1_copy)
    assert integrity(v1_copy) == "ok"


def test_rehearsal_failed_upgrade_changes_nothing_and_keeps_the_backup(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.open(v1_copy):
        pass
    for old in _backups(v1_copy.parent):
        old.unlink()
    before = row_counts(v1_copy)
    version = _install(monkeypatch, _extended(m900_fails_half_way))

    with pytest.raises(JournalError):
        Journal.open(v1_copy)

    assert row_counts(v1_copy) == before  # no shoes table, notes unchanged, no record
    assert _pragma(v1_copy, "user_version") == version - 1
    assert len(_backups(v1_copy.parent)) == 1
    monkeypatch.undo()
    with Journal.open(v1_copy) as journal:  # today's code still opens it as it was
        _assert_v1_content(journal)


def test_rehearsal_two_upgrade_attempts_in_one_second_do_not_crash(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.open(v1_copy):
        pass
    version = _install(monkeypatch, _extended(m900_add_shoes))
    # Stand-ins for the backups of attempts made a moment ago, in this second and the next.
    now = datetime.now().astimezone()
    for delta in range(-2, 30):
        stamp = (now + timedelta(seconds=delta)).strftime("%Y%m%dT%H%M%S")
        v1_copy.with_name(f"{v1_copy.name}.v{version - 1}-{stamp}.bak").touch()

    before = row_counts(v1_copy)

    with Journal.open(v1_copy) as journal:  # the upgrade goes ahead, with its own backup
        _assert_v1_content(journal)
    assert _pragma(v1_copy, "user_version") == version

    this_upgrade = [b for b in _backups(v1_copy.parent) if f".v{version - 1}-" in b.name]
    copies = [b for b in this_upgrade if b.stat().st_size > 0]
    assert len(copies) == 1, copies  # a new name, none of the stand-ins overwritten
    assert copies[0].name.endswith("-2.bak"), copies[0].name
    assert len(this_upgrade) == 32 + 1
    assert _pragma(copies[0], "user_version") == version - 1  # the journal as it was
    assert row_counts(copies[0]) == before


@pytest.mark.parametrize("lost", ["first", "last"])
def test_a_lost_migration_record_reapplies_or_is_refused_cleanly(v1_copy: Path, lost: str) -> None:
    """user_version says "up to date" but sqlite-utils' records lack one migration.

    The code believes the records and runs that migration again. An idempotent one
    (the last today, `create index if not exists`) simply re-records itself; one that
    is not (m001 creates the tables) fails, rolls back, and the journal is refused
    with exit 1, byte for byte as it was. Either way no data is lost, no traceback.
    """
    with Journal.open(v1_copy):
        pass
    conn = sqlite3.connect(v1_copy)
    pick = "min" if lost == "first" else "max"
    conn.execute(
        f"delete from _sqlite_migrations where id = (select {pick}(id) from _sqlite_migrations)"
    )
    conn.commit()
    conn.close()
    before = row_counts(v1_copy)
    sha = sha256(v1_copy)

    result = run_cli(v1_copy, "history", "--format", "json")

    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        after = row_counts(v1_copy)
        assert after.pop("_sqlite_migrations") == before.pop("_sqlite_migrations") + 1
        assert after == before
        assert _pragma(v1_copy, "user_version") == SCHEMA_VERSION
        with Journal.open(v1_copy) as journal:
            _assert_v1_content(journal)
    else:
        assert_clean_error(result, 1, "journal")
        assert sha256(v1_copy) == sha
        assert row_counts(v1_copy) == before
    if lost == "first":
        assert result.returncode == 1, "m001 cannot run twice: this must be refused"
