"""CSV rows cell by cell, an export's checklist refused by field, and found.py's helpers."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from runjournal.domain.entries import Checkin, Exercise, LegDay, Run
from runjournal.domain.errors import InputError
from runjournal.formats.csv_rows import CSV_COLUMNS, csv_lines
from runjournal.formats.found import Found, derived_uid
from runjournal.services.importing import import_file
from runjournal.store import Journal

TODAY = date(2026, 11, 24)
EXERCISES = (Exercise("squat", 5, 5, 100_000), Exercise("lunges", 3, 12))
LEG = LegDay(date(2026, 11, 20), 3600, 9, True, EXERCISES, "18:00", "", id=3, uid="u-leg")
EASY_LEG = LegDay(date(2026, 11, 21), 1800, 4, False, (), None, "", id=4, uid="u-easy")
RUN = Run(date(2026, 11, 22), 8200, 3150, "easy", 3, None, None, "windy", id=5, uid="u-run")
CHECKIN = Checkin(date(2026, 11, 23), 4, "", id=6, uid="u-checkin")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_rows_cell_by_cell() -> None:
    text = "".join(csv_lines([LEG, EASY_LEG, RUN, CHECKIN], with_uid=False))
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert text.count("\r\n") == 5  # RFC 4180 line ends, one per row and the header
    leg, easy, run, checkin = rows(text)
    assert (leg["exercises"], leg["to_failure"], leg["load"]) == (
        "squat 5x5@100kg; lunges 3x12", "yes", "hard",
    )  # fmt: skip
    assert (easy["exercises"], easy["to_failure"]) == ("", "no")
    assert (run["distance_km"], run["pace_s_per_km"], run["notes"]) == ("8.2", "384", "windy")
    assert (checkin["kind"], checkin["soreness"], checkin["date"]) == ("checkin", "4", "2026-11-23")
    assert "uid" not in leg


def test_csv_rows_with_uids() -> None:
    text = "".join(csv_lines([LEG, RUN], with_uid=True))
    assert text.splitlines()[0] == ",".join((*CSV_COLUMNS, "uid"))
    assert [row["uid"] for row in rows(text)] == ["u-leg", "u-run"]


def test_csv_of_nothing_is_the_header() -> None:
    assert "".join(csv_lines([], with_uid=False)) == ",".join(CSV_COLUMNS) + "\r\n"


def _export(tmp_path: Path, checklist: Any) -> str:
    path = tmp_path / "export.json"
    data = {"format": "runjournal", "version": 1, "entries": [], "checklist": checklist}
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


ITEM = {"id": "my-foam", "status": "rest", "label": "Foam roll"}


@pytest.mark.parametrize(
    ("checklist", "field", "message"),
    [
        (["items"], "checklist", "must be an object with items and ticks"),
        ({"items": [ITEM, {"id": "x", "status": "rest"}]}, "checklist item 2, label",
         "is missing or not text"),
        ({"items": [{**ITEM, "position": "first"}]}, "checklist item 1, position",
         "must be a whole number"),
        ({"ticks": [{"date": "2026-11-01", "item_id": "a"}, {"date": "soon", "item_id": "b"}]},
         "checklist tick 2, date",
         "'soon' is not a date; use YYYY-MM-DD, today, yesterday, a weekday (mon) or 3d "
         "(3 days ago)"),
    ],
)  # fmt: skip
def test_an_exports_checklist_is_refused_by_field(
    journal: Journal, tmp_path: Path, checklist: Any, field: str, message: str
) -> None:
    before = journal.checklist_items()
    with pytest.raises(InputError) as refused:
        import_file(journal, _export(tmp_path, checklist), TODAY)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert journal.checklist_items() == before


def test_an_exports_checklist_item_without_a_position_goes_first(
    journal: Journal, tmp_path: Path
) -> None:
    import_file(journal, _export(tmp_path, {"items": [ITEM]}), TODAY)
    rest = [i for i in journal.checklist_items() if i.status == "rest"]
    assert (rest[0].id, rest[0].position) == ("my-foam", 0)


def test_derived_uids_are_stable_across_releases() -> None:
    # Stored in journals: the same activity must get the same uid from every version.
    assert derived_uid("strava", "123") == "9471976f-f940-5757-8888-947af142c54a"
    assert derived_uid("a", "b") == "5a71c743-6a41-5f40-aa16-d55bc07488a7"
    assert derived_uid("a", "b") != derived_uid("ab")


def test_found_counts_skips_by_reason() -> None:
    found = Found()
    found.skip("ride")
    found.skip("ride", 2)
    found.skip("too short")
    assert found.skipped == {"ride": 3, "too short": 1}
