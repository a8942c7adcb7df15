"""The exact field and message of every refusal the domain makes.

The CLI prints these as `error: FIELD: MESSAGE` and the TUI shows them next to the
field, so they are part of the contract: a person must be told which field is wrong and
how to write it. Each case names one rule; a changed limit, a lost example or a message
pinned to the wrong field fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from runjournal.domain import parse as p
from runjournal.domain.checklist import check_label
from runjournal.domain.entries import parse_exercise, parse_kind
from runjournal.domain.entry_json import entry_from_dict
from runjournal.domain.errors import InputError
from runjournal.domain.settings import parse_setting

TODAY = date(2026, 11, 24)
DISTANCE = "e.g. 5, 5km, 3.1mi or 800m"
DURATION = "e.g. 45, 45m, 52:30, 1:05:00 or 1h05m"
EXAMPLE = "e.g. 'back squat 5x5@100kg'"
RUN = {"kind": "run", "date": "2026-11-01", "distance_km": 5, "duration_s": 1800}
LEG = {"kind": "leg", "date": "2026-11-01", "duration_min": 40, "rpe": 5}


def leg_with(**exercise: Any) -> dict[str, Any]:
    return {**LEG, "exercises": [{"name": "squat", "sets": 3, "reps": 5, **exercise}]}


CASES: list[tuple[str, Callable[[], object], str, str]] = [
    # (what, call, field, message)
    ("future date", lambda: p.parse_date("2026-11-25", TODAY), "date",
     "2026-11-25 is in the future; log sessions you have done "
     "(today, yesterday or an earlier YYYY-MM-DD)"),
    ("not a date", lambda: p.parse_date("someday", TODAY), "date",
     "'someday' is not a date; use YYYY-MM-DD, today, yesterday, a weekday (mon) or 3d "
     "(3 days ago)"),
    ("time", lambda: p.parse_time("25:00"), "time",
     "'25:00' is not a time of day; use HH:MM, e.g. 07:30"),
    ("not a distance", lambda: p.parse_distance("five"), "distance",
     f"'five' is not a distance; {DISTANCE}"),
    ("zero distance", lambda: p.parse_distance("0"), "distance",
     f"must be more than 0 km; {DISTANCE}"),
    ("long distance", lambda: p.parse_distance("501"), "distance",
     f"must be at most 500 km; {DISTANCE}"),
    ("endless distance", lambda: p.parse_distance("9" * 400), "distance",
     f"must be at most 500 km; {DISTANCE}"),
    ("distance field", lambda: p.parse_distance("0", field="distance_km"), "distance_km",
     f"must be more than 0 km; {DISTANCE}"),
    ("not a duration", lambda: p.parse_duration("soon"), "duration",
     f"'soon' is not a duration; {DURATION}"),
    ("no run time", lambda: p.check_run_duration(0), "duration",
     f"must be more than 0; {DURATION}"),
    ("long run", lambda: p.check_run_duration(48 * 3600 + 1), "duration",
     f"must be at most 48 h; {DURATION}"),
    ("short leg day", lambda: p.check_leg_duration(59), "duration",
     "must be 1 to 600 minutes, e.g. 60 or 1h"),
    ("long leg day", lambda: p.check_leg_duration(600 * 60 + 1), "duration",
     "must be 1 to 600 minutes, e.g. 60 or 1h"),
    # 5 km in 9:59 is 1:59.8/km: shown rounded down, never as the limit itself.
    ("pace", lambda: p.check_pace(5000, 599), "duration",
     "a pace of 1:59/km is faster than 2:00/km; check the distance and duration"),
    ("rpe", lambda: p.parse_rpe("11"), "rpe",
     "11 is out of range; use 1 to 10 (1 very easy, 10 all out)"),
    ("rpe word", lambda: p.parse_rpe("hard"), "rpe",
     "'hard' is not a whole number from 1 to 10 (1 very easy, 10 all out)"),
    ("rpe flag", lambda: p.parse_rpe(True), "rpe",  # type: ignore[arg-type]
     "must be a whole number from 1 to 10 (1 very easy, 10 all out)"),
    ("hr", lambda: p.parse_hr("251"), "hr",
     "251 is out of range; use 30 to 250 beats per minute, e.g. 142"),
    ("soreness", lambda: p.parse_soreness("11"), "soreness",
     "11 is out of range; use 0 to 10 (0 none, 5 sore, 8+ too sore to walk)"),
    ("run type", lambda: p.parse_run_type("jog"), "type",
     "'jog' is not a run type; use one of recovery, easy, long, tempo, hills, intervals, race"),
    ("notes", lambda: p.check_notes("x" * 2001), "notes",
     "is 2001 characters long; the limit is 2000"),
    ("no exercise name", lambda: p.check_exercise_name(" "), "exercise",
     f"needs a name, {EXAMPLE}"),
    ("long exercise name", lambda: p.check_exercise_name("x" * 101), "exercise",
     "name is longer than 100 characters"),
    ("sets", lambda: p.check_sets(51), "exercise", "51 is out of range; use 1 to 50 sets"),
    ("reps", lambda: p.check_reps(1001), "exercise", "1001 is out of range; use 1 to 1000 reps"),
    ("not a weight", lambda: p.parse_weight("heavy"), "weight",
     "'heavy' is not a weight; e.g. 100, 100kg or 225lb"),
    ("heavy", lambda: p.parse_weight("1001kg"), "weight",
     "must be 0 to 1000 kg, e.g. 100kg or 225lb"),
    ("heavy grams", lambda: p.check_weight(1_000_001), "weight",
     "must be 0 to 1000 kg, e.g. 100kg or 225lb"),
    ("exercise", lambda: parse_exercise("squat 5x"), "exercise",
     f"'squat 5x' is not NAME SETSxREPS[@WEIGHT], {EXAMPLE}"),
    ("exercise field", lambda: parse_exercise("squat 0x5", field="exercise 2"), "exercise 2",
     "0 is out of range; use 1 to 50 sets"),
    ("exercise weight field", lambda: parse_exercise("squat 5x5@2000", field="exercise 3"),
     "exercise 3", "must be 0 to 1000 kg, e.g. 100kg or 225lb"),
    ("kind", lambda: parse_kind("bike"), "kind",
     "'bike' is not a kind of entry; use run, leg or checkin"),
    ("label", lambda: check_label(" "), "label",
     "an item needs some text, e.g. 'Foam roll calves'"),
    ("long label", lambda: check_label("x" * 121), "label", "is longer than 120 characters"),
    ("setting", lambda: parse_setting("colour", "red"), "key",
     "'colour' is not a setting; use one of units, weight_units, fitness_level, "
     "recovery_rate, recovery_run_max_minutes, theme, import_folders"),
    ("minutes word", lambda: parse_setting("recovery_run_max_minutes", "ten"),
     "recovery_run_max_minutes", "'ten' is not a whole number of minutes, 10 to 90"),
    ("minutes high", lambda: parse_setting("recovery_run_max_minutes", "91"),
     "recovery_run_max_minutes", "91 is out of range; use 10 to 90 minutes"),
    ("minutes low", lambda: parse_setting("recovery_run_max_minutes", "9"),
     "recovery_run_max_minutes", "9 is out of range; use 10 to 90 minutes"),
    ("theme", lambda: parse_setting("theme", "pink"), "theme",
     "'pink' is not a theme; use one of textual-dark, textual-light, nord, gruvbox, "
     "tokyo-night, solarized-light"),
    ("units", lambda: parse_setting("units", "furlongs"), "units",
     "'furlongs' is not allowed; use one of km, mi"),
    ("json fraction", lambda: entry_from_dict({**RUN, "duration_s": 1800.5}, TODAY),
     "duration_s", "must be a whole number"),
    ("json text", lambda: entry_from_dict({**RUN, "distance_km": "5"}, TODAY),
     "distance_km", 'must be a number, not "5"'),
    ("json missing", lambda: entry_from_dict({**RUN, "distance_km": None}, TODAY),
     "distance_km", "is missing"),
    ("json sets", lambda: entry_from_dict(leg_with(sets=0), TODAY), "exercises",
     "0 is out of range; use 1 to 50 sets"),
    ("json reps", lambda: entry_from_dict(leg_with(reps=1001), TODAY), "exercises",
     "1001 is out of range; use 1 to 1000 reps"),
    ("json weight", lambda: entry_from_dict(leg_with(weight_kg=1001), TODAY), "exercises",
     "must be 0 to 1000 kg, e.g. 100kg or 225lb"),
    ("json name", lambda: entry_from_dict(leg_with(name=" "), TODAY), "exercises",
     f"needs a name, {EXAMPLE}"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "field", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_refusal_names_its_field_and_says_how(
    call: Callable[[], object], field: str, message: str
) -> None:
    with pytest.raises(InputError) as refused:
        call()
    assert (refused.value.field, refused.value.message) == (field, message)
    assert str(refused.value) == f"{field}: {message}"


@pytest.mark.parametrize(
    ("call", "value"),
    [
        (lambda: p.check_leg_duration(60), 60),
        (lambda: p.check_leg_duration(600 * 60), 36_000),
        (lambda: p.check_exercise_name("x" * 100), "x" * 100),
        (lambda: check_label("x" * 120), "x" * 120),
        (lambda: p.check_weight(1_000_000), 1_000_000),
        (lambda: p.parse_weight("225LB"), 102_058),
        (lambda: p.parse_weight("100 KGS"), 100_000),
        (lambda: parse_setting("recovery_run_max_minutes", "10"), 10),
        (lambda: parse_setting("recovery_run_max_minutes", "90"), 90),
        (lambda: parse_setting("theme", "nord"), "nord"),
        (lambda: p.parse_duration("1H05M"), 3900),
        (lambda: p.parse_duration("1:59:59"), 7199),
        (lambda: p.whole_number("9" * 18), 10**18 - 1),
        (lambda: p.whole_number("9" * 19), 10**18),
    ],
)
def test_the_ends_of_each_range_are_accepted(call: Callable[[], object], value: object) -> None:
    assert call() == value
