"""Entries built from what a person typed, and the text the views show back."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from typing import Any

import pytest

from runjournal.domain import parse as p
from runjournal.domain.checklist import new_item_id
from runjournal.domain.edit import edited
from runjournal.domain.entries import (
    Checkin,
    Exercise,
    LegDay,
    Run,
    build_checkin,
    build_leg_day,
    build_run,
    check_exercise,
    parse_exercise,
    parse_kind,
    to_dict,
    validate,
)
from runjournal.domain.entry_json import entry_from_dict
from runjournal.domain.errors import InputError

TODAY = date(2026, 11, 24)


def test_a_run_keeps_every_field_typed() -> None:
    run = build_run(
        today=TODAY, distance="10k", duration="50:00", type="Tempo", rpe="7", hr="162",
        date="yesterday", time="7:05", notes="  windy  ",
    )  # fmt: skip
    assert run == Run(
        TODAY - timedelta(days=1), 10_000, 3000, "tempo", 7, 162, "07:05", "  windy  "
    )


def test_a_run_with_nothing_optional() -> None:
    run = build_run(today=TODAY, distance="5", duration="30", rpe="", hr="")
    assert run == Run(TODAY, 5000, 1800, "easy", None, None, None, "")


def test_a_leg_day_keeps_every_field_typed() -> None:
    leg = build_leg_day(
        today=TODAY, duration="1h", rpe="8", to_failure=True, exercises=["squat 5x5@100kg"],
        date="2026-11-20", time="18:00", notes="heavy",
    )  # fmt: skip
    expected = (Exercise("squat", 5, 5, 100_000),)
    assert leg == LegDay(date(2026, 11, 20), 3600, 8, True, expected, "18:00", "heavy")
    plain = build_leg_day(today=TODAY, duration="45", rpe="5")
    assert plain == LegDay(TODAY, 2700, 5, False, (), None, "")


def test_a_bare_distance_is_in_the_units_setting() -> None:
    miles = build_run(today=TODAY, distance="5", duration="45", units="mi")
    assert miles.distance_m == 8047  # 5 x 1609.344 m
    assert build_run(today=TODAY, distance="5km", duration="45", units="mi").distance_m == 5000


def test_a_bare_weight_is_in_the_weight_units_setting() -> None:
    leg = build_leg_day(
        today=TODAY, duration="1h", rpe="7", exercises=["squat 5x5@225", "lunge 3x8@20kg"],
        weight_units="lb",
    )  # fmt: skip
    assert leg.exercises == (Exercise("squat", 5, 5, 102_058), Exercise("lunge", 3, 8, 20_000))
    kilos = build_leg_day(today=TODAY, duration="1h", rpe="7", exercises=["squat 5x5@100"])
    assert kilos.exercises == (Exercise("squat", 5, 5, 100_000),)


@pytest.mark.parametrize(
    ("spec", "right"),
    [("squat 100kg 5x5", "squat 5x5@100kg"), ("Squat @225LBS 3x5", "Squat 3x5@225LBS")],
)
def test_a_weight_typed_in_the_name_is_refused_with_the_spec_rewritten(
    spec: str, right: str
) -> None:
    with pytest.raises(InputError) as refused:
        parse_exercise(f" {spec} ", field="exercise 2")
    assert (refused.value.field, refused.value.message) == (
        "exercise 2",
        f"'{spec}' has a weight in the name; write '{right}'",
    )


def test_a_checkin_keeps_its_notes_and_defaults_to_today() -> None:
    assert build_checkin(today=TODAY, soreness="6", notes="stairs") == Checkin(TODAY, 6, "stairs")


def test_an_exercise_error_names_the_field_it_was_given() -> None:
    for bad in (Exercise(" ", 3, 5), Exercise("squat", 0, 5), Exercise("squat", 3, 5, 2_000_000)):
        with pytest.raises(InputError) as refused:
            check_exercise(bad, field="exercise 2")
        assert refused.value.field == "exercise 2"


@pytest.mark.parametrize(
    ("grams", "text"),
    [(100_000, "100kg"), (1500, "1.5kg"), (102_058, "102.058kg"), (1, "0.001kg"), (0, "0kg")],
)
def test_format_weight(grams: int, text: str) -> None:
    assert p.format_weight(grams) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(61, "1:01"), (3599, "59:59"), (3600, "1:00:00"), (3661, "1:01:01"), (48 * 3600, "48:00:00")],
)
def test_format_duration(seconds: int, text: str) -> None:
    assert p.format_duration(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [(600, "10:00"), (59.6, "1:00"), (384, "6:24")])
def test_format_pace(seconds: float, text: str) -> None:
    assert p.format_pace(seconds) == text


def test_own_item_ids_are_cut_after_the_leading_dashes_go() -> None:
    assert new_item_id("-" + "a" * 40, set()) == "my-" + "a" * 30
    assert new_item_id("Walk", {"my-walk", "my-walk-2"}) == "my-walk-3"
    assert new_item_id("Walk", {"my-walk", "my-walk-3"}) == "my-walk-2"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("runs", "run"), (" Run ", "run"), ("legs", "leg"), ("leg-day", "leg"), ("LegDay", "leg"),
     ("checkins", "checkin"), ("checkin", "checkin")],
)  # fmt: skip
def test_the_words_people_use_for_kinds(text: str, kind: str) -> None:
    assert parse_kind(text) == kind


RUN = {"kind": "run", "date": "2026-11-01", "distance_km": 5, "duration_s": 1800}
LEG = {"kind": "leg", "date": "2026-11-01", "duration_min": 40, "rpe": 5}


@pytest.mark.parametrize(
    ("obj", "field", "message"),
    [
        (["run"], "entry", "must be a JSON object with a 'kind'"),
        ({**LEG, "exercises": ["squat 5x5"]}, "exercises",
         "must be a list of {name, sets, reps, weight_kg}"),
        ({**LEG, "exercises": [{"name": "squat", "sets": 3, "reps": 0}]}, "exercises",
         "0 is out of range; use 1 to 1000 reps"),
        ({**LEG, "rpe": 0}, "rpe", "0 is out of range; use 1 to 10 (1 very easy, 10 all out)"),
        ({**RUN, "duration_s": 0}, "duration_s",
         "must be more than 0; e.g. 45, 45m, 52:30, 1:05:00 or 1h05m"),
    ],
)  # fmt: skip
def test_json_objects_refused(obj: object, field: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        entry_from_dict(obj, TODAY)
    assert (refused.value.field, refused.value.message) == (field, message)


def test_an_edit_normalises_like_log() -> None:
    run = Run(TODAY, 5000, 1800, id=1, uid="u")
    assert edited(run, {"time": "7:05", "type": "Long"}, TODAY).time == "07:05"
    leg = LegDay(TODAY, 1800, 5, id=2, uid="v")
    changed = edited(
        leg, {"time": "6:30", "exercises": (Exercise("  back   squat ", 5, 5),)}, TODAY
    )
    assert (changed.time, changed.exercises) == ("06:30", (Exercise("back squat", 5, 5),))


def test_missing_notes_become_empty() -> None:
    checkin = Checkin(TODAY, 3, notes=None)  # type: ignore[arg-type]
    assert validate(checkin, TODAY) == Checkin(TODAY, 3, "")


def test_the_pace_limit_is_exact_even_over_500_km() -> None:
    p.check_pace(500_000, 60_000)  # 2:00/km exactly: allowed
    with pytest.raises(InputError) as refused:
        p.check_pace(500_000, 59_990)  # 1:59.98/km
    assert refused.value.message.startswith("a pace of 1:59/km is faster than 2:00/km")
    assert p.pace_s_per_km(10_000, 36_000) == 3600  # 10 km in 10 h: 60:00/km


X40 = '"' + "x" * 38 + "…"  # a JSON value is quoted in the message, cut at 40 characters


@pytest.mark.parametrize(
    ("call", "field", "message"),
    [
        (lambda: p.check_notes(5), "notes", "must be text"),  # type: ignore[arg-type]
        (lambda: p.check_notes("bad \udcff"), "notes",
         "contains bytes that are not UTF-8 text; check your terminal's encoding"),
        (lambda: p.parse_weight("9" * 400), "weight", "must be 0 to 1000 kg, e.g. 100kg or 225lb"),
        (lambda: entry_from_dict({**RUN, "distance_km": "x" * 60}, TODAY), "distance_km",
         f"must be a number, not {X40}"),
        (lambda: validate(Run(TODAY + timedelta(days=1), 5000, 1800), TODAY), "date",
         "2026-11-25 is in the future; log sessions you have done "
         "(today, yesterday or an earlier YYYY-MM-DD)"),
        (lambda: check_exercise(Exercise("squat", 3, 0), field="exercise 4"), "exercise 4",
         "0 is out of range; use 1 to 1000 reps"),
    ],
)  # fmt: skip
def test_more_refusals_word_for_word(call: Any, field: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        call()
    assert (refused.value.field, refused.value.message) == (field, message)


def test_validate_fills_missing_notes_for_every_kind() -> None:
    for entry in (Run(TODAY, 5000, 1800), LegDay(TODAY, 1800, 5)):
        missing = dataclasses.replace(entry, notes=None)  # type: ignore[arg-type]
        assert validate(missing, TODAY) == entry


def test_whole_kilometres_are_exported_as_integers() -> None:
    assert json.dumps(to_dict(Run(TODAY, 5000, 1800))["distance_km"]) == "5"
    assert json.dumps(to_dict(Run(TODAY, 5123, 1800))["distance_km"]) == "5.123"
