"""Watched folders (services/watch.py): which files are new, and importing them."""

from __future__ import annotations

import os
from pathlib import Path

from runjournal.services.watch import import_new_files, list_files, new_files
from runjournal.store import Journal

from ..conftest import TODAY

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
    '2026-11-20 18:00:00,"Legs",1h,"Squat (Barbell)",1,100.0,5.0,0,0.0,8\n'
)


def test_hidden_names_links_and_missing_folders(tmp_path: Path) -> None:
    (tmp_path / "a" / ".sync").mkdir(parents=True)
    (tmp_path / "a" / "run.fit").write_bytes(b"x")
    (tmp_path / "a" / "._run.fit").write_bytes(b"macOS shadow")
    (tmp_path / "a" / ".sync" / "state.fit").write_bytes(b"hidden folder")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    found = [p.name for p, _ in list_files([tmp_path / "a", tmp_path / "unplugged"])]
    assert found == ["run.fit"]


def test_a_file_is_new_until_read_and_again_once_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "w" / "s.csv"
    path.parent.mkdir()
    path.write_text(STRONG)
    first = new_files([path.parent], {})
    assert list(first) == [str(path)]
    assert new_files([path.parent], first) == {}
    path.write_text(STRONG + STRONG.splitlines()[1] + "\n")  # a sync that finished later
    os.utime(path, ns=(1, 2))
    assert list(new_files([path.parent], first)) == [str(path)]


def test_import_new_files_one_bad_file_does_not_hold_back_the_others(
    journal: Journal, tmp_path: Path
) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "strong.csv").write_text(STRONG)
    (folder / "notes.txt").write_text("not an export")
    summary = import_new_files(journal, str(folder), TODAY)
    assert summary is not None
    assert summary.added["leg"] == 1
    [(name, why)] = summary.unreadable
    assert name == str(folder / "notes.txt")
    assert why
    assert not why.startswith(name)  # named once, not twice
    assert journal.count("leg") == 1
    assert import_new_files(journal, str(folder), TODAY) is None  # nothing new
    assert set(journal.seen_files()) == {str(folder / "notes.txt"), str(folder / "strong.csv")}
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "strong.csv"]


def test_what_was_seen_outlives_the_app(isolated_journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "broken.fit").write_bytes(b"\x0e\x10 not really")
    with Journal.open(isolated_journal) as journal:
        first = import_new_files(journal, str(folder), TODAY)
    assert first is not None
    assert len(first.unreadable) == 1
    with Journal.open(isolated_journal) as journal:  # the next day, the app opens again
        assert import_new_files(journal, str(folder), TODAY) is None


def test_the_journal_in_a_watched_folder_is_left_alone(
    isolated_journal: Path, journal: Journal, tmp_path: Path
) -> None:
    (tmp_path / "backups").mkdir()
    journal.backup_to(tmp_path / "backups" / "journal-2026-11-24.db")
    (tmp_path / "journal.db.v1-20261124T071200.bak").write_bytes(b"an upgrade copy")
    (tmp_path / "strong.csv").write_text(STRONG)
    summary = import_new_files(journal, str(tmp_path), TODAY)
    assert summary is not None
    assert summary.files == 1
    assert list(journal.seen_files()) == [str(tmp_path / "strong.csv")]
