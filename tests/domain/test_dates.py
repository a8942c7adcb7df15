"""Dates as people type them (SPEC §2): weekdays, `Nd`, the 1900 floor and `shift`."""

from __future__ import annotations

from datetime import date

import pytest

from runjournal.domain import parse as p
from runjournal.domain.errors import InputError

TUESDAY = date(2026, 11, 24)


def refusal(text: str, today: date = TUESDAY) -> InputError:
    with pytest.raises(InputError) as info:
        p.parse_date(text, today)
    return info.value


# A weekday is the latest such day, today included --------------------------------


@pytest.mark.parametrize(
    ("short", "full", "day"),
    [
        ("mon", "monday", date(2026, 11, 23)),
        ("tue", "tuesday", TUESDAY),
        ("wed", "wednesday", date(2026, 11, 18)),
        ("thu", "thursday", date(2026, 11, 19)),
        ("fri", "friday", date(2026, 11, 20)),
        ("sat", "saturday", date(2026, 11, 21)),
        ("sun", "sunday", date(2026, 11, 22)),
    ],
)
def test_weekday_is_the_latest_such_day(short: str, full: str, day: date) -> None:
    assert p.parse_date(short, TUESDAY) == day
    assert p.parse_date(full, TUESDAY) == day
    assert p.parse_date(f" {full.upper()} ", TUESDAY) == day
    assert p.parse_date(short.capitalize(), TUESDAY) == day


@pytest.mark.parametrize("text", ["mond", "tues", "thur", "frid", "sundays", "mo"])
def test_other_weekday_spellings_are_not_dates(text: str) -> None:
    error = refusal(text)
    assert error.field == "date"
    assert error.message == (
        f"'{text}' is not a date; use YYYY-MM-DD, today, yesterday, a weekday "
        "(mon) or 3d (3 days ago)"
    )


def test_weekday_on_a_sunday_looks_back_up_to_six_days() -> None:
    sunday = date(2026, 11, 29)
    assert p.parse_date("sun", sunday) == sunday
    assert p.parse_date("mon", sunday) == date(2026, 11, 23)
    assert p.parse_date("sat", sunday) == date(2026, 11, 28)


# Nd is N days ago --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("0d", TUESDAY),
        ("1d", date(2026, 11, 23)),
        ("3d", date(2026, 11, 21)),
        ("3 d", date(2026, 11, 21)),
        (" 3D ", date(2026, 11, 21)),
        ("100d", date(2026, 8, 16)),
        ("46348d", date(1900, 1, 1)),  # the first day a journal takes
    ],
)
def test_days_ago(text: str, day: date) -> None:
    assert p.parse_date(text, TUESDAY) == day


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("46349d", "1899-12-31"),
        ("10000000d", "0001-01-01"),  # held at the calendar's start, no OverflowError
        ("9" * 30 + "d", "0001-01-01"),
    ],
)
def test_days_ago_before_1900_is_refused(text: str, shown: str) -> None:
    error = refusal(text)
    assert error.field == "date"
    assert error.message == f"{shown} is before 1900-01-01; check the year"


@pytest.mark.parametrize("text", ["-3d", "3", "d", "3days", "3w"])
def test_other_ago_forms_are_not_dates(text: str) -> None:
    assert refusal(text).message.startswith(f"'{text}' is not a date; use YYYY-MM-DD")


# The 1900 floor ----------------------------------------------------------------------


def test_first_of_january_1900_is_accepted_and_the_day_before_refused() -> None:
    assert p.parse_date("1900-01-01", TUESDAY) == date(1900, 1, 1)
    error = refusal("1899-12-31")
    assert error.field == "date"
    assert error.message == "1899-12-31 is before 1900-01-01; check the year"
    with pytest.raises(InputError) as info:
        p.parse_date("0001-01-01", TUESDAY, field="since")
    assert info.value.field == "since"
    assert info.value.message == "0001-01-01 is before 1900-01-01; check the year"


# shift -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "days", "moved"),
    [
        (TUESDAY, 0, TUESDAY),
        (TUESDAY, 1, date(2026, 11, 25)),
        (TUESDAY, -1, date(2026, 11, 23)),
        (date.max, 0, date.max),
        (date.min, 0, date.min),
        (date.max, 1, date.max),
        (date(9999, 12, 30), 5, date.max),
        (date.min, -1, date.min),
        (date(1, 1, 2), -5, date.min),
        (TUESDAY, 10**18, date.max),
        (TUESDAY, -(10**18), date.min),
    ],
)
def test_shift_moves_and_holds_at_the_calendar_ends(day: date, days: int, moved: date) -> None:
    assert p.shift(day, days) == moved
