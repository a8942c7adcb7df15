"""Opening the app from the command line (imported lazily: it pulls in Textual)."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..services.demo import demo_journal
from ..services.journal import open_for_app
from ..store import Journal, JournalError


def launch(path: Path, today: date, *, demo: bool, clock: Callable[[], date] | None = None) -> None:
    """Open the app on the journal at `path`, or on a throw-away demo journal.

    With a `clock`, the app reads the date from it and moves on at midnight; without
    one, `today` stays today for as long as the app is open.
    """
    if demo:
        with tempfile.TemporaryDirectory(prefix="runjournal-demo-") as folder:
            journal = demo_journal(Path(folder) / "demo.db", today)
            _run(journal, clock or today, demo=True)
        return
    try:
        journal, backed_up = open_for_app(path, today)
    except JournalError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    _run(journal, clock or today, demo=False, backup_failed=not backed_up)


def _run(
    journal: Journal,
    today: date | Callable[[], date],
    *,
    demo: bool,
    backup_failed: bool = False,
) -> None:
    from .app import RunJournalApp

    with journal:
        app = RunJournalApp(journal, today=today, demo=demo)
        if backup_failed:
            app.startup_warnings.append(
                "Today's automatic backup could not be written; see Settings for where "
                "backups go, or run `runjournal backup FILE`."
            )
        app.run()
