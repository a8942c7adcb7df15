"""Issue 12 in the app: what a new runner tripped over in their first two weeks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from runjournal.domain.entries import Checkin, Exercise, LegDay, Run
from runjournal.store import Journal
from runjournal.tui.app import RunJournalApp
from runjournal.tui.widgets.status_banner import StatusBanner

from .conftest import TODAY

SIZES = [(100, 30), (80, 24)]


def banner(app: RunJournalApp) -> str:
    return str(app.screen.query_one(StatusBanner).render())


@pytest.fixture
def journal(isolated_journal: Path):  # type: ignore[no-untyped-def]
    with Journal.open(isolated_journal) as opened:
        yield opened


@pytest.mark.parametrize("size", SIZES)
async def test_help_scrolls_to_the_end(app: RunJournalApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 0  # more than fits, at both sizes
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert body.scroll_y > 0


async def test_the_date_moves_on_at_midnight(journal: Journal) -> None:
    clock = [TODAY]
    app = RunJournalApp(journal, today=lambda: clock[0])
    app.POLL_SECONDS = 0.05  # type: ignore[misc]
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.sub_title.startswith("Tue 24 Nov 2026")
        clock[0] = TODAY + timedelta(days=1)
        await pilot.pause(0.2)
        assert app.sub_title.startswith("Wed 25 Nov 2026")
        await pilot.press("c", "3")
        await pilot.pause()
        assert [c.date for c in journal.entries("checkin")] == [TODAY + timedelta(days=1)]
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#date", Input).value == "2026-11-25"


async def test_editing_a_checkin_shows_its_soreness(journal: Journal) -> None:
    journal.add(Checkin(TODAY, 3, "stiff"))
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3", "enter")
        await pilot.pause()
        soreness = app.screen.query_one("#soreness", Input)
        assert soreness.value == "3"
        assert soreness.content_region.height == 1  # the digit has a line to show on


async def test_a_long_easy_run_on_a_recovery_day_warns(journal: Journal) -> None:
    journal.save_settings(journal.settings().with_value("units", "mi"))
    journal.add(LegDay(TODAY - timedelta(days=1), 60 * 60, 9))
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#distance", Input).value = "10"
        app.screen.query_one("#duration", Input).value = "1:40:00"
        await pilot.pause()
        warning = str(app.screen.query_one("#advice-warning", Static).render())
        assert "100 min (guidance: at most 30)" in warning
        assert " a easy" not in warning
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    (run,) = journal.entries("run")
    assert isinstance(run, Run)
    assert run.distance_m == 16093  # a bare 10 is 10 miles


async def test_a_leg_day_after_the_mornings_run_keeps_the_ticks(journal: Journal) -> None:
    journal.add(Run(TODAY, 8000, 48 * 60, time="07:00"))
    for item in ("warmup-standard", "leg-swings"):
        journal.set_tick(TODAY, item, True)
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "2/3 done" in str(app.screen.query_one("#checklist").border_subtitle)
        journal.add(LegDay(TODAY, 60 * 60, 9, time="18:30"))
        app.journal_changed()
        await pilot.pause()
        assert "run is done" in banner(app).lower() or "run is done" in str(
            app.screen.query_one("#reasons", Static).render()
        )
        assert "2/3 done" in str(app.screen.query_one("#checklist").border_subtitle)


async def test_weights_in_lb_show_in_lb_in_the_form_and_history(journal: Journal) -> None:
    journal.save_settings(journal.settings().with_value("weight_units", "lb"))
    journal.add(LegDay(TODAY, 3600, 7, exercises=(Exercise("leg press", 4, 10, 102058),)))
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "2")
        await pilot.pause()
        table = app.screen.query_one("#history-table")
        assert "leg press 4x10@225lb" in str(table.get_row_at(0))  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(".exercise-row .weight", Input).value == "225"
        app.screen.query_one(".exercise-row .weight", Input).value = "230"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (leg,) = journal.entries("leg")
    assert isinstance(leg, LegDay)
    assert leg.exercises[0].weight_g == round(230 * 453.59237)


async def test_theme_from_the_palette_is_saved(journal: Journal) -> None:
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        assert set(app.available_themes) == {
            "textual-dark", "textual-light", "nord", "gruvbox", "tokyo-night", "solarized-light"
        }  # fmt: skip
        app.theme = "nord"
        await pilot.pause()
    assert journal.settings().theme == "nord"
