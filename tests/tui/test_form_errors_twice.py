"""Saving a form twice in a row with bad fields: the second save reports, never crashes."""

from __future__ import annotations

from textual.widgets import Input, Static

from runjournal.tui.app import RunJournalApp


async def test_a_second_bad_save_updates_the_errors_instead_of_crashing(
    app: RunJournalApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#distance", Input).value = "5x"
        await pilot.press("ctrl+s", "ctrl+s")  # the first box is not gone yet
        await pilot.pause()
        assert app.is_running
        boxes = app.screen.query("#form-errors")
        assert len(boxes) == 1
        assert "5x" in str(boxes.first(Static).render())
        app.screen.query_one("#distance", Input).value = "7y"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "7y" in str(app.screen.query_one("#form-errors", Static).render())
    assert app.journal.is_empty()
