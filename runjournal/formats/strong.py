"""Strong's CSV export (one row per set) into leg days.

Every layout seen in real exports is read, whatever the order of its columns:

- 2019, semicolon: `Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;
  RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes[;Workout Duration]`
- 2021, comma: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,
  Seconds,Notes,Workout Notes,RPE`
- 2024-2026, comma, 10 columns (no notes): `...,Distance,Seconds,RPE`
- the newer one: `Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,
  Weight (kg)|Weight (lbs),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes`

Set orders are numbers, `W`/`WARM_UP` (warm-up), `F`/`FAILURE`, `D`/`DROP_SET` (a
working set) or `Rest Timer`; reps may be written `10.0`; durations `35m`, `1h 5m`,
`2h`, `11s` or, in `Duration (sec)`, seconds. The rules are in formats/lifting.py.
"""

from __future__ import annotations

import re

from .found import Found, ReadOptions, Unreadable
from .lifting import (
    SetKind,
    SetRow,
    WeightUnit,
    Workout,
    csv_rows,
    decode,
    head_line,
    number,
    parse_start,
    read_workouts,
    weight_unit,
)

APP = "Strong"
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%d.%m.%Y %H:%M:%S",  # a spreadsheet's re-save, in German and other locales
    "%d.%m.%Y %H:%M",
)
_DURATION = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$", re.I)
_CLOCK = re.compile(r"^(\d+):(\d{2})(?::(\d{2}))?$")
_KINDS: dict[str, SetKind] = {
    "w": "warmup",
    "warm_up": "warmup",
    "warmup": "warmup",
    "warm up": "warmup",
    "f": "failure",
    "failure": "failure",
    "rest timer": "rest",
    "rest_timer": "rest",
    "rest": "rest",
}


def looks_like(head: bytes) -> bool:
    """A Strong export: its header names `Exercise Name`, `Set Order` and `Workout Name`."""
    line = head_line(head)
    return all(word in line for word in ("exercise name", "set order", "workout name"))


def parse_duration(text: str, *, in_seconds: bool = False) -> float | None:
    """`35m`, `1h 5m`, `2h`, `11s`, `1:05:00`, or seconds; None when empty or unknown."""
    value = text.strip()
    if not value:
        return None
    seconds = number(value)
    if seconds is not None:
        return seconds if in_seconds or seconds > 0 else None
    clock = _CLOCK.match(value)
    if clock:
        parts = [int(g) for g in clock.groups() if g is not None]  # [H,] MM, SS or H, MM
        h, m, s = parts if len(parts) == 3 else (parts[0], parts[1], 0)
        return h * 3600 + m * 60 + s
    match = _DURATION.match(value)
    if match and any(match.groups()):
        h, m, s = (int(g or 0) for g in match.groups())
        return h * 3600 + m * 60 + s
    return None


def _set_kind(order: str) -> SetKind:
    return _KINDS.get(order.strip().lower(), "working")


# The weight headers without parentheses (any case; lower-cased by csv_rows).
_WEIGHT_HEADERS = (
    "weight",
    "kg",
    "lb",
    "lbs",
    "weight kg",
    "weight lbs",
    "weight_kg",
    "weight_lbs",
)


def _weight_column(columns: list[str]) -> tuple[str | None, WeightUnit | None]:
    """The weight column and the unit its header states ("weight (kg)"; None: none stated)."""
    for column in columns:
        if column.startswith(("weight (", "weight(")) or column in _WEIGHT_HEADERS:
            return column, weight_unit(column.removeprefix("weight").strip(" _()"))
    return None, None


def _duration_column(columns: list[str]) -> tuple[str | None, bool]:
    for column in ("duration (sec)", "duration (s)", "duration (seconds)"):
        if column in columns:
            return column, True
    for column in ("duration", "workout duration"):
        if column in columns:
            return column, False
    return None, False


def read(data: bytes, name: str, options: ReadOptions) -> Found:
    """The leg days in a Strong export; raises Unreadable when it is not one."""
    text = decode(data)
    rows = csv_rows(text)
    first = next(rows, None)
    if first is None:
        return Found()
    columns = list(first)
    for needed in ("date", "exercise name", "set order", "reps"):
        if needed not in columns:
            raise Unreadable(f"not a Strong export: no '{needed.title()}' column")
    weight_col, header_unit = _weight_column(columns)
    duration_col, in_seconds = _duration_column(columns)
    workouts: dict[tuple[str, str, str], Workout] = {}
    bad_rows = 0
    for row in (first, *rows):
        start = parse_start(row["date"], _DATE_FORMATS)
        if start is None:
            bad_rows += 1
            continue
        key = (row.get("workout #", ""), start.isoformat(), row.get("workout name", ""))
        workout = workouts.get(key)
        if workout is None:
            workout = workouts[key] = Workout(APP, start, key[2])
        if workout.duration_s is None and duration_col:
            workout.duration_s = parse_duration(row[duration_col], in_seconds=in_seconds)
        if not workout.notes:
            workout.notes = row.get("workout notes", "")
        workout.sets.append(
            SetRow(
                exercise=row["exercise name"],
                kind=_set_kind(row["set order"]),
                reps=number(row["reps"]),
                weight=number(row[weight_col]) if weight_col else None,
                unit=weight_unit(row.get("weight unit")) or header_unit,
                rpe=number(row.get("rpe")),
            )
        )
    if bad_rows and not workouts:
        raise Unreadable("not a Strong export: no row has a date like 2024-11-28 17:36:08")
    found = read_workouts(list(workouts.values()), options)
    if bad_rows:
        found.skip("row without a date", bad_rows)
    return found
