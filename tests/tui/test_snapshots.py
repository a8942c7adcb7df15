"""A few SVG snapshots of the main screens: the demo journal at a fixed date.

Regenerate after an intended UI change with `pytest tests/tui/test_snapshots.py
--snapshot-update`, then look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from runjournal.services.demo import demo_journal
from runjournal.tui.app import RunJournalApp

from .conftest import TODAY

SIZE = (100, 30)


@pytest.fixture
def demo(tmp_path: Path) -> RunJournalApp:
    return RunJournalApp(demo_journal(tmp_path / "demo.db", TODAY), today=TODAY, demo=True)


def test_today(snap_compare: Callable[..., bool], demo: RunJournalApp) -> None:
    assert snap_compare(demo, terminal_size=SIZE)


def test_log_leg_day(snap_compare: Callable[..., bool], demo: RunJournalApp) -> None:
    assert snap_compare(demo, press=["l", *"60", "tab", "9"], terminal_size=SIZE)


def test_log_run_with_warning(snap_compare: Callable[..., bool], demo: RunJournalApp) -> None:
    async def tempo(pilot: Pilot[Any]) -> None:
        await pilot.press("r", *"10", "tab", *"45:00")
        pilot.app.screen.query_one("#type").value = "tempo"  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(demo, run_before=tempo, terminal_size=SIZE)


def test_history(snap_compare: Callable[..., bool], demo: RunJournalApp) -> None:
    assert snap_compare(demo, press=["h"], terminal_size=SIZE)
