"""The command palette's list (ctrl+p): every action of the app, searchable."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from .app import RunJournalApp

# Textual's own commands that mean something to someone keeping a journal: the theme
# and quitting. Maximize, Screenshot and Keys only crowd the list.
KEPT_TEXTUAL_COMMANDS = frozenset({"Theme", "Quit"})


def app_commands(app: RunJournalApp) -> Iterator[SystemCommand]:
    """The app's own actions, in the order a person looks for them."""
    go = app.action_go
    yield SystemCommand("Today", "What today is for, and the warm-up", partial(go, "today"))
    yield SystemCommand("Log leg day", "Add a leg day", app.action_log_leg)
    yield SystemCommand("Log run", "Add a run", app.action_log_run)
    yield SystemCommand("Soreness check-in", "How sore are your legs today?", app.action_checkin)
    yield SystemCommand(
        "Check-in for another day",
        "Soreness and notes for any date (backfill)",
        app.action_checkin_form,
    )
    yield SystemCommand("History", "Review, fix and delete entries", partial(go, "history"))
    yield SystemCommand(
        "Trends",
        "Weekly distance and load, soreness, your recovery, records",
        partial(go, "trends"),
    )
    yield SystemCommand(
        "Settings (config)",
        "Profile, units, weight units, warm-up checklist, theme, folders to watch",
        partial(go, "settings"),
    )
    yield SystemCommand(
        "Import",
        "Bring in Strava, Garmin, Strong or Hevy files, or a folder of them",
        app.action_import_files,
    )
    yield SystemCommand("Export journal", "Write every entry to a JSON file", app.action_export)
    yield SystemCommand(
        "Back up now", "A consistent copy of the journal, beside the daily ones", app.action_backup
    )
    yield SystemCommand("Help", "Keys, and how the advisor decides", app.action_help)


def textual_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Of Textual's own commands, the ones kept (see KEPT_TEXTUAL_COMMANDS)."""
    return (command for command in commands if command.title in KEPT_TEXTUAL_COMMANDS)
