"""Opening the app from the command line (imported lazily: it pulls in Textual)."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App

from .. import __version__
from ..services.demo import demo_journal
from ..services.journal import open_for_app
from ..store import Journal, JournalError


def launch(path: Path, today: date, *, demo: bool, clock: Callable[[], date] | None = None) -> None:
    """Open the app on the journal at `path`, or on a throw-away demo journal.

    With a `clock`, the app reads the date from it and moves on at midnight; without
    one, `today` stays today for as long as the app is open. An app that crashed exits
    1 after one line naming the crash report (SPEC §1).
    """
    if demo:
        with tempfile.TemporaryDirectory(prefix="runjournal-demo-") as folder:
            journal = demo_journal(Path(folder) / "demo.db", today)
            code = _run(journal, clock or today, path, demo=True)
    else:
        try:
            journal, backed_up = open_for_app(path, today)
        except JournalError as error:
            print(f"error: {error}", file=sys.stderr)
            sys.exit(1)
        code = _run(journal, clock or today, path, demo=False, backup_failed=not backed_up)
    if code:
        sys.exit(code)


def _run(
    journal: Journal,
    today: date | Callable[[], date],
    where: Path,
    *,
    demo: bool,
    backup_failed: bool = False,
) -> int:
    from .app import RunJournalApp

    with journal:
        app = RunJournalApp(journal, today=today, demo=demo)
        app.startup_warnings.extend(journal.notices)
        if backup_failed:
            app.startup_warnings.append(
                "Today's automatic backup could not be written; see Settings for where "
                "backups go, or run `runjournal backup FILE`."
            )
        return run_reporting(app, where)


def run_reporting(app: App[Any], journal_path: Path, *, headless: bool = False) -> int:
    """Run `app`; after a crash, write a report beside the journal and return 1.

    Textual has already put the terminal back as it was when `run` returns, and keeps
    the exception in `_exception` (the same attribute its test pilot re-raises). The
    one line printed names the report; the traceback goes into the file, not onto the
    terminal, without the local variables Textual would print (they hold journal text).
    """
    app.run(headless=headless)
    error = app._exception
    if error is None and not app.return_code:
        return 0
    report = write_crash_report(journal_path, error)
    where = f"; the report is in {report}" if report else " (no report could be written)"
    print(f"error: runjournal crashed{where}", file=sys.stderr)
    return 1


def write_crash_report(journal_path: Path, error: BaseException | None) -> Path | None:
    """A private `runjournal-crash-*.txt` beside the journal: what broke, and where.

    It holds the traceback, the versions and the platform: no journal content beyond
    what the error's own message names. None when the folder cannot be written.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    lines = [
        f"runjournal {__version__} crashed at {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"textual {_version('textual')}, rich {_version('rich')}",
        f"journal: {journal_path}",
        "",
        *(
            traceback.format_exception(error)
            if error is not None
            else ["the app exited with an error but kept no exception\n"]
        ),
    ]
    folder = journal_path.expanduser().parent
    for n in range(100):
        report = folder / f"runjournal-crash-{stamp}{f'-{n}' if n else ''}.txt"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(report, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError:
            return None
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write("".join(line if line.endswith("\n") else line + "\n" for line in lines))
        return report
    return None


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"
