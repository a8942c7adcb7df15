"""Fixtures for driving the real app with Pilot on a real journal file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

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


async def cursor_to(pilot: Pilot[None], table: DataTable[object], row: int) -> None:
    """Move a table's cursor down to `row` as a person would: PageDown, then Down.

    Each key goes through the table's own bindings, so the paging that follows the
    cursor runs exactly as it does for a person holding the keys.
    """
    while row - table.cursor_row > table.scrollable_content_region.height:
        before = table.cursor_row
        await pilot.press("pagedown")
        assert table.cursor_row > before, f"PageDown stopped at row {before}, short of {row}"
    while table.cursor_row < row:
        before = table.cursor_row
        await pilot.press("down")
        assert table.cursor_row > before, f"Down stopped at row {before}, short of {row}"
    await pilot.pause()
