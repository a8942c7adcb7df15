"""Import's shape checks on each JSON entry, word for word.

`import` prints these as `error: entry N, FIELD: MESSAGE`, naming the JSON key, so the
field and the message are the contract: which key is wrong, what it should be, and a
short quote of what it was. Limits are checked on both sides of each edge.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from runjournal.domain.entries import Checkin, Exercise, LegDay, Run
from runjournal.domain.entry_json import MAX_EXERCISES, MAX_UID, entry_from_dict
from runjournal.domain.errors import InputError

TODAY = date(2026, 11, 24)
DISTANCE = "e.g. 5, 5km, 3.1mi or 800m"
DURATION = "e.g. 45, 45m, 52:30, 1:05:00 or 1h05m"
WEIGHT = "must be 0 to 1000 kg, e.g. 100kg or 225lb"
RUN = {"kind": "run", "date": "2026-11-01", "distance_km": 5, "duration_s": 1800}
LEG = {"kind": "leg", "date": "2026-11-01", "duration_min": 40, "rpe": 5}
CHECKIN = {"kind": "checkin", "date": "2026-11-01", "soreness": 3}
SQUAT = {"name": "squat", "sets": 3, "reps": 5, "weight_kg": 100}
BIG = "1000000000000000000"  # a number too long for any field is quoted as 10^18
HOLD = "is not a number this field can hold"
X38 = "x" * 38


def read(text: str) -> Any:
    """An entry as the import reads it: from JSON text (so 1e999 is infinity)."""
    return json.loads(text)


def refusal(obj: Any) -> tuple[str, str]:
    with pytest.raises(InputError) as refused:
        entry_from_dict(obj, TODAY)
    return refused.value.field, refused.value.message


@pytest.mark.parametrize(
    ("obj", "field", "message"),
    [
        # numbers no field can hold: infinity, NaN, and JSON numbers too long to be finite
        ({**RUN, "distance_km": float("inf")}, "distance_km", HOLD),
        (read('{"kind": "leg", "date": "2026-11-01", "duration_min": 1e999, "rpe": 5}'),
         "duration_min", HOLD),
        ({**RUN, "duration_s": float("nan")}, "duration_s", HOLD),
        # the wrong type of value, quoted as the file has it
        ({**RUN, "distance_km": "fünf"}, "distance_km", 'must be a number, not "fünf"'),
        ({**RUN, "kind": {"name": "run"}}, "kind", "must be text, not an object"),
        ({**RUN, "notes": ["windy"]}, "notes", "must be text, not a list"),
        ({**LEG, "exercises": {"squat": 5}}, "exercises", "must be a list, not an object"),
        ({**LEG, "to_failure": 1}, "to_failure", "must be true or false, not 1"),
        ({**RUN, "rpe": True}, "rpe", "must be a number, not true"),
        # a quote is cut at 40 characters: 38 x's and their quotes fit, 39 do not
        ({**RUN, "distance_km": "x" * 38}, "distance_km", f'must be a number, not "{X38}"'),
        ({**RUN, "distance_km": "x" * 39}, "distance_km", f'must be a number, not "{X38}…'),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_shape_is_quoted(obj: Any, field: str, message: str) -> None:
    assert refusal(obj) == (field, message)


@pytest.mark.parametrize(
    ("obj", "field", "message"),
    [
        # far beyond a range: refused for the end it is beyond, never wrapped into range
        ({**RUN, "distance_km": 1e13}, "distance_km", f"must be at most 500 km; {DISTANCE}"),
        ({**RUN, "distance_km": 1e308}, "distance_km", f"must be at most 500 km; {DISTANCE}"),
        ({**RUN, "distance_km": -1e13}, "distance_km", f"must be more than 0 km; {DISTANCE}"),
        ({**RUN, "duration_s": -1e19}, "duration_s", f"must be more than 0; {DURATION}"),
        ({**RUN, "duration_s": 1e19}, "duration_s", f"must be at most 48 h; {DURATION}"),
        ({**LEG, "duration_min": 1e308}, "duration_min", "must be 1 to 600 minutes, e.g. 60 or 1h"),
        ({**LEG, "exercises": [{**SQUAT, "weight_kg": 1e13}]}, "exercises", WEIGHT),
        ({**LEG, "exercises": [{**SQUAT, "weight_kg": 1e308}]}, "exercises", WEIGHT),
        ({**RUN, "hr": 1e19}, "hr",
         f"{BIG} is out of range; use 30 to 250 beats per minute, e.g. 142"),
        (read('{"kind": "checkin", "date": "2026-11-01", "soreness": 2000000000000000000}'),
         "soreness", f"{BIG} is out of range; use 0 to 10 (0 none, 5 sore, 8+ too sore to walk)"),
        ({**LEG, "rpe": -1e19}, "rpe",
         f"-{BIG} is out of range; use 1 to 10 (1 very easy, 10 all out)"),
    ],
)  # fmt: skip
def test_a_number_far_out_of_range_is_refused_for_the_right_end(
    obj: Any, field: str, message: str
) -> None:
    assert refusal(obj) == (field, message)


def test_a_uid_is_1_to_200_characters_of_text() -> None:
    for uid in ("a", "u" * MAX_UID):
        assert entry_from_dict({**CHECKIN, "uid": uid}, TODAY).uid == uid
    for uid in ("", "u" * (MAX_UID + 1)):
        assert refusal({**CHECKIN, "uid": uid}) == (
            "uid",
            "must be 1 to 200 characters, like a UUID",
        )
    assert refusal({**CHECKIN, "uid": "bad \udcff"}) == (
        "uid",
        "contains bytes that are not UTF-8 text; check your terminal's encoding",
    )


def test_a_leg_day_holds_at_most_100_exercises() -> None:
    full = entry_from_dict({**LEG, "exercises": [SQUAT] * MAX_EXERCISES}, TODAY)
    assert isinstance(full, LegDay)
    assert full.exercises == (Exercise("squat", 3, 5, 100_000),) * 100
    over = {**LEG, "exercises": [SQUAT] * (MAX_EXERCISES + 1)}
    assert refusal(over) == ("exercises", "a leg day holds at most 100")


def test_the_day_after_today_is_accepted_and_no_later() -> None:
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    assert entry_from_dict({**CHECKIN, "date": tomorrow}, TODAY).date == date(2026, 11, 25)
    for entry in (RUN, LEG, CHECKIN):
        assert refusal({**entry, "date": "2026-11-26"}) == (
            "date",
            "2026-11-26 is in the future; log sessions you have done "
            "(today, yesterday or an earlier YYYY-MM-DD)",
        )


def test_words_for_a_date_count_from_the_real_today() -> None:
    """`yesterday` in a file is the day before today, as `log` reads it, not today."""
    days = {
        word: entry_from_dict({**CHECKIN, "date": word}, TODAY).date
        for word in ("today", "yesterday", "2d", "tue")
    }
    assert days == {
        "today": TODAY,
        "yesterday": date(2026, 11, 23),
        "2d": date(2026, 11, 22),
        "tue": TODAY,  # 2026-11-24 is a Tuesday
    }


def test_optional_fields_may_be_left_out_or_null() -> None:
    run = {**RUN, "type": None, "rpe": None, "hr": None, "time": None, "notes": None}
    assert entry_from_dict(run, TODAY) == Run(date(2026, 11, 1), 5000, 1800)
    leg = {**LEG, "exercises": None, "to_failure": None, "time": None, "uid": None}
    assert entry_from_dict(leg, TODAY) == LegDay(date(2026, 11, 1), 2400, 5)
    squat = {**LEG, "exercises": [{**SQUAT, "weight_kg": None}]}
    assert entry_from_dict(squat, TODAY) == LegDay(
        date(2026, 11, 1), 2400, 5, exercises=(Exercise("squat", 3, 5),)
    )
    assert entry_from_dict(CHECKIN, TODAY) == Checkin(date(2026, 11, 1), 3)
