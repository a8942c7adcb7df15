"""Every key binding, pressed as a person would, checked on the screen and in the journal.

One test (or more) per binding of the app, its screens and its dialogs: a binding that is
removed, renamed or pointed at the wrong action fails here, not only in an SVG snapshot.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Markdown, OptionList, Static, Tabs

from runjournal.domain.entries import Checkin, Exercise, LegDay, Run
from runjournal.store import Journal
from runjournal.store.paging import SORTS
from runjournal.tui.app import RunJournalApp
from runjournal.tui.screens.checkin_form import CheckinForm
from runjournal.tui.screens.confirm import ConfirmDialog
from runjournal.tui.screens.help import HelpScreen
from runjournal.tui.screens.history import HistoryScreen
from runjournal.tui.screens.import_screen import ImportScreen
from runjournal.tui.screens.leg_form import LegDayForm
from runjournal.tui.screens.run_form import RunForm
from runjournal.tui.screens.settings import SettingsScreen
from runjournal.tui.screens.soreness import SorenessDialog
from runjournal.tui.screens.today import TodayScreen
from runjournal.tui.screens.trends import TrendsScreen
from runjournal.tui.widgets.checklist import Checklist
from runjournal.tui.widgets.history_table import HistoryTable
from runjournal.tui.widgets.status_banner import StatusBanner

from .conftest import TODAY

SIZE = (100, 30)
DAY = timedelta(days=1)


def seed(journal: Journal) -> None:
    """Three runs (distances out of date order), two leg days and two check-ins."""
    journal.add(Run(TODAY - 5 * DAY, 10_000, 3600, "long", rpe=5))
    journal.add(Run(TODAY - 3 * DAY, 5_000, 1500, "tempo", rpe=8))
    journal.add(Run(TODAY - 1 * DAY, 8_000, 2880, "easy", rpe=3))
    journal.add(LegDay(TODAY - 4 * DAY, 3600, 6, exercises=(Exercise("back squat", 5, 5),)))
    journal.add(LegDay(TODAY - 2 * DAY, 1200, 3))
    journal.add(Checkin(TODAY - 2 * DAY, 4))
    journal.add(Checkin(TODAY - 1 * DAY, 2))


def banner(app: RunJournalApp) -> str:
    return str(app.screen.query_one(StatusBanner).render())


def dates(table: HistoryTable) -> list[str]:
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


def counts(journal: Journal) -> tuple[int, int, int]:
    return journal.count("run"), journal.count("leg"), journal.count("checkin")


async def open_history(app: RunJournalApp, pilot) -> HistoryTable:  # type: ignore[no-untyped-def]
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen.query_one(HistoryTable)


# Today and the app's own keys ---------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "screen", "title"),
    [
        ("l", LegDayForm, "Log leg day"),
        ("r", RunForm, "Log run"),
    ],
)
async def test_l_and_r_open_an_empty_form(
    app: RunJournalApp, key: str, screen: type, title: str
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen)
        assert str(app.screen.query_one(".form-title", Static).render()) == title
        assert app.screen.query_one("#date", Input).value == TODAY.isoformat()
    assert counts(app.journal) == (0, 0, 0)


async def test_c_opens_the_soreness_dialog_and_a_digit_saves_it(app: RunJournalApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SorenessDialog)
        assert app.journal.checkin_on(TODAY) is None  # nothing saved by opening it
        await pilot.press("7")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "EASY RECOVERY RUN" in banner(app)
        assert "7/10" in str(app.screen.query_one("#soreness", Static).render())
    checkin = app.journal.checkin_on(TODAY)
    assert checkin is not None
    assert checkin.soreness == 7


async def test_soreness_dialog_arrows_and_enter(app: RunJournalApp) -> None:
    app.journal.add(Checkin(TODAY, 3, "stairs"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        options = app.screen.query_one("#soreness-options", OptionList)
        assert options.highlighted == 3  # starts on today's value
        await pilot.press("down", "down", "up", "down", "down", "down", "down", "down")
        assert options.highlighted == 9
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "REST" in banner(app)
    checkin = app.journal.checkin_on(TODAY)
    assert checkin is not None
    assert (checkin.soreness, checkin.notes) == (9, "stairs")


async def test_soreness_dialog_escape_saves_nothing(app: RunJournalApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("down", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "NORMAL TRAINING" in banner(app)
    assert app.journal.checkin_on(TODAY) is None


async def test_h_s_and_t_move_between_the_places(app: RunJournalApp) -> None:
    seed(app.journal)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        assert table.row_count == 3
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert len(app.screen_stack) == 2  # Today under Settings, History not stacked
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert len(app.screen_stack) == 1
    assert counts(app.journal) == (3, 2, 2)


async def test_question_mark_opens_help_and_escape_or_question_mark_closes_it(
    app: RunJournalApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for close in ("escape", "question_mark"):
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "How the advisor decides" in app.screen.query_one(Markdown).source
            await pilot.press(close)
            await pilot.pause()
            assert isinstance(app.screen, TodayScreen)


async def test_q_quits_from_today_and_not_from_a_form(app: RunJournalApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "q")  # typed into the form's first field: still open
        await pilot.pause()
        assert isinstance(app.screen, RunForm)
        assert app.return_code is None
        await pilot.press("escape")  # something typed: the form asks before throwing it away
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0  # app.exit() was called
    assert counts(app.journal) == (0, 0, 0)


@pytest.mark.parametrize("key", ["space", "enter"])
async def test_space_and_enter_tick_and_untick(app: RunJournalApp, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.screen.query_one(Checklist)
        assert checklist.has_focus
        first, second = checklist.items[0].id, checklist.items[1].id
        await pilot.press(key)
        await pilot.pause()
        assert app.journal.ticks(TODAY) == {first}
        assert checklist.border_subtitle == "1/3 done"
        await pilot.press("down", key)
        await pilot.pause()
        assert app.journal.ticks(TODAY) == {first, second}
        await pilot.press("up", key)  # untick the first
        await pilot.pause()
        assert app.journal.ticks(TODAY) == {second}
        assert [item.done for item in checklist.items] == [False, True, False]
        assert checklist.border_subtitle == "1/3 done"
    assert app.journal.ticks(TODAY - DAY) == set()


async def test_ctrl_p_palette_runs_an_action(app: RunJournalApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Log run")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunForm)
    assert counts(app.journal) == (0, 0, 0)


# Forms -------------------------------------------------------------------------------


async def test_run_form_ctrl_s_saves_and_escape_cancels(app: RunJournalApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#distance", Input).value = "5k"
        app.screen.query_one("#duration", Input).value = "26:40"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # typed: asks before throwing it away
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.journal.count("run") == 0  # cancelled: nothing written
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#distance", Input).value = "5k"
        app.screen.query_one("#duration", Input).value = "26:40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    (run,) = app.journal.entries("run")
    assert isinstance(run, Run)
    assert (run.date, run.distance_m, run.duration_s) == (TODAY, 5000, 1600)


async def test_leg_form_ctrl_n_adds_an_exercise_and_ctrl_s_saves(app: RunJournalApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert len(app.screen.query(".exercise-row")) == 1
        await pilot.press("ctrl+n")
        await pilot.pause()
        rows = list(app.screen.query(".exercise-row"))
        assert len(rows) == 2
        app.screen.query_one("#duration", Input).value = "40"
        app.screen.query_one("#rpe", Input).value = "6"
        for row, name in zip(rows, ("goblet squat", "step-ups"), strict=True):
            name_input, sets, reps, _weight = row.query(Input)
            name_input.value, sets.value, reps.value = name, "3", "10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "EASY RECOVERY RUN" not in banner(app)  # a leg day today means rest
        assert "REST" in banner(app)
    (leg,) = app.journal.entries("leg")
    assert isinstance(leg, LegDay)
    assert [(e.name, e.sets, e.reps) for e in leg.exercises] == [
        ("goblet squat", 3, 10),
        ("step-ups", 3, 10),
    ]


# History -----------------------------------------------------------------------------


async def test_history_1_2_3_switch_the_kind(app: RunJournalApp) -> None:
    seed(app.journal)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        tabs = app.screen.query_one(Tabs)
        for key, tab, rows, first_column in (
            ("2", "legs", 2, "Date ▼"),
            ("3", "checkins", 2, "Date ▼"),
            ("1", "runs", 3, "Date ▼"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == tab
            assert table.row_count == rows
            assert str(table.ordered_columns[0].label) == first_column
        await pilot.press("3")
        await pilot.pause()
        assert [str(table.get_row_at(n)[1]) for n in range(2)] == ["2/10", "4/10"]
        status = str(app.screen.query_one("#history-status", Static).render())
        assert "2 check-ins" in status


async def test_history_o_cycles_the_sort_and_shift_o_reverses_it(app: RunJournalApp) -> None:
    seed(app.journal)
    newest_first = [(TODAY - n * DAY).isoformat() for n in (1, 3, 5)]
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        assert dates(table) == newest_first
        await pilot.press("O")
        await pilot.pause()
        assert dates(table) == newest_first[::-1]  # oldest first
        assert str(table.ordered_columns[0].label) == "Date ▲"
        await pilot.press("O")
        await pilot.pause()
        assert dates(table) == newest_first
        assert str(table.ordered_columns[0].label) == "Date ▼"
        await pilot.press("o")  # date -> distance, longest first
        await pilot.pause()
        assert [table.get_row_at(n)[3] for n in range(3)] == ["10.00 km", "8.00 km", "5.00 km"]
        assert str(table.ordered_columns[3].label) == "Distance ▼"
        await pilot.press("O")
        await pilot.pause()
        assert [table.get_row_at(n)[3] for n in range(3)] == ["5.00 km", "8.00 km", "10.00 km"]
        await pilot.press(*["o"] * (len(SORTS["run"]) - 1))  # round the sorts to date
        await pilot.pause()
        assert dates(table) == newest_first
    assert counts(app.journal) == (3, 2, 2)


async def test_history_g_and_shift_g_jump_to_newest_and_oldest(app: RunJournalApp) -> None:
    start = TODAY - 400 * DAY  # more than a page of the table
    app.journal.import_all(Run(start + n * DAY, 5000, 1800) for n in range(400))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        await pilot.press("G")
        await pilot.pause()
        assert table.current is not None
        assert table.current.date == start
        assert "400 runs" in str(app.screen.query_one("#history-status", Static).render())
        await pilot.press("g")
        await pilot.pause()
        assert table.current is not None
        assert table.current.date == start + 399 * DAY
        assert table.cursor_row == 0


async def test_history_slash_filters_and_escape_goes_back_then_to_today(
    app: RunJournalApp,
) -> None:
    seed(app.journal)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        since = app.screen.query_one("#since", Input)
        assert since.has_focus
        await pilot.press(*(TODAY - 3 * DAY).isoformat(), "enter")
        await pilot.pause()
        assert dates(table) == [(TODAY - n * DAY).isoformat() for n in (1, 3)]
        assert table.has_focus  # enter hands the keys back to the table
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("escape")  # out of the field, still in History
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert table.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert counts(app.journal) == (3, 2, 2)


@pytest.mark.parametrize(
    ("tab", "key", "form"),
    [("1", "enter", RunForm), ("2", "e", LegDayForm), ("3", "e", CheckinForm)],
)
async def test_history_enter_and_e_open_the_row_in_its_form(
    app: RunJournalApp, tab: str, key: str, form: type
) -> None:
    seed(app.journal)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        await pilot.press(tab, "down")
        await pilot.pause()
        chosen = table.current
        assert chosen is not None
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, form)
        heading = str(app.screen.query_one(".form-title", Static).render())
        assert heading.endswith(f" {chosen.id} ({chosen.date})")
        assert app.screen.query_one("#date", Input).value == chosen.date.isoformat()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    assert app.journal.get(chosen.kind, chosen.id or 0) == chosen


async def test_history_edit_saved_with_ctrl_s(app: RunJournalApp) -> None:
    seed(app.journal)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        await pilot.press("3", "e")
        await pilot.pause()
        app.screen.query_one("#soreness", Input).value = "6"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert table.get_row_at(0)[1] == "6/10"
    checkin = app.journal.checkin_on(TODAY - DAY)
    assert checkin is not None
    assert checkin.soreness == 6


@pytest.mark.parametrize("key", ["d", "delete"])
async def test_history_d_asks_and_n_or_escape_keep_the_entry(app: RunJournalApp, key: str) -> None:
    seed(app.journal)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        newest = table.current
        assert newest is not None
        for answer in ("n", "escape"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            assert "Delete this run?" in app.screen.question
            await pilot.press(answer)
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            assert table.row_count == 3
        await pilot.press(key, "y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert dates(table) == [(TODAY - n * DAY).isoformat() for n in (3, 5)]
        assert app.journal.get("run", newest.id or 0) is None
        assert counts(app.journal) == (2, 2, 2)
        await pilot.press("u")  # undo the delete
        await pilot.pause()
        assert dates(table) == [(TODAY - n * DAY).isoformat() for n in (1, 3, 5)]
    assert [r.uid for r in app.journal.entries("run")][0] == newest.uid
    assert counts(app.journal) == (3, 2, 2)


async def test_confirm_dialog_buttons(app: RunJournalApp) -> None:
    seed(app.journal)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#no")
        await pilot.pause()
        assert table.row_count == 3
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert table.row_count == 2
    assert app.journal.count("run") == 2


# Settings ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["x", "delete"])
async def test_settings_x_and_delete_remove_the_highlighted_item(
    app: RunJournalApp, key: str
) -> None:
    def labels() -> list[str]:
        items = app.journal.checklist_items()
        return [i.label for i in items if i.status == "easy_recovery_run"]

    before = labels()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        items = app.screen.query_one("#items", OptionList)
        await pilot.press(key)  # the items list has no focus yet: nothing removed
        await pilot.pause()
        assert labels() == before
        items.focus()
        await pilot.press("down", key)
        await pilot.pause()
        assert labels() == [before[0], *before[2:]]
        assert [str(items.get_option_at_index(n).prompt) for n in range(items.option_count)] == [
            before[0],
            *before[2:],
        ]
        await pilot.press("u")  # undo the removal
        await pilot.pause()
        assert labels() == before
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


def test_every_binding_is_pressed_here() -> None:
    """A binding added without a test here fails this list (and so asks for one)."""
    from runjournal.tui.screens.form import FormScreen

    keys = {
        (owner.__name__, key)
        for owner in (
            RunJournalApp,
            HistoryScreen,
            SettingsScreen,
            FormScreen,
            LegDayForm,
            ConfirmDialog,
            SorenessDialog,
            HelpScreen,
            Checklist,
            TrendsScreen,
            ImportScreen,
        )
        for binding in owner.BINDINGS
        for key in binding.key.split(",")  # type: ignore[union-attr]
    }
    assert keys == {
        *(("RunJournalApp", k) for k in "t l r c h s w i question_mark q".split()),
        *(("HistoryScreen", k) for k in "e d delete u o O g G 1 2 3 slash escape".split()),
        ("SettingsScreen", "delete"),
        ("SettingsScreen", "x"),
        ("SettingsScreen", "u"),
        ("SettingsScreen", "escape"),
        ("SorenessDialog", "f"),  # pressed in tests/tui/test_first_weeks.py
        # i and the Import screen's keys are pressed in tests/tui/test_import_screen.py.
        *(("ImportScreen", k) for k in "escape r enter backspace a".split()),
        ("FormScreen", "ctrl+s"),
        ("FormScreen", "escape"),
        ("LegDayForm", "ctrl+n"),
        ("ConfirmDialog", "y"),
        ("ConfirmDialog", "n"),
        ("ConfirmDialog", "escape"),
        ("SorenessDialog", "escape"),
        ("HelpScreen", "escape"),
        ("HelpScreen", "question_mark"),
        ("Checklist", "space"),
        # w, [ ] and escape of Trends are pressed in tests/tui/test_trends.py.
        ("TrendsScreen", "left_square_bracket"),
        ("TrendsScreen", "right_square_bracket"),
        ("TrendsScreen", "escape"),
    }


async def test_history_week_summary_counts_monday_to_sunday(app: RunJournalApp) -> None:
    monday = date(2026, 11, 16)
    app.journal.add(Run(monday - DAY, 21_000, 7200))  # the Sunday before: not this week
    app.journal.add(Run(monday, 5_000, 1800))
    app.journal.add(Run(monday + 6 * DAY, 10_000, 3600))  # Sunday
    app.journal.add(LegDay(monday + 6 * DAY, 2700, 7))
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot)
        status = str(app.screen.query_one("#history-status", Static).render())
        assert status.startswith("16–22 Nov: 15.00 km · 1:30 h run · 1 leg day "), status
