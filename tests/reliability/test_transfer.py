"""Export and import (SPEC §6): lossless, idempotent by uid, all or nothing, CSV-safe."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from runjournal.cli import run
from runjournal.store import Journal
from tests.fixtures import make_v1

from .helpers import FIXTURES, row_counts, sha256


def _cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def full(tmp_path: Path) -> Path:
    """A journal with every kind of data: the v1 fixture, upgraded to today's schema."""
    path = tmp_path / "full.db"
    shutil.copyfile(FIXTURES / "journal-v1.db", path)
    with Journal.open(path):
        pass
    return path


def _snapshot(path: Path) -> dict[str, Any]:
    with Journal.open(path) as journal:
        entries = {
            e.uid: {k: v for k, v in vars(e).items() if k != "id"}
            for kind in ("run", "leg", "checkin")
            for e in journal.entries(kind)
        }
        return {
            "entries": entries,
            "settings": journal.settings(),
            "items": journal.checklist_items(),
            "ticks": journal.all_ticks(),
        }


def test_export_then_import_into_an_empty_journal_gives_back_everything(
    full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    assert _cli(capsys, full, "export", "-o", str(export))[0] == 0
    fresh = tmp_path / "fresh.db"

    code, out, err = _cli(capsys, fresh, "import", str(export))

    assert code == 0, err
    assert "Imported 13 entries; skipped 0" in out
    assert _snapshot(fresh) == _snapshot(full)
    # And the second journal exports the same document, but for the local ids.
    again = tmp_path / "again.json"
    assert _cli(capsys, fresh, "export", "-o", str(again))[0] == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (export, again))
    for doc in (first, second):
        for entry in doc["entries"]:
            entry.pop("id")
        # Same-day entries of different kinds are ordered by their local ids.
        doc["entries"].sort(key=lambda entry: entry["uid"])
    assert first == second


def test_importing_the_same_file_twice_adds_nothing(
    full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    assert _cli(capsys, full, "export", "-o", str(export))[0] == 0
    before = row_counts(full)

    code, out, _ = _cli(capsys, full, "import", str(export))

    assert code == 0
    assert "Imported 0 entries; skipped 13" in out
    assert row_counts(full) == before


def test_a_bare_list_of_entries_imports_without_uids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "list.json"
    source.write_text(
        json.dumps(
            [
                {"kind": "run", "date": "2026-11-20", "distance_km": 5, "duration_s": 1800},
                {"kind": "checkin", "date": "2026-11-21", "soreness": 4},
            ]
        ),
        encoding="utf-8",
    )
    db = tmp_path / "j.db"
    code, out, err = _cli(capsys, db, "import", str(source))
    assert code == 0, err
    assert "Imported 2 entries" in out
    with Journal.open(db) as journal:
        assert all(e.uid for kind in ("run", "checkin") for e in journal.entries(kind))


def _export_of(full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    export = tmp_path / "base.json"
    assert _cli(capsys, full, "export", "-o", str(export))[0] == 0
    doc = json.loads(export.read_text(encoding="utf-8"))
    for n, entry in enumerate(doc["entries"]):
        entry["uid"] = f"new-{n}"  # all new to the journal, so all would be written
    return doc


BAD_ENTRIES = {
    "rpe out of range": (lambda e: e.update(kind="run", rpe=11), "rpe"),
    "hr out of range": (lambda e: e.update(kind="run", hr=20), "hr"),
    "distance missing": (lambda e: e.pop("distance_km"), "distance"),
    "distance a string": (lambda e: e.update(distance_km="5km"), "distance"),
    "negative duration": (lambda e: e.update(duration_s=-30), "duration"),
    "pace too fast": (lambda e: e.update(distance_km=50, duration_s=600), "duration"),
    "future date": (lambda e: e.update(date="2099-01-01"), "date"),
    "not a date": (lambda e: e.update(date="24/11/2026"), "date"),
    "unknown kind": (lambda e: e.update(kind="swim"), "kind"),
    "unknown type": (lambda e: e.update(type="jog"), "type"),
    "bad time": (lambda e: e.update(time="25:61"), "time"),
    "notes too long": (lambda e: e.update(notes="x" * 2001), "notes"),
    "notes not text": (lambda e: e.update(notes=["x"]), "notes"),
}


@pytest.mark.parametrize("case", list(BAD_ENTRIES))
def test_one_bad_entry_means_nothing_is_imported_and_the_error_says_where(
    full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    doc = _export_of(full, tmp_path, capsys)
    runs = [n for n, e in enumerate(doc["entries"]) if e["kind"] == "run"]
    bad = runs[len(runs) // 2]  # entries before it are valid and already "written"
    spoil, field = BAD_ENTRIES[case]
    spoil(doc["entries"][bad])
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    before, sha = row_counts(full), sha256(full)

    code, out, err = _cli(capsys, full, "import", str(source))

    assert code == 2, (out, err)
    assert err.startswith("error: "), err
    assert f"entry {bad + 1}" in err, err
    assert field in err, err
    assert row_counts(full) == before
    assert sha256(full) == sha


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "not valid JSON"),
        (b'{"format": "runjournal", "version": 1, "entries": [', "JSON"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b'{"format": "someone-else", "entries": []}', "not a runjournal export"),
        (b'{"format": "runjournal", "version": 99, "entries": []}', "version"),
        (b'"just a string"', "neither"),
        (b'{"format": "runjournal", "version": 1, "entries": {"a": 1}}', "entries"),
        (b"[1, 2, 3]", "entry 1"),
        (
            b'[{"kind": "run", "date": "2026-11-01", "distance_km": NaN, "duration_s": 60}]',
            "entry 1",
        ),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_and_nothing_changes(
    full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    source = tmp_path / "weird.json"
    source.write_bytes(content)
    before, sha = row_counts(full), sha256(full)

    code, out, err = _cli(capsys, full, "import", str(source))

    assert code == 2, (out, err)
    assert err.startswith("error: ") and words.lower() in err.lower(), err  # noqa: PT018
    assert row_counts(full) == before
    assert sha256(full) == sha


FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=tab", "\r=cr", '=HYPERLINK("http://x")']


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["history", "--format", "csv"]])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    isolated_journal: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    for text in FORMULAS:
        assert run(["log", "run", "--distance", "5", "--duration", "30", "--notes", text]) == 0
        spec = f"{text.strip()} 3x5@60kg"
        assert run(["log", "leg", "--duration", "30", "--rpe", "5", "--exercise", spec]) == 0
    code, out, err = _cli(capsys, isolated_journal, *command)
    assert code == 0, err

    rows = list(csv.DictReader(io.StringIO(out)))
    cells = [value for row in rows for value in row.values() if value]
    dangerous = [c for c in cells if c[0] in "=+-@\t\r"]
    assert not dangerous, dangerous
    notes = {row["notes"] for row in rows if row["kind"] == "run"}
    assert notes == {"'" + text for text in FORMULAS}  # the text itself is kept, quoted
    exercises = {row["exercises"] for row in rows if row["kind"] == "leg"}
    assert all(e.startswith("'") for e in exercises), exercises


def test_csv_stays_one_row_per_entry_whatever_the_notes_hold(
    isolated_journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = ["line one\rline two", "windows\r\nlines", "unix\nlines", 'a "quoted", comma']
    for text in notes:
        assert run(["log", "run", "--distance", "5", "--duration", "30", "--notes", text]) == 0
    code, out, err = _cli(capsys, isolated_journal, "export", "--format", "csv")
    assert code == 0, err

    rows = list(csv.DictReader(io.StringIO(out, newline="")))

    assert len(rows) == len(notes), rows
    assert sorted(str(row["notes"]) for row in rows) == sorted(notes)


def test_the_v1_fixture_covers_every_kind_of_data() -> None:
    # The round trip above is only as good as the journal it starts from.
    kinds = {type(e).__name__ for e in [*make_v1.RUNS, *make_v1.LEG_DAYS, *make_v1.CHECKINS]}
    assert kinds == {"Run", "LegDay", "Checkin"}
    assert {r.type for r in make_v1.RUNS} == {
        "recovery", "easy", "long", "tempo", "hills", "intervals", "race"
    }  # fmt: skip
    assert any(r.rpe is None for r in make_v1.RUNS) and any(r.hr is None for r in make_v1.RUNS)  # noqa: PT018
    weights = {ex.weight_g for leg in make_v1.LEG_DAYS for ex in leg.exercises}
    assert None in weights
    assert 0 in weights
    assert any(leg.to_failure for leg in make_v1.LEG_DAYS)
    assert make_v1.TICKS
    assert make_v1.CUSTOM_ITEM
