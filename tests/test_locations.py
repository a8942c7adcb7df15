"""Where the journal lives: --db, then RUNJOURNAL_DB, then the user data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from runjournal.locations import journal_path


def test_db_option_wins(tmp_path: Path) -> None:
    assert journal_path(str(tmp_path / "a.db")) == tmp_path / "a.db"


def test_environment_next(isolated_journal: Path) -> None:
    assert journal_path(None) == isolated_journal
    assert journal_path("") == isolated_journal


def test_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RUNJOURNAL_DB", "~/j.db")
    assert journal_path(None) == tmp_path / "home" / "j.db"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is the Linux data folder")
def test_data_folder_last(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("RUNJOURNAL_DB")
    assert journal_path(None) == tmp_path / "xdg-data" / "runjournal" / "journal.db"
