"""Defects found in review, each driven the way a person met it."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Button, Input, OptionList, Static

from runjournal.domain.entries import Checkin, Run
from runjournal.store import Journal
from runjournal.tui.app import RunJournalApp
from runjournal.tui.widgets.history_table import HistoryTable

from .conftest import TODAY, cursor_to


def _runs(journal: Journal, count: int) -> None:
    start = TODAY - timedelta(days=count)
    journal.import_all(
        Run(start + timedelta(days=n), 5000 + n, 1800, "easy", notes=f"run{n}")
        for n in range(count)
    )


async def test_adding_and_rewording_a_checklist_item(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        label = app.screen.query_one("#field-label Input", Input)
        label.focus()
        await pilot.press(*"Foam roll calves", "enter")
        await pilot.pause()
        items = app.screen.query_one("#items", OptionList)
        items.focus()
        await pilot.press("end", "enter")  # reword the item just added
        await pilot.pause()
        assert label.value == "Foam roll calves"
        label.value = "Foam roll calves and shins"
        await pilot.press("enter")
        await pilot.pause()
        shown = [str(items.get_option_at_index(n).prompt) for n in range(items.option_count)]
        assert shown[-1] == "Foam roll calves and shins"  # reworded in place, not added
        assert "Foam roll calves" not in shown
        assert label.value == ""
        assert str(app.screen.query_one("#add-item", Button).label) == "Add"
    labels = [i.label for i in app.journal.checklist_items() if i.status == "easy_recovery_run"]
    assert labels[-1] == "Foam roll calves and shins"
    assert "Foam roll calves" not in labels


async def test_history_keeps_its_place_after_a_delete_deep_in_the_window(
    app: RunJournalApp,
) -> None:
    _runs(app.journal, 250)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(HistoryTable)
        await cursor_to(pilot, table, 200)
        doomed = table.current
        assert doomed is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.journal.get("run", doomed.id or 0) is None
        assert table.cursor_row == 200
        assert table.current is not None
        assert table.current.notes == f"run{int(doomed.notes[3:]) - 1}"


async def test_history_follows_a_change_of_units(app: RunJournalApp) -> None:
    _runs(app.journal, 250)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "G")
        await pilot.pause()
        table = app.screen.query_one(HistoryTable)
        assert table.get_row_at(table.cursor_row)[3].endswith("km")
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#units").value = "mi"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert table.get_row_at(table.cursor_row)[3].endswith("mi")
        status = str(app.screen.query_one("#history-status", Static).render())
        assert " mi " in status


async def test_editing_a_run_in_miles_shows_miles(app: RunJournalApp) -> None:
    app.journal.save_settings(app.journal.settings().with_value("units", "mi"))
    app.journal.add(Run(TODAY, 8447, 2700))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "enter")
        await pilot.pause()
        assert app.screen.query_one("#distance", Input).value == "5.2487mi"
        await pilot.press("ctrl+s")
        await pilot.pause()
    run = app.journal.entries("run")[0]
    assert isinstance(run, Run)
    assert run.distance_m == 8447  # unchanged by the round trip through miles


async def test_the_soreness_keys_keep_the_check_ins_notes(app: RunJournalApp) -> None:
    app.journal.add(Checkin(TODAY, 3, "left calf tight"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c", "5")
        await pilot.pause()
    checkin = app.journal.checkin_on(TODAY)
    assert checkin is not None
    assert (checkin.soreness, checkin.notes) == (5, "left calf tight")


async def test_moving_a_check_in_onto_another_asks_first(app: RunJournalApp) -> None:
    app.journal.add(Checkin(TODAY, 3, "today's"))
    app.journal.add(Checkin(TODAY - timedelta(days=1), 6))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "3")
        await pilot.pause()
        await pilot.press("down", "enter")  # yesterday's
        await pilot.pause()
        app.screen.query_one("#date", Input).value = TODAY.isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")  # keep today's
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckinForm"
        today = app.journal.checkin_on(TODAY)
        assert today is not None
        assert today.notes == "today's"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    today = app.journal.checkin_on(TODAY)
    assert today is not None
    assert today.soreness == 6
    assert app.journal.checkin_on(TODAY - timedelta(days=1)) is None


async def test_an_exercise_needs_a_name(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l", *"60", "tab", "7")
        _, sets, reps, weight = app.screen.query(".exercise-row Input")
        sets.value, reps.value, weight.value = "5", "5", "100"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#exercises-error", Static).render())
        assert "needs a name" in error
        assert type(app.screen).__name__ == "LegDayForm"
    assert app.journal.entries("leg") == []


async def test_the_palette_cannot_leave_a_form_and_ctrl_q_still_quits(
    app: RunJournalApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "History" not in titles
        assert "Log leg day" not in titles
        await pilot.press("q")  # typed into the distance field, not a quit
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_settings_shows_a_theme_chosen_elsewhere(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        app.theme = "nord"  # the command palette's "Change theme"
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("#theme").value == "nord"  # type: ignore[attr-defined]
