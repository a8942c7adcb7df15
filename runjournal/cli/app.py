"""The command line's one door into the app (Textual is imported only through it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def open_app(path: Path, today: date, *, demo: bool) -> None:
    """Open the TUI on the journal at `path` (or a throw-away demo journal)."""
    from ..tui.launch import launch

    launch(path, today, demo=demo)
