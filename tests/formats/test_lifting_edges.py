"""The helpers Strong and Hevy share (formats/lifting.py) at their edges: decoding a
file, splitting it into rows, reading numbers and units, and the range, duration and
RPE rules that turn set rows into a leg day (SPEC §7 "Sets → leg days")."""

from __future__ import annotations

from datetime import datetime

import pytest

from runjournal.formats.found import ReadOptions
from runjournal.formats.lifting import (
    SetRow,
    Workout,
    csv_rows,
    decode,
    number,
    read_workouts,
    weight_unit,
)

from .lifting_helpers import TODAY, legs, specs

OPTIONS = ReadOptions(today=TODAY)
START = datetime(2026, 11, 20, 7, 30)  # noqa: DTZ001 - local wall-clock time, as the apps write it


def workout(*sets: SetRow, duration_s: float | None = 3600.0) -> Workout:
    return Workout("Hevy", START, "Legs", duration_s, "", list(sets))


def squat(reps: float = 5, weight: float | None = 100, rpe: float | None = 8) -> SetRow:
    return SetRow("Squat (Barbell)", reps=reps, weight=weight, unit="kg", rpe=rpe)


# Decoding ------------------------------------------------------------------------------


def test_utf16_with_a_big_endian_bom() -> None:
    text = "title,reps\nBeintag ü,5\n"
    assert decode(b"\xfe\xff" + text.encode("utf-16-be")) == text
    assert decode(b"\xff\xfe" + text.encode("utf-16-le")) == text


def test_utf16_broken_character_and_cut_tail_become_replacement_marks() -> None:
    # Half of an emoji (a lone surrogate), and a file one byte short.
    broken = b"\xff\xfe" + "quads ".encode("utf-16-le") + b"\x3d\xd8" + " day".encode("utf-16-le")
    assert decode(broken) == "quads \ufffd day"
    assert decode(b"\xff\xfe" + "5\n".encode("utf-16-le")[:-1]) == "5\ufffd"


def test_not_utf8_is_read_as_latin1() -> None:
    text = "Übungen für Beine; Größe\n"
    assert decode(text.encode("latin-1")) == text
    assert decode(b"\xef\xbb\xbf" + text.encode()) == text


# CSV rows ------------------------------------------------------------------------------


def test_one_column_file_is_one_column() -> None:
    # No `,` `;` or tab in the header: no letter of it is taken for a delimiter.
    assert list(csv_rows("EXERCISE\nSquat\nLunge\n")) == [
        {"exercise": "Squat"},
        {"exercise": "Lunge"},
    ]
    assert list(csv_rows("reps\n5\n")) == [{"reps": "5"}]


def test_short_rows_are_filled_with_empty_cells() -> None:
    assert list(csv_rows("a,b,c\n1\n2,3\n")) == [
        {"a": "1", "b": "", "c": ""},
        {"a": "2", "b": "3", "c": ""},
    ]


# Numbers and units ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10.0", 10.0),
        ("82,5", 82.5),
        (" 1 234,5 ", 1234.5),
        ("1 000", 1000.0),
        ("1,234.5", None),
        ("", None),
        (None, None),
        ("heavy", None),
        ("nan", None),
        ("inf", None),
        ("-inf", None),
        ("1e400", None),
    ],
)
def test_number(text: str | None, value: float | None) -> None:
    assert number(text) == value


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("kg", "kg"),
        ("KG", "kg"),
        ("kgs", "kg"),
        (" Kgs ", "kg"),
        ("kilograms", "kg"),
        ("Kilograms", "kg"),
        ("lb", "lb"),
        ("LB", "lb"),
        ("lbs", "lb"),
        ("pounds", "lb"),
        ("Pounds", "lb"),
        ("", None),
        (None, None),
        ("stone", None),
    ],
)
def test_weight_unit(text: str | None, unit: str | None) -> None:
    assert weight_unit(text) == unit


# Ranges --------------------------------------------------------------------------------


def test_a_single_rep_is_a_set() -> None:
    found = read_workouts([workout(squat(reps=1, weight=140))], OPTIONS)
    (day,) = legs(found)
    assert specs(day) == ["Squat (Barbell) 1x1@140kg"]
    assert dict(found.skipped) == {}


def test_reps_up_to_1000() -> None:
    sets = [SetRow("Calf Raise", reps=1000), SetRow("Calf Raise", reps=1001)]
    found = read_workouts([workout(*sets)], OPTIONS)
    (day,) = legs(found)
    assert specs(day) == ["Calf Raise 1x1000"]
    assert dict(found.skipped) == {"set out of range": 1}


def test_weights_from_0_to_1000_kg() -> None:
    # 0.4 g rounds to 0 g (still in range); 1000 kg is the limit, 1 g more is not.
    sets = [
        squat(reps=3, weight=0.0004),
        squat(reps=2, weight=1000),
        squat(reps=1, weight=1000.001),
    ]
    found = read_workouts([workout(*sets)], OPTIONS)
    (day,) = legs(found)
    assert [(ex.reps, ex.weight_g) for ex in day.exercises] == [(3, 0), (2, 1_000_000)]
    assert dict(found.skipped) == {"set out of range": 1}


# Durations -----------------------------------------------------------------------------


def notes_for_duration(duration_s: float | None, sets: int = 3) -> tuple[int, str]:
    (day,) = legs(read_workouts([workout(*[squat()] * sets, duration_s=duration_s)], OPTIONS))
    return day.duration_s, day.notes


def test_own_duration_from_one_minute_to_four_hours() -> None:
    assert notes_for_duration(60) == (60, "Legs (Hevy)")
    assert notes_for_duration(4 * 3600) == (4 * 3600, "Legs (Hevy)")


def test_duration_under_a_minute_is_estimated() -> None:
    assert notes_for_duration(59) == (
        9 * 60,
        "Legs (Hevy); duration estimated at 3 min per working set (3 sets; under 1 min)",
    )


def test_duration_over_four_hours_is_estimated() -> None:
    assert notes_for_duration(4 * 3600 + 1) == (
        9 * 60,
        "Legs (Hevy); duration estimated at 3 min per working set (3 sets; over 4 h)",
    )


def test_estimate_is_at_most_600_minutes() -> None:
    assert notes_for_duration(None, sets=201) == (
        600 * 60,
        "Legs (Hevy); duration estimated at 3 min per working set (201 sets; none in the file)",
    )


# RPE -----------------------------------------------------------------------------------


def rpe_of(*rpes: float) -> tuple[int, str]:
    (day,) = legs(read_workouts([workout(*[squat(rpe=r) for r in rpes])], OPTIONS))
    return day.rpe, day.notes


def test_rpe_from_1_to_10_is_taken() -> None:
    assert rpe_of(1) == (1, "Legs (Hevy)")
    assert rpe_of(10) == (10, "Legs (Hevy)")


def test_rpe_outside_1_to_10_is_ignored() -> None:
    assert rpe_of(10.5, 0.5) == (7, "Legs (Hevy); RPE 7 assumed (none in the file)")
    assert rpe_of(11, 9) == (9, "Legs (Hevy)")
