"""Reading a runjournal export: its head, settings and checklist refused word for word."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from runjournal.domain.advisor import STATUSES
from runjournal.domain.errors import InputError
from runjournal.services.importing import import_file
from runjournal.store import Journal

TODAY = date(2026, 11, 24)
RUN = {"kind": "run", "date": "2026-10-01", "distance_km": 5, "duration_s": 1800}
ITEMS = "{id, status, label, position}"
STATUS = STATUSES[0]


def _export(**head: Any) -> dict[str, Any]:
    return {"format": "runjournal", "version": 1, **head, "entries": [RUN]}


def _item(**fields: Any) -> dict[str, Any]:
    return {"id": "my-a", "status": STATUS, "label": "Stretch", "position": 0, **fields}


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _refusal(journal: Journal, tmp_path: Path, data: Any) -> tuple[str, str]:
    with pytest.raises(InputError) as refused:
        import_file(journal, _write(tmp_path, json.dumps(data)), TODAY)
    assert journal.is_empty()
    return refused.value.field, refused.value.message


LONG_KEY = "k" * 45


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (_export(settings=[1]), "settings", "must be an object of setting names and values"),
        (_export(settings={"units": ["km"]}), "settings, units", "must be text or a number"),
        (_export(settings={"units": True}), "settings, units", "must be text or a number"),
        (_export(settings={LONG_KEY: None}), f"settings, {'k' * 39}…", "must be text or a number"),
        (_export(settings={"k" * 40: None}), f"settings, {'k' * 40}", "must be text or a number"),
        (_export(settings={"k" * 41: None}), f"settings, {'k' * 39}…", "must be text or a number"),
        (_export(settings={"theme": "x" * 201}), "settings, theme",
         "is not a value any setting takes"),
        (_export(settings={LONG_KEY: 1e999}), f"settings, {'k' * 39}…",
         "is not a value any setting takes"),
        (_export(checklist={"items": {}}), "checklist, items", f"must be a list of {ITEMS}"),
        (_export(checklist={"items": [_item(), 1]}), "checklist item 2", f"must be one of {ITEMS}"),
        (_export(checklist={"ticks": "x"}), "checklist, ticks",
         "must be a list of {date, item_id}"),
        (_export(checklist={"ticks": [{"date": "today", "item_id": "a"}, []]}),
         "checklist tick 2", "must be one of {date, item_id}"),
        (_export(checklist={"items": [_item(position=10_001)]}), "checklist item 1, position",
         "must be 0 to 10000"),
        (_export(checklist={"items": [_item(status="tired")]}), "checklist item 1, status",
         f"must be one of {', '.join(STATUSES)}"),
        (_export(checklist={"items": [_item(id=" ")]}), "checklist item 1, id",
         "is missing or not text"),
        (_export(checklist={"items": [_item(id="x" * 101)]}), "checklist item 1, id",
         "is longer than 100 characters"),
        (_export(checklist={"ticks": [{"date": "2026-11-011", "item_id": "a"}]}),
         "checklist tick 1, date", "is longer than 10 characters"),
        (_export(checklist={"ticks": [{"date": "today"}]}), "checklist tick 1, item_id",
         "is missing or not text"),
        (_export(checklist={"ticks": [{"date": "today", "item_id": "\udcff"}]}),
         "checklist tick 1, item_id",
         "contains bytes that are not UTF-8 text; check your terminal's encoding"),
        ({"format": "runjournal", "version": 1, "entries": {}}, "entries",
         "must be a list of entry objects"),
        ({"format": "runjournal", "version": 2, "entries": []}, "version",
         "2 is newer than this runjournal reads (1)"),
        ({"format": "runjournal", "version": "1", "entries": []}, "version",
         "must be a whole number, the export's version (1)"),
        ({"format": "runjournal", "version": 1, "entries": [{**RUN, "duration_s": -1}]},
         "entry 1, duration_s", "must be more than 0; e.g. 45, 45m, 52:30, 1:05:00 or 1h05m"),
    ],
)  # fmt: skip
def test_a_bad_part_of_an_export_is_named_and_nothing_is_written(
    journal: Journal, tmp_path: Path, data: Any, field: str, message: str
) -> None:
    assert _refusal(journal, tmp_path, data) == (field, message)


def test_entries_twice_is_refused(journal: Journal, tmp_path: Path) -> None:
    text = '{"format": "runjournal", "version": 1, "entries": [], "entries": []}'
    with pytest.raises(InputError) as refused:
        import_file(journal, _write(tmp_path, text), TODAY)
    assert (refused.value.field, refused.value.message) == (
        "entries",
        "appears twice in the export",
    )


def test_a_foreign_format_is_refused_before_its_entries_are_read(
    journal: Journal, tmp_path: Path
) -> None:
    data = {"format": "other", "version": 1, "entries": [{"kind": "swim"}]}
    path = _write(tmp_path, json.dumps(data))
    with pytest.raises(InputError) as refused:
        import_file(journal, path, TODAY)
    assert (refused.value.field, refused.value.message) == (
        "file", f'{path} is not a runjournal export (no "format": "runjournal")'
    )  # fmt: skip


def test_neither_export_nor_list_names_the_file(journal: Journal, tmp_path: Path) -> None:
    path = _write(tmp_path, "42")
    with pytest.raises(InputError) as refused:
        import_file(journal, path, TODAY)
    assert (
        refused.value.message == f"{path} holds neither a runjournal export nor a list of entries"
    )


def test_edge_values_are_taken(journal: Journal, tmp_path: Path) -> None:
    data = _export(
        settings={"theme": "x" * 200, "recovery_run_max_minutes": 45.0, "units": "mi"},
        checklist={
            "items": [_item(position=10_000)],
            "ticks": [
                {"date": "today", "item_id": "my-a"},
                {"date": "2027-01-02", "item_id": "my-a"},  # a date ahead is fine
            ],
        },
    )
    assert import_file(journal, _write(tmp_path, json.dumps(data)), TODAY) == (1, 0)
    assert journal.all_ticks() == [
        {"date": "2026-11-24", "item_id": "my-a"},
        {"date": "2027-01-02", "item_id": "my-a"},
    ]
    assert journal.settings().units == "mi"


def test_standard_input_from_a_real_pipe_is_read_twice_as_utf8(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, ascii_locale: None
) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, json.dumps([{**RUN, "notes": "café"}], ensure_ascii=False).encode())
    os.close(write_end)
    with open(read_end, encoding="utf-8") as pipe:  # not seekable, like a shell pipe
        monkeypatch.setattr("sys.stdin", pipe)
        assert import_file(journal, "-", TODAY) == (1, 0)
    assert [e.notes for e in journal.history(["run"])] == ["café"]


def test_standard_input_with_a_lone_surrogate_outside_the_entries(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = '{"format": "runjournal", "version": 1, "note": "\udcff", "entries": [%s]}'
    monkeypatch.setattr("sys.stdin", io.StringIO(text % json.dumps(RUN)))
    assert import_file(journal, "-", TODAY) == (1, 0)
