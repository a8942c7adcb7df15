"""The core and the command line never load Textual (harlequin's test_import_hygiene)."""

from __future__ import annotations

import json
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


# sqlite-utils costs ~65 ms to import, more than `advise` spends on everything else: the
# store reads and writes through plain sqlite3 and loads it only to run a migration.
UP_TO_DATE_PROBE = """
import sys
from runjournal.cli import run
for args in {commands!r}:
    code = run(["--db", {db!r}, *args])
    assert code == 0, (args, code)
print("sqlite_utils loaded:", "sqlite_utils" in sys.modules, file=sys.stderr)
"""


def test_an_up_to_date_journal_is_used_without_loading_sqlite_utils(tmp_path: Path) -> None:
    db = str(tmp_path / "journal.db")
    made = _fresh_interpreter(
        UP_TO_DATE_PROBE.format(
            db=db, commands=[["log", "run", "--distance", "5", "--duration", "30"]]
        )
    )
    # Creating the journal runs the migrations: the probe sees sqlite-utils then.
    assert made.returncode == 0, made.stderr
    assert made.stderr.strip().endswith("sqlite_utils loaded: True")

    commands = [
        ["log", "leg", "--duration", "40", "--rpe", "6", "--date", "yesterday"],
        ["checkin", "--soreness", "3"],
        ["advise", "--json"],
        ["history", "--format", "json"],
        ["checklist", "tick", "warmup-extended"],
        ["config", "set", "units", "mi"],
    ]
    done = _fresh_interpreter(UP_TO_DATE_PROBE.format(db=db, commands=commands))
    assert done.returncode == 0, done.stderr
    assert '"status": "easy_recovery_run"' in done.stdout
    assert done.stderr.strip().endswith("sqlite_utils loaded: False")


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


def test_opening_the_app_skips_the_command_line_parser(tmp_path: Path) -> None:
    """`runjournal` alone goes straight to the app: click is not even imported.

    A file that is not a journal stops the app before it draws anything, so the real
    entry point can be run to the end here; `-X importtime` lists every module it loaded.
    """
    not_a_journal = tmp_path / "notes.txt"
    not_a_journal.write_text("groceries\n")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "runjournal", "--db", str(not_a_journal)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "runjournal.tui.launch" in loaded
    assert "click" not in loaded
    assert "error:" in done.stderr
    assert "not a runjournal journal" in done.stderr


def test_the_command_table_names_every_command_and_its_module() -> None:
    """`COMMAND_MODULES` is right: each module registers exactly the names it is given."""
    done = _fresh_interpreter(
        """
        import importlib, json
        from runjournal.cli.base import COMMAND_MODULES, cli
        owners = {}
        for module in sorted(set(COMMAND_MODULES.values())):
            before = set(cli.commands)
            importlib.import_module(f"runjournal.cli.{module}")
            owners.update((name, module) for name in set(cli.commands) - before)
        print(json.dumps([owners, COMMAND_MODULES]))
        """
    )
    assert done.returncode == 0, done.stderr
    registered, table = json.loads(done.stdout)
    assert registered == table
    assert len(table) == 13


def test_advise_loads_only_its_own_command_module(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    done = _fresh_interpreter(
        f"""
        import sys
        from runjournal.cli import run
        assert run(["--db", {str(db)!r}, "advise", "--json"]) == 0
        print(sorted(m for m in sys.modules if m.startswith("runjournal.cli.")), file=sys.stderr)
        """
    )
    assert done.returncode == 0, done.stderr
    loaded = done.stderr.strip().splitlines()[-1]
    for other in ("entries", "history", "importing", "journal", "stats"):
        assert f"'runjournal.cli.{other}'" not in loaded, loaded
    assert "'runjournal.cli.day'" in loaded
