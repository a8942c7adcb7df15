"""What a screen needs of the running app, handed to it in its constructor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

from textual.screen import Screen

from ..services.day import DayView, day_view

if TYPE_CHECKING:
    from ..store import Journal

T = TypeVar("T")


class Writer(Protocol):
    """Runs one change to the journal; (True, result), or (False, None) once refused."""

    def __call__(self, what: str, change: Callable[[], T]) -> tuple[bool, T | None]: ...


class Session:
    """The open journal, the date treated as today, and how to change the journal.

    The app builds one and hands it to every screen, so screens never reach for the
    app class itself: they can be built and tested with any session.
    """

    def __init__(
        self,
        journal: Journal,
        today: Callable[[], date],
        *,
        write: Writer,
        changed: Callable[[], None],
        demo: bool = False,
    ) -> None:
        self.journal = journal
        self._today = today
        self.write = write
        self.changed = changed
        self.demo = demo

    @property
    def today(self) -> date:
        """The local date the app treats as today."""
        return self._today()

    def view(self, day: date | None = None) -> DayView:
        """The advice and checklist for `day` (today by default), as `advise` sees it."""
        return day_view(self.journal, day or self.today)


class SessionScreen(Screen[None]):
    """A screen built from the session it shows."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
