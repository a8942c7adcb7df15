"""SQLite's failures in plain words, naming the journal (exit code 1 problems)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from runjournal.store.errors import JournalError, as_journal_error, translate_errors

FULL = "the disk is full: the journal {} could not be written; free some space and try again"


def caught(run: object) -> sqlite3.Error:
    try:
        run()  # type: ignore[operator]
    except sqlite3.Error as error:
        return error
    raise AssertionError("no error")


def error_with(text: str, code: int | None, kind: type = sqlite3.OperationalError) -> sqlite3.Error:
    """An error as sqlite3 raises it: its text and (extended) result code."""
    error = kind(text)
    if code is not None:
        error.sqlite_errorcode = code
    return error


def test_a_full_database_says_the_disk_is_full(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "j.db")
    conn.execute("PRAGMA max_page_count = 2")
    conn.execute("create table t (x)")
    error = caught(lambda: conn.execute("insert into t values (zeroblob(100000))"))
    conn.close()
    result = as_journal_error(error, tmp_path / "j.db")
    assert str(result) == FULL.format(tmp_path / "j.db")
    assert result.disk_full is True


def test_the_full_result_code_alone_says_the_disk_is_full() -> None:
    result = as_journal_error(error_with("write failed", 13), "j.db")
    assert (str(result), result.disk_full) == (FULL.format("j.db"), True)


def test_the_full_text_alone_says_the_disk_is_full() -> None:
    result = as_journal_error(error_with("database or disk is full", None), "j.db")
    assert (str(result), result.disk_full) == (FULL.format("j.db"), True)


def test_an_io_error_with_room_on_the_disk_is_not_called_full(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    result = as_journal_error(error_with("disk I/O error", 10 | 3 << 8), path)  # IOERR_WRITE
    assert str(result) == f"the journal {path} could not be used: disk I/O error"
    assert result.disk_full is False


def test_a_locked_journal(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    holder = sqlite3.connect(path)
    holder.execute("create table t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    error = caught(lambda: other.execute("select * from t"))
    holder.rollback()
    holder.close()
    other.close()
    result = as_journal_error(error, path)
    assert str(result) == f"the journal {path} is locked by another program; try again in a moment"
    assert result.disk_full is False


def test_a_busy_journal_reads_as_locked() -> None:
    result = as_journal_error(error_with("database busy", 5), "j.db")
    assert str(result) == "the journal j.db is locked by another program; try again in a moment"


def test_a_readonly_journal(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    sqlite3.connect(path).execute("create table t (x)").connection.close()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    error = caught(lambda: conn.execute("insert into t values (1)"))
    conn.close()
    assert "readonly" in str(error)
    assert str(as_journal_error(error, path)) == f"the journal {path} is read-only"


def test_read_only_spelt_with_a_hyphen() -> None:
    result = as_journal_error(error_with("the file system is read-only", 8), "j.db")
    assert str(result) == "the journal j.db is read-only"


def test_another_operational_error_is_quoted(tmp_path: Path) -> None:
    conn = sqlite3.connect(":memory:")
    error = caught(lambda: conn.execute("select * from nowhere"))
    result = as_journal_error(error, "j.db")
    assert str(result) == "the journal j.db could not be used: no such table: nowhere"
    assert result.disk_full is False


def test_a_file_that_is_not_a_database_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    path.write_bytes(b"not a database at all" * 100)
    conn = sqlite3.connect(path)
    error = caught(lambda: conn.execute("select * from sqlite_master"))
    conn.close()
    assert type(error) is sqlite3.DatabaseError
    assert str(as_journal_error(error, path)) == (
        f"the journal {path} is damaged: file is not a database"
    )


def test_translate_errors_turns_sqlite_errors_into_journal_errors() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises(JournalError, match=r"^the journal x\.db could not be used: no such"):
        with translate_errors("x.db"):
            conn.execute("select * from nowhere")


def test_an_io_error_where_the_disk_cannot_be_asked_is_not_called_full(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "j.db"  # its folder is not there: no free space to ask about
    result = as_journal_error(error_with("disk I/O error", 10), path)
    assert str(result) == f"the journal {path} could not be used: disk I/O error"
    assert result.disk_full is False


FULL_FOLDER = Path("/proc")  # a file system with no free space at all


@pytest.mark.skipif(
    not FULL_FOLDER.is_dir() or shutil.disk_usage(FULL_FOLDER).free != 0,
    reason="needs a file system without free space (/proc on Linux)",
)
def test_where_the_disk_has_no_room_an_io_error_means_it_is_full() -> None:
    path = FULL_FOLDER / "j.db"
    result = as_journal_error(error_with("disk I/O error", 10 | 3 << 8), path)
    assert (str(result), result.disk_full) == (FULL.format(path), True)
    # other failures there are still what they are
    locked = as_journal_error(error_with("database is locked", 5), path)
    assert str(locked) == f"the journal {path} is locked by another program; try again in a moment"
    assert locked.disk_full is False
