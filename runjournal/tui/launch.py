"""Opening the app from the command line (imported lazily: it pulls in Textual)."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from ..store import Journal, JournalError


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
    _run(journal, today, demo=False)


def demo_journal(path: Path, today: date) -> Journal:
    """A new journal at `path`, filled with about 12 weeks of generated history."""
    from ..demo import demo_entries

    journal = Journal.open(path)
    journal.import_all(demo_entries(today))
    return journal


def _run(journal: Journal, today: date, *, demo: bool) -> None:
    from .app import RunJournalApp

    with journal:
        RunJournalApp(journal, today=today, demo=demo).run()
