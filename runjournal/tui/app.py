"""RunJournalApp: the journal in a terminal, Today first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from ..domain.entries import Entry
from ..domain.settings import THEMES
from ..services.day import DayView
from ..store import Journal, JournalError, as_journal_error
from .messages import JournalChanged
from .session import Session

T = TypeVar("T")


class RunJournalApp(App[None]):
    """The app, built from an open journal and the date it treats as today."""

    TITLE = "runjournal"
    CSS_PATH = "runjournal.tcss"
    # Classes on every screen by size, so the stylesheet can tighten at 80x24.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (28, "-tall")]
    BINDINGS = [
        Binding("t", "go('today')", "Today"),
        Binding("l", "log_leg", "Legs"),
        Binding("r", "log_run", "Run"),
        Binding("c", "checkin", "Check-in"),
        Binding("h", "go('history')", "History"),
        Binding("s", "go('settings')", "Settings"),
        Binding("w", "go('trends')", "Trends"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "leave", "Quit"),
    ]
    POLL_SECONDS = 1.5

    def __init__(self, journal: Journal, *, today: date, demo: bool = False) -> None:
        self.journal = journal
        self.today = today
        self.demo = demo
        self.session = Session(
            journal, lambda: self.today, write=self.write, changed=self.journal_changed, demo=demo
        )
        self.startup_warnings: list[str] = []
        super().__init__()
        self._data_version = journal.data_version()
        # Today is the base screen, always at the bottom of the stack; History and
        # Settings are imported and built the first time someone goes there, kept, and
        # pushed on top of Today, so start-up loads and builds Today only. (Named modes
        # would also do, but entering a new mode at start-up makes Textual re-read and
        # re-apply all CSS: about a third of the time to the first frame.)
        self._places: dict[str, Screen[None]] = {}

    def get_default_screen(self) -> Screen[None]:
        from .screens.today import TodayScreen

        return TodayScreen(self.session)

    def _history(self) -> Screen[None]:
        from .screens.history import HistoryScreen

        return HistoryScreen(self.session)

    def _settings(self) -> Screen[None]:
        from .screens.settings import SettingsScreen

        return SettingsScreen(self.session)

    def _trends(self) -> Screen[None]:
        from .screens.trends import TrendsScreen

        return TrendsScreen(self.session)

    def _place_screen(self, place: str) -> str:
        """The name of the kept screen for History or Settings, built on first use.

        Installed, so that going back to Today keeps it (with its cursor and filters).
        """
        if place not in self._places:
            factory = {
                "history": self._history,
                "settings": self._settings,
                "trends": self._trends,
            }[place]
            self._places[place] = factory()
            self.install_screen(self._places[place], name=place)
        return place

    def on_mount(self) -> None:
        self.theme = self.journal.settings().theme
        self.sub_title = self.today.strftime("%a %d %b %Y") + ("  ·  demo" if self.demo else "")
        self.set_interval(self.POLL_SECONDS, self._poll_journal)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=10)

    def write(self, what: str, change: Callable[[], T]) -> tuple[bool, T | None]:
        """Run one change to the journal; if the journal refuses it, say so and go on.

        Returns (True, the change's result), or (False, None) when it was not made (the
        journal is locked past the busy timeout, the disk is full, the entry was deleted
        elsewhere): the screen stays as it was, so nothing typed is lost.
        """
        try:
            return True, change()
        except sqlite3.Error as error:
            problem = str(as_journal_error(error, self.journal.path or "journal"))
        except (JournalError, KeyError) as error:
            problem = str(error).strip("'\"")
        self.bell()
        self.notify(f"{what} failed: {problem}", title="Not saved", severity="error", timeout=8)
        return False, None

    def _remember_theme(self, theme: Theme) -> None:
        """A theme picked anywhere (Settings or the palette) is kept for next time."""
        settings = self.journal.settings()
        if theme.name in THEMES and theme.name != settings.theme:
            self.write(
                "Saving the theme",
                lambda: self.journal.save_settings(settings.with_value("theme", theme.name)),
            )

    def view(self, day: date | None = None) -> DayView:
        """Today's (or `day`'s) advice and checklist, exactly as `runjournal advise` sees it."""
        return self.session.view(day)

    # Keeping views in step with the journal --------------------------------------

    def _poll_journal(self) -> None:
        # data_version moves only when another connection commits: a CLI `log` while
        # the app is open shows up here within a poll.
        try:
            version = self.journal.data_version()
        except sqlite3.Error:
            return  # a passing lock; the next poll tries again
        if version != self._data_version:
            self._data_version = version
            self.journal_changed()

    def journal_changed(self) -> None:
        """Tell every open screen that the journal changed."""
        for screen in self._all_screens():
            screen.post_message(JournalChanged())

    def _all_screens(self) -> Iterable[Screen[object]]:
        # Screens not on the stack (History after going back to Today) re-read the
        # journal when they are shown again.
        yield from self.screen_stack

    # Actions -------------------------------------------------------------------

    # Keys that leave what is on screen: off while a form or a dialog is open, so a
    # stray letter never throws away what someone was typing.
    # (ctrl+q, Textual's own quit, always works: that one is never typed by accident.)
    NAVIGATION = frozenset({"go", "log_leg", "log_run", "checkin", "help", "leave"})

    @staticmethod
    def _holds_input(screen: Screen[object]) -> bool:
        """A form or a dialog: leaving it would throw away what is typed or asked."""
        from textual.screen import ModalScreen

        from .screens.form import FormScreen

        return isinstance(screen, FormScreen | ModalScreen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.NAVIGATION and self._holds_input(self.screen):
            return False
        if action == "go" and parameters and parameters[0] == self.place:
            return False  # already there: keep the footer short
        return True

    @property
    def place(self) -> str:
        """Where the user is: "today", "history" or "settings" (under any dialog)."""
        top = self.screen_stack[1] if len(self.screen_stack) > 1 else self.screen
        return next((name for name, screen in self._places.items() if screen is top), "today")

    def action_go(self, place: str) -> None:
        """Show Today, History or Settings: back to Today, then the other on top of it."""
        if place == self.place:
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if place != "today":
            self.push_screen(self._place_screen(place))

    def action_log_leg(self, entry: Entry | None = None) -> None:
        from .screens.leg_form import LegDayForm

        self.push_screen(LegDayForm(self.session, entry))

    def action_log_run(self, entry: Entry | None = None) -> None:
        from .screens.run_form import RunForm

        self.push_screen(RunForm(self.session, entry))

    def action_checkin(self) -> None:
        from .screens.soreness import SorenessDialog

        current = self.journal.checkin_on(self.today)
        self.push_screen(
            SorenessDialog(self.today, current.soreness if current else None),
            self._save_soreness,
        )

    def _save_soreness(self, soreness: int | None) -> None:
        if soreness is None:
            return
        from ..domain.entries import Checkin

        current = self.journal.checkin_on(self.today)
        notes = current.notes if current else ""  # changing the number keeps the words
        saved, _ = self.write(
            "Check-in", lambda: self.journal.add(Checkin(self.today, soreness, notes))
        )
        if not saved:
            return
        status = self.view().advice.status.replace("_", " ")
        self.notify(f"Soreness {soreness}/10 saved. Today: {status}.", title="Check-in")
        self.journal_changed()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_leave(self) -> None:
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the app, searchable in the command palette (ctrl+p).

        From a form or a dialog only Textual's own commands are offered: going elsewhere
        would throw away what is being typed, as the keys would (see check_action).
        """
        if self._holds_input(screen):
            yield from super().get_system_commands(screen)
            return
        yield SystemCommand(
            "Today", "What today is for, and the warm-up", partial(self.action_go, "today")
        )
        yield SystemCommand("Log leg day", "Add a leg day", self.action_log_leg)
        yield SystemCommand("Log run", "Add a run", self.action_log_run)
        yield SystemCommand(
            "Soreness check-in", "How sore are your legs today?", self.action_checkin
        )
        yield SystemCommand(
            "History", "Review, fix and delete entries", partial(self.action_go, "history")
        )
        yield SystemCommand(
            "Trends",
            "Weekly distance and load, soreness, your recovery, records",
            partial(self.action_go, "trends"),
        )
        yield SystemCommand(
            "Settings",
            "Profile, units, warm-up checklist, theme",
            partial(self.action_go, "settings"),
        )
        yield SystemCommand("Help", "Keys, and how the advisor decides", self.action_help)
        yield from super().get_system_commands(screen)
