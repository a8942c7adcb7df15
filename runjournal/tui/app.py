"""RunJournalApp: the journal in a terminal, Today first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from ..domain.advisor import STATUS_LABELS
from ..domain.entries import Entry
from ..domain.settings import THEMES
from ..services.day import DayView
from ..store import Journal, JournalError, as_journal_error
from ..text import shown
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
        Binding("i", "import_files", "Import"),
        Binding("s", "go('settings')", "Settings"),
        Binding("w", "go('trends')", "Trends"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "leave", "Quit"),
    ]
    POLL_SECONDS = 1.5
    WATCH_SECONDS = 180.0  # how often the `import_folders` folders are looked at

    def __init__(
        self, journal: Journal, *, today: date | Callable[[], date], demo: bool = False
    ) -> None:
        """`today` is a fixed date (tests, screenshots) or a clock to read it from: with a
        clock, the app moves on to the next day at midnight (header, Today, check-in and
        the forms' default dates)."""
        self.journal = journal
        self._clock: Callable[[], date] = today if callable(today) else (lambda: today)
        self._shown_day = self._clock()
        self.demo = demo
        self.session = Session(
            journal, lambda: self.today, write=self.write, changed=self.journal_changed, demo=demo
        )
        self.startup_warnings: list[str] = []
        super().__init__()
        # The palette's Theme command offers only the themes Settings and `config set
        # theme` offer: the ones whose status colours were checked to read well. One
        # list everywhere, so a theme picked anywhere is the one saved.
        for name in list(self.available_themes):
            if name not in THEMES:
                self.unregister_theme(name)
        self._data_version = journal.data_version()
        # Today is the base screen, always at the bottom of the stack; History and
        # Settings are imported and built the first time someone goes there, kept, and
        # pushed on top of Today, so start-up loads and builds Today only. (Named modes
        # would also do, but entering a new mode at start-up makes Textual re-read and
        # re-apply all CSS: about a third of the time to the first frame.)
        self._places: dict[str, Screen[None]] = {}
        from .watching import FolderWatch

        self.folder_watch = FolderWatch(self, self.session)

    def _print_error_renderables(self) -> None:
        # After a crash the launcher prints one line naming a report file: Textual's own
        # traceback shows local variables, which hold journal text, on the terminal.
        if self._exception is None:
            super()._print_error_renderables()
        else:
            self._exit_renderables.clear()

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

    @property
    def today(self) -> date:
        """The local date the app treats as today, read from its clock."""
        return self._clock()

    def _show_day(self) -> None:
        self.sub_title = self._shown_day.strftime("%a %d %b %Y") + (
            "  ·  demo" if self.demo else ""
        )

    def on_mount(self) -> None:
        self.theme = self.journal.settings().theme
        self._show_day()
        self.set_interval(self.POLL_SECONDS, self._poll_journal)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=10)
        self.folder_watch.start(self.WATCH_SECONDS)

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
        self.notify(
            f"{what} failed: {problem}",
            title="Not saved",
            severity="error",
            timeout=8,
            markup=False,
        )
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
        day = self.today
        if day != self._shown_day:  # past midnight: a new day, with its own advice
            self._shown_day = day
            self._show_day()
            self.journal_changed()
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
        self.folder_watch.folders_changed()

    def _all_screens(self) -> Iterable[Screen[object]]:
        # Screens not on the stack (History after going back to Today) re-read the
        # journal when they are shown again.
        yield from self.screen_stack

    # Actions -------------------------------------------------------------------

    # Keys that leave what is on screen: off while a form or a dialog is open, so a
    # stray letter never throws away what someone was typing.
    # (ctrl+q, Textual's own quit, always works: that one is never typed by accident.)
    NAVIGATION = frozenset(
        {"go", "log_leg", "log_run", "checkin", "checkin_form", "help", "leave", "import_files"}
    )

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

    def action_checkin_form(self) -> None:
        """The whole check-in form: any date, with notes (a backfill)."""
        from .screens.checkin_form import CheckinForm

        self.push_screen(CheckinForm(self.session))

    def _save_soreness(self, soreness: int | None) -> None:
        if soreness is None:
            return
        from ..domain.entries import Checkin
        from .screens.soreness import SorenessDialog

        if soreness == SorenessDialog.FULL_FORM:
            self.action_checkin_form()
            return

        current = self.journal.checkin_on(self.today)
        notes = current.notes if current else ""  # changing the number keeps the words
        saved, _ = self.write(
            "Check-in", lambda: self.journal.add(Checkin(self.today, soreness, notes))
        )
        if not saved:
            return
        status = STATUS_LABELS[self.view().advice.status].lower()
        self.notify(f"Soreness {soreness}/10 saved. Today: {status}.", title="Check-in")
        self.journal_changed()

    def action_import_files(self) -> None:
        from .screens.import_screen import ImportScreen

        self.push_screen(ImportScreen(self.session))

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
        from .palette import app_commands, textual_commands

        if not self._holds_input(screen):
            yield from app_commands(self)
        yield from textual_commands(super().get_system_commands(screen))

    def action_export(self) -> None:
        """Export the journal as JSON into the backups folder, and say where."""
        from ..services.journal import export_copy

        done, made = self.write("Export", lambda: export_copy(self.journal, self.today))
        if done and made is not None:
            where = shown(str(made[0]))  # a path is text: never markup, controls escaped
            self.notify(
                f"Exported {made[1]} entries to {where}", title="Export", timeout=10, markup=False
            )

    def action_backup(self) -> None:
        """Copy the journal into its backups folder now, and say where."""
        from ..services.journal import backup_copy

        now = datetime.now()  # noqa: DTZ005 - a local time for a file name
        done, dest = self.write("Backup", lambda: backup_copy(self.journal, now))
        if done and dest is not None:
            where = shown(str(dest))
            self.notify(f"Backed up to {where}", title="Backup", timeout=10, markup=False)
