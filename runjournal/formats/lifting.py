"""Strength-app set rows into leg days: the rules Strong and Hevy share (SPEC §7).

A reader (strong.py, hevy.py) turns each CSV row into a `SetRow` and groups them into
`Workout`s; `leg_day` then applies the rules of "Sets → leg days":

- only the lower-body exercises are recorded (formats/lower_body.py); a workout without
  a working set of one is skipped as "no leg exercises";
- warm-up sets, rest-timer rows, timed-only and zero-rep sets are left out;
- consecutive working sets of one exercise with equal reps and weight are one line;
- a set the journal cannot hold (more than 1000 reps, more than 1000 kg, a negative
  weight) is left out and counted as "set out of range"; the rest of the workout stays;
- the duration is the workout's own; when it is missing, under a minute or over 4 hours,
  3 minutes per working set of the whole workout (1 to 600 minutes), noted;
- the RPE is the highest of the leg exercises' working sets, rounded half up; when none
  of them has one, `options.rpe`, else 7, noted;
- `to_failure` when a leg exercise has a set marked failure.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from ..domain.entries import Exercise, LegDay
from ..domain.parse import LB_IN_G, MAX_EXERCISE_NAME, MAX_NOTES
from .found import Found, ReadOptions, derived_uid
from .lower_body import is_lower_body

SetKind = Literal["working", "warmup", "failure", "rest"]
WeightUnit = Literal["kg", "lb"]

MAX_WORKOUT_S = 4 * 3600  # longer than this, the workout was left running in the app
ESTIMATE_S_PER_SET = 3 * 60
DEFAULT_RPE = 7
MAX_SETS_PER_LINE = 50  # the journal's limit; a longer run of equal sets is split


@dataclass(frozen=True)
class SetRow:
    """One set as the file wrote it, in the file's own unit."""

    exercise: str
    kind: SetKind = "working"
    reps: float | None = None
    weight: float | None = None
    unit: WeightUnit | None = None  # None: the file does not say
    rpe: float | None = None


@dataclass
class Workout:
    """The set rows sharing one start, in file order."""

    app: str  # "Strong", "Hevy": part of the uid and of the notes
    start: datetime  # local wall-clock time, as the app wrote it
    name: str
    duration_s: float | None = None
    notes: str = ""
    sets: list[SetRow] = field(default_factory=list)


# CSV ---------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """The file's text: UTF-8 with or without a BOM, UTF-16 with one (a spreadsheet's
    "Unicode text"), else Latin-1 (old Windows exports)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def head_line(head: bytes) -> str:
    """The first line of a file's first bytes, lower-cased, for `looks_like`."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8-sig", errors="replace")
    return text.split("\n", 1)[0].strip().lower()


def csv_rows(text: str) -> Iterator[dict[str, str]]:
    """Rows keyed by lower-cased header; the delimiter (`,` `;` tab) found by the header."""
    first = text.split("\n", 1)[0]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(first, ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = [h.strip().lower() for h in next(reader, [])]
    for row in reader:
        if any(cell.strip() for cell in row):
            yield {key: (row[i].strip() if i < len(row) else "") for i, key in enumerate(header)}


def number(text: str | None) -> float | None:
    """A number as an app wrote it ("10.0", "82,5", ""); None when empty or not one."""
    if text is None:
        return None
    value = text.strip().replace(" ", "")
    if not value:
        return None
    if "," in value and "." not in value:
        value = value.replace(",", ".")  # a decimal comma (semicolon-separated exports)
    try:
        result = float(value)
    except ValueError:
        return None
    return result if math.isfinite(result) else None


def weight_unit(text: str | None) -> WeightUnit | None:
    """ "kg", "kgs", "lb", "lbs" (any case) as a unit; anything else as unknown."""
    value = (text or "").strip().lower()
    if value in ("kg", "kgs", "kilograms"):
        return "kg"
    if value in ("lb", "lbs", "pounds"):
        return "lb"
    return None


def round_half_up(value: float) -> int:
    """7.5 → 8, as a person rounds (Python's round() would give 8 here but 6 for 6.5)."""
    return math.floor(value + 0.5)


# Workouts into leg days ----------------------------------------------------------------


@dataclass
class _Line:
    name: str
    sets: int
    reps: int
    weight_g: int | None


def _grams(row: SetRow, default_unit: WeightUnit) -> int | None:
    if row.weight is None or row.weight == 0:
        return None  # bodyweight: Strong writes 0, Hevy leaves it empty
    per_unit = LB_IN_G if (row.unit or default_unit) == "lb" else 1000
    return round(row.weight * per_unit)


def _is_working(row: SetRow) -> bool:
    # Timed-only (a plank) and zero-rep sets are not sets of reps the journal can hold.
    return row.kind in ("working", "failure") and row.reps is not None and row.reps > 0


def _in_range(reps: int, grams: int | None) -> bool:
    return 1 <= reps <= 1000 and (grams is None or 0 <= grams <= 1_000_000)


def _lines(sets: list[SetRow], unit: WeightUnit, found: Found) -> list[_Line]:
    lines: list[_Line] = []
    for row in sets:
        reps = round_half_up(row.reps or 0)
        grams = _grams(row, unit)
        if not _in_range(reps, grams):
            found.skip("set out of range")
            continue
        name = " ".join(row.exercise.split())[:MAX_EXERCISE_NAME]
        last = lines[-1] if lines else None
        if (
            last is not None
            and (last.name, last.reps, last.weight_g) == (name, reps, grams)
            and last.sets < MAX_SETS_PER_LINE
        ):
            last.sets += 1
        else:
            lines.append(_Line(name, 1, reps, grams))
    return lines


def _duration(workout: Workout, working_sets: int) -> tuple[int, str | None]:
    own = workout.duration_s
    if own is not None and 60 <= own <= MAX_WORKOUT_S:
        return round(own), None
    estimate = min(max(working_sets * ESTIMATE_S_PER_SET, 60), 600 * 60)
    why = (
        "none in the file"
        if own is None
        else ("over 4 h" if own > MAX_WORKOUT_S else "under 1 min")
    )
    note = f"duration estimated at 3 min per working set ({working_sets} sets; {why})"
    return estimate, note


def _rpe(leg_sets: list[SetRow], options: ReadOptions) -> tuple[int, str | None]:
    rpes = [r.rpe for r in leg_sets if r.rpe is not None and 1 <= r.rpe <= 10]
    if rpes:
        return round_half_up(max(rpes)), None
    if options.rpe is not None:
        return options.rpe, f"RPE {options.rpe} assumed (given on import; none in the file)"
    return DEFAULT_RPE, f"RPE {DEFAULT_RPE} assumed (none in the file)"


def leg_day(workout: Workout, options: ReadOptions, found: Found) -> LegDay | None:
    """The leg day a workout becomes, or None (counted in `found`) when it is not one."""
    if workout.start.date() > options.today + timedelta(days=1):
        found.skip("after today")
        return None
    working = [r for r in workout.sets if _is_working(r)]
    leg_sets = [r for r in working if is_lower_body(r.exercise)]
    lines = _lines(leg_sets, options.weight_unit, found)
    if not lines:
        found.skip("no leg exercises")
        return None
    duration_s, duration_note = _duration(workout, len(working))
    rpe, rpe_note = _rpe(leg_sets, options)
    title = f"{workout.name} ({workout.app})" if workout.name else workout.app
    parts = [title, workout.notes.strip(), duration_note, rpe_note]
    notes = "; ".join(part for part in parts if part)[:MAX_NOTES]
    return LegDay(
        date=workout.start.date(),
        duration_s=duration_s,
        rpe=rpe,
        to_failure=any(r.kind == "failure" for r in leg_sets),
        exercises=tuple(Exercise(ln.name, ln.sets, ln.reps, ln.weight_g) for ln in lines),
        time=workout.start.strftime("%H:%M"),
        notes=notes,
        uid=derived_uid(workout.app, workout.start.isoformat(), workout.name),
    )


def read_workouts(workouts: Iterator[Workout] | list[Workout], options: ReadOptions) -> Found:
    """Every workout's leg day, with what was skipped and why."""
    found = Found()
    for workout in workouts:
        entry = leg_day(workout, options, found)
        if entry is not None:
            found.entries.append(entry)
    return found


# Dates ---------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u202f\u00a0]+")


@functools.lru_cache(maxsize=1024)
def parse_start(text: str, formats: tuple[str, ...]) -> datetime | None:
    """A start time in one of `formats`; None when it is in none of them.

    Cached: every set row of a workout repeats its start, and strptime is slow.
    """
    value = _SPACES.sub(" ", text).strip()
    for fmt in formats:
        try:
            return datetime.strptime(value, fmt)  # noqa: DTZ007 - local wall-clock time
        except ValueError:
            continue
    return None
