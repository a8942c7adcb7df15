"""Hevy CSV exports into leg days (SPEC §7 "Sets → leg days")."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

import pytest

from runjournal.formats import hevy, strong
from runjournal.formats.found import ReadOptions, Unreadable, derived_uid

from .lifting_helpers import TODAY, legs, sample, specs

OPTIONS = ReadOptions(today=TODAY)
LB = 453.59237
HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","{weight}","reps","distance_km",'
    '"duration_seconds","rpe"\n'
)


def export(
    rows: Sequence[tuple[str, ...]], *, weight: str = "weight_kg", end: str = "08:30"
) -> str:
    """Rows of (exercise, set_type, weight, reps[, rpe[, seconds]]) in one workout."""
    lines = [HEADER.format(weight=weight)]
    for i, row in enumerate(rows):
        ex, kind, kg, reps, rpe, secs = (*row, "", "")[:6]
        lines.append(
            f'"Legs","20 Nov 2026, 07:30","20 Nov 2026, {end}","quads","{ex}",,"",'
            f'{i},"{kind}",{kg},{reps},,{secs},{rpe}\n'
        )
    return "".join(lines)


def read(text: str, options: ReadOptions = OPTIONS):
    return hevy.read(text.encode(), "workouts.csv", options)


def test_sample_first_workout_by_hand() -> None:
    data = sample("csv/hevy_kg__dakheera47.csv")
    found = hevy.read(data, "workouts.csv", OPTIONS)
    days = legs(found)
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    workouts = {(r["start_time"], r["title"]) for r in rows}
    assert len(days) + found.skipped["no leg exercises"] == len(workouts) == 335
    first = next(d for d in days if (d.date, d.time) == (date(2025, 9, 15), "07:48"))
    assert first.duration_s == 85 * 60  # 07:48 → 09:13
    # Leg working-set RPEs 9, 9.5, 9, 9.5, 9.5, 7.5, 8.5, 9.5, 7.5, 8, 8: 9.5 → 10.
    assert (first.rpe, first.to_failure) == (10, True)
    assert specs(first) == [
        "Seated Leg Curl (Machine) 1x12@78kg",
        "Seated Leg Curl (Machine) 1x10@78kg",
        "Squat (Barbell) 1x10@77.5kg",
        "Squat (Barbell) 1x9@77.5kg",
        "Squat (Barbell) 1x8@77.5kg",
        "Leg Extension (Machine) 2x12@108kg",
        "Leg Extension (Machine) 1x11@108kg",
        "Calf Press (Machine) 2x10@175kg",
        "Calf Press (Machine) 1x10@170kg",
    ]  # warm-ups, the back extension and the cable crunch are not leg sets here
    assert first.notes == "Lower // Ramp // Strength // 1 (Hevy)"
    assert first.uid == derived_uid("Hevy", "2025-09-15T07:48:00", "Lower // Ramp // Strength // 1")


def test_recognised_and_not_as_strong() -> None:
    for weight in ("weight_kg", "weight_lbs"):
        head = HEADER.format(weight=weight).encode()
        assert hevy.looks_like(head)
        assert not strong.looks_like(head)
        assert hevy.looks_like(b"\xef\xbb\xbf" + head)


def test_set_types_warmup_left_out_dropset_kept_failure_marks_the_day() -> None:
    rows = [
        ("Squat (Barbell)", "warmup", "60", "5", "6"),
        ("Squat (Barbell)", "normal", "100", "5", "7"),
        ("Squat (Barbell)", "normal", "100", "5", "7.5"),
        ("Squat (Barbell)", "dropset", "80", "8", "8"),
        ("Leg Press (Machine)", "failure", "200", "12", "6.5"),
    ]
    (day,) = legs(read(export(rows)))
    assert specs(day) == [
        "Squat (Barbell) 2x5@100kg",
        "Squat (Barbell) 1x8@80kg",
        "Leg Press (Machine) 1x12@200kg",
    ]
    assert (day.rpe, day.to_failure, day.duration_s) == (8, True, 60 * 60)
    assert day.notes == "Legs (Hevy); quads"


def test_weight_in_pounds() -> None:
    (day,) = legs(
        read(export([("Romanian Deadlift (Barbell)", "normal", "225", "8")], weight="weight_lbs"))
    )
    assert day.exercises[0].weight_g == round(225 * LB)


def test_bodyweight_timed_and_zero_rep_sets() -> None:
    rows = [
        ("Walking Lunge", "normal", "", "12"),  # bodyweight: no weight
        ("Wall Sit", "normal", "", "", "", "60"),  # timed only: left out
        ("Box Jump", "normal", "", "0"),  # zero reps: left out
    ]
    (day,) = legs(read(export(rows)))
    assert specs(day) == ["Walking Lunge 1x12"]
    assert "RPE 7 assumed" in day.notes


def test_end_before_start_or_missing_gives_an_estimate() -> None:
    rows = [("Hip Thrust (Barbell)", "normal", "100", "10", "8")] * 3
    (day,) = legs(read(export(rows, end="07:00")))
    assert day.duration_s == 9 * 60
    assert "duration estimated" in day.notes
    text = export(rows).replace('"20 Nov 2026, 08:30"', '""')
    (no_end,) = legs(read(text))
    assert no_end.duration_s == 9 * 60


def test_upper_body_workout_skipped() -> None:
    found = read(export([("Bench Press (Barbell)", "normal", "80", "5")]))
    assert found.entries == []
    assert found.skipped == {"no leg exercises": 1}


def test_not_a_hevy_export() -> None:
    with pytest.raises(Unreadable, match="exercise_title"):
        read('"title","start_time","reps"\n"a","15 Sep 2025, 07:48",5\n')
    with pytest.raises(Unreadable, match="start_time"):
        read(export([("Squat", "normal", "1", "1")]).replace("20 Nov 2026, 07:30", "soon"))


def test_empty_file_and_header_only_find_nothing() -> None:
    for text in ("", HEADER.format(weight="weight_kg")):
        found = read(text)
        assert (found.entries, dict(found.skipped)) == ([], {})


def test_only_the_three_needed_columns() -> None:
    # No title, end_time, description, set_type or weight column: every set is a working
    # bodyweight set, the duration is estimated and the notes name only the app.
    (day,) = legs(read('"start_time","exercise_title","reps"\n"20 Nov 2026, 07:30","Squat",5\n'))
    assert specs(day) == ["Squat 1x5"]
    assert (day.date, day.time, day.duration_s, day.rpe, day.to_failure) == (
        date(2026, 11, 20),
        "07:30",
        3 * 60,
        7,
        False,
    )
    assert day.notes == (
        "Hevy; duration estimated at 3 min per working set (1 sets; none in the file); "
        "RPE 7 assumed (none in the file)"
    )
    assert day.uid == derived_uid("Hevy", "2026-11-20T07:30:00", "")


def test_empty_title_notes_start_with_the_app() -> None:
    text = export([("Squat (Barbell)", "normal", "100", "5", "8")]).replace('"Legs"', '""')
    (day,) = legs(read(text))
    assert day.notes == "Hevy; quads"
    assert day.uid == derived_uid("Hevy", "2026-11-20T07:30:00", "")


def test_rows_without_a_date_are_counted_and_the_rest_read() -> None:
    text = export(
        [
            ("Squat (Barbell)", "normal", "100", "5", "8"),
            ("Squat (Barbell)", "normal", "100", "5", "8"),
            ("Squat (Barbell)", "normal", "100", "5", "8"),
            ("Leg Press (Machine)", "normal", "200", "10", "8"),
        ]
    )
    lines = text.splitlines(keepends=True)
    for n in (2, 3):  # the second and third sets lost their start time
        lines[n] = lines[n].replace('"20 Nov 2026, 07:30"', '""', 1)
    found = read("".join(lines))
    (day,) = legs(found)
    assert specs(day) == ["Squat (Barbell) 1x5@100kg", "Leg Press (Machine) 1x10@200kg"]
    assert dict(found.skipped) == {"row without a date": 2}


def test_no_row_with_a_date_says_what_a_start_time_looks_like() -> None:
    text = export([("Squat", "normal", "1", "1")]).replace("20 Nov 2026, 07:30", "soon")
    with pytest.raises(Unreadable) as caught:
        read(text)
    assert str(caught.value) == (
        "not a Hevy export: no row has a start_time like 15 Sep 2025, 07:48"
    )


def test_semicolon_resave_keeps_quotes_inside_a_cell() -> None:
    # A spreadsheet's re-save: semicolons, nothing quoted. The delimiter and quote are
    # found from the header alone, so the description's own quotes stay as written.
    text = (
        "title;start_time;end_time;description;exercise_title;set_type;weight_kg;reps;rpe\n"
        "Legs;20 Nov 2026, 07:30;20 Nov 2026, 08:30;'Deep' squats, then 'slow' ones;"
        "Squat (Barbell);normal;82,5;5;8\n"
    )
    (day,) = legs(read(text))
    assert specs(day) == ["Squat (Barbell) 1x5@82.5kg"]
    assert day.notes == "Legs (Hevy); 'Deep' squats, then 'slow' ones"


def test_windows_export_multiline_description_kept_as_typed() -> None:
    text = export([("Squat (Barbell)", "normal", "100", "5", "8")])
    text = text.replace('"quads"', '"line one\nline two"').replace("\n", "\r\n")
    (day,) = legs(read(text))
    assert day.notes == "Legs (Hevy); line one\r\nline two"
    assert specs(day) == ["Squat (Barbell) 1x5@100kg"]
