"""The export file byte for byte where it matters, and JSON syntax errors word for word."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.entries import Checkin, LegDay, Run
from runjournal.domain.errors import InputError
from runjournal.formats.export import write_export
from runjournal.services.importing import import_file
from runjournal.store import Journal

TODAY = date(2026, 11, 24)
CHECKIN = '{"kind": "checkin", "date": "2026-11-01", "soreness": 3}'


def test_a_json_export_is_readable_utf8_oldest_first(journal: Journal, tmp_path: Path) -> None:
    journal.add(Run(date(2026, 11, 1), 5000, 1800, notes="café 🏃"))
    journal.add(Checkin(date(2026, 10, 1), 3))
    journal.set_tick(date(2026, 11, 1), "strides", True)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "export.json"
    assert write_export(journal, "json", path) == 2
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert "café 🏃" in text  # not \\u00e9 escapes
    assert "\r" not in text
    lines = text.split("\n")
    assert lines[:4] == ["{", '  "format": "runjournal",', '  "version": 1,', '  "settings": {']
    assert '    "units": "km",' in lines  # the head indented by two
    start = lines.index('  "entries": [')
    assert lines[start + 1].startswith('    {"kind": "checkin", "id": 1, "date": "2026-10-01"')
    assert lines[start + 2].startswith('    {"kind": "run", "id": 1, "date": "2026-11-01"')
    assert lines[start + 3] == "  ],"
    assert lines[start + 4].startswith('  "checklist": {"items": [')
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["checklist"]["ticks"] == [{"date": "2026-11-01", "item_id": "strides"}]
    assert sorted(p.name for p in folder.iterdir()) == ["export.json"]  # no temp left


def test_an_empty_export(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    assert write_export(journal, "json", path) == 0
    assert '\n  "entries": [],\n  "checklist": {"items": [' in path.read_text(encoding="utf-8")


def test_a_csv_export_counts_entries_and_carries_uids(journal: Journal, tmp_path: Path) -> None:
    journal.add(LegDay(date(2026, 11, 2), 3600, 8, notes="two\nlines"))
    journal.add(Run(date(2026, 11, 1), 5000, 1800))
    path = tmp_path / "export.csv"
    assert write_export(journal, "csv", path) == 2  # entries, not lines
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert [(r["kind"], r["date"]) for r in rows] == [("run", "2026-11-01"), ("leg", "2026-11-02")]
    assert all(len(r["uid"]) == 36 for r in rows)
    assert rows[1]["notes"] == "two\nlines"


def test_an_export_into_a_missing_folder_is_refused(journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        write_export(journal, "json", tmp_path / "nope" / "x.json")
    assert (refused.value.field, refused.value.message) == (
        "output", f"the folder {tmp_path / 'nope'} does not exist",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("", "the file ends too soon (line 1, column 1)"),
        ("[", "the file ends too soon (line 1, column 2)"),
        ('[{"kind": "run"', "the file ends too soon (line 1, column 16)"),
        ('{"format": "runjournal", "version": 1, "entries": [',
         "the file ends too soon (line 1, column 52)"),
        ("{", "expecting a property name in double quotes (line 1, column 2)"),
        ('[{"kind" "run"}]', "expecting ':' delimiter (line 1, column 10)"),
        ("[{kind: 1}]", "expecting property name enclosed in double quotes (line 1, column 3)"),
        ('{"format": "runjournal" "version": 1}', "expecting ',' or '}' (line 1, column 25)"),
        ('{"format": "runjournal", "version": 1, "entries": [] "x": 1}',
         "expecting ',' or '}' (line 1, column 54)"),
        (f'{{"format": "runjournal", "version": 1, "entries": [{CHECKIN} 5]}}',
         f"expecting ',' or ']' (line 1, column {52 + len(CHECKIN) + 1})"),
        ("[] x", "extra data after the end (line 1, column 4)"),
        ("[tru]", "expecting value (line 1, column 2)"),
        ('[{"kind": "run", "notes": "\\x"}]', "invalid \\escape (line 1, column 28)"),
        (f"\n\n  [{CHECKIN}\n  x", "expecting ',' or ']' (line 4, column 3)"),
    ],
)  # fmt: skip
def test_json_syntax_errors_say_what_and_where(
    journal: Journal, tmp_path: Path, text: str, what: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        import_file(journal, str(path), TODAY)
    assert refused.value.field == "FILE"
    assert refused.value.message == f"{path} is not valid JSON: {what}"
    assert journal.is_empty()
