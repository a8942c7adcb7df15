"""The Trends screen and Today's forecast, driven with Pilot on real journal files."""

from __future__ import annotations

from datetime import timedelta

import pytest
from rich.console import Console
from textual.widgets import Input, Sparkline, Static

from runjournal.domain.entries import LegDay, Run
from runjournal.tui.app import RunJournalApp
from runjournal.tui.screens.trends import TrendsScreen
from runjournal.tui.widgets.heat_map import HeatMap
from runjournal.tui.widgets.status_banner import StatusBanner
from runjournal.tui.widgets.week_strip import WeekStrip

from .conftest import TODAY

SIZES = [(100, 30), (80, 24)]


def text_of(app: RunJournalApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def table_text(widget: Static, width: int) -> str:
    """What a Static holding a Rich table shows, as plain text."""
    console = Console(width=width, record=True, color_system=None)
    console.print(widget.content)
    return console.export_text()


async def open_trends(pilot) -> TrendsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("w")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TrendsScreen)
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_trends_opens_with_twelve_weeks_and_the_heat_map(
    demo_app: RunJournalApp, size: tuple[int, int]
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        screen = await open_trends(pilot)
        assert "12 weeks" in text_of(demo_app, "#trends-range")
        distance = screen.query_one("#distance-bars Sparkline", Sparkline)
        assert len(distance.data or []) == 12
        assert max(distance.data or [0]) > 0
        assert "Distance per week (km)" in text_of(demo_app, "#distance-bars .bars-title")
        heat = str(screen.query_one(HeatMap).render())
        assert "L leg day" in heat  # the legend says what the marks mean
        mondays = next(line for line in heat.splitlines() if line.startswith("Mon"))
        assert "L" in mondays  # the demo's Monday leg days (yesterday was one)
        assert "light → heavy" in heat
        assert not screen.query_one("#trends-loading").display


async def test_brackets_switch_the_range(demo_app: RunJournalApp) -> None:
    async with demo_app.run_test(size=(100, 30)) as pilot:
        screen = await open_trends(pilot)
        await pilot.press("right_square_bracket")
        await demo_app.workers.wait_for_complete()
        await pilot.pause()
        assert "26 weeks" in text_of(demo_app, "#trends-range")
        assert len(screen.query_one("#distance-bars Sparkline", Sparkline).data or []) == 26
        await pilot.press("right_square_bracket", "right_square_bracket")
        await demo_app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.query_one("#distance-bars Sparkline", Sparkline).data or []) == 52
        await pilot.press("left_square_bracket", "left_square_bracket")
        await demo_app.workers.wait_for_complete()
        await pilot.pause()
        assert "12 weeks" in text_of(demo_app, "#trends-range")
        await pilot.press("escape")
        await pilot.pause()
        assert demo_app.place == "today"


async def test_trends_follow_miles_and_show_records(demo_app: RunJournalApp) -> None:
    demo_app.journal.save_settings(demo_app.journal.settings().with_value("units", "mi"))
    async with demo_app.run_test(size=(100, 30)) as pilot:
        await open_trends(pilot)
        assert "Distance per week (mi)" in text_of(demo_app, "#distance-bars .bars-title")
        records = text_of(demo_app, "#records")
        assert "/mi" in records
        assert "/km" not in records
        assert "e1RM" in records


async def test_trends_on_an_empty_journal_say_what_to_do(app: RunJournalApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trends(pilot)
        assert "None yet" in text_of(app, "#records")
        assert "Check in your soreness" in text_of(app, "#recovery")


async def test_trends_from_the_command_palette(demo_app: RunJournalApp) -> None:
    async with demo_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Trends")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await demo_app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(demo_app.screen, TrendsScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_today_says_when_hard_running_is_ok(
    demo_app: RunJournalApp, size: tuple[int, int]
) -> None:
    # the demo's hard leg day was yesterday (Mon 23 Nov): window 3 → Fri 27 Nov
    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        banner = str(demo_app.screen.query_one(StatusBanner).render())
        assert "hard running OK from Fri 27 Nov" in banner
        strip = table_text(demo_app.screen.query_one(WeekStrip), size[0])
        header, first_row = strip.splitlines()[:2]
        assert header.split()[:2] == ["Sat", "21"]  # three days back, today, three ahead
        assert header.split()[-2:] == ["Fri", "27"]
        assert "today" in header
        assert "easy?" in strip
        assert "✓ normal" in strip


async def test_today_when_already_normal_and_flags_as_notes(app: RunJournalApp) -> None:
    for n in range(7):  # the same 45-minute run every day: monotony
        day = TODAY - timedelta(days=n)
        app.journal.add(Run(date=day, distance_m=8000, duration_s=2700, rpe=4, uid=f"r{n}"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "hard running OK today" in str(app.screen.query_one(StatusBanner).render())
        reasons = text_of(app, "#reasons")
        assert "note: Monotony" in reasons
        assert "rough guide" in reasons


async def test_the_leg_day_form_says_when_hard_running_is_ok(app: RunJournalApp) -> None:
    app.journal.add(LegDay(date=TODAY - timedelta(days=1), duration_s=1800, rpe=3))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        for selector, text in (("#duration", "60"), ("#rpe", "9")):
            app.screen.query_one(selector, Input).focus()
            await pilot.press(*text)
        await pilot.pause()
        feedback = text_of(app, "#load-feedback")
        # today's hard session (Tue 24 Nov): rest today, easy 3 days, normal on Sat 28
        assert "HARD" in feedback
        assert "hard running OK from Sat 28 Nov" in feedback
        app.screen.query_one("#rpe", Input).value = "3"
        app.screen.query_one("#duration", Input).value = "30"
        await pilot.pause()
        assert "hard running OK from Thu 26 Nov" in text_of(app, "#load-feedback")
