"""Issue 9, item 5 in the TUI: the calendar's edges never crash the app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from runjournal.services.demo import demo_journal
from runjournal.tui.app import RunJournalApp

from .test_literal_text import screen_text


async def test_a_date_in_year_1_typed_into_the_run_form_is_an_error_by_the_field(
    app: RunJournalApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#date", Input).value = "0001-01-01"
        app.screen.query_one("#distance", Input).value = "5"
        app.screen.query_one("#duration", Input).value = "30"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert "0001-01-01 is" in screen_text(app)  # the error, under the field
    assert app.journal.is_empty()


async def test_the_demo_on_the_calendars_last_day_opens_history(tmp_path: Path) -> None:
    last = date(9999, 12, 31)
    with demo_journal(tmp_path / "demo.db", last) as journal:
        app = RunJournalApp(journal, today=last, demo=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("h")
            await pilot.pause()
            assert app.is_running
            assert "27–31 Dec:" in screen_text(app)  # the week held at the calendar's end
