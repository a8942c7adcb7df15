"""Hostile files and places: a clear message, the right exit code, and not one byte changed."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.entries import Run
from runjournal.store import Journal

from .helpers import (
    assert_clean_error,
    cli_command,
    cli_env,
    integrity,
    run_cli,
    sha256,
    tree_state,
)

LOG = ["log", "run", "--distance", "5", "--duration", "30"]
READ = ["history", "--format", "json"]
NOTES = "n" * 300


def _journal(path: Path, runs: int = 200) -> Path:
    with Journal.open(path) as journal:
        for n in range(runs):
            journal.add(Run(date=date(2026, 11, 1), distance_m=5000 + n, duration_s=1800,
                            notes=NOTES))  # fmt: skip
    return path  # closed: the last connection checkpointed the -wal into the file


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(1).randbytes(8192))


def _magic_then_junk(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + random.Random(2).randbytes(8176))


def _text_file(path: Path) -> None:
    path.write_text("kind,id,date\nrun,1,2026-11-24\n", encoding="utf-8")


def _other_app(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("create table contacts (name text, phone text)")
    conn.execute("insert into contacts values ('Ada', '555-0100')")
    conn.commit()
    conn.close()


def _other_app_id(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")  # e.g. another tool's empty database
    conn.execute("create table t (x)")
    conn.execute("drop table t")
    conn.commit()
    conn.close()


def _truncated_half(path: Path) -> None:
    data = _journal(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _truncated_header(path: Path) -> None:
    data = _journal(path).read_bytes()
    path.write_bytes(data[:50])


def _damaged_page(path: Path) -> None:
    data = bytearray(_journal(path).read_bytes())
    page = 4096
    # A page that holds run rows (their notes), half-way through the table, scribbled over.
    holding = [
        n for n in range(len(data) // page) if NOTES.encode() in data[n * page : (n + 1) * page]
    ]
    n = holding[len(holding) // 2]
    data[n * page : (n + 1) * page] = b"\xab" * page
    path.write_bytes(bytes(data))


CASES: dict[str, tuple[Callable[[Path], None], list[str], tuple[str, ...]]] = {
    "random bytes": (_random_bytes, LOG, ("not a runjournal journal",)),
    "sqlite magic then junk": (_magic_then_junk, LOG, ("damaged or not an SQLite database",)),
    "a text file": (_text_file, LOG, ("not a runjournal journal",)),
    "another app's database": (_other_app, LOG, ("another application",)),
    "another app's id": (_other_app_id, LOG, ("another application",)),
    "truncated to half": (_truncated_half, LOG, ("damaged", "truncated")),
    "truncated inside the header": (
        _truncated_header,
        LOG,
        ("not a runjournal journal", "not an SQLite database"),
    ),
    "a damaged page": (_damaged_page, READ, ("damaged",)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_file_that_is_not_a_good_journal_is_refused_untouched(tmp_path: Path, case: str) -> None:
    make, args, words = CASES[case]
    folder = tmp_path / "place"
    folder.mkdir()
    path = folder / "journal.db"
    make(path)
    before = tree_state(folder)

    result = run_cli(path, *args)

    assert_clean_error(result, 1, *words)
    assert tree_state(folder) == before, "the file (or its folder) was changed"


def test_a_damaged_page_is_reported_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    _damaged_page(path)
    assert integrity(path) != "ok"
    before = sha256(path)

    result = run_cli(path, "history", "--kind", "run", "--format", "csv")

    assert_clean_error(result, 1, "damaged")
    assert sha256(path) == before


def test_a_read_only_journal_is_refused_untouched(tmp_path: Path) -> None:
    path = _journal(tmp_path / "journal.db", runs=3)
    path.chmod(0o400)  # root ignores permission bits; the code checks the owner's write bit
    before = tree_state(tmp_path)

    for args in (LOG, READ, ["checkin", "--soreness", "3"]):
        result = run_cli(path, *args)
        assert_clean_error(result, 1, "read-only")
    assert tree_state(tmp_path) == before


def test_a_journal_in_a_read_only_folder_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = _journal(folder / "journal.db", runs=3)
    before = tree_state(folder)
    folder.chmod(0o500)
    try:
        result = run_cli(path, *LOG)
    finally:
        folder.chmod(0o700)
    assert_clean_error(result, 1, "read-only")
    assert tree_state(folder) == before


def test_a_new_journal_in_a_read_only_folder_leaves_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run_cli(folder / "journal.db", *LOG)
        listing = os.listdir(folder)
    finally:
        folder.chmod(0o700)
    assert_clean_error(result, 1, "read-only")
    assert listing == []


def test_missing_parent_folders_are_created_and_the_journal_is_private(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c" / "journal.db"

    result = run_cli(path, *LOG)

    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert integrity(path) == "ok"


def test_a_folder_given_as_the_journal_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "journal.db"
    folder.mkdir()
    (folder / "inside.txt").write_text("keep")
    before = tree_state(tmp_path)

    result = run_cli(folder, *LOG)

    assert_clean_error(result, 1, "folder")
    assert tree_state(tmp_path) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "journal.db"
    os.mkfifo(fifo)

    result = run_cli(fifo, *READ, timeout=20)

    assert_clean_error(result, 1, "not a regular file")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_file_name_that_is_not_utf8_is_echoed_without_a_traceback(tmp_path: Path) -> None:
    path = _journal(tmp_path / "journal.db", runs=1)
    dest = tmp_path / "copy-\udcfe.db"  # the bytes b"copy-\xfe.db" on disk

    env = cli_env(path)
    env["PYTHONIOENCODING"] = "utf-8:strict"
    result = subprocess.run(
        [*cli_command(), "--db", str(path), "backup", str(dest)],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip

    assert "Traceback" not in result.stderr, result.stderr[-300:]
    assert result.returncode == 0
    assert integrity(dest) == "ok"


@pytest.mark.parametrize(
    "args",
    [["delete", "run", "9" * 30], ["edit", "run", "9" * 30, "--notes", "x"]],
    ids=["delete", "edit"],
)
def test_an_entry_id_too_large_for_sqlite_is_bad_input(tmp_path: Path, args: list[str]) -> None:
    path = _journal(tmp_path / "journal.db", runs=1)
    before = sha256(path)

    result = run_cli(path, *args)

    assert_clean_error(result, 2, "id")
    assert sha256(path) == before
