"""Issue 12 in the app: what a new runner tripped over in their first two weeks."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from rich.console import Console
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


# Losing work, backfilling, errors -------------------------------------------------


async def test_escape_on_a_filled_form_asks_first(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: straight back
        await pilot.pause()
        assert type(app.screen).__name__ == "TodayScreen"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"8.2")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen.query_one("#distance", Input).value == "8.2"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert type(app.screen).__name__ == "TodayScreen"


@pytest.mark.parametrize("size", SIZES)
async def test_every_bad_field_is_reported_on_one_line_each(
    app: RunJournalApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.press("r")
        await pilot.pause()
        for name, value in {"distance": "abc", "duration": "0", "hr": "999"}.items():
            app.screen.query_one(f"#{name}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        for name in ("distance", "duration", "hr"):
            error = app.screen.query_one(f"#field-{name} .error", Static)
            assert str(error.render()), name
            assert error.region.height == 1, name
        summary = str(app.screen.query_one("#form-errors", Static).render())
        assert summary.count("✗") == 3
        assert app.screen.focused is app.screen.query_one("#distance", Input)
    assert app.journal.entries("run") == []


async def test_plus_and_minus_step_the_date(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        date_input = app.screen.query_one("#date", Input)
        date_input.focus()
        await pilot.press("minus", "minus", "minus", "plus")
        assert date_input.value == "2026-11-22"
        await pilot.press("plus", "plus", "plus")  # never past today
        assert date_input.value == TODAY.isoformat()
        date_input.value = ""
        await pilot.press(*"2026-11-2")  # while typing, - is a character
        assert date_input.value == "2026-11-2"


async def test_notes_take_several_lines(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#distance", Input).value = "5"
        app.screen.query_one("#duration", Input).value = "30"
        app.screen.query_one("#notes").focus()
        await pilot.press(*"windy", "enter", *"calf ok")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (run,) = app.journal.entries("run")
    assert run.notes == "windy\ncalf ok"


async def test_a_checkin_for_another_day_with_notes(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c", "f")
        await pilot.pause()
        app.screen.query_one("#date", Input).value = "yesterday"
        app.screen.query_one("#soreness", Input).value = "4"
        app.screen.query_one("#notes").focus()
        await pilot.press(*"stairs hurt")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (checkin,) = app.journal.entries("checkin")
    assert checkin.date == TODAY - timedelta(days=1)
    assert (checkin.soreness, checkin.notes) == (4, "stairs hurt")  # type: ignore[union-attr]


async def test_a_delete_can_be_undone(journal: Journal) -> None:
    journal.add(Run(TODAY, 8000, 2880, notes="keep me"))
    uid = journal.entries("run")[0].uid
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "d", "y")
        await pilot.pause()
        assert journal.entries("run") == []
        await pilot.press("u")
        await pilot.pause()
    (run,) = journal.entries("run")
    assert (run.notes, run.uid) == ("keep me", uid)


async def test_settings_removal_undoes_and_reset_asks(journal: Journal) -> None:
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#items").focus()
        before = [i.id for i in journal.checklist_items()]
        await pilot.press("x")
        await pilot.pause()
        assert len(journal.checklist_items()) == len(before) - 1
        await pilot.press("u")
        await pilot.pause()
        assert [i.id for i in journal.checklist_items()] == before
        app.screen.query_one("#field-label Input", Input).value = "Foam roll calves"
        app.screen.query_one("#add-item").press()  # type: ignore[attr-defined]
        await pilot.pause()
        assert len(journal.checklist_items()) == len(before) + 1
        app.screen.query_one("#reset-items").press()  # type: ignore[attr-defined]
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await pilot.pause()
        assert len(journal.checklist_items()) == len(before) + 1


# History ---------------------------------------------------------------------------


async def test_history_sorts_by_pace_hr_and_type(journal: Journal) -> None:
    journal.add(Run(TODAY, 10000, 3000, type="tempo", hr=170))  # 5:00/km
    journal.add(Run(TODAY, 5000, 2000, type="easy", hr=140))  # 6:40/km
    journal.add(Run(TODAY, 8000, 2640, type="long", hr=150))  # 5:30/km
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one("#history-table")
        seen = {}
        for _ in range(6):
            await pilot.press("o")
            await pilot.pause()
            sort = table.query_spec.sort  # type: ignore[attr-defined]
            seen[sort] = [table.get_row_at(n)[2] for n in range(3)]  # type: ignore[attr-defined]
        assert seen["pace"] == ["easy", "long", "tempo"]  # slowest first
        assert seen["hr"] == ["tempo", "long", "easy"]
        assert seen["type"] == ["tempo", "long", "easy"]


async def test_history_shows_the_selected_entry_whole_at_80x24(journal: Journal) -> None:
    note = "Half marathon at goal pace, negative split, windy on the way back, calves tight"
    journal.add(Run(TODAY, 21100, 7140, notes=note))
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        detail = app.screen.query_one("#history-detail", Static)
        assert note in str(detail.render())
        assert detail.region.bottom <= 24
        since = app.screen.query_one("#since", Input)
        assert since.content_region.width >= len("2026-11-23") + 1


async def test_palette_offers_the_journal_commands(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)):
        titles = {c.title for c in app.get_system_commands(app.screen)}
    assert {"Export journal", "Back up now", "Import", "Theme", "Quit"} <= titles
    assert any("config" in title.lower() for title in titles)  # found by its CLI name
    assert not {"Maximize", "Screenshot", "Keys"} & titles


async def test_back_up_and_export_from_the_palette(app: RunJournalApp) -> None:
    app.journal.add(Run(TODAY, 5000, 1800))
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_backup()
        app.action_export()
        await pilot.pause()
    assert app.journal.path is not None
    folder = app.journal.path.parent / "backups"
    names = sorted(p.name for p in folder.iterdir())
    stem = app.journal.path.stem
    assert any(n.startswith(f"{stem}-manual-") for n in names), names
    assert f"{stem}-export-{TODAY}.json" in names


# 80x24 -----------------------------------------------------------------------------


async def test_leg_form_fits_80_columns(app: RunJournalApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        box = app.screen.query_one("#to-failure")
        assert box.region.right <= 80
        for name in ("sets", "reps"):
            hint = app.screen.query_one(f".exercise-row .{name}", Input)
            assert hint.content_region.width >= len(name) + 1


async def test_settings_at_80x24_every_section_reachable_by_tab(app: RunJournalApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        level = app.screen.query_one("#fitness_level")
        assert level.content_region.width >= len("intermediate") + 2
        for _ in range(20):
            await pilot.press("tab")
            if app.screen.focused is not None and app.screen.focused.id == "journal-info":
                break
        info = app.screen.query_one("#journal-info")
        assert app.screen.focused is info
        assert info.region.y < 24  # scrolled into view


@pytest.mark.parametrize("size", SIZES)
async def test_today_shows_soreness_and_a_strip_that_does_not_wrap(
    demo_app: RunJournalApp, size: tuple[int, int]
) -> None:
    from runjournal.tui.widgets.week_strip import WeekStrip

    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        soreness = demo_app.screen.query_one("#soreness", Static)
        assert soreness.region.height > 0
        assert soreness.region.bottom <= size[1]
        strip = demo_app.screen.query_one(WeekStrip)
        # Rendered at the strip's width but with no height limit, so a fold shows.
        console = Console(width=strip.content_region.width, record=True)
        console.print(strip.content)
        lines = console.export_text().splitlines()
        # The strip's past days: the three before today, and today (then the forecast).
        days = demo_app.journal.days(TODAY - timedelta(days=3), TODAY)
        most = max(len(entries) for entries in days.values())
        # The header, then one line per entry of the busiest day: no entry folds onto a
        # second line (at 80x24, 'easy 8.20 km' used to leave 'km' on a line of its own).
        assert len([line for line in lines if line.strip()]) == 1 + most, lines
        runs = sum(isinstance(e, Run) for entries in days.values() for e in entries)
        distances = re.findall(r"\d+(?:\.\d+)? ?km\b", "\n".join(lines))
        assert len(distances) == runs, lines  # each distance whole, with its unit
