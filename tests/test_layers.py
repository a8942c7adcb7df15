"""The layers of pyproject.toml's import contracts hold, and the check can see a breach."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")


def _lint(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin"},
    )


def test_every_contract_is_kept() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("domain/load.py", "import sqlite3", "The domain is pure: no SQL"),
        ("store/errors.py", "from ..services import day", "Views over services"),
        ("formats/export.py", "import textual", "Textual only under tui/"),
    ],
)
def test_a_breach_is_seen(tmp_path: Path, module: str, line: str, contract: str) -> None:
    shutil.copytree(ROOT / "runjournal", tmp_path / "runjournal")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "runjournal" / module
    target.write_text(target.read_text() + f"\n{line}  # noqa\n")
    done = _lint(tmp_path)
    assert done.returncode == 1
    broken = [row for row in done.stdout.splitlines() if " BROKEN" in row]
    assert len(broken) == 1, done.stdout
    assert broken[0].startswith(contract)
