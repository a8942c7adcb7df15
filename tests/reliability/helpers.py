"""Shared tools for the reliability suite: the real CLI as a subprocess, hashes, figures."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FIGURES_ENV = "RUNJOURNAL_RELIABILITY_FIGURES"


def cli_command() -> list[str]:
    """How to start the real command line in a fresh interpreter."""
    if (ROOT / "runjournal" / "__main__.py").exists():
        return [sys.executable, "-m", "runjournal"]
    return [sys.executable, "-c", "from runjournal.cli import main; main()"]


def cli_env(db: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if db is not None:
        env["RUNJOURNAL_DB"] = str(db)
    return env


def run_cli(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `runjournal --db DB ARGS...` to completion in a subprocess."""
    return subprocess.run(
        [*cli_command(), "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=cli_env(db),
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )


def start_cli(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*cli_command(), "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(db),
        cwd=ROOT,
    )


def assert_clean_error(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    """Exit `code`, one `error:` line naming `words`, and never a traceback."""
    assert result.returncode == code, (result.returncode, result.stdout[-500:], result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines, "no message on stderr"
    assert lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word.lower() in result.stderr.lower(), (word, result.stderr)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_state(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its hash: 'nothing was written here' in one value."""
    return {
        str(p.relative_to(folder)): sha256(p) if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


def connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def integrity(path: Path) -> str:
    """ "ok", or what SQLite found wrong."""
    conn = connect_ro(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()


def row_counts(path: Path) -> dict[str, int]:
    conn = connect_ro(path)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
        # Table names come from sqlite_master itself, not from input.
        return {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def record_figures(name: str, **figures: Any) -> None:
    """Print a test's measured figures; append them as JSON to $RUNJOURNAL_RELIABILITY_FIGURES."""
    line = json.dumps({"test": name, **figures}, sort_keys=True)
    print(f"FIGURES {line}")
    target = os.environ.get(FIGURES_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
