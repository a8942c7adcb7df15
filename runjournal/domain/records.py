"""Personal records (SPEC §8): the fastest runs at 5/10/21.1/42.2 km, the best lifts.

The store narrows the journal down to candidates in SQL; the choice between them, and
every tie, is decided here. Ties go to the earliest date: the day it was first done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from .parse import pace_s_per_km

RECORD_DISTANCES_M = (5000, 10000, 21100, 42200)
RECORD_NAMES = {5000: "5 km", 10000: "10 km", 21100: "half marathon", 42200: "marathon"}
EPLEY_REPS = 30


class RunCandidate(NamedTuple):
    """A run that might hold a record."""

    id: int
    date: date
    distance_m: int
    duration_s: int


@dataclass(frozen=True)
class RunRecord:
    """The fastest run (by average pace) at or over one record distance."""

    at_least_m: int
    run: RunCandidate

    @property
    def pace_s_per_km(self) -> int:
        """The run's average pace, seconds per km."""
        return pace_s_per_km(self.run.distance_m, self.run.duration_s)

    @property
    def name(self) -> str:
        """'5 km', '10 km', 'half marathon' or 'marathon'."""
        return RECORD_NAMES[self.at_least_m]

    def to_dict(self) -> dict[str, Any]:
        """One object of `records.runs` in `stats --json`."""
        return {
            "distance": self.name,
            "at_least_km": self.at_least_m / 1000,
            "id": self.run.id,
            "date": self.run.date.isoformat(),
            "distance_km": round(self.run.distance_m / 1000, 3),
            "duration_s": self.run.duration_s,
            "pace_s_per_km": self.pace_s_per_km,
        }


def _faster(a: RunCandidate, b: RunCandidate) -> bool:
    """Whether `a` beats `b`: a quicker pace (compared exactly), else the earlier run."""
    left, right = a.duration_s * b.distance_m, b.duration_s * a.distance_m
    return left < right or (left == right and (a.date, a.id) < (b.date, b.id))


def best_runs(candidates: Iterable[RunCandidate]) -> list[RunRecord]:
    """The record at each distance some run reached; a run counts for each it reaches."""
    best: dict[int, RunCandidate] = {}
    for run in candidates:
        for at_least in RECORD_DISTANCES_M:
            if run.distance_m >= at_least and (
                at_least not in best or _faster(run, best[at_least])
            ):
                best[at_least] = run
    return [
        RunRecord(at_least, best[at_least]) for at_least in RECORD_DISTANCES_M if at_least in best
    ]


class LiftSet(NamedTuple):
    """A working set as logged: an exercise line's weight and reps, on its date."""

    name: str
    weight_g: int
    reps: int
    date: date


def e1rm_g(weight_g: int, reps: int) -> float:
    """Epley's estimated one-rep max: weight × (1 + reps / 30)."""
    return weight_g * (1 + reps / EPLEY_REPS)


@dataclass(frozen=True)
class LiftRecord:
    """One exercise's heaviest working set and best estimated one-rep max."""

    name: str
    heaviest: LiftSet
    best_e1rm: LiftSet

    @property
    def e1rm_g(self) -> float:
        """The best estimated one-rep max, in grams."""
        return e1rm_g(self.best_e1rm.weight_g, self.best_e1rm.reps)

    def to_dict(self) -> dict[str, Any]:
        """One object of `records.lifts` in `stats --json`."""
        return {
            "name": self.name,
            "heaviest": {
                "weight_kg": round(self.heaviest.weight_g / 1000, 3),
                "reps": self.heaviest.reps,
                "date": self.heaviest.date.isoformat(),
            },
            "e1rm": {
                "e1rm_kg": round(self.e1rm_g / 1000, 1),
                "weight_kg": round(self.best_e1rm.weight_g / 1000, 3),
                "reps": self.best_e1rm.reps,
                "date": self.best_e1rm.date.isoformat(),
            },
        }


def _heavier(a: LiftSet, b: LiftSet) -> bool:
    return (a.weight_g, a.reps) > (b.weight_g, b.reps) or (
        (a.weight_g, a.reps) == (b.weight_g, b.reps) and a.date < b.date
    )


def _stronger(a: LiftSet, b: LiftSet) -> bool:
    # w × (30 + reps) compares e1RMs exactly, in whole numbers
    left, right = a.weight_g * (EPLEY_REPS + a.reps), b.weight_g * (EPLEY_REPS + b.reps)
    return left > right or (left == right and (a.date, -a.weight_g) < (b.date, -b.weight_g))


def best_lifts(sets: Iterable[LiftSet]) -> list[LiftRecord]:
    """Per exercise (by name), its records; sets without a weight are not candidates."""
    heaviest: dict[str, LiftSet] = {}
    strongest: dict[str, LiftSet] = {}
    for lift in sets:
        if lift.weight_g <= 0:
            continue
        if lift.name not in heaviest or _heavier(lift, heaviest[lift.name]):
            heaviest[lift.name] = lift
        if lift.name not in strongest or _stronger(lift, strongest[lift.name]):
            strongest[lift.name] = lift
    return [
        LiftRecord(name, heaviest[name], strongest[name])
        for name in sorted(heaviest, key=lambda n: (-e1rm_g(*strongest[n][1:3]), n.casefold()))
    ]
