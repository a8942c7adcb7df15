"""Every test gets its own journal path: nothing ever touches the real journal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from runjournal.store import Journal

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def isolated_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point RUNJOURNAL_DB (and the data dirs) at a temporary path for every test."""
    path = tmp_path / "journal.db"
    monkeypatch.setenv("RUNJOURNAL_DB", str(path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # The caller's terminal size is not the test's: pytest-xdist workers get COLUMNS=80
    # and LINES=24, which Rich and Textual honour over everything else.
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    return path


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def journal(isolated_journal: Path) -> Iterator[Journal]:
    with Journal.open(isolated_journal) as opened:
        yield opened
