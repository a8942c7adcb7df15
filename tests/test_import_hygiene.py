"""The core and the command line never load Textual (harlequin's test_import_hygiene)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CORE_MODULES = [
    "runjournal",
    "runjournal.domain",
    "runjournal.domain.advisor",
    "runjournal.domain.checklist",
    "runjournal.domain.entries",
    "runjournal.domain.edit",
    "runjournal.domain.errors",
    "runjournal.domain.load",
    "runjournal.domain.parse",
    "runjournal.domain.settings",
    "runjournal.store",
    "runjournal.locations",
    "runjournal.text",
    "runjournal.formats.export",
    "runjournal.formats.runjournal_json",
    "runjournal.services.day",
    "runjournal.services.demo",
    "runjournal.services.importing",
    "runjournal.services.journal",
    "runjournal.cli",
]


def _fresh_interpreter(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("module", CORE_MODULES)
def test_importing_does_not_load_textual(module: str) -> None:
    done = _fresh_interpreter(
        f"""
        import importlib, sys
        importlib.import_module({module!r})
        loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        print(",".join(loaded))
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_advise_json_does_not_load_textual(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    done = _fresh_interpreter(
        f"""
        import sys
        from runjournal.cli import run
        code = run(["--db", {str(db)!r}, "advise", "--json"])
        assert code == 0, code
        print("textual" in sys.modules, file=sys.stderr)
        """
    )
    assert done.returncode == 0, done.stderr
    assert '"status": "normal_training"' in done.stdout
    assert done.stderr.strip() == "False"


def test_the_check_can_fail() -> None:
    """The same probe sees Textual when something does import it."""
    done = _fresh_interpreter(
        """
        import sys
        import textual.app  # noqa: F401
        print("textual" in sys.modules)
        """
    )
    assert done.stdout.strip() == "True"
