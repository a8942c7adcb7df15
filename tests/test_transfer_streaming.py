"""Import reads exports as a stream: same results as a whole-file parse, all or nothing."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from runjournal.domain.entries import Exercise, LegDay, Run, to_dict
from runjournal.domain.errors import InputError
from runjournal.domain.settings import Settings
from runjournal.formats import jsonstream
from runjournal.formats.export import write_export
from runjournal.formats.jsonstream import JsonStream
from runjournal.services.importing import import_file
from runjournal.store import Journal

TODAY = date(2026, 11, 24)
TRICKY_NOTES = 'trail "5k" \\ with a tab\there, 😀 émoji, ünïcode, \u2028 and {[,]} in text'


def _run(day: int, notes: str = "", uid: str | None = None) -> dict[str, Any]:
    return {
        "kind": "run",
        "date": f"2026-10-{day:02d}",
        "distance_km": 8.2,
        "duration_s": 2900,
        "type": "easy",
        "notes": notes,
        **({"uid": uid} if uid else {}),
    }


def _write(tmp_path: Path, data: Any, **dump: Any) -> str:
    path = tmp_path / "import.json"
    path.write_text(json.dumps(data, **dump), encoding="utf-8")
    return str(path)


def _all(journal: Journal) -> list[dict[str, Any]]:
    return [to_dict(e) for e in journal.history(["run", "leg", "checkin"])]


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tiny reads, so every token, string and escape gets cut by a chunk boundary."""
    monkeypatch.setattr(jsonstream, "_CHUNK_CHARS", 7)
    original = JsonStream.__init__

    def init(self: JsonStream, handle: Any, name: str, chunk_chars: int = 7) -> None:
        original(self, handle, name, chunk_chars=7)

    monkeypatch.setattr(JsonStream, "__init__", init)


def test_round_trip_of_a_full_export(journal: Journal, tmp_path: Path) -> None:
    journal.add(Run(date=date(2026, 11, 1), distance_m=10_000, duration_s=3000, notes="ü"))
    journal.add(
        LegDay(
            date=date(2026, 11, 2),
            duration_s=3600,
            rpe=9,
            exercises=(Exercise("back squat", 5, 5, 100_000),),
        )
    )
    journal.save_settings(Settings.from_stored({"units": "mi", "fitness_level": "advanced"}))
    journal.set_tick(date(2026, 11, 2), "warmup-standard", True)
    export = tmp_path / "export.json"
    write_export(journal, "json", export)

    with Journal.open(tmp_path / "other.db") as other:
        assert import_file(other, str(export), TODAY) == (2, 0)
        assert _all(other) == _all(journal)
        assert other.settings().as_dict() == journal.settings().as_dict()
        assert other.all_ticks() == journal.all_ticks()
        # Importing the same file again adds nothing.
        assert import_file(other, str(export), TODAY) == (0, 2)


def test_settings_only_restored_into_an_empty_journal(journal: Journal, tmp_path: Path) -> None:
    data = {
        "format": "runjournal",
        "version": 1,
        "settings": {"units": "mi", "fitness_level": "advanced"},
        "entries": [],
    }
    file = _write(tmp_path, data)
    with Journal.open(tmp_path / "empty.db") as empty:  # the control: an empty journal
        import_file(empty, file, TODAY)
        assert (empty.settings().units, empty.settings().fitness_level) == ("mi", "advanced")

    journal.add(Run(date=date(2026, 11, 1), distance_m=5000, duration_s=1800))
    journal.save_settings(journal.settings().with_value("fitness_level", "beginner"))
    before = journal.settings()
    import_file(journal, file, TODAY)
    assert journal.settings() == before  # the user's own choices, not the file's
    assert (before.units, before.fitness_level) == ("km", "beginner")


def test_a_bare_list(journal: Journal, tmp_path: Path) -> None:
    file = _write(tmp_path, [_run(1), _run(2, uid="u-2")])
    assert import_file(journal, file, TODAY) == (2, 0)
    assert import_file(journal, file, TODAY) == (1, 1)  # only the one without a uid


@pytest.mark.parametrize("indent", [None, 0, 4, "\t"])
@pytest.mark.parametrize("ensure_ascii", [True, False])
def test_whitespace_unicode_and_escapes_survive_tiny_chunks(
    journal: Journal, tmp_path: Path, small_chunks: None, indent: Any, ensure_ascii: bool
) -> None:
    entries = [_run(n, notes=TRICKY_NOTES + "x" * n, uid=f"uid-{n}") for n in range(1, 12)]
    data = {"version": 1, "entries": entries, "format": "runjournal", "checklist": None}
    file = _write(tmp_path, data, indent=indent, ensure_ascii=ensure_ascii)
    assert import_file(journal, file, TODAY) == (11, 0)
    notes = sorted(e["notes"] for e in _all(journal))
    assert notes == sorted(e["notes"] for e in entries)


def test_values_cut_at_every_offset(tmp_path: Path) -> None:
    doc = r'[12345.678, -0.5e-3, "a\u00e9\n\"b\\", true, null, {"k": [1, "😀"]}, 10]'
    expected = json.loads(doc)
    for chunk in range(1, len(doc) + 1):
        stream = JsonStream(io.StringIO(doc), "x", chunk_chars=chunk)
        assert list(stream.array_items()) == expected, chunk
        stream.end()


def test_a_bad_entry_names_its_position_and_writes_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    entries = [_run(n) for n in range(1, 10)]
    entries[6]["distance_km"] = -3
    data = {"format": "runjournal", "version": 1, "settings": {"units": "mi"}, "entries": entries}
    with pytest.raises(InputError, match="entry 7, distance_km"):
        import_file(journal, _write(tmp_path, data), TODAY)
    assert journal.is_empty()
    assert journal.settings().units == "km"


def test_a_bad_checklist_after_the_entries_writes_nothing(journal: Journal, tmp_path: Path) -> None:
    data = {
        "format": "runjournal",
        "version": 1,
        "entries": [_run(1)],
        "checklist": {"ticks": [{"date": "nope"}]},
    }
    with pytest.raises(InputError, match="checklist tick 1"):
        import_file(journal, _write(tmp_path, data), TODAY)
    assert journal.is_empty()


def test_format_checked_even_when_it_comes_after_the_entries(
    journal: Journal, tmp_path: Path
) -> None:
    data = {"entries": [_run(1)], "format": "something-else", "version": 1}
    with pytest.raises(InputError, match="not a runjournal export"):
        import_file(journal, _write(tmp_path, data), TODAY)
    assert journal.is_empty()


@pytest.mark.parametrize("cut", [1, 40, 200, -60, -3, -1])
def test_truncated_json_is_refused_and_writes_nothing(
    journal: Journal, tmp_path: Path, cut: int
) -> None:
    entries = [_run(n, notes="é" * n) for n in range(1, 6)]
    text = json.dumps({"format": "runjournal", "version": 1, "entries": entries}, indent=2)
    path = tmp_path / "cut.json"
    path.write_text(text[:cut], encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        import_file(journal, str(path), TODAY)
    assert journal.is_empty()


RUN = json.dumps(_run(1))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[{"kind": "run",}]', "line 1, column 17"),
        (f"[\n  {RUN}\n  {RUN}\n]", "line 3, column 3"),
        (f"[{RUN}, x]", f"line 1, column {len(RUN) + 4}"),
        (f"[{RUN}] []", f"line 1, column {len(RUN) + 4}"),
    ],
)
def test_syntax_errors_say_where(journal: Journal, tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=where):
        import_file(journal, str(path), TODAY)
    assert journal.is_empty()


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (42, "file", "neither a runjournal export nor a list of entries"),
        ("text", "file", "neither a runjournal export nor a list of entries"),
        ({"format": "runjournal", "entries": []}, "version", "must be a whole number"),
        ({"format": "runjournal", "version": 1, "entries": {}}, "entries", "must be a list"),
    ],
)
def test_neither_an_export_nor_a_list(
    journal: Journal, tmp_path: Path, data: Any, field: str, words: str
) -> None:
    journal.add(Run(date=date(2026, 11, 1), distance_m=5000, duration_s=1800))
    before = _all(journal), journal.settings()
    with pytest.raises(InputError, match=words) as refused:
        import_file(journal, _write(tmp_path, data), TODAY)
    assert refused.value.field == field
    assert (_all(journal), journal.settings()) == before


def test_not_utf8(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'[{"kind": "run", "notes": "caf\xe9"}]')
    with pytest.raises(InputError, match="not UTF-8"):
        import_file(journal, str(path), TODAY)


def test_a_byte_order_mark_is_allowed(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_text(json.dumps([_run(1)]), encoding="utf-8-sig")
    assert import_file(journal, str(path), TODAY) == (1, 0)


def test_standard_input(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps([_run(1), _run(2)])))
    assert import_file(journal, "-", TODAY) == (2, 0)
