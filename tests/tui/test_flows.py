"""The app driven by key presses, as a person would, on a real journal file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from runjournal.domain.entries import LegDay, Run
from runjournal.store import Journal
from runjournal.tui.app import RunJournalApp
from runjournal.tui.screens.history import HistoryScreen
from runjournal.tui.widgets.checklist import Checklist
from runjournal.tui.widgets.history_table import HistoryTable
from runjournal.tui.widgets.status_banner import StatusBanner

from .conftest import TODAY, cursor_to

SIZES = [(100, 30), (80, 24)]


def banner_text(app: RunJournalApp) -> str:
    return str(app.screen.query_one(StatusBanner).render())


async def type_into(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    await pilot.pause()
    await pilot.press(*text) if text else None


@pytest.mark.parametrize("size", SIZES)
async def test_logging_a_leg_day_with_two_exercises_changes_today(
    app: RunJournalApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        assert "NORMAL TRAINING" in banner_text(app)
        await pilot.press("l")
        await type_into(pilot, "#date", "")
        app.screen.query_one("#date", Input).value = "yesterday"
        await type_into(pilot, "#duration", "60")
        await type_into(pilot, "#rpe", "9")
        rows = app.screen.query(".exercise-row")
        name, sets, reps, weight = rows.first().query(Input)
        name.focus()
        await pilot.press(*"back squat", "tab", "5", "tab", "5", "tab", *"100")
        await pilot.press("ctrl+n")
        await pilot.pause()
        second = list(app.screen.query(".exercise-row"))[-1]
        second.query(Input).first().focus()
        await pilot.press(*"walking lunges", "tab", "3", "tab", *"12")
        feedback = str(app.screen.query_one("#load-feedback", Static).render())
        assert "HARD" in feedback
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "EASY RECOVERY RUN" in banner_text(app)
    legs = app.journal.entries("leg")
    assert len(legs) == 1
    leg = legs[0]
    assert isinstance(leg, LegDay)
    assert leg.date == TODAY - timedelta(days=1)
    assert [(e.name, e.sets, e.reps, e.weight_g) for e in leg.exercises] == [
        ("back squat", 5, 5, 100_000),
        ("walking lunges", 3, 12, None),
    ]


async def test_an_invalid_distance_shows_an_error_and_writes_nothing(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await type_into(pilot, "#distance", "0")
        await type_into(pilot, "#duration", "30:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#field-distance .error", Static)
        assert "more than 0 km" in str(error.render())
        assert app.screen.focused is app.screen.query_one("#distance", Input)
        await pilot.press("escape")
    assert app.journal.entries("run") == []


async def test_a_logged_run_appears_in_history(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await type_into(pilot, "#distance", "8.2")
        await type_into(pilot, "#duration", "52:30")
        assert "6:24/km" in str(app.screen.query_one("#pace", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(HistoryTable)
        assert table.row_count == 1
        assert table.get_row_at(0)[3] == "8.20 km"


async def test_warning_before_saving_a_tempo_run_on_a_recovery_day(
    demo_app: RunJournalApp,
) -> None:
    async with demo_app.run_test(size=(100, 30)) as pilot:
        before = len(demo_app.journal.entries("run"))
        await pilot.press("r")
        await type_into(pilot, "#distance", "10")
        await type_into(pilot, "#duration", "45:00")
        demo_app.screen.query_one("#type").value = "tempo"  # type: ignore[attr-defined]
        await pilot.pause()
        warning = str(demo_app.screen.query_one("#advice-warning", Static).render())
        assert "easy recovery run" in warning
        assert "tempo" in warning
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")  # do not save
        await pilot.pause()
        assert len(demo_app.journal.entries("run")) == before
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(demo_app.journal.entries("run")) == before + 1


async def test_ticks_persist_after_restarting_the_app(demo_app: RunJournalApp) -> None:
    async with demo_app.run_test(size=(100, 30)) as pilot:
        checklist = demo_app.screen.query_one(Checklist)
        assert checklist.has_focus
        await pilot.press("space", "down", "enter", "down", "space", "space")
        await pilot.pause()
        assert checklist.border_subtitle == "2/6 done"
    path = demo_app.journal.path
    assert path is not None
    with Journal.open(path) as journal:
        again = RunJournalApp(journal, today=TODAY)
        async with again.run_test(size=(100, 30)) as pilot:
            checklist = again.screen.query_one(Checklist)
            assert [item.done for item in checklist.items] == [
                True,
                True,
                False,
                False,
                False,
                False,
            ]
            await pilot.press("space")  # untick the first
            await pilot.pause()
        assert journal.ticks(TODAY) == {"mobility"}


async def test_soreness_in_one_keystroke_reruns_the_advisor(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c", "9")
        await pilot.pause()
        assert "REST" in banner_text(app)
        await pilot.press("c", "5")
        await pilot.pause()
        assert "EASY RECOVERY RUN" in banner_text(app)
    checkin = app.journal.checkin_on(TODAY)
    assert checkin is not None
    assert checkin.soreness == 5


async def test_edit_and_delete_from_history(demo_app: RunJournalApp) -> None:
    async with demo_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        table = demo_app.screen.query_one(HistoryTable)
        first = table.current
        assert isinstance(first, Run)
        await pilot.press("enter")
        await pilot.pause()
        field = demo_app.screen.query_one("#distance", Input)
        field.value = "21.1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, HistoryScreen)
        edited = demo_app.journal.get("run", first.id or 0)
        assert isinstance(edited, Run)
        assert edited.distance_m == 21_100
        assert table.get_row_at(0)[3] == "21.10 km"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert demo_app.journal.get("run", first.id or 0) is None
        assert table.current is not None
        assert table.current.id != first.id


async def test_changing_a_setting_changes_the_advice(demo_app: RunJournalApp) -> None:
    async with demo_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        minutes = demo_app.screen.query_one("#recovery_run_max_minutes", Input)
        minutes.value = "20"
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "≤ 20 min" in str(demo_app.screen.query_one("#guidance", Static).render())
    assert demo_app.journal.settings().recovery_run_max_minutes == 20


async def test_history_pages_through_a_large_journal(tmp_path: Path) -> None:
    start = TODAY - timedelta(days=999)
    with Journal.open(tmp_path / "big.db") as journal:
        journal.import_all(
            Run(start + timedelta(days=n), 5000 + n, 1800 + n, "easy") for n in range(1000)
        )
        app = RunJournalApp(journal, today=TODAY)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("h")
            await pilot.pause()
            table = app.screen.query_one(HistoryTable)
            assert table.row_count == 100
            assert table.current is not None
            assert table.current.date == TODAY
            await pilot.press("G")
            await pilot.pause()
            assert table.current is not None
            assert table.current.date == start
            await pilot.press("g")
            await cursor_to(pilot, table, 150)
            assert table.current is not None
            assert table.current.date == TODAY - timedelta(days=150)
            assert table.row_count <= 300
            await pilot.press("o")  # sort by distance, longest first
            await pilot.pause()
            assert table.current is not None
            assert table.current.distance_m == 5999


def test_today_agrees_with_the_cli(demo_app: RunJournalApp) -> None:
    """The status, reasons and checklist on screen match `runjournal advise --json`."""
    import asyncio

    async def screen_view() -> tuple[str, list[str], list[str]]:
        async with demo_app.run_test(size=(100, 30)):
            reasons = str(demo_app.screen.query_one("#reasons", Static).render())
            labels = [item.label for item in demo_app.screen.query_one(Checklist).items]
            return banner_text(demo_app), reasons.splitlines(), labels

    banner, reasons, labels = asyncio.run(screen_view())
    path = demo_app.journal.path
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "runjournal",
            "--db",
            str(path),
            "advise",
            "--json",
            "--date",
            TODAY.isoformat(),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    advice = json.loads(result.stdout)
    assert advice["status"].replace("_", " ").upper() in banner
    assert [r.removeprefix("• ") for r in reasons] == advice["reasons"]
    assert labels == [item["label"] for item in advice["checklist"]]


async def test_typing_through_the_leg_form_never_leaves_it(app: RunJournalApp) -> None:
    """Tab from field to field and type words with q, t, h, s in them: still the form."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        await pilot.press(*"60", "tab", "9", "tab", "space", "tab")
        await pilot.press(*"back squat", "tab", "5", "tab", "5", "tab", *"100", "tab")
        assert app.screen.query_one("#duration", Input).value == "60"
        name = app.screen.query(".exercise-row Input").first()
        assert isinstance(name, Input)
        assert name.value == "back squat"
        await pilot.press("q", "t", "h", "s")  # on the remove button: nothing happens
        assert type(app.screen).__name__ == "LegDayForm"
        assert app.is_running


async def test_the_open_app_sees_entries_logged_from_the_cli(app: RunJournalApp) -> None:
    """Another process logs a leg day: Today and History refresh on their own."""
    app.POLL_SECONDS = 0.1
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(HistoryTable)
        assert table.row_count == 0
        subprocess.run(
            [
                sys.executable,
                "-m",
                "runjournal",
                "log",
                "leg",
                "--duration",
                "60",
                "--rpe",
                "9",
                "--date",
                (TODAY - timedelta(days=1)).isoformat(),
            ],
            check=True,
            capture_output=True,
        )
        for _ in range(50):
            await pilot.pause(0.1)
            if table.row_count:
                break
        assert table.row_count == 1
        await pilot.press("t")
        await pilot.pause()
        assert "EASY RECOVERY RUN" in banner_text(app)


async def test_a_locked_journal_keeps_the_form_and_says_why(isolated_journal: Path) -> None:
    """Another program holds the write lock past the busy timeout: nothing is lost."""
    import sqlite3

    journal = Journal.open(isolated_journal, busy_timeout=0.2)
    app = RunJournalApp(journal, today=TODAY)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("r")
        await type_into(pilot, "#distance", "5")
        await type_into(pilot, "#duration", "30:00")
        blocker = sqlite3.connect(isolated_journal, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "RunForm"
        assert app.screen.query_one("#distance", Input).value == "5"
        messages = [n.message for n in app._notifications]
        assert any("locked" in m for m in messages)
        blocker.execute("ROLLBACK")
        blocker.close()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "TodayScreen"
    assert len(journal.entries("run")) == 1
    journal.close()


async def test_a_theme_chosen_in_settings_is_kept(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#theme").value = "textual-light"  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.theme == "textual-light"
        app.theme = "nord"  # as the command palette's "Change theme" does
        await pilot.pause()
    assert app.journal.settings().theme == "nord"
