"""Hevy's CSV export (one row per set) into leg days.

The header (quoted, like the text fields; numbers bare, empty cells empty):
`title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
set_index,set_type,weight_kg|weight_lbs,reps,distance_km|distance_miles,
duration_seconds,rpe`. Dates look like `15 Sep 2025, 07:48`; `set_type` is `normal`,
`warmup`, `failure` or `dropset`. A workout is the rows sharing `start_time` and
`title`; its duration is `end_time` − `start_time`. The rules are in formats/lifting.py.
"""

from __future__ import annotations

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
)

APP = "Hevy"
_DATE_FORMATS = (
    "%d %b %Y, %H:%M",
    "%d %B %Y, %H:%M",
    "%d %b %Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%b %d, %Y, %I:%M %p",
)
_KINDS: dict[str, SetKind] = {"warmup": "warmup", "warm_up": "warmup", "failure": "failure"}
_WEIGHT_COLUMNS: tuple[tuple[str, WeightUnit | None], ...] = (
    ("weight_kg", "kg"),
    ("weight_lbs", "lb"),
    ("weight_lb", "lb"),
    ("weight", None),
)


def looks_like(head: bytes) -> bool:
    """A Hevy export: its header names `exercise_title`, `set_type` and `start_time`."""
    line = head_line(head)
    return all(word in line for word in ("exercise_title", "set_type", "start_time"))


def read(data: bytes, name: str, options: ReadOptions) -> Found:
    """The leg days in a Hevy export; raises Unreadable when it is not one."""
    rows = csv_rows(decode(data))
    first = next(rows, None)
    if first is None:
        return Found()
    columns = list(first)
    for needed in ("start_time", "exercise_title", "reps"):
        if needed not in columns:
            raise Unreadable(f"not a Hevy export: no '{needed}' column")
    weight_col, unit = next(((c, u) for c, u in _WEIGHT_COLUMNS if c in columns), (None, None))
    workouts: dict[tuple[str, str], Workout] = {}
    bad_rows = 0
    for row in (first, *rows):
        start = parse_start(row["start_time"], _DATE_FORMATS)
        if start is None:
            bad_rows += 1
            continue
        key = (start.isoformat(), row.get("title", ""))
        workout = workouts.get(key)
        if workout is None:
            end = parse_start(row.get("end_time", ""), _DATE_FORMATS)
            duration = (end - start).total_seconds() if end is not None else None
            workout = workouts[key] = Workout(
                APP, start, key[1], duration, row.get("description", "")
            )
        workout.sets.append(
            SetRow(
                exercise=row["exercise_title"],
                kind=_KINDS.get(row.get("set_type", "").strip().lower(), "working"),
                reps=number(row["reps"]),
                weight=number(row[weight_col]) if weight_col else None,
                unit=unit,
                rpe=number(row.get("rpe")),
            )
        )
    if bad_rows and not workouts:
        raise Unreadable("not a Hevy export: no row has a start_time like 15 Sep 2025, 07:48")
    found = read_workouts(list(workouts.values()), options)
    if bad_rows:
        found.skip("row without a date", bad_rows)
    return found
