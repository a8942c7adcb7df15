"""Parsers and range checks for everything a person types (SPEC §2).

Each parser takes text and returns a typed value or raises InputError naming the
field and an accepted form. The CLI, the TUI forms and import all use these.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from .errors import InputError

MAX_NOTES = 2000
MAX_EXERCISE_NAME = 100
MAX_DISTANCE_M = 500_000
MAX_RUN_DURATION_S = 48 * 3600
MIN_PACE_S_PER_KM = 120
LB_IN_G = 453.59237
MI_IN_M = 1609.344

# [0-9], never \d: \d also matches other scripts' digits ("３０"), which int() reads.
_NUMBER = r"([0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)"
# Patterns as strings: `re` compiles each on first use and caches it, so commands that
# parse nothing (`advise`) do not pay for compiling them at start-up.
_DISTANCE_RE = rf"^{_NUMBER}\s*(km|k|mi|m)?$"
_HMS_UNITS_RE = (
    r"^(?:(?P<h>[0-9]+(?:\.[0-9]+)?)\s*h)?\s*(?:(?P<m>[0-9]+(?:\.[0-9]+)?)\s*m(?:in)?)?\s*"
    r"(?:(?P<s>[0-9]+)\s*s)?$"
)
_CLOCK_RE = r"^([0-9]+):([0-9]{1,2})(?::([0-9]{1,2}))?$"
_TIME_RE = r"^([0-9]{1,2}):([0-9]{2})$"
_INTEGER_RE = r"[+-]?[0-9]+"
_AGO_RE = r"([0-9]+)\s*d"
# The calendar's edges: nothing before 1900 is a session anyone logged (and date
# arithmetic near year 1 underflows); see `shift` for the far end.
FIRST_DATE = date(1900, 1, 1)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

RUN_TYPES = ("recovery", "easy", "long", "tempo", "hills", "intervals", "race")
DISTANCE_EXAMPLE = "e.g. 5, 5km, 3.1mi or 800m"
DURATION_EXAMPLE = "e.g. 45, 45m, 52:30, 1:05:00 or 1h05m"


def _number(text: str, field: str, example: str) -> float:
    """A decimal number; a comma is a decimal point ("5,5"), unless it reads as both."""
    if re.fullmatch(r"\d{1,3},\d{3}", text):
        # "10,000m" is ten thousand to some and ten to others: ask rather than guess.
        raise InputError(field, f"'{text}' is ambiguous; write it without the comma, {example}")
    return float(text.replace(",", "."))


def whole_number(digits: str) -> int:
    """int() of a run of digits; absurdly long ones become a value every range check refuses.

    (Python refuses int() of more than 4,300 digits with a ValueError of its own.)
    """
    return int(digits) if len(digits) <= 18 else 10**18


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, held at the calendar's ends (date.min, date.max).

    Every look-back and look-ahead goes through this, so a journal's first or last
    possible day never raises OverflowError.
    """
    limit = (date.max - day).days if days > 0 else -(day - date.min).days
    return day + timedelta(days=min(days, limit) if days > 0 else max(days, limit))


def parse_date(text: str, today: date, *, field: str = "date", allow_future: bool = False) -> date:
    """Parse YYYY-MM-DD, `today`, `yesterday`, a weekday or `Nd` (N days ago).

    A weekday (`mon`, `monday`...) is the latest such day, today included. Dates
    before 1900 are refused; future dates too, unless allowed.
    """
    value = text.strip().lower()
    weekday = next((n for n, name in enumerate(WEEKDAYS) if value in (name, name[:3])), None)
    ago = re.fullmatch(_AGO_RE, value)
    if value == "today":
        day = today
    elif value == "yesterday":
        day = shift(today, -1)
    elif weekday is not None:
        day = shift(today, -((today.weekday() - weekday) % 7))
    elif ago:
        day = shift(today, -whole_number(ago[1]))  # shift holds it at date.min
    else:
        try:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                raise ValueError
            day = date.fromisoformat(value)
        except ValueError:
            raise InputError(
                field,
                f"'{text}' is not a date; use YYYY-MM-DD, today, yesterday, a weekday "
                "(mon) or 3d (3 days ago)",
            ) from None
    if day < FIRST_DATE:
        raise InputError(field, f"{day.isoformat()} is before 1900-01-01; check the year")
    if not allow_future and day > today:
        raise InputError(field, future_message(day))
    return day


def future_message(day: date) -> str:
    """Why a date after today is refused, naming it."""
    return (
        f"{day.isoformat()} is in the future; log sessions you have done "
        "(today, yesterday or an earlier YYYY-MM-DD)"
    )


def parse_time(text: str | None, *, field: str = "time") -> str | None:
    """Parse an optional HH:MM time of day into a zero-padded string."""
    if text is None or not text.strip():
        return None
    match = re.match(_TIME_RE, text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError(field, f"'{text}' is not a time of day; use HH:MM, e.g. 07:30")
    return f"{int(match[1]):02d}:{match[2]}"


def parse_distance(text: str, *, field: str = "distance", unit: str = "km") -> int:
    """Parse a distance into whole metres: a bare number is in `unit` (the `units`
    setting, km or mi); an explicit km, mi or m always wins."""
    match = re.match(_DISTANCE_RE, text.strip(), re.IGNORECASE)
    if not match:
        raise InputError(field, f"'{text}' is not a distance; {DISTANCE_EXAMPLE}")
    value = _number(match[1], field, DISTANCE_EXAMPLE)
    if not math.isfinite(value):  # "9" * 400 is a float overflow, not a distance
        raise InputError(field, f"must be at most 500 km; {DISTANCE_EXAMPLE}")
    factor = {"km": 1000.0, "k": 1000.0, "mi": MI_IN_M, "m": 1.0}[(match[2] or unit).lower()]
    return check_distance(round(value * factor), field=field)


def check_distance(metres: int, *, field: str = "distance") -> int:
    """A distance in metres within SPEC §2's range (more than 0, at most 500 km)."""
    if metres <= 0:
        raise InputError(field, f"must be more than 0 km; {DISTANCE_EXAMPLE}")
    if metres > MAX_DISTANCE_M:
        raise InputError(field, f"must be at most 500 km; {DISTANCE_EXAMPLE}")
    return metres


def parse_duration(text: str, *, field: str = "duration") -> int:
    """Parse H:MM:SS, MM:SS, 45m, 1h05m or a bare number of minutes into seconds."""
    value = text.strip()
    seconds: float | None = None
    clock = re.match(_CLOCK_RE, value)
    if clock:
        a, b = whole_number(clock[1]), whole_number(clock[2])
        if clock[3] is None:  # MM:SS
            seconds = a * 60 + b if b <= 59 else None
        elif b <= 59 and whole_number(clock[3]) <= 59:  # H:MM:SS
            seconds = a * 3600 + b * 60 + whole_number(clock[3])
    elif re.fullmatch(_NUMBER, value):
        seconds = _number(value, field, DURATION_EXAMPLE) * 60
    elif value:
        units = re.match(_HMS_UNITS_RE, value, re.IGNORECASE)
        # 1h60m is refused as 0:60:00 is: minutes after hours, seconds after either, < 60.
        in_range = units and (
            not (units["h"] and units["m"] and float(units["m"]) >= 60)
            and not ((units["h"] or units["m"]) and units["s"] and whole_number(units["s"]) >= 60)
        )
        if units and in_range and any(units.group(k) for k in "hms"):
            seconds = (
                float(units["h"] or 0) * 3600
                + float(units["m"] or 0) * 60
                + whole_number(units["s"] or "0")
            )
    if seconds is None or not math.isfinite(seconds):
        raise InputError(field, f"'{text}' is not a duration; {DURATION_EXAMPLE}")
    return round(seconds)


def check_run_duration(seconds: int, *, field: str = "duration") -> int:
    """A run's duration in seconds within range (more than 0, at most 48 h)."""
    if seconds <= 0:
        raise InputError(field, f"must be more than 0; {DURATION_EXAMPLE}")
    if seconds > MAX_RUN_DURATION_S:
        raise InputError(field, f"must be at most 48 h; {DURATION_EXAMPLE}")
    return seconds


def check_leg_duration(seconds: int, *, field: str = "duration") -> int:
    """A leg day's duration in seconds within range (1-600 minutes)."""
    if not 60 <= seconds <= 600 * 60:
        raise InputError(field, "must be 1 to 600 minutes, e.g. 60 or 1h")
    return seconds


def check_pace(distance_m: int, duration_s: int) -> None:
    """Refuse a pace faster than 2:00/km: almost always a typo in one of the two."""
    if duration_s * 1000 < MIN_PACE_S_PER_KM * distance_m:
        # Rounded down: 5 km in 9:59 is 1:59.8/km, which rounds up to the limit itself.
        pace = format_pace(duration_s * 1000 // distance_m)
        raise InputError(
            "duration",
            f"a pace of {pace}/km is faster than 2:00/km; check the distance and duration",
        )


def _int_in_range(text: str | int, field: str, low: int, high: int, hint: str) -> int:
    if isinstance(text, bool):
        raise InputError(field, f"must be a whole number from {low} to {high}{hint}")
    if isinstance(text, int):
        value = text
    else:
        digits = str(text).strip()
        # ASCII digits only: int() also takes "1_0" and "１０", which nobody means.
        if not re.fullmatch(_INTEGER_RE, digits):
            raise InputError(field, f"'{text}' is not a whole number from {low} to {high}{hint}")
        value = whole_number(digits.lstrip("+-")) * (-1 if digits.startswith("-") else 1)
    if not low <= value <= high:
        raise InputError(field, f"{value} is out of range; use {low} to {high}{hint}")
    return value


def parse_rpe(text: str | int, *, field: str = "rpe") -> int:
    """Perceived effort, 1 (very easy) to 10 (all out)."""
    return _int_in_range(text, field, 1, 10, " (1 very easy, 10 all out)")


def parse_hr(text: str | int, *, field: str = "hr") -> int:
    """Average heart rate in beats per minute."""
    return _int_in_range(text, field, 30, 250, " beats per minute, e.g. 142")


def parse_soreness(text: str | int, *, field: str = "soreness") -> int:
    """Leg soreness, 0 (none) to 10 (cannot walk)."""
    return _int_in_range(text, field, 0, 10, " (0 none, 5 sore, 8+ too sore to walk)")


def parse_run_type(text: str, *, field: str = "type") -> str:
    """A run type, any case, as one of RUN_TYPES."""
    value = text.strip().lower()
    if value not in RUN_TYPES:
        raise InputError(field, f"'{text}' is not a run type; use one of {', '.join(RUN_TYPES)}")
    return value


def check_text(text: str, *, field: str) -> str:
    """Refuse text that cannot be stored as UTF-8.

    Bytes a terminal could not decode reach Python as lone surrogates ('\udcff');
    SQLite would fail on them with a traceback.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            field, "contains bytes that are not UTF-8 text; check your terminal's encoding"
        ) from None
    return text


def check_notes(text: str | None, *, field: str = "notes") -> str:
    """Notes are stored exactly as typed, up to 2,000 characters."""
    if text is None:
        return ""
    if not isinstance(text, str):
        raise InputError(field, "must be text")
    if len(text) > MAX_NOTES:
        raise InputError(field, f"is {len(text)} characters long; the limit is {MAX_NOTES}")
    return check_text(text, field=field)


def check_exercise_name(name: str, *, field: str = "exercise") -> str:
    """An exercise name as stored: trimmed, one line, not empty, not too long."""
    name = " ".join(name.split())
    if not name:
        raise InputError(field, "needs a name, e.g. 'back squat 5x5@100kg'")
    if len(name) > MAX_EXERCISE_NAME:
        raise InputError(field, f"name is longer than {MAX_EXERCISE_NAME} characters")
    return check_text(name, field=field)


def check_sets(value: int, *, field: str = "exercise") -> int:
    """Sets within 1-50."""
    return _int_in_range(value, field, 1, 50, " sets")


def check_reps(value: int, *, field: str = "exercise") -> int:
    """Reps within 1-1000."""
    return _int_in_range(value, field, 1, 1000, " reps")


def parse_weight(text: str, *, field: str = "weight", unit: str = "kg") -> int:
    """Parse a weight into whole grams: a bare number is in `unit` (the `weight_units`
    setting, kg or lb); an explicit kg or lb always wins."""
    match = re.fullmatch(rf"{_NUMBER}\s*(kg|kgs|lb|lbs)?", text.strip(), re.IGNORECASE)
    if not match:
        raise InputError(field, f"'{text}' is not a weight; e.g. 100, 100kg or 225lb")
    number = _number(match[1], field, "e.g. 100, 100kg or 225lb")
    grams = number * (LB_IN_G if (match[2] or unit).lower().startswith("lb") else 1000)
    if not math.isfinite(grams):
        raise InputError(field, "must be 0 to 1000 kg, e.g. 100kg or 225lb")
    return check_weight(round(grams), field=field)


def check_weight(grams: int, *, field: str = "weight") -> int:
    """A weight in grams within 0-1000 kg."""
    if not 0 <= grams <= 1_000_000:
        raise InputError(field, "must be 0 to 1000 kg, e.g. 100kg or 225lb")
    return grams


def pace_s_per_km(distance_m: int, duration_s: int) -> int:
    """Seconds per kilometre of a distance run in a duration, to the nearest second."""
    return round(duration_s * 1000 / distance_m)


def format_pace(seconds_per_km: float) -> str:
    """A pace in seconds as M:SS."""
    total = round(seconds_per_km)
    return f"{total // 60}:{total % 60:02d}"


def format_duration(seconds: int) -> str:
    """52:30, or 1:05:00 once past the hour."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_weight(grams: int, unit: str = "kg") -> str:
    """A weight in grams as the SPEC text shows it, in `unit`: '100kg', '22.5kg', '225lb'.

    Grams keep a pound to 0.0022 lb, so two decimals give back any weight typed in
    pounds with up to two decimals exactly (225lb is stored as 102058 g, shown 225lb).
    """
    if unit == "lb":
        return f"{round(grams / LB_IN_G, 2):g}lb"
    # Whole grams up to 1000 kg are at most six significant digits: :g shows them exactly.
    return f"{grams / 1000:g}kg"
