"""The journal's entries: runs, leg days (with exercises) and soreness check-ins.

Entries are built from text with `build_*` (the CLI and the TUI forms) or from the
JSON objects of `history`/`export` with `entry_json.entry_from_dict` (import); both
paths end in the same range checks, so every way in refuses the same input with the
same message.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from . import parse as p
from .errors import InputError
from .load import classify_load

Kind = Literal["run", "leg", "checkin"]
KINDS: tuple[Kind, ...] = ("run", "leg", "checkin")
KIND_NAMES = {"run": "run", "leg": "leg day", "checkin": "check-in"}


@dataclass(frozen=True)
class Exercise:
    """One exercise of a leg day: sets x reps, with an optional weight in grams."""

    name: str
    sets: int
    reps: int
    weight_g: int | None = None

    @property
    def spec(self) -> str:
        """The SPEC text this exercise was (or could have been) typed as, in kg."""
        return self.spec_in("kg")

    def spec_in(self, weight_unit: str) -> str:
        """The SPEC text with the weight in `weight_unit`: 'leg press 4x10@200lb'."""
        text = f"{self.name} {self.sets}x{self.reps}"
        if self.weight_g is None:
            return text
        return f"{text}@{p.format_weight(self.weight_g, weight_unit)}"

    def to_dict(self) -> dict[str, Any]:
        """The exercise as history JSON shows it, the weight in kg."""
        weight = None if self.weight_g is None else _num(self.weight_g / 1000)
        return {"name": self.name, "sets": self.sets, "reps": self.reps, "weight_kg": weight}


@dataclass(frozen=True)
class Run:
    """A run: distance in metres and duration in seconds, as stored."""

    date: date
    distance_m: int
    duration_s: int
    type: str = "easy"
    rpe: int | None = None
    hr: int | None = None
    time: str | None = None
    notes: str = ""
    id: int | None = None
    uid: str | None = None
    kind: Kind = field(default="run", init=False)

    @property
    def pace_s_per_km(self) -> int:
        """Seconds per kilometre, rounded."""
        return p.pace_s_per_km(self.distance_m, self.duration_s)


@dataclass(frozen=True)
class LegDay:
    """A leg day: a lower-body strength session and its exercises."""

    date: date
    duration_s: int
    rpe: int
    to_failure: bool = False
    exercises: tuple[Exercise, ...] = ()
    time: str | None = None
    notes: str = ""
    id: int | None = None
    uid: str | None = None
    kind: Kind = field(default="leg", init=False)


@dataclass(frozen=True)
class Checkin:
    """A day's leg-soreness check-in (0-10); one per date."""

    date: date
    soreness: int
    notes: str = ""
    id: int | None = None
    uid: str | None = None
    kind: Kind = field(default="checkin", init=False)

    @property
    def time(self) -> None:
        """Check-ins have no time of day; None, so every entry can be asked."""
        return None


Entry = Run | LegDay | Checkin


def _num(value: float) -> int | float:
    """JSON numbers: whole values as ints, others rounded to 3 decimals."""
    return int(value) if value == int(value) else round(value, 3)


def parse_kind(text: str) -> Kind:
    """`run`, `leg` or `checkin` (and the words people use for them) as a Kind."""
    value = text.strip().lower()
    aliases = {
        "runs": "run",
        "legs": "leg",
        "leg-day": "leg",
        "legday": "leg",
        "checkins": "checkin",
    }
    value = aliases.get(value, value)
    if value not in KINDS:
        raise InputError("kind", f"'{text}' is not a kind of entry; use run, leg or checkin")
    return value


def parse_exercise(spec: str, *, field: str = "exercise", weight_unit: str = "kg") -> Exercise:
    """Parse `NAME SETSxREPS[@WEIGHT]`, e.g. "back squat 5x5@100kg".

    A bare weight is in `weight_unit` (the `weight_units` setting). A weight typed
    inside the name ("squat 100kg 5x5") is refused with the spec rewritten the right
    way round, rather than stored as an exercise called "squat 100kg" with no weight.
    """
    match = re.match(
        r"^(?P<name>.+?)\s+(?P<sets>[0-9]+)\s*[x×*]\s*(?P<reps>[0-9]+)(?:\s*@\s*(?P<weight>.+))?$",
        spec.strip(),
        re.IGNORECASE,
    )
    if not match:
        raise InputError(
            field, f"'{spec}' is not NAME SETSxREPS[@WEIGHT], e.g. 'back squat 5x5@100kg'"
        )
    misplaced = re.fullmatch(r"(.+?)\s*@?\s*(\d+(?:[.,]\d+)?)\s*(kgs?|lbs?)", match["name"], re.I)
    if misplaced:
        name, number, unit = misplaced.groups()
        right = f"{name} {match['sets']}x{match['reps']}@{number}{unit}"
        raise InputError(field, f"'{spec.strip()}' has a weight in the name; write '{right}'")
    weight = (
        p.parse_weight(match["weight"], field=field, unit=weight_unit) if match["weight"] else None
    )
    return check_exercise(
        Exercise(
            match["name"], p.whole_number(match["sets"]), p.whole_number(match["reps"]), weight
        ),
        field=field,
    )


def check_exercise(ex: Exercise, *, field: str = "exercise") -> Exercise:
    """An exercise with every range rule of SPEC §2 applied (name, sets, reps, weight)."""
    name = p.check_exercise_name(ex.name, field=field)
    sets = p.check_sets(ex.sets, field=field)
    reps = p.check_reps(ex.reps, field=field)
    weight = None if ex.weight_g is None else p.check_weight(ex.weight_g, field=field)
    return Exercise(name, sets, reps, weight)


def validate(entry: Entry, today: date) -> Entry:
    """Apply every range rule of SPEC §2 to an entry; return it normalised."""
    if entry.date > today:
        raise InputError("date", p.future_message(entry.date))
    if entry.date < p.FIRST_DATE:  # typed, imported or edited alike (SPEC §2)
        raise InputError("date", f"{entry.date.isoformat()} is before 1900-01-01; check the year")
    notes = p.check_notes(entry.notes)
    if isinstance(entry, Run):
        p.check_distance(entry.distance_m)
        p.check_run_duration(entry.duration_s)
        p.check_pace(entry.distance_m, entry.duration_s)
        if entry.rpe is not None:
            p.parse_rpe(entry.rpe)
        if entry.hr is not None:
            p.parse_hr(entry.hr)
        # Stored as typed by `log` would store them: "Tempo" is "tempo", "7:30" is "07:30".
        return dataclasses.replace(
            entry, type=p.parse_run_type(entry.type), time=p.parse_time(entry.time), notes=notes
        )
    elif isinstance(entry, LegDay):
        p.check_leg_duration(entry.duration_s)
        p.parse_rpe(entry.rpe)
        exercises = tuple(check_exercise(ex) for ex in entry.exercises)
        return dataclasses.replace(
            entry, exercises=exercises, time=p.parse_time(entry.time), notes=notes
        )
    else:
        p.parse_soreness(entry.soreness)
    # Unchanged (the usual case, and every entry of an import): no copy to make.
    return entry if notes is entry.notes else dataclasses.replace(entry, notes=notes)


def build_run(
    *,
    today: date,
    distance: str,
    duration: str,
    type: str | None = None,
    rpe: str | None = None,
    hr: str | None = None,
    date: str | None = None,
    time: str | None = None,
    notes: str | None = None,
    units: str = "km",
) -> Run:
    """A run from the text a person typed; a bare distance is in `units` (km or mi)."""
    run = Run(
        date=p.parse_date(date or "today", today),
        distance_m=p.parse_distance(distance, unit=units),
        duration_s=p.check_run_duration(p.parse_duration(duration)),
        type=p.parse_run_type(type or "easy"),
        rpe=p.parse_rpe(rpe) if rpe not in (None, "") else None,
        hr=p.parse_hr(hr) if hr not in (None, "") else None,
        time=p.parse_time(time),
        notes=p.check_notes(notes),
    )
    p.check_pace(run.distance_m, run.duration_s)
    return run


def build_leg_day(
    *,
    today: date,
    duration: str,
    rpe: str,
    to_failure: bool = False,
    exercises: list[str] | tuple[str, ...] = (),
    date: str | None = None,
    time: str | None = None,
    notes: str | None = None,
    weight_units: str = "kg",
) -> LegDay:
    """A leg day from the text a person typed; bare weights are in `weight_units`."""
    return LegDay(
        date=p.parse_date(date or "today", today),
        duration_s=p.check_leg_duration(p.parse_duration(duration)),
        rpe=p.parse_rpe(rpe),
        to_failure=bool(to_failure),
        exercises=tuple(parse_exercise(spec, weight_unit=weight_units) for spec in exercises),
        time=p.parse_time(time),
        notes=p.check_notes(notes),
    )


def build_checkin(
    *, today: date, soreness: str, date: str | None = None, notes: str | None = None
) -> Checkin:
    """A soreness check-in from the text a person typed."""
    return Checkin(
        date=p.parse_date(date or "today", today),
        soreness=p.parse_soreness(soreness),
        notes=p.check_notes(notes),
    )


def to_dict(entry: Entry) -> dict[str, Any]:
    """The history/export JSON object of SPEC §5 (without `uid`)."""
    base: dict[str, Any] = {
        "kind": entry.kind,
        "id": entry.id,
        "date": entry.date.isoformat(),
        "time": entry.time,
    }
    if isinstance(entry, Run):
        base.update(
            distance_km=_num(entry.distance_m / 1000),
            duration_s=entry.duration_s,
            pace_s_per_km=entry.pace_s_per_km,
            type=entry.type,
            rpe=entry.rpe,
            hr=entry.hr,
            notes=entry.notes,
        )
    elif isinstance(entry, LegDay):
        base.update(
            duration_min=_num(entry.duration_s / 60),
            rpe=entry.rpe,
            to_failure=entry.to_failure,
            load=classify_load(entry),  # derived, never stored
            exercises=[ex.to_dict() for ex in entry.exercises],
            notes=entry.notes,
        )
    else:
        base.update(soreness=entry.soreness, notes=entry.notes)
    return base
