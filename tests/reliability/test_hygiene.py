"""SQL is parameterised and the journal's files are private."""

from __future__ import annotations

import ast
import json
import re
import sqlite3
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from runjournal.cli import run
from runjournal.store import Journal

from .helpers import ROOT, run_cli

# SQL-shaped text: the constant parts of an f-string, each {...} replaced by X.
SQL_SHAPE = re.compile(
    r"\b(select\s.*\bfrom\b|insert\s+(or\s+\w+\s+)?into\b|update\s+\S+\s+set\b|delete\s+from\b"
    r"|create\s+(unique\s+)?(table|index)\b|pragma\s|alter\s+table\b|drop\s+(table|index)\b"
    r"|\border\s+by\b|\bwhere\s)",
    re.IGNORECASE | re.DOTALL,
)
# Expressions an SQL f-string may interpolate: each is an identifier or a fragment built
# by the code from fixed names (TABLES, ORDER, paging's SORTS) and "?" placeholders, never
# a value. Anything new must be reviewed and added here, or passed as a parameter.
REVIEWED = {
    "table",  # from TABLES or a fixed tuple of table names
    "t",  # for t in TABLES.values()
    "TABLES[kind]",
    "TABLES[query.kind]",
    "ORDER[TABLES[kind]]",
    "NEWEST_FIRST",
    "columns",  # ", ".join(row) over the fixed keys of Journal._row
    "marks",  # ", ".join("?" ...)
    "sets",  # ", ".join(f"{column} = ?" ...) over the same fixed keys
    "where",  # " where " + clauses of "date >= ?"-style text
    "' and '.join(clauses)",
    "select",  # paging: "{key} as _k{n}" over SORTS
    "order",  # paging: "{key} {asc|desc}" over SORTS
    "APPLICATION_ID",  # an int constant
    "len(steps.applied(db))",  # an int: how many migrations are recorded
}


def _sql_fstrings() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted((ROOT / "runjournal").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            shape = "".join(
                str(v.value) if isinstance(v, ast.Constant) else " X " for v in node.values
            )
            if not SQL_SHAPE.search(shape):
                continue
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    found.append(
                        (str(path.relative_to(ROOT)), node.lineno, ast.unparse(value.value))
                    )
    return found


def test_sql_f_strings_interpolate_only_reviewed_identifiers() -> None:
    found = _sql_fstrings()
    assert found, "the scan found no SQL at all: the pattern is broken"
    unreviewed = [
        f"{file}:{line}: {{{expr}}}" for file, line, expr in found if expr not in REVIEWED
    ]
    assert not unreviewed, "SQL built with values instead of ? parameters:\n" + "\n".join(
        unreviewed
    )


def test_no_sql_is_built_with_percent_or_format() -> None:
    offenders = []
    for path in sorted((ROOT / "runjournal").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            text = None
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
                text = node.left.value if isinstance(node.left, ast.Constant) else None
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and isinstance(node.func.value, ast.Constant)
            ):
                text = node.func.value.value
            if isinstance(text, str) and SQL_SHAPE.search(text):
                offenders.append(f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}")
    assert not offenders, offenders


def test_only_the_store_speaks_sql() -> None:
    # STYLE.md: store/ is the only code that speaks SQL. Elsewhere sqlite3 may only be
    # named to catch its errors (the CLI and the app turn them into messages).
    users = []
    for path in sorted((ROOT / "runjournal").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("runjournal/store/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                ("sqlite3", "sqlite_utils")
            ):
                users.append(f"{rel}:{node.lineno}")
            elif isinstance(node, ast.Import) and any(
                a.name.startswith("sqlite_utils") for a in node.names
            ):
                users.append(f"{rel}:{node.lineno}")
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "sqlite3"
                and not node.attr.endswith("Error")
            ):
                users.append(f"{rel}:{node.lineno}: sqlite3.{node.attr}")
    assert not users, users


HOSTILE = "x'); drop table runs; -- \" SENTINEL"


class RecordingConnection(sqlite3.Connection):
    statements: list[str] = []

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        RecordingConnection.statements.append(sql)
        return super().execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
        RecordingConnection.statements.append(sql)
        return super().executemany(sql, *args)


def test_values_never_reach_sql_text(
    isolated_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drive every writing command with hostile text; no statement may contain it."""
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", RecordingConnection)
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    RecordingConnection.statements = []
    db = ["--db", str(isolated_journal)]
    export = tmp_path / "export.json"
    commands = [
        ["log", "run", "--distance", "5", "--duration", "30", "--notes", HOSTILE],
        ["log", "leg", "--duration", "30", "--rpe", "5", "--exercise", f"{HOSTILE} 3x5@60kg"],
        ["checkin", "--soreness", "3", "--notes", HOSTILE],
        ["edit", "run", "1", "--notes", HOSTILE + " edited"],
        ["history", "--format", "csv"],
        ["export", "-o", str(export)],
    ]
    for args in commands:
        assert run([*db, *args]) == 0, args
    data = json.loads(export.read_text(encoding="utf-8"))
    for n, entry in enumerate(data["entries"]):
        entry["uid"] = f"{HOSTILE} {n}"
    export.write_text(json.dumps(data), encoding="utf-8")
    assert run([*db, "import", str(export)]) == 0
    assert run([*db, "delete", "run", "1"]) == 0

    assert RecordingConnection.statements, "nothing was recorded"
    leaked = [sql for sql in RecordingConnection.statements if "SENTINEL" in sql]
    assert not leaked, leaked
    with Journal.open(isolated_journal) as journal:
        notes = sorted(e.notes for e in journal.entries("run"))
        assert notes == [HOSTILE + " edited"]  # the import's copy; the original was deleted
        assert journal.has_uid(f"{HOSTILE} 0")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_journal_its_wal_and_every_backup_are_private(
    isolated_journal: Path, tmp_path: Path
) -> None:
    from runjournal.store.backups import daily_backup

    assert (
        run_cli(isolated_journal, "log", "run", "--distance", "5", "--duration", "30").returncode
        == 0
    )
    assert _mode(isolated_journal) == 0o600
    with Journal.open(isolated_journal):  # -wal and -shm exist while it is open
        for suffix in ("-wal", "-shm"):
            assert _mode(Path(f"{isolated_journal}{suffix}")) == 0o600, suffix
    copy = tmp_path / "copy.db"
    assert run_cli(isolated_journal, "backup", str(copy)).returncode == 0
    assert _mode(copy) == 0o600
    assert run_cli(isolated_journal, "backup", "--force", str(copy)).returncode == 0
    assert _mode(copy) == 0o600
    daily = daily_backup(isolated_journal, date(2026, 11, 24))
    assert daily is not None
    assert _mode(daily) == 0o600
    assert _mode(daily.parent) == 0o700
