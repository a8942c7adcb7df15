"""The journal file: schema, identity, opening and refusing, transactions, concurrency."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from runjournal.cli import run
from runjournal.domain.entries import Checkin, Exercise, LegDay, Run
from runjournal.store import Journal, JournalError
from runjournal.store.migrations import SCHEMA_VERSION

TODAY = date(2026, 11, 24)
APPLICATION_ID = 0x524A4E4C

COLUMNS: dict[str, dict[str, type]] = {
    "runs": {
        "id": int,
        "uid": str,
        "date": str,
        "time": str,
        "distance_m": int,
        "duration_s": int,
        "type": str,
        "rpe": int,
        "hr": int,
        "notes": str,
    },
    "leg_days": {
        "id": int,
        "uid": str,
        "date": str,
        "time": str,
        "duration_s": int,
        "rpe": int,
        "to_failure": int,
        "notes": str,
    },
    "leg_exercises": {
        "id": int,
        "leg_day_id": int,
        "position": int,
        "name": str,
        "sets": int,
        "reps": int,
        "weight_g": int,
    },
    "checkins": {"id": int, "uid": str, "date": str, "soreness": int, "notes": str},
    "settings": {"key": str, "value": str},
    "checklist_items": {"id": str, "status": str, "label": str, "position": int},
    "checklist_ticks": {"date": str, "item_id": str},
    "import_seen": {"path": str, "size": int, "mtime_ns": int},
    "_sqlite_migrations": {
        "migration_set": str,
        "name": str,
        "applied_at": str,
    },
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def a_run(day: str = "2026-11-20", **changes: object) -> Run:
    fields: dict[str, object] = {
        "date": date.fromisoformat(day),
        "distance_m": 8000,
        "duration_s": 2700,
    }
    fields.update(changes)
    return Run(**fields)  # type: ignore[arg-type]


def a_leg_day(day: str = "2026-11-20", **changes: object) -> LegDay:
    fields: dict[str, object] = {
        "date": date.fromisoformat(day),
        "duration_s": 3600,
        "rpe": 8,
        "exercises": (Exercise("back squat", 5, 5, 100_000), Exercise("lunges", 3, 12)),
    }
    fields.update(changes)
    return LegDay(**fields)  # type: ignore[arg-type]


# Schema and identity -----------------------------------------------------------------


def test_tables_and_columns_after_migration(journal: Journal) -> None:
    db = journal.db
    tables = {name for name in db.table_names() if not name.startswith("sqlite_")}
    assert tables == set(COLUMNS)
    for table, columns in COLUMNS.items():
        actual = db.table(table).columns_dict
        if table == "_sqlite_migrations":
            assert set(columns) <= set(actual)
        else:
            assert actual == columns, table


def test_application_id_and_user_version(journal: Journal, isolated_journal: Path) -> None:
    db = journal.db
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    applied = db.execute(
        "select count(*) from _sqlite_migrations where migration_set = 'runjournal'"
    ).fetchone()[0]
    assert applied == SCHEMA_VERSION >= 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == applied
    journal.close()
    header = isolated_journal.read_bytes()[:100]
    assert header[68:72] == b"RJNL"
    assert int.from_bytes(header[60:64], "big") == applied


def test_wal_mode(journal: Journal) -> None:
    assert journal.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_twice_is_a_no_op(isolated_journal: Path) -> None:
    def snapshot() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], int]:
        with raw(isolated_journal) as conn:
            schema = conn.execute(
                "select type, name, tbl_name, sql from sqlite_master order by name"
            ).fetchall()
            applied = conn.execute("select * from _sqlite_migrations order by rowid").fetchall()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.close()
        return schema, applied, version

    Journal.open(isolated_journal).close()
    first = snapshot()
    Journal.open(isolated_journal).close()
    assert snapshot() == first
    assert len(first[1]) == SCHEMA_VERSION


def test_new_file_is_private_and_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c" / "journal.db"
    with Journal.open(path) as journal:
        journal.add(a_run())
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            assert stat.S_IMODE(wal.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_empty_file_becomes_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    path.touch(mode=0o644)
    with Journal.open(path) as journal:
        assert journal.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        journal.add(a_run())
        assert journal.count("run") == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_sqlite_file_without_tables_or_id_becomes_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "blank.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("vacuum")  # writes a valid, empty database file
    conn.close()
    with Journal.open(path) as journal:
        assert journal.count("run") == 0
        assert journal.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


# Refusals, byte for byte ---------------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _text_file(path: Path) -> None:
    path.write_text("hello, this is not a database\n" * 10)


def _other_app(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.execute("insert into notes (body) values ('mine')")
    conn.commit()
    conn.close()


def _other_app_id(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("vacuum")
    conn.close()


def _newer_journal(path: Path) -> None:
    Journal.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _truncated_journal(path: Path) -> None:
    with Journal.open(path) as journal:
        for n in range(200):
            journal.add(a_run(notes="x" * 500, time=f"{n % 24:02d}:00"))
    data = path.read_bytes()
    assert int.from_bytes(data[28:32], "big") > 4  # several pages, so half is damage
    path.write_bytes(data[: len(data) // 2])


def _header_only(path: Path) -> None:
    Journal.open(path).close()
    path.write_bytes(path.read_bytes()[:60])


REFUSED = {
    "random bytes": (_random_bytes, "not"),
    "text file": (_text_file, "not"),
    "another app's database": (_other_app, "another application"),
    "another application id": (_other_app_id, "another application"),
    "newer journal": (_newer_journal, "newer version"),
    "truncated journal": (_truncated_journal, "damaged"),
    "cut inside the header": (_header_only, "not"),
}


@pytest.mark.parametrize("make", REFUSED.values(), ids=REFUSED.keys())
def test_refused_untouched(
    tmp_path: Path, make: tuple[Callable[[Path], None], str], capsys: pytest.CaptureFixture[str]
) -> None:
    maker, words = make
    folder = tmp_path / "refused"
    folder.mkdir()
    path = folder / "journal.db"
    maker(path)
    before, listing = sha256(path), sorted(os.listdir(folder))
    with pytest.raises(JournalError, match=words):
        Journal.open(path)
    assert sha256(path) == before
    code = run(["--db", str(path), "log", "run", "--distance", "5", "--duration", "30"])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert sha256(path) == before
    assert sorted(os.listdir(folder)) == listing


def test_directory_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(JournalError, match="folder"):
        Journal.open(folder)
    assert run(["--db", str(folder), "advise"], today=TODAY) == 1
    assert capsys.readouterr().err.startswith("error: ")
    assert os.listdir(folder) == []


def test_read_only_journal_refused_untouched(
    isolated_journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Journal.open(isolated_journal).close()
    before = sha256(isolated_journal)
    isolated_journal.chmod(0o400)
    try:
        assert run(["checkin", "--soreness", "3"], today=TODAY) == 1
        assert "read-only" in capsys.readouterr().err
    finally:
        isolated_journal.chmod(0o600)
    assert sha256(isolated_journal) == before


# Entries -----------------------------------------------------------------------------


def test_every_entry_gets_a_uid(journal: Journal) -> None:
    stored = [
        journal.add(a_run()),
        journal.add(a_leg_day()),
        journal.add(Checkin(date=TODAY, soreness=3)),
    ]
    uids = [entry.uid for entry in stored]
    assert all(uid and str(uuid.UUID(uid)) == uid for uid in uids)
    assert len(set(uids)) == 3
    for entry in stored:
        again = journal.get(entry.kind, entry.id)  # type: ignore[arg-type]
        assert again is not None
        assert again.uid == entry.uid


def test_uid_survives_edit(journal: Journal) -> None:
    stored = journal.add(a_run())
    assert isinstance(stored, Run)
    edited = journal.update(dataclasses.replace(stored, distance_m=9000))
    assert isinstance(edited, Run)
    assert edited.uid == stored.uid
    assert edited.distance_m == 9000


def test_round_trip_of_every_field(journal: Journal) -> None:
    run_ = a_run(type="tempo", rpe=7, hr=160, time="06:45", notes="héllo\nwörld 🏃")
    leg = a_leg_day(to_failure=True, time="18:00", notes="  spaces kept  ")
    for entry in (run_, leg):
        stored = journal.add(entry)
        assert stored.id is not None
        assert stored == dataclasses.replace(entry, id=stored.id, uid=stored.uid)


def test_checkin_replaces_the_one_on_the_same_date(journal: Journal) -> None:
    first = journal.add(Checkin(date=TODAY, soreness=3, notes="ok"))
    other_day = journal.add(Checkin(date=date(2026, 11, 23), soreness=2))
    second = journal.add(Checkin(date=TODAY, soreness=6, notes="stairs hurt"))
    assert journal.count("checkin") == 2
    assert second.id == first.id
    assert second.uid == first.uid
    again = journal.checkin_on(TODAY)
    assert again is not None
    assert (again.soreness, again.notes) == (6, "stairs hurt")
    assert journal.checkin_on(date(2026, 11, 23)) == other_day


def test_ticks_belong_to_exactly_one_date(journal: Journal) -> None:
    yesterday, tomorrow = date(2026, 11, 23), date(2026, 11, 25)
    journal.set_tick(yesterday, "strides", True)
    journal.set_tick(tomorrow, "leg-swings", True)
    assert journal.ticks(TODAY) == set()  # neither yesterday's nor tomorrow's
    journal.set_tick(TODAY, "mobility", True)
    assert journal.ticks(TODAY) == {"mobility"}
    assert journal.ticks(yesterday) == {"strides"}
    assert journal.ticks(tomorrow) == {"leg-swings"}


def test_entries_of_one_day_newest_first_untimed_last_by_id(journal: Journal) -> None:
    first, second = journal.add(a_run()), journal.add(a_run())
    timed = journal.add(a_run(time="07:00"))
    expected = [timed.id, second.id, first.id]
    assert [e.id for e in journal.entries("run")] == expected
    assert [e.id for e in journal.history(["run"])] == expected
    assert [e.id for e in journal.history(["run"], oldest_first=True)] == expected[::-1]


def test_delete_leg_day_removes_its_exercises(journal: Journal) -> None:
    keep = journal.add(a_leg_day(day="2026-11-19"))
    gone = journal.add(a_leg_day())
    assert journal.db.execute("select count(*) from leg_exercises").fetchone()[0] == 4
    assert journal.delete("leg", gone.id) is True  # type: ignore[arg-type]
    rows = journal.db.execute("select leg_day_id from leg_exercises").fetchall()
    assert rows == [(keep.id,), (keep.id,)]
    assert journal.get("leg", gone.id) is None  # type: ignore[arg-type]
    assert journal.delete("leg", gone.id) is False  # type: ignore[arg-type]


def test_failed_write_rolls_back(journal: Journal) -> None:
    # An exercise with no name breaks a NOT NULL constraint after the leg day row was
    # inserted: the whole entry must go, not half of it.
    bad = a_leg_day(exercises=(Exercise("squat", 5, 5), Exercise(None, 3, 3)))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        journal.add(bad)
    assert journal.count("leg") == 0
    assert journal.db.execute("select count(*) from leg_exercises").fetchone()[0] == 0


def test_import_with_a_bad_third_entry_changes_nothing(
    isolated_journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["log", "run", "--distance", "5", "--duration", "30"], today=TODAY) == 0
    entries = [
        {"kind": "run", "date": "2026-11-20", "distance_km": 5, "duration_s": 1800},
        {"kind": "checkin", "date": "2026-11-21", "soreness": 2},
        {"kind": "leg", "date": "2026-11-22", "duration_min": 45, "rpe": 12},
        {"kind": "run", "date": "2026-11-23", "distance_km": 6, "duration_s": 2000},
    ]
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(entries))
    before = table_contents(isolated_journal)
    capsys.readouterr()
    assert run(["import", str(file)], today=TODAY) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "entry 3" in err
    assert "rpe" in err
    assert table_contents(isolated_journal) == before
    assert sum(len(rows) for rows in before.values()) > 0


def table_contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: what 'unchanged' means once WAL has had its say."""
    conn = raw(path)
    try:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        return {n: sorted(conn.execute(f"select * from [{n}]").fetchall(), key=repr) for n in names}
    finally:
        conn.close()


# Two processes at once -----------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from runjournal.cli import run

    failures = 0
    for n in range(int(sys.argv[2])):
        code = run([
            "--db", sys.argv[1], "log", "run", "--distance", "5", "--duration", "30",
            "--date", "yesterday", "--notes", f"{sys.argv[3]}-{n}",
        ])
        failures += code != 0
    sys.exit(failures)
    """
)


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared" / "journal.db"
    writes = 20
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(writes), name],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    results = [(proc.wait(timeout=60), proc.stderr.read()) for proc in procs]  # type: ignore[union-attr]
    assert results == [(0, ""), (0, "")]
    with Journal.open(path) as journal:
        notes = sorted(run_.notes for run_ in journal.entries("run"))
        assert journal.db.execute("select count(*) from _sqlite_migrations").fetchone()[0] == (
            SCHEMA_VERSION
        )
    assert notes == sorted(f"{who}-{n}" for who in "ab" for n in range(writes))


@pytest.mark.parametrize("name", ["x" * 300 + ".db", "not-a-folder/journal.db"])
def test_unusable_paths_are_journal_errors(tmp_path: Path, name: str) -> None:
    (tmp_path / "not-a-folder").write_text("a file")
    with pytest.raises(JournalError, match="cannot"):
        Journal.open(tmp_path / name)


def test_new_journal_whose_header_is_still_in_the_wal_opens(tmp_path: Path) -> None:
    # Another process created the journal and a reader's old snapshot kept the checkpoint
    # from copying the header into the main file: the file itself still says app id 0.
    path = tmp_path / "journal.db"
    creator = sqlite3.connect(path, isolation_level=None)
    creator.execute("PRAGMA journal_mode = WAL")
    creator.execute("PRAGMA wal_autocheckpoint = 0")
    creator.execute("create table scratch (x)")
    creator.execute("drop table scratch")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("begin")
    reader.execute("select count(*) from sqlite_master").fetchone()
    first = Journal(creator, path)
    assert path.read_bytes()[68:72] == b"\x00\x00\x00\x00"  # the situation under test
    with Journal.open(path) as second:
        second.add(a_run())
    reader.execute("rollback")
    reader.close()
    assert first.count("run") == 1
    first.close()


def test_foreign_database_with_tables_only_in_its_wal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    owner = sqlite3.connect(path, isolation_level=None)
    owner.execute("PRAGMA journal_mode = WAL")
    owner.execute("PRAGMA wal_autocheckpoint = 0")
    owner.execute("create table scratch (x)")
    owner.execute("drop table scratch")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("begin")
    reader.execute("select count(*) from sqlite_master").fetchone()
    owner.execute("create table notes (body text)")
    before = sha256(path)
    try:
        with pytest.raises(JournalError, match="another application"):
            Journal.open(path)
        assert sha256(path) == before
    finally:
        reader.close()
        owner.close()


def test_an_imported_checkin_never_replaces_the_days_and_is_counted_as_a_conflict(
    journal: Journal,
) -> None:
    # SPEC §6 (issue 9): an import never replaces what the journal holds.
    from collections import Counter

    mine = journal.add(Checkin(date=TODAY, soreness=3))
    imported = Checkin(date=TODAY, soreness=7, notes="from the old app", uid="uid-from-file")
    skips: Counter[str] = Counter()
    assert journal.import_all([imported], skips=skips) == (0, 1)
    assert skips == {"check-in conflict": 1}
    now = journal.checkin_on(TODAY)
    assert now is not None
    assert (now.id, now.soreness, now.uid) == (mine.id, 3, mine.uid)
    assert journal.count("checkin") == 1
