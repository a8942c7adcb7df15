"""Every accepted form and every refusal of SPEC §2."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from runjournal.domain import parse as p
from runjournal.domain.entries import (
    Exercise,
    Run,
    build_checkin,
    build_leg_day,
    build_run,
    parse_exercise,
)
from runjournal.domain.entry_json import entry_from_dict
from runjournal.domain.errors import InputError

TODAY = date(2026, 11, 24)


def refused(call: Callable[[], object], field: str) -> InputError:
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field
    assert info.value.message
    return info.value


def shows_example(error: InputError, *examples: str) -> None:
    assert any(example in error.message for example in examples), error.message


# Distance ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("5", 5000),
        ("5km", 5000),
        ("5 km", 5000),
        ("5KM", 5000),
        ("5k", 5000),  # how most runners write it: 5000 m, not 5 m
        ("5K", 5000),
        ("21.1k", 21_100),
        ("5.5", 5500),
        ("5,5", 5500),
        ("3.1mi", 4989),
        ("1mi", 1609),
        ("800m", 800),
        ("0.001", 1),
        ("500", 500_000),
        ("500km", 500_000),
        ("500000m", 500_000),
    ],
)
def test_distance_accepted(text: str, metres: int) -> None:
    assert p.parse_distance(text) == metres


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "0km",
        "0m",
        "0.0001",
        "500.001",
        "501",
        "311mi",
        "-5",
        "five",
        "5 miles",
        "",
        "9" * 400,
        "10,000m",
        "1,500",
    ],
)
def test_distance_refused(text: str) -> None:
    error = refused(lambda: p.parse_distance(text), "distance")
    shows_example(error, "5km", "3.1mi")


# Duration ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45", 45 * 60),
        ("45.5", 45 * 60 + 30),
        ("45m", 45 * 60),
        ("45min", 45 * 60),
        ("1h05m", 3900),
        ("1h", 3600),
        ("1h 5m", 3900),
        ("90s", 90),
        ("52:30", 52 * 60 + 30),
        ("5:07", 307),
        ("1:05:00", 3900),
        ("48:00:00", 48 * 3600),
    ],
)
def test_duration_accepted(text: str, seconds: int) -> None:
    assert p.check_run_duration(p.parse_duration(text)) == seconds


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "-5",
        "52:60",
        "1:60:00",
        "1:00:60",
        "1h5",
        "5 hours",
        "1e5",
        "9" * 5000 + ":00",
        "1,500",
    ],
)
def test_duration_unparseable(text: str) -> None:
    error = refused(lambda: p.check_run_duration(p.parse_duration(text)), "duration")
    shows_example(error, "52:30", "1h05m")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1m30s", 90),
        ("1m59s", 119),
        ("1h59s", 3659),
        ("1h59m59s", 7199),
        ("1h59.5m", 7170),
        ("75m", 4500),  # minutes alone may pass 59, as seconds alone may
        ("75s", 75),
    ],
)
def test_duration_in_units_accepted(text: str, seconds: int) -> None:
    assert p.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["1h60m", "1h60.5m", "1m60s", "5m61s", "1h60s", "1h5m60s"])
def test_duration_in_units_refuses_60_after_a_larger_unit(text: str) -> None:
    # As 0:60:00 and 1:00:60 are refused: 1h60m is a typo, not 2 hours.
    error = refused(lambda: p.parse_duration(text), "duration")
    assert error.message == f"'{text}' is not a duration; {p.DURATION_EXAMPLE}"


@pytest.mark.parametrize("text", ["0", "0:00", "0m", "48:00:01", "2881", "49h"])
def test_run_duration_out_of_range(text: str) -> None:
    error = refused(lambda: p.check_run_duration(p.parse_duration(text)), "duration")
    shows_example(error, "52:30", "1h05m")


@pytest.mark.parametrize(("text", "seconds"), [("1", 60), ("600", 36000), ("10:00:00", 36000)])
def test_leg_duration_accepted(text: str, seconds: int) -> None:
    assert p.check_leg_duration(p.parse_duration(text)) == seconds


@pytest.mark.parametrize("text", ["0", "0.5", "601", "10:00:01", "11h"])
def test_leg_duration_refused(text: str) -> None:
    error = refused(lambda: p.check_leg_duration(p.parse_duration(text)), "duration")
    shows_example(error, "e.g. 60")


# Pace --------------------------------------------------------------------------------


def test_pace_of_exactly_two_minutes_per_km_is_accepted() -> None:
    run = build_run(today=TODAY, distance="5", duration="10:00")
    assert run.pace_s_per_km == 120


@pytest.mark.parametrize(("distance", "duration"), [("5", "9:59"), ("42.2", "30"), ("10mi", "20")])
def test_pace_faster_than_two_minutes_is_refused(distance: str, duration: str) -> None:
    error = refused(
        lambda: build_run(today=TODAY, distance=distance, duration=duration), "duration"
    )
    assert "2:00/km" in error.message


# Exercises ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "exercise"),
    [
        ("back squat 5x5@100kg", Exercise("back squat", 5, 5, 100_000)),
        ("walking lunges 3x12", Exercise("walking lunges", 3, 12, None)),
        ("deadlift 3x5@140", Exercise("deadlift", 3, 5, 140_000)),
        ("deadlift 3 x 5 @ 140 kg", Exercise("deadlift", 3, 5, 140_000)),
        ("leg press 4x10@225lb", Exercise("leg press", 4, 10, 102_058)),
        ("leg press 4x10@225lbs", Exercise("leg press", 4, 10, 102_058)),
        ("calf raise 3X20@0", Exercise("calf raise", 3, 20, 0)),
        ("step ups 1x1000", Exercise("step ups", 1, 1000, None)),
        ("squat 50x1@1000kg", Exercise("squat", 50, 1, 1_000_000)),
        ("  goblet   squat  3x10@24.5kg ", Exercise("goblet squat", 3, 10, 24_500)),
    ],
)
def test_exercise_accepted(spec: str, exercise: Exercise) -> None:
    assert parse_exercise(spec) == exercise


@pytest.mark.parametrize(
    ("spec", "example"),
    [
        ("squat", "5x5@100kg"),
        ("5x5", "5x5@100kg"),
        ("squat 5x", "5x5@100kg"),
        ("squat 0x5", "1 to 50"),
        ("squat 51x5", "1 to 50"),
        ("squat 5x0", "1 to 1000"),
        ("squat 5x1001", "1 to 1000"),
        ("squat 5x5@1001kg", "1000 kg"),
        ("squat 5x5@2205lb", "1000 kg"),
        ("squat 5x5@-10", "100kg"),
        ("squat 5x5@heavy", "100kg"),
        ("squat 5x5@1,000", "100kg"),
        ("squat 5x5@" + "9" * 400, "1000 kg"),
        ("squat " + "9" * 5000 + "x5", "1 to 50"),
        ("x" * 101 + " 5x5", "100 characters"),
    ],
)
def test_exercise_refused(spec: str, example: str) -> None:
    error = refused(lambda: parse_exercise(spec), "exercise")
    assert example in error.message


# Dates and times ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TODAY),
        ("Today", TODAY),
        ("yesterday", date(2026, 11, 23)),
        (" YESTERDAY ", date(2026, 11, 23)),
        ("2026-11-24", TODAY),
        ("2024-02-29", date(2024, 2, 29)),
        ("2000-01-01", date(2000, 1, 1)),
    ],
)
def test_date_accepted(text: str, day: date) -> None:
    assert p.parse_date(text, TODAY) == day


@pytest.mark.parametrize(
    "text", ["", "tomorrow", "24/11/2026", "2026-1-5", "2026-02-30", "2025-02-29", "20261124"]
)
def test_date_unparseable(text: str) -> None:
    error = refused(lambda: p.parse_date(text, TODAY), "date")
    shows_example(error, "YYYY-MM-DD")


@pytest.mark.parametrize("text", ["2026-11-25", "2027-01-01"])
def test_future_date_refused_for_sessions(text: str) -> None:
    error = refused(lambda: p.parse_date(text, TODAY), "date")
    assert "future" in error.message
    shows_example(error, "YYYY-MM-DD", "today")
    assert p.parse_date(text, TODAY, allow_future=True) == date.fromisoformat(text)


def test_future_date_refused_by_every_builder() -> None:
    refused(lambda: build_run(today=TODAY, distance="5", duration="30", date="2026-11-25"), "date")
    refused(lambda: build_leg_day(today=TODAY, duration="30", rpe="5", date="2026-11-25"), "date")
    refused(lambda: build_checkin(today=TODAY, soreness="3", date="2026-11-25"), "date")


@pytest.mark.parametrize(
    ("text", "value"),
    [("07:30", "07:30"), ("7:30", "07:30"), ("00:00", "00:00"), ("23:59", "23:59"), (None, None)],
)
def test_time_accepted(text: str | None, value: str | None) -> None:
    assert p.parse_time(text) == value


@pytest.mark.parametrize("text", ["24:00", "07:60", "0730", "7.30", "7:3", "noon", "-1:00"])
def test_time_refused(text: str) -> None:
    error = refused(lambda: p.parse_time(text), "time")
    shows_example(error, "HH:MM")


# Numbers in ranges -------------------------------------------------------------------

RANGES = [
    (p.parse_rpe, "rpe", 1, 10),
    (p.parse_hr, "hr", 30, 250),
    (p.parse_soreness, "soreness", 0, 10),
]


@pytest.mark.parametrize(("parser", "field", "low", "high"), RANGES)
def test_ranges_accept_their_ends(
    parser: Callable[[str | int], int], field: str, low: int, high: int
) -> None:
    assert parser(str(low)) == low
    assert parser(f" {high} ") == high
    assert parser(high) == high


@pytest.mark.parametrize(("parser", "field", "low", "high"), RANGES)
@pytest.mark.parametrize("offset", ["below", "above", "text", "fraction", "bool"])
def test_ranges_refuse(
    parser: Callable[[str | int], int], field: str, low: int, high: int, offset: str
) -> None:
    values: dict[str, str | int] = {
        "below": str(low - 1),
        "above": str(high + 1),
        "text": "lots",
        "fraction": f"{low}.5",
        "bool": True,
    }
    error = refused(lambda: parser(values[offset]), field)
    assert re.search(rf"\b{low} to {high}\b", error.message), error.message


@pytest.mark.parametrize(
    ("parser", "text", "message"),
    [
        (
            p.parse_soreness,
            "-1",
            "-1 is out of range; use 0 to 10 (0 none, 5 sore, 8+ too sore to walk)",
        ),
        (p.parse_soreness, "-0", None),
        (p.parse_soreness, "+7", None),
        (p.parse_rpe, "-3", "-3 is out of range; use 1 to 10 (1 very easy, 10 all out)"),
        (p.parse_hr, "251", "251 is out of range; use 30 to 250 beats per minute, e.g. 142"),
    ],
)
def test_signed_numbers_keep_their_sign(
    parser: Callable[[str], int], text: str, message: str | None
) -> None:
    if message is None:
        assert parser(text) == int(text)
    else:
        with pytest.raises(InputError) as info:
            parser(text)
        assert info.value.message == message


# Weight ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "grams"),
    [("100", 100_000), ("100kg", 100_000), ("22,5", 22_500), ("225lb", 102_058), ("0", 0)],
)
def test_weight_accepted(text: str, grams: int) -> None:
    assert p.parse_weight(text) == grams


def test_weight_with_a_thousands_comma_is_ambiguous() -> None:
    error = refused(lambda: p.parse_weight("1,000"), "weight")
    assert error.message == (
        "'1,000' is ambiguous; write it without the comma, e.g. 100, 100kg or 225lb"
    )


# Notes and run types -----------------------------------------------------------------


def test_notes_up_to_2000_characters_stored_exactly() -> None:
    prefix = "  ünïcödé 🏃\nline two\t"
    text = prefix + "x" * (2000 - len(prefix))
    assert len(text) == 2000
    assert p.check_notes(text) == text
    assert p.check_notes(None) == ""


def test_notes_over_2000_refused() -> None:
    error = refused(lambda: p.check_notes("x" * 2001), "notes")
    assert "2000" in error.message


@pytest.mark.parametrize(
    "kind", ["recovery", "easy", "long", "tempo", "hills", "intervals", "race"]
)
def test_run_types_accepted(kind: str) -> None:
    assert p.parse_run_type(kind) == kind
    assert p.parse_run_type(kind.upper()) == kind


@pytest.mark.parametrize("kind", ["jog", "", "fartlek"])
def test_run_type_refused(kind: str) -> None:
    error = refused(lambda: p.parse_run_type(kind), "type")
    assert "easy" in error.message
    assert "intervals" in error.message


def test_default_run_type_is_easy() -> None:
    assert build_run(today=TODAY, distance="5", duration="30").type == "easy"


# Import goes through the same rules --------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        ({"kind": "run", "date": "2026-11-20", "distance_km": 0, "duration_s": 60}, "distance_km"),
        (
            {"kind": "run", "date": "2026-11-20", "distance_km": float("inf"), "duration_s": 60},
            "distance_km",
        ),
        (
            {"kind": "run", "date": "2026-11-20", "distance_km": 5, "duration_s": float("nan")},
            "duration_s",
        ),
        (
            {"kind": "leg", "date": "2026-11-20", "duration_min": float("nan"), "rpe": 5},
            "duration_min",
        ),
        ({"kind": "leg", "date": "2026-11-20", "duration_min": 30, "rpe": 11}, "rpe"),
        # the day after today is accepted (SPEC §2: a journal carried across time zones)
        ({"kind": "checkin", "date": "2026-11-26", "soreness": 3}, "date"),
        ({"kind": "checkin", "date": "2026-11-20", "soreness": True}, "soreness"),
        ({"kind": "nap", "date": "2026-11-20"}, "kind"),
    ],
)
def test_import_objects_refused_with_field(obj: dict[str, object], field: str) -> None:
    refused(lambda: entry_from_dict(obj, TODAY), field)


def test_import_normalises_like_log() -> None:
    obj = {
        "kind": "run",
        "date": "2026-11-20",
        "time": "7:05",
        "distance_km": 5,
        "duration_s": 1800,
        "type": "Tempo",
    }
    run = entry_from_dict(obj, TODAY)
    assert isinstance(run, Run)
    logged = build_run(
        today=TODAY, distance="5", duration="30:00", type="Tempo", date="2026-11-20", time="7:05"
    )
    assert (run.type, run.time) == (logged.type, logged.time) == ("tempo", "07:05")


@pytest.mark.parametrize(
    ("obj", "field", "words"),
    [
        (
            {"kind": "leg", "date": "2026-11-20", "duration_min": 0.5, "rpe": 5},
            "duration_min",
            "1 to 600",
        ),
        (
            {"kind": "run", "date": "2026-11-20", "distance_km": 5, "duration_s": 3},
            "duration_s",
            "2:00",
        ),
        (
            {"kind": "run", "date": "2026-11-20", "distance_km": "5", "duration_s": 1800},
            "distance_km",
            "a number",
        ),
        (
            {
                "kind": "leg",
                "date": "2026-11-20",
                "duration_min": 30,
                "rpe": 5,
                "to_failure": "yes",
            },
            "to_failure",
            "true or false",
        ),
        (
            {
                "kind": "leg",
                "date": "2026-11-20",
                "duration_min": 30,
                "rpe": 5,
                "exercises": [{"name": "squat", "sets": 0, "reps": 5}],
            },
            "exercises",
            "1 to 50",
        ),
        ({"kind": "checkin", "date": "2026-11-20"}, "soreness", "missing"),
    ],
)
def test_import_errors_name_the_json_key(obj: dict[str, object], field: str, words: str) -> None:
    error = refused(lambda: entry_from_dict(obj, TODAY), field)
    assert words in error.message


def test_text_that_is_not_utf8_is_refused() -> None:
    # Bytes a terminal could not decode arrive as lone surrogates.
    refused(lambda: p.check_notes("bad \udcff byte"), "notes")
    refused(lambda: parse_exercise("squ\udcffat 3x5"), "exercise")
    obj = {"kind": "checkin", "date": "2026-11-20", "soreness": 2, "notes": "\ud800"}
    refused(lambda: entry_from_dict(obj, TODAY), "notes")
