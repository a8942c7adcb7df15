"""Fixtures for driving the real app with Pilot on a real journal file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from runjournal.services.demo import demo_journal
from runjournal.store import Journal
from runjournal.tui.app import RunJournalApp

TODAY = date(2026, 11, 24)


@pytest.fixture
def app(isolated_journal: Path) -> Iterator[RunJournalApp]:
    """The app on an empty journal at the test's RUNJOURNAL_DB."""
    journal = Journal.open(isolated_journal)
    yield RunJournalApp(journal, today=TODAY)
    journal.close()


@pytest.fixture
def demo_app(tmp_path: Path) -> Iterator[RunJournalApp]:
    """The app on the demo journal (a hard leg day yesterday)."""
    journal = demo_journal(tmp_path / "demo.db", TODAY)
    yield RunJournalApp(journal, today=TODAY, demo=True)
    journal.close()
