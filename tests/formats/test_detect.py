"""Which reader a file goes to: `detect` on its first bytes, `--format`, `is_export_path`.

Each format is recognised by its content, never its name (SPEC §7): the heads below are
what the apps write at the start of their files, plus the near misses a file from
another app or a damaged one gives.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from runjournal.formats import detect, fit, gpx, journal_db, strava, tcx
from runjournal.formats.detect import FORMATS, is_export_path, parse_format, reader

BOM = codecs.BOM_UTF8
SQLITE = b"SQLite format 3\x00" + bytes(84)
# A FIT header is 12 bytes (old devices) or 14 (with a header CRC): size, protocol,
# profile (2), data size (4), ".FIT", [CRC (2)].
FIT_12 = bytes([12, 0x10, 0x47, 0x00, 0x10, 0x00, 0x00, 0x00]) + b".FIT"
FIT_14 = bytes([14, 0x20, 0x08, 0x08, 0x10, 0x00, 0x00, 0x00]) + b".FIT" + b"\xc1\x9a"
GPX = b'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Garmin">'
GPX_PREFIXED = b'<?xml version="1.0"?><g:gpx xmlns:g="http://www.topografix.com/GPX/1/1">'
TCX = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
    b'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
)
STRAVA = b"Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time\n1,x,y,Run,5\n"
STRONG = b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n"
HEVY = b'"title","start_time","end_time","exercise_title","set_type","weight_kg"\n'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (SQLITE, "journal"),
        (FIT_12, "fit"),  # exactly a 12-byte header: all there is to go on
        (FIT_14 + bytes(50), "fit"),
        (GPX, "gpx"),
        (b"  \r\n\t" + GPX, "gpx"),  # blank lines before the declaration
        (BOM + GPX, "gpx"),
        (GPX_PREFIXED, "gpx"),  # root element with a namespace prefix
        (TCX, "tcx"),
        (BOM + TCX, "tcx"),
        (b'{"format": "runjournal", "entries": []}', "runjournal"),
        (b"[]", "runjournal"),
        (b"\n  {", "runjournal"),
        (STRAVA, "strava"),
        (BOM + STRAVA, "strava"),
        (STRONG, "strong"),
        (HEVY, "hevy"),
    ],
)
def test_each_format_is_recognised_by_its_first_bytes(head: bytes, expected: str) -> None:
    assert detect.detect(head) == expected


@pytest.mark.parametrize(
    "head",
    [
        b"sqlite format 3\x00" + bytes(84),  # the magic is case-sensitive
        b"SQLite format 2\x00" + bytes(84),
        bytes([13]) + FIT_12[1:],  # ".FIT" but a header size no FIT file has
        bytes([15]) + FIT_14[1:],
        FIT_12[:8] + b".fit",
        b'<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">',  # XML, not ours
        b"<html><body>GPX and TCX files</body></html>",
        b"Activity ID,Name,Distance\n1,Run,5\n",  # half of Strava's header
        b"Name,Activity Type,Distance\n1,Run,5\n",
        b"activity id,activity date,activity type\n",  # Strava writes them capitalised
        # only the header line counts: a note in a later line naming both is not a header
        b"Date,Notes\n2024-01-01,Activity ID and Activity Type\n2024-01-02,x\n",
        b"just some text\n",
        b"",
    ],
)
def test_near_misses_are_no_format(head: bytes) -> None:
    assert detect.detect(head) is None


def test_every_looks_like_agrees_with_detect() -> None:
    heads = {
        "journal": SQLITE,
        "fit": FIT_14,
        "gpx": GPX,
        "tcx": TCX,
        "strava": STRAVA,
    }
    modules = {"journal": journal_db, "fit": fit, "gpx": gpx, "tcx": tcx, "strava": strava}
    for fmt, head in heads.items():
        for other, module in modules.items():
            assert module.looks_like(head) is (fmt == other), (other, fmt)


@pytest.mark.parametrize("head", [FIT_12, FIT_14])
def test_fit_header_of_either_size(head: bytes) -> None:
    assert fit.looks_like(head) is True


@pytest.mark.parametrize(
    "head",
    [
        bytes([13]) + FIT_12[1:],
        bytes([15]) + FIT_14[1:],
        bytes([0x10]) + FIT_12[1:],
        FIT_14[:8] + b".fit" + FIT_14[12:],
        FIT_14[:9] + b".FIT" + FIT_14[13:],  # ".FIT" one byte late
        FIT_12[:11],  # cut short before ".FIT" ends
        bytes(range(40)),
    ],
)
def test_not_a_fit_header(head: bytes) -> None:
    assert fit.looks_like(head) is False


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (GPX, True),
        (b"\n\n" + GPX, True),
        (BOM + GPX, True),
        (BOM + b"  " + GPX, True),
        (GPX_PREFIXED, True),
        (b'<?xml version="1.0"?><gpx version="1.1">', True),  # no namespaces at all
        (TCX, False),
        (b"<kml>", False),
        (b"name,notes\nmy gpx file,<gpx>\n", False),  # a CSV mentioning one: not XML
        (b"name\n:gpx", False),
    ],
)
def test_gpx_looks_like(head: bytes, expected: bool) -> None:
    assert gpx.looks_like(head) is expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (TCX, True),
        (b"\r\n " + TCX, True),
        (BOM + TCX, True),
        (GPX, False),
        (b"<kml>", False),
        (b"name,notes\nTrainingCenterDatabase export,1\n", False),  # not XML
    ],
)
def test_tcx_looks_like(head: bytes, expected: bool) -> None:
    assert tcx.looks_like(head) is expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (STRAVA, True),
        (BOM + STRAVA, True),
        (b"Activity ID,Activity Type", True),  # a head without a line end
        (b"Activity ID,Activity Date,Distance\n1,Run\n", False),
        (b"Activity Date,Activity Type\n1,Run\n", False),
        (b"Date,Notes\nActivity ID,Activity Type\n2024-01-01,x\n", False),
    ],
)
def test_strava_looks_like_reads_the_header_line_only(head: bytes, expected: bool) -> None:
    assert strava.looks_like(head) is expected


def test_journal_looks_like_is_the_sqlite_magic() -> None:
    assert journal_db.looks_like(SQLITE) is True
    assert journal_db.looks_like(b"SQLite format 3") is False  # without its NUL
    assert journal_db.looks_like(GPX) is False


# --format ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fit", "fit"),
        ("GPX", "gpx"),
        (" Tcx ", "tcx"),
        ("strava", "strava"),
        ("STRONG", "strong"),
        ("hevy", "hevy"),
        ("runjournal", "runjournal"),
        ("json", "runjournal"),
        ("JSON", "runjournal"),
        ("journal", "journal"),
        ("db", "journal"),
        ("sqlite", "journal"),
    ],
)
def test_format_names_and_aliases(text: str, expected: str) -> None:
    assert parse_format(text) == expected


@pytest.mark.parametrize("text", ["csv", "kml", "", "fit2", "xml"])
def test_unknown_format_names_the_accepted_ones(text: str) -> None:
    # "csv" is refused too: Strava, Strong and Hevy are all CSV, so it names no reader
    with pytest.raises(ValueError, match="is not a format runjournal reads") as error:
        parse_format(text)
    assert str(error.value) == (
        f"'{text}' is not a format runjournal reads; "
        "use fit, gpx, tcx, strava, strong, hevy, runjournal, journal"
    )


def test_formats_lists_every_reader_once() -> None:
    assert FORMATS == ("fit", "gpx", "tcx", "strava", "strong", "hevy", "runjournal", "journal")


def test_reader_of_each_activity_format() -> None:
    for fmt in ("fit", "gpx", "tcx", "strava", "strong", "hevy"):
        assert reader(fmt).__name__ == f"runjournal.formats.{fmt}"


@pytest.mark.parametrize("fmt", ["runjournal", "journal", "kml"])
def test_formats_the_import_service_reads_have_no_reader(fmt: str) -> None:
    with pytest.raises(KeyError) as error:
        reader(fmt)
    assert error.value.args == (fmt,)


# is_export_path ------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_stdin_and_missing_paths_go_to_the_export_reader(tmp_path: Path) -> None:
    assert is_export_path("-") is True
    assert is_export_path(str(tmp_path / "missing.json")) is True
    assert is_export_path(str(tmp_path / "missing.gpx")) is True  # its error, as always


def test_a_folder_is_not_an_export(tmp_path: Path) -> None:
    assert is_export_path(str(tmp_path)) is False


def test_a_pipe_is_left_to_the_export_reader_unopened(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert is_export_path(str(fifo)) is True  # opening it would wait for a writer


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("backup.json", b'{"format": "runjournal"}', True),
        ("backup.txt", b'  {"format": "runjournal"}', True),  # JSON content, any name
        ("run.gpx", GPX, False),
        ("run.json", GPX, False),  # a GPX named .json is read as the GPX it is
        ("run.fit", FIT_14 + bytes(100), False),
        ("activities.csv", STRAVA, False),
        ("other.db", SQLITE, False),
        ("empty.json", b"", True),  # no reader knows it: the JSON error says more
        ("broken.JSON", b"\x00\x01garbage", True),
        ("notes.txt", b"just some text\n", False),  # unknown, and not named .json
        ("empty.csv", b"", False),
    ],
)
def test_is_export_path_by_content_then_json_name(
    tmp_path: Path, name: str, data: bytes, expected: bool
) -> None:
    assert is_export_path(_write(tmp_path, name, data)) is expected


def test_is_export_path_looks_at_the_first_4096_bytes_as_the_import_does(tmp_path: Path) -> None:
    # XML whose `<gpx` starts within the first 4096 bytes but ends after them: the import
    # (which detects on archive.HEAD = 4096 bytes) does not see a GPX file, nor may this
    declaration = b"<?xml version='1.0'?><!-- "
    padding = b"x" * (4093 - len(declaration) - len(b" -->"))
    data = declaration + padding + b" --><gpx version='1.1'></gpx>"
    assert data.index(b"<gpx") == 4093
    assert detect.detect(data[:4096]) is None
    assert is_export_path(_write(tmp_path, "odd.json", data)) is True


def test_is_export_path_expands_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    _write(tmp_path, "ride.gpx", GPX)
    assert is_export_path("~/ride.gpx") is False


def test_a_name_the_file_system_refuses_goes_to_the_export_reader(tmp_path: Path) -> None:
    # too long for any file system: the export reader reports it as it always has
    assert is_export_path(str(tmp_path / ("x" * 5000 + ".gpx"))) is True


def test_dash_is_stdin_even_beside_a_file_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "-", GPX)
    assert is_export_path("-") is True
