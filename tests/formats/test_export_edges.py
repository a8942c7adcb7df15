"""Where `write_export` writes: through links, into pipes and terminals, never a socket."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.checklist import ChecklistItem
from runjournal.domain.entries import Run
from runjournal.domain.errors import InputError
from runjournal.domain.settings import Settings
from runjournal.formats.export import write_export
from runjournal.store import Journal


def _refusal(journal: Journal, path: Path) -> tuple[str, str]:
    with pytest.raises(InputError) as refused:
        write_export(journal, "json", path)
    return refused.value.field, refused.value.message


def _non_ascii_journal(journal: Journal) -> None:
    journal.add(Run(date(2026, 11, 1), 5000, 1800, notes="café"))
    journal.save_settings(Settings(import_folders="/media/Müller"))
    journal.save_checklist_items("ready", [ChecklistItem("s", "ready", "Étirements", 0)])


def test_a_folder_is_refused_with_a_file_name_to_use(journal: Journal, tmp_path: Path) -> None:
    assert _refusal(journal, tmp_path) == (
        "output", f"{tmp_path} is a folder; give a file name, e.g. {tmp_path}/journal.json"
    )  # fmt: skip


def test_a_path_under_a_file_cannot_be_used(journal: Journal, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    path = tmp_path / "plain" / "x.json"
    assert _refusal(journal, path) == ("output", f"cannot use {path}: Not a directory")


def test_a_socket_is_refused(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert _refusal(journal, path) == (
            "output", f"{path} is not a regular file, a pipe or a terminal"
        )  # fmt: skip


def test_an_existing_export_is_replaced(journal: Journal, tmp_path: Path) -> None:
    journal.add(Run(date(2026, 11, 1), 5000, 1800))
    path = tmp_path / "export.json"
    path.write_text("old and longer than nothing", encoding="utf-8")
    assert write_export(journal, "json", path) == 1
    assert json.loads(path.read_text(encoding="utf-8"))["entries"][0]["distance_km"] == 5


def test_a_link_stays_a_link_and_its_file_is_replaced(journal: Journal, tmp_path: Path) -> None:
    journal.add(Run(date(2026, 11, 1), 5000, 1800))
    target = tmp_path / "real.json"
    target.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert write_export(journal, "json", link) == 1
    assert link.is_symlink()
    assert link.readlink() == target
    assert len(json.loads(target.read_text(encoding="utf-8"))["entries"]) == 1


def test_a_link_to_a_missing_file_creates_that_file(journal: Journal, tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert write_export(journal, "csv", link) == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("kind,")


def test_a_named_pipe_is_written_into_as_utf8(
    journal: Journal, tmp_path: Path, ascii_locale: None
) -> None:
    _non_ascii_journal(journal)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    # The reading end is held open first (without waiting for a writer), so the export's
    # open of the pipe finds a reader at once; one entry fits in the pipe's buffer.
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        count = write_export(journal, "csv", pipe)
        chunks = []
        while chunk := os.read(reader, 65536):  # b"" once the export has closed it
            chunks.append(chunk)
    finally:
        os.close(reader)
    assert count == 1
    text = b"".join(chunks).decode("utf-8")
    assert pipe.exists()
    assert not pipe.is_file()  # still the pipe
    assert text.startswith("kind,")
    assert text.endswith("\r\n")
    assert "\r\r" not in text
    assert ",café," in text


def test_a_terminal_like_device_is_written_into(journal: Journal) -> None:
    journal.add(Run(date(2026, 11, 1), 5000, 1800))
    assert write_export(journal, "csv", Path("/dev/null")) == 1
    assert Path("/dev/null").exists()


def test_an_export_file_is_utf8_whatever_the_locale(
    journal: Journal, tmp_path: Path, ascii_locale: None
) -> None:
    _non_ascii_journal(journal)
    path = tmp_path / "export.json"
    assert write_export(journal, "json", path) == 1
    text = path.read_bytes().decode("utf-8")
    assert '    "import_folders": "/media/Müller"\n' in text  # head: no \\u escapes
    assert '"notes": "café"' in text
    assert '"label": "Étirements"' in text  # checklist: no \\u escapes
    assert "\\u" not in text


def test_a_failed_export_leaves_no_temp_file_and_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    journal = Journal.open(tmp_path / "j.db")
    journal.close()  # reading it now fails half way through the export
    with pytest.raises(sqlite3.ProgrammingError):  # sqlite3's own error, not another
        write_export(journal, "json", folder / "export.json")
    assert list(folder.iterdir()) == []
