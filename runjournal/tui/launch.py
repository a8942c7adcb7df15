"""Opening the app from the command line (imported lazily: it pulls in Textual)."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def launch(path: Path, today: date, *, demo: bool) -> None:
    print("The app is not built yet; use the commands in `runjournal --help`.")
