"""The command line's one door into the app (Textual is imported only through it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path


def open_app(
    path: Path, today: date, *, demo: bool, clock: Callable[[], date] | None = None
) -> None:
    """Open the TUI on the journal at `path` (or a throw-away demo journal).

    With a `clock` (the wall clock, not a date handed in), the app moves on to the
    next day at midnight.
    """
    from ..tui.launch import launch

    launch(path, today, demo=demo, clock=clock)
