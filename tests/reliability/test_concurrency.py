"""Several writers at once: every one that says it saved did save, and a lock is an error."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.entries import Checkin, LegDay, Run
from runjournal.store import Journal, JournalError
from runjournal.store.opening import APPLICATION_ID

from .helpers import assert_clean_error, integrity, record_figures, run_cli, start_cli

LOGGED = re.compile(r"Logged (run|leg day) (\d+):")
WRITERS = 8
ROUNDS = 2


def _existing_journal(path: Path) -> None:
    with Journal.open(path):
        pass  # created, migrated and closed: the state every journal is in between uses


def test_processes_logging_at_once_all_succeed_and_nothing_is_lost(
    isolated_journal: Path,
) -> None:
    _existing_journal(isolated_journal)
    expected: dict[str, set[str]] = {"run": set(), "leg day": set()}
    started = 0
    for round_ in range(ROUNDS):
        procs = []
        for n in range(WRITERS):
            tag = f"writer {round_}-{n}"
            if n % 2:
                args = ["log", "leg", "--duration", "40", "--rpe", "6", "--notes", tag]
                args += ["--exercise", f"squat {n + 1}x5@60kg"]
            else:
                args = ["log", "run", "--distance", "5", "--duration", "30", "--notes", tag]
            procs.append((tag, start_cli(isolated_journal, *args)))
        started += len(procs)
        for tag, proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, (tag, out, err)
            match = LOGGED.search(out)
            assert match, out
            expected[match[1]].add(f"{match[2]}:{tag}")

    with Journal.open(isolated_journal) as journal:
        runs = {f"{e.id}:{e.notes}" for e in journal.entries("run")}
        legs = {f"{e.id}:{e.notes}" for e in journal.entries("leg")}
        exercises = sum(len(e.exercises) for e in journal.entries("leg") if isinstance(e, LegDay))
    assert runs == expected["run"]
    assert legs == expected["leg day"]
    assert exercises == len(legs)
    assert integrity(isolated_journal) == "ok"
    record_figures("concurrency", processes=started, entries_checked=len(runs) + len(legs))


def test_a_lock_held_past_the_busy_timeout_is_a_clear_error_not_a_traceback(
    isolated_journal: Path,
) -> None:
    _existing_journal(isolated_journal)
    holder = sqlite3.connect(isolated_journal, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        # The CLI waits its full busy timeout (5 s) before it gives up.
        result = run_cli(isolated_journal, "log", "run", "--distance", "5", "--duration", "30")
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert_clean_error(result, 1, "locked", "try again")
    assert result.stdout == ""
    with Journal.open(isolated_journal) as journal:
        assert journal.count("run") == 0


def test_a_short_busy_timeout_in_process_gives_journal_error(isolated_journal: Path) -> None:
    _existing_journal(isolated_journal)
    holder = sqlite3.connect(isolated_journal, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with Journal.open(isolated_journal, busy_timeout=0.2) as journal:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                journal.add(Run(date=date(2026, 11, 24), distance_m=5000, duration_s=1800))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Journal.open(isolated_journal) as journal:
        assert journal.count("run") == 0


def _hold_write_lock(path: Path, seconds: float, ready: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("insert into settings (key, value) values ('units', 'km')")
    ready.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("write", ["checkin", "import"])
def test_a_write_that_reads_first_waits_for_a_short_lock_instead_of_failing(
    isolated_journal: Path, write: str
) -> None:
    _existing_journal(isolated_journal)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(isolated_journal, 0.5, ready))
    holder.start()
    try:
        ready.wait(10)
        with Journal.open(isolated_journal) as journal:
            # Far shorter than the 5 s busy timeout: this must wait, then succeed.
            if write == "checkin":
                stored = journal.add(Checkin(date=date(2026, 11, 24), soreness=3))
                assert stored.id is not None
            else:  # import_all asks whether each uid is known before it inserts
                run = Run(date=date(2026, 11, 24), distance_m=5000, duration_s=1800, uid="u-1")
                assert journal.import_all([run]) == (1, 0)
    finally:
        holder.join()
    with Journal.open(isolated_journal) as journal:  # both writes committed, nothing lost
        assert journal.settings().units == "km"  # the lock holder's row
        if write == "checkin":
            checkin = journal.checkin_on(date(2026, 11, 24))
            assert checkin is not None
            assert checkin.soreness == 3
        else:
            assert [e.uid for e in journal.entries("run")] == ["u-1"]


def test_an_import_file_waits_for_a_short_lock_instead_of_failing(
    isolated_journal: Path, tmp_path: Path
) -> None:
    from runjournal.services.importing import import_file

    _existing_journal(isolated_journal)
    source = tmp_path / "import.json"
    entry = {"kind": "run", "date": "2026-11-20", "distance_km": 5, "duration_s": 1800}
    source.write_text(json.dumps([{**entry, "uid": f"u-{n}"} for n in range(3)]))
    ready = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(isolated_journal, 0.5, ready))
    holder.start()
    try:
        ready.wait(10)
        with Journal.open(isolated_journal) as journal:
            assert import_file(journal, str(source), date(2026, 11, 24)) == (3, 0)
    finally:
        holder.join()


def test_processes_checking_in_at_once_all_succeed(isolated_journal: Path) -> None:
    _existing_journal(isolated_journal)
    procs = [
        start_cli(isolated_journal, "checkin", "--soreness", "3", "--date", f"2026-10-{n:02d}")
        for n in range(1, 13)
    ]
    codes = []
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        codes.append((proc.returncode, err.strip()))
    assert all(code == 0 for code, _ in codes), codes
    with Journal.open(isolated_journal) as journal:
        assert journal.count("checkin") == len(procs)


def test_the_cli_opens_a_new_journal_the_app_still_has_open(isolated_journal: Path) -> None:
    # Until the first checkpoint the new header (application_id) is only in the -wal.
    with Journal.open(isolated_journal):  # the TUI, say, started on a brand-new journal
        result = run_cli(isolated_journal, "log", "run", "--distance", "5", "--duration", "30")
    assert result.returncode == 0, result.stderr


def test_processes_creating_a_new_journal_at_once_all_succeed(isolated_journal: Path) -> None:
    procs = [
        start_cli(isolated_journal, "log", "run", "--distance", "5", "--duration", "30")
        for _ in range(WRITERS)
    ]
    errors = [proc.communicate(timeout=60)[1] for proc in procs]
    assert [p.returncode for p in procs] == [0] * WRITERS, errors


def test_opening_a_journal_with_a_short_timeout_while_locked_raises_journal_error(
    isolated_journal: Path,
) -> None:
    # A brand-new journal must be created and migrated under the write lock: while
    # someone else holds it, opening fails with a JournalError, never a raw sqlite3 one.
    isolated_journal.touch(mode=0o600)
    holder = sqlite3.connect(isolated_journal, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(JournalError, match="locked"):
            Journal.open(isolated_journal, busy_timeout=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _page_one_from_wal(wal: bytes) -> bytes:
    """The newest image of page 1 in a -wal file (format: sqlite.org/fileformat.html#walformat)."""
    page_size = int.from_bytes(wal[8:12], "big")
    newest = b""
    for offset in range(32, len(wal) - 24 - page_size + 1, 24 + page_size):
        if int.from_bytes(wal[offset : offset + 4], "big") == 1:
            newest = wal[offset + 24 : offset + 24 + page_size]
    return newest


def test_a_journal_caught_mid_checkpoint_is_not_called_damaged(isolated_journal: Path) -> None:
    _existing_journal(isolated_journal)
    writer = sqlite3.connect(isolated_journal, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("BEGIN")
        for n in range(400):
            writer.execute(
                "insert into runs (uid, date, distance_m, duration_s, type, notes) "
                "values (?, '2026-11-01', 5000, 1800, 'easy', ?)",
                [f"uid-{n}", "n" * 300],
            )
        writer.execute("COMMIT")
        # A checkpoint has copied page 1 (with the new page count) but not yet the
        # pages past the file's old end: the state another process can open it in.
        page_one = _page_one_from_wal(Path(f"{isolated_journal}-wal").read_bytes())
        with isolated_journal.open("r+b") as handle:
            handle.write(page_one)
        assert integrity(isolated_journal) == "ok"  # SQLite itself sees a healthy journal

        with Journal.open(isolated_journal) as journal:
            assert journal.count("run") == 400
    finally:
        writer.close()


def _create_and_hold(path: Path, ready: threading.Event, go: threading.Event) -> None:
    """Create a journal as Journal.open does, but hold its first commit until `go`."""
    from sqlite_utils import Database

    from runjournal.store.migrations import registry
    from runjournal.store.opening import APPLICATION_ID

    migrations = registry()

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    db = Database(conn)
    db.execute("BEGIN IMMEDIATE")
    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")
    ready.set()
    go.wait(2)  # if nobody asks, commit anyway: the opener then just waits for the lock
    db.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("delay_ms", [0, 1, 2, 5, 10, 20, 50])
def test_a_journal_committed_while_being_inspected_is_not_foreign(
    tmp_path: Path, delay_ms: int
) -> None:
    """Another process creates the journal and commits at some moment while this one
    opens it: never "another application's database", whatever the interleaving (the
    header check reads application_id, user_version and the tables in one snapshot)."""
    path = tmp_path / f"journal-{delay_ms}.db"
    ready, go = threading.Event(), threading.Event()
    creator = threading.Thread(target=_create_and_hold, args=(path, ready, go))
    creator.start()
    ready.wait(10)
    threading.Timer(delay_ms / 1000, go.set).start()
    try:
        with Journal.open(path) as second:
            assert second.count("run") == 0
            assert second.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        go.set()
        creator.join()
