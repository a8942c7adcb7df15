"""Where the journal lives: --db, then RUNJOURNAL_DB, then the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "RUNJOURNAL_DB"


def data_dir() -> Path:
    import platformdirs  # only needed when neither --db nor the env var is given

    return Path(platformdirs.user_data_dir("runjournal", appauthor=False))


def journal_path(db_option: str | os.PathLike[str] | None = None) -> Path:
    """The journal file to open; the --db option wins over the environment."""
    if db_option:
        return Path(db_option).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return data_dir() / "journal.db"
