"""Issue 9 in the TUI: what a person typed or imported is shown as text, never run.

Every test holds `[/]` (a Rich closing tag with nothing to close: MarkupError),
`[bold]` (markup that would vanish) and escape sequences (that would clear the screen
or retitle the window) and asserts, on what the screen shows, that they appear as
typed, escaped (`^[`), and that the app is still running.
"""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr
from datetime import timedelta
from pathlib import Path

from textual.widgets import Input

from runjournal.domain.checklist import ChecklistItem
from runjournal.domain.entries import Exercise, LegDay, Run
from runjournal.store import Journal
from runjournal.tui import app as app_module
from runjournal.tui.app import RunJournalApp
from runjournal.tui.launch import run_reporting

from .conftest import TODAY

HOSTILE = "legs heavy [/] skipped [bold]strides \x1b[2J\x1b]0;pwned\x07 felt [great] today"
SHOWN = "legs heavy [/] skipped [bold]strides ^[[2J^[]0;pwned^G felt [great] today"


def screen_text(app: RunJournalApp) -> str:
    """Every cell of the screen as it would be drawn, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_literal(app: RunJournalApp, *fragments: str) -> None:
    text = screen_text(app)
    assert app.is_running
    assert "\x1b" not in text, text
    assert "\x07" not in text, text
    for fragment in fragments:
        assert fragment in text, (fragment, text)


async def test_a_note_with_markup_and_escapes_shows_literally_in_history(
    app: RunJournalApp,
) -> None:
    app.journal.add(Run(TODAY, 5000, 1800, notes=HOSTILE))
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert_literal(app, "legs heavy [/] skipped [bold]strides ^[[2J^[]0;pwned^G felt [great]")


async def test_an_exercise_name_with_markup_shows_literally_on_the_leg_days_tab(
    app: RunJournalApp,
) -> None:
    leg = LegDay(TODAY, 3600, 7, exercises=(Exercise("[/]squat [bold]\x1b[31m", 5, 5, 100_000),))
    app.journal.add(leg)
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("2")  # Leg days
        await pilot.pause()
        assert_literal(app, "[/]squat [bold]^[[31m 5x5@100kg")


async def test_markup_typed_into_the_run_forms_distance_is_quoted_literally(
    app: RunJournalApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#distance", Input).value = "[/]\x1b[2J"
        app.screen.query_one("#duration", Input).value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_literal(app, "'[/]^[[2J' is", "[/]␛[2J")  # the error; the input
    assert app.journal.is_empty()


async def test_markup_in_the_history_date_filter_is_quoted_literally(app: RunJournalApp) -> None:
    app.journal.add(Run(TODAY, 5000, 1800))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        since = app.screen.query_one("#since", Input)
        since.value = "[/]\x1b]0;x\x07"
        since.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert_literal(app, "[/]^[]0;x^G", "␛]0;x")  # the error; the input


async def test_a_checklist_item_with_markup_is_shown_on_settings_and_today_every_visit(
    app: RunJournalApp,
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#checklist-status").value = "normal_training"
        await pilot.pause()
        label = app.screen.query_one("#field-label Input", Input)
        label.value = "[/] stretch [bold]calves\x1b[2J"
        label.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert_literal(app, "[/] stretch [bold]calves^[[2J")
        await pilot.press("escape")
        await pilot.pause(0.2)
        await pilot.press("t")
        await pilot.pause()
        assert_literal(app, "[/] stretch [bold]calves^[[2J")
        await pilot.press("s")  # the visit that crashed every time, with no way out
        await pilot.pause()
        assert_literal(app, "[/] stretch [bold]calves^[[2J")
    labels = [i.label for i in app.journal.checklist_items()]
    assert "[/] stretch [bold]calves\x1b[2J" in labels  # stored exactly as typed


async def test_an_imported_checklist_label_and_id_show_literally_on_today(
    app: RunJournalApp,
) -> None:
    item = ChecklistItem("x\x1b[2J", "normal_training", "[/]jog \x1b]0;t\x07[bold]", 0)
    app.journal.import_all((), items=[item])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert_literal(app, "[/]jog ^[]0;t^G[bold]")


async def test_a_stored_note_with_escapes_is_drawn_as_pictures_in_the_edit_form(
    app: RunJournalApp,
) -> None:
    app.journal.add(Run(TODAY, 5000, 1800, notes=HOSTILE))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert_literal(app, "legs heavy [/] skipped [bold]strides ␛[2J␛]0;pwned")
        await pilot.press("ctrl+s")  # saved unchanged: the note is still exactly as stored
        await pilot.pause()
    stored = app.journal.history(["run"])
    assert [run.notes for run in stored] == [HOSTILE]


class _Broken(RunJournalApp):
    CSS_PATH = Path(app_module.__file__).with_name("runjournal.tcss")

    def on_mount(self) -> None:
        raise RuntimeError("forced crash for the test")


def test_a_crash_exits_1_with_one_line_naming_a_private_report(isolated_journal: Path) -> None:
    journal = Journal.open(isolated_journal)
    journal.add(Run(TODAY - timedelta(days=1), 5000, 1800, notes="a private note"))
    err = io.StringIO()
    with journal, redirect_stderr(err):
        code = run_reporting(_Broken(journal, today=TODAY), isolated_journal, headless=True)
    assert code == 1
    reports = list(isolated_journal.parent.glob("runjournal-crash-*.txt"))
    assert len(reports) == 1
    assert (reports[0].stat().st_mode & 0o777) == 0o600 or sys.platform == "win32"
    text = reports[0].read_text()
    assert "RuntimeError: forced crash for the test" in text
    assert "Traceback" in text
    assert "runjournal 0." in text
    assert "a private note" not in text  # no journal content beyond what the error names
    lines = err.getvalue().strip().splitlines()
    assert lines == [f"error: runjournal crashed; the report is in {reports[0]}"]
