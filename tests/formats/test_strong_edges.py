"""Strong CSV exports: the edges of each column (the mutants test_strong.py left alive).

Each test builds one small file for one behaviour and pins every value it yields.
"""

from __future__ import annotations

from datetime import date

import pytest

from runjournal.formats import strong
from runjournal.formats.found import ReadOptions, Unreadable, derived_uid

from .lifting_helpers import TODAY, legs, specs

LB = 453.59237
START = "2026-11-20 18:00:00"


def read(text: str, options: ReadOptions | None = None):
    return strong.read(text.encode(), "strong.csv", options or ReadOptions(today=TODAY))


def export(header: str, *rows: str) -> str:
    """A file of `header` and `rows`, each a line without its line end."""
    return "\n".join((header, *rows)) + "\n"


# Durations as text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1:05", 3900),  # H:MM, no seconds
        ("0:45", 2700),
        ("1:05:30", 3930),  # H:MM:SS
        ("0:00:59", 59),
        ("1", 1.0),  # a bare number is seconds
        ("3600", 3600.0),
        ("0.5", 0.5),
    ],
)
def test_durations_on_a_clock_and_as_bare_seconds(text: str, seconds: float) -> None:
    assert strong.parse_duration(text) == seconds
    assert strong.parse_duration(text, in_seconds=True) == seconds


@pytest.mark.parametrize("text", ["0", "-5", "  0  "])
def test_a_bare_zero_is_no_duration_unless_the_column_is_in_seconds(text: str) -> None:
    # In a text column (`Duration`: "35m") a bare 0 means "not recorded" ...
    assert strong.parse_duration(text) is None
    # ... in `Duration (sec)` it is a stated length, however short.
    assert strong.parse_duration(text, in_seconds=True) == float(text)


# Which column holds the duration, and in what ----------------------------------------

SETS = ("Squat (Barbell),1,100,5", "Squat (Barbell),2,100,5", "Squat (Barbell),3,100,5")


def _with_duration(column: str, value: str) -> str:
    header = f"Date,Workout Name,{column},Exercise Name,Set Order,Weight,Reps"
    return export(header, *(f"{START},Legs,{value},{s}" for s in SETS))


@pytest.mark.parametrize("column", ["Duration (sec)", "Duration (s)", "Duration (seconds)"])
def test_a_duration_column_in_seconds_is_read_as_seconds(column: str) -> None:
    (day,) = legs(read(_with_duration(column, "2700")))
    assert day.duration_s == 2700
    assert day.notes == "Legs (Strong); RPE 7 assumed (none in the file)"


@pytest.mark.parametrize("column", ["Duration (sec)", "Duration (s)", "Duration (seconds)"])
def test_zero_in_a_seconds_column_is_a_workout_under_a_minute(column: str) -> None:
    (day,) = legs(read(_with_duration(column, "0")))
    assert day.duration_s == 3 * 3 * 60
    assert day.notes == (
        "Legs (Strong); duration estimated at 3 min per working set (3 sets; under 1 min); "
        "RPE 7 assumed (none in the file)"
    )


@pytest.mark.parametrize("column", ["Duration", "Workout Duration"])
def test_zero_in_a_text_duration_column_is_no_duration(column: str) -> None:
    (day,) = legs(read(_with_duration(column, "0")))
    assert day.duration_s == 3 * 3 * 60
    assert day.notes == (
        "Legs (Strong); duration estimated at 3 min per working set (3 sets; none in the file); "
        "RPE 7 assumed (none in the file)"
    )


def test_the_2019_layout_with_a_workout_duration_column() -> None:
    header = (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration"
    )
    text = export(
        header,
        f"{START};Beine;Kniebeuge;1;100;kg;5;8;;;0;;;1h 5m",
        f"{START};Beine;Kniebeuge;2;100;kg;5;8;;;0;;;1h 5m",
    )
    (day,) = legs(read(text))
    assert day.duration_s == 3900
    assert specs(day) == ["Kniebeuge 2x5@100kg"]
    assert day.notes == "Beine (Strong)"


# Which column holds the weight, and in what unit ----------------------------------------


@pytest.mark.parametrize(
    ("column", "grams_of_100"),
    [
        ("Weight(lbs)", round(100 * LB)),
        ("Weight(kg)", 100_000),
        ("lb", round(100 * LB)),
        ("lbs", round(100 * LB)),
        ("LBS", round(100 * LB)),
        ("Weight kg", 100_000),
        ("Weight lbs", round(100 * LB)),
        ("weight_kg", 100_000),
        ("weight_lbs", round(100 * LB)),
    ],
)
def test_the_weight_header_states_the_unit_over_the_users_choice(
    column: str, grams_of_100: int
) -> None:
    text = export(
        f"Date,Workout Name,Duration,Exercise Name,Set Order,{column},Reps",
        f"{START},Legs,1h,Leg Press,1,100,10",
    )
    # The user's choice is the other unit: only the header can give this result.
    other = "kg" if grams_of_100 != 100_000 else "lb"
    (day,) = legs(read(text, ReadOptions(today=TODAY, weight_unit=other)))
    assert [(e.name, e.sets, e.reps, e.weight_g) for e in day.exercises] == [
        ("Leg Press", 1, 10, grams_of_100)
    ]


def test_an_export_without_a_weight_column_is_bodyweight_sets() -> None:
    text = export(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Reps,Seconds",
        f"{START},Legs,40m,Pistol Squat,1,8,0",
        f"{START},Legs,40m,Pistol Squat,2,8,0",
        f"{START},Legs,40m,Walking Lunge,1,20,0",
    )
    (day,) = legs(read(text))
    assert specs(day) == ["Pistol Squat 2x8", "Walking Lunge 1x20"]
    assert [e.weight_g for e in day.exercises] == [None, None]
    assert day.duration_s == 40 * 60


# Workouts, names and notes --------------------------------------------------------------

NEW = (
    "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,"
    "Distance (meters),Seconds,Notes,Workout Notes"
)


def test_two_numbered_workouts_at_one_start_are_not_mixed() -> None:
    # Strong numbers its workouts: #7 and #8 are two, even with one start and one name.
    text = export(
        NEW,
        f"7,{START},Legs,3600,Squat (Barbell),1,100,5,8,,,,",
        f"7,{START},Legs,3600,Squat (Barbell),2,100,5,8,,,,",
        f"8,{START},Legs,1800,Lunge (Dumbbell),1,20,12,6,,,,",
    )
    found = read(text)
    assert [(specs(d), d.duration_s, d.rpe) for d in legs(found)] == [
        (["Squat (Barbell) 2x5@100kg"], 3600, 8),
        (["Lunge (Dumbbell) 1x12@20kg"], 1800, 6),
    ]
    assert found.skipped == {}


def test_an_export_without_a_workout_name_column() -> None:
    text = export(
        "Date,Duration,Exercise Name,Set Order,Weight,Reps",
        f"{START},1h,Squat (Barbell),1,100,5",
    )
    (day,) = legs(read(text))
    assert day.notes == "Strong; RPE 7 assumed (none in the file)"
    assert day.uid == derived_uid("Strong", "2026-11-20T18:00:00", "")
    assert specs(day) == ["Squat (Barbell) 1x5@100kg"]


def test_the_ten_column_layout_has_no_workout_notes_to_add() -> None:
    text = export(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE",
        f"{START},Lower Body,44m,Squat (Barbell),1,60,8,0,0,",
    )
    (day,) = legs(read(text))
    assert day.notes == "Lower Body (Strong); RPE 7 assumed (none in the file)"
    assert (day.date, day.time, day.duration_s) == (date(2026, 11, 20), "18:00", 44 * 60)


# Rows without a date, and files without one ----------------------------------------------


def test_every_row_without_a_date_is_counted_and_the_rows_after_one_are_kept() -> None:
    header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps"
    text = export(
        header,
        "yesterday,Legs,1h,Squat (Barbell),1,100,5",
        "2026-11-18 07:00:00,Legs,1h,Squat (Barbell),1,100,5",
        ",Legs,1h,Squat (Barbell),2,100,5",
        "31/31/2026 07:00,Legs,1h,Squat (Barbell),3,100,5",
        "2026-11-20 07:00:00,Legs,1h,Leg Press,1,200,10",
    )
    found = read(text)
    assert [(d.date, specs(d)) for d in legs(found)] == [
        (date(2026, 11, 18), ["Squat (Barbell) 1x5@100kg"]),
        (date(2026, 11, 20), ["Leg Press 1x10@200kg"]),
    ]
    assert found.skipped == {"row without a date": 3}


def test_the_messages_a_file_that_is_not_a_strong_export_gets() -> None:
    with pytest.raises(Unreadable) as no_date:
        read(export("Date,Workout Name,Exercise Name,Set Order,Reps", "soon,Legs,Squat,1,5"))
    assert str(no_date.value) == "not a Strong export: no row has a date like 2024-11-28 17:36:08"
    with pytest.raises(Unreadable) as no_reps:
        read(export("Date,Workout Name,Exercise Name,Set Order", f"{START},Legs,Squat,1"))
    assert str(no_reps.value) == "not a Strong export: no 'Reps' column"
