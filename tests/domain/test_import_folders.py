"""The `import_folders` setting (SPEC §7): folders joined by os.pathsep, default empty."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from runjournal.cli import run
from runjournal.domain.errors import InputError
from runjournal.domain.settings import Settings, folder_paths, parse_folders
from runjournal.store import Journal

from ..conftest import TODAY

SEP = os.pathsep


def test_default_is_empty() -> None:
    assert Settings().import_folders == ""
    assert folder_paths("") == []


def test_absolute_and_home_folders_joined_by_the_path_separator() -> None:
    value = parse_folders(f" /media/WATCH {SEP}{SEP} ~/Sync/watch ")
    assert value == f"/media/WATCH{SEP}~/Sync/watch"
    assert folder_paths(value) == [Path("/media/WATCH"), Path("~/Sync/watch").expanduser()]


@pytest.mark.parametrize("bad", ["exports", f"/ok{SEP}relative/dir", "./here", "/a\x1bb"])
def test_relative_or_control_characters_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(InputError) as caught:
        Settings().with_value("import_folders", bad)
    assert caught.value.field == "import_folders"


def test_a_stored_bad_value_falls_back_to_none() -> None:
    assert Settings.from_stored({"import_folders": "relative"}).import_folders == ""


def test_config_set_and_show(
    isolated_journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folders = f"{tmp_path / 'a'}{SEP}~/watch"
    assert run(["config", "set", "import_folders", folders], today=TODAY) == 0
    assert capsys.readouterr().out == f"import_folders = {folders}\n"
    assert run(["config", "show", "--json"], today=TODAY) == 0
    assert json.loads(capsys.readouterr().out)["import_folders"] == folders
    assert not (tmp_path / "a").exists()  # nothing is created in (or as) a watched folder

    assert run(["config", "set", "import_folders", "downloads"], today=TODAY) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: import_folders: 'downloads' is not an absolute folder")
    with Journal.open(isolated_journal) as journal:
        assert journal.settings().import_folders == folders  # unchanged

    assert run(["config", "set", "import_folders", ""], today=TODAY) == 0
    with Journal.open(isolated_journal) as journal:
        assert journal.settings().import_folders == ""


def test_spaces_inside_a_folder_name_are_kept() -> None:
    assert parse_folders("/media/My Watch") == "/media/My Watch"
    assert parse_folders(f"~/Sync/run log{SEP}/mnt/a b") == f"~/Sync/run log{SEP}/mnt/a b"


@pytest.mark.parametrize(
    "bad",
    [
        "/a\x1bb",
        "/media/\tWATCH",
        "~/x\ny",
        "/\x00",
        "/a\x1fb",
        "/media/WATCH\x1f",  # an information separator: str.strip() would trim it
        "\x1c/media/WATCH",
        "/a\x7fb",  # DEL
        "/a\x9b2Jb",  # C1: CSI, which some terminals obey
        "/media/WATCH\x85",  # NEL, which str.strip() takes for a line end
        f"/media/WATCH{SEP}\x1c",  # a part that is only a separator: refused, not dropped
    ],
)
def test_control_characters_refused_in_words(bad: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_folders(bad)
    assert caught.value.field == "import_folders"
    assert caught.value.message == "a folder name cannot hold control characters"


def test_a_part_of_only_a_no_break_space_is_not_dropped_as_empty() -> None:
    with pytest.raises(InputError) as caught:
        parse_folders(f"/media/WATCH{SEP}\u00a0")
    assert caught.value.message.startswith("'\u00a0' is not an absolute folder")


def test_what_a_paste_brings_around_a_folder_is_trimmed() -> None:
    assert (
        parse_folders(f"\t/media/WATCH\r\n{SEP} ~/Sync/watch\n") == f"/media/WATCH{SEP}~/Sync/watch"
    )


def test_text_that_is_not_utf8_is_refused_showing_it_escaped() -> None:
    with pytest.raises(InputError) as caught:
        parse_folders("/media/WATCH\udcff", field="folders")
    assert caught.value.field == "folders"
    assert caught.value.message == "'/media/WATCH\\udcff' is not UTF-8 text"
