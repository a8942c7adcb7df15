"""Opening the app from the command line (imported lazily: it pulls in Textual)."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from ..store import Journal, JournalError
from ..store.backups import daily_backup


def launch(path: Path, today: date, *, demo: bool) -> None:
    """Open the app on the journal at `path`, or on a throw-away demo journal."""
    if demo:
        with tempfile.TemporaryDirectory(prefix="runjournal-demo-") as folder:
            journal = demo_journal(Path(folder) / "demo.db", today)
            _run(journal, today, demo=True)
        return
    try:
        journal = Journal.open(path)
    except JournalError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    # The first open of each day keeps a copy in backups/ next to the journal (the last 7).
    backed_up = daily_backup(path, today) is not None
    _run(journal, today, demo=False, backup_failed=not backed_up)


def demo_journal(path: Path, today: date) -> Journal:
    """A new journal at `path`, filled with about 12 weeks of generated history."""
    from ..demo import demo_entries

    journal = Journal.open(path)
    journal.import_all(demo_entries(today))
    return journal


def _run(journal: Journal, today: date, *, demo: bool, backup_failed: bool = False) -> None:
    from .app import RunJournalApp

    with journal:
        app = RunJournalApp(journal, today=today, demo=demo)
        if backup_failed:
            app.startup_warnings.append(
                "Today's automatic backup could not be written; see Settings for where "
                "backups go, or run `runjournal backup FILE`."
            )
        app.run()
