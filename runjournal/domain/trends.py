"""Weeks, session-RPE load and the two soft flags of SPEC §8.

The store sums each day in SQL; this module only does the arithmetic on those sums.
Loads are kept as RPE × seconds (whole numbers) so that the flags' thresholds compare
exactly; `load_value` turns one into the RPE × minutes people read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from .entries import LegDay
from .load import classify_load

# The usual effort of a run logged without an RPE (SPEC §8).
TYPE_EFFORT = {
    "recovery": 2,
    "easy": 3,
    "long": 5,
    "hills": 7,
    "tempo": 7,
    "intervals": 8,
    "race": 9,
}
ACUTE_DAYS = 7
CHRONIC_DAYS = 28
SPIKE_RATIO = 1.5
MONOTONY_LIMIT = 2
FLAG_DAYS = ACUTE_DAYS + CHRONIC_DAYS


def run_effort(run_type: str, rpe: int | None) -> int:
    """The RPE a run's load is counted at: its own, else its type's usual effort."""
    return rpe if rpe is not None else TYPE_EFFORT.get(run_type, TYPE_EFFORT["easy"])


def load_value(rpe_seconds: int) -> float:
    """RPE × seconds as the RPE × minutes of Foster's session-RPE, to one decimal."""
    return round(rpe_seconds / 60, 1)


def _km(metres: int) -> float:
    return round(metres / 1000, 3)


class RunDay(NamedTuple):
    """One day's runs, summed by the store."""

    date: date
    runs: int
    distance_m: int
    duration_s: int
    longest_m: int
    load: int  # RPE × seconds


def monday(day: date) -> date:
    """The Monday that starts `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def iso_week(day: date) -> str:
    """`2026-W48`: the ISO year and week `day` falls in."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class Week:
    """One ISO week's volume, load and soreness (SPEC §8)."""

    start: date
    runs: int = 0
    distance_m: int = 0
    duration_s: int = 0
    longest_m: int = 0
    leg_days: int = 0
    hard_leg_days: int = 0
    run_load: int = 0  # RPE × seconds
    leg_load: int = 0
    soreness: tuple[int, ...] = ()

    @property
    def week(self) -> str:
        """The ISO week, e.g. '2026-W48'."""
        return iso_week(self.start)

    @property
    def load(self) -> float:
        """The week's session-RPE load, RPE × minutes."""
        return load_value(self.run_load + self.leg_load)

    @property
    def soreness_mean(self) -> float | None:
        """The mean of the week's check-ins, or None without any."""
        if not self.soreness:
            return None
        return round(sum(self.soreness) / len(self.soreness), 2)

    def to_dict(self) -> dict[str, Any]:
        """One object of `weeks` in `stats --json`."""
        return {
            "week": self.week,
            "start": self.start.isoformat(),
            "runs": self.runs,
            "distance_km": _km(self.distance_m),
            "duration_s": self.duration_s,
            "longest_run_km": _km(self.longest_m),
            "leg_days": self.leg_days,
            "hard_leg_days": self.hard_leg_days,
            "load": self.load,
            "soreness_mean": self.soreness_mean,
        }


def weeks(
    last: date,
    count: int,
    runs: Iterable[RunDay],
    legs: Iterable[LegDay],
    soreness: Mapping[date, int],
) -> list[Week]:
    """`count` ISO weeks, oldest first, ending with the one holding `last`.

    Entries after `last` are left out, so a past date shows the weeks as they stood.
    """
    first = monday(last) - timedelta(weeks=count - 1)
    table = {first + timedelta(weeks=n): Week(first + timedelta(weeks=n)) for n in range(count)}

    def week_of(day: date) -> Week | None:
        return table.get(monday(day)) if day <= last else None

    for run_day in runs:
        if (week := week_of(run_day.date)) is not None:
            week.runs += run_day.runs
            week.distance_m += run_day.distance_m
            week.duration_s += run_day.duration_s
            week.longest_m = max(week.longest_m, run_day.longest_m)
            week.run_load += run_day.load
    for leg in legs:
        if (week := week_of(leg.date)) is not None:
            week.leg_days += 1
            week.hard_leg_days += classify_load(leg) == "hard"
            week.leg_load += leg.rpe * leg.duration_s
    for day, value in sorted(soreness.items()):
        if (week := week_of(day)) is not None:
            week.soreness += (value,)
    return list(table.values())


def daily_loads(runs: Iterable[RunDay], legs: Iterable[LegDay]) -> dict[date, int]:
    """Each day's load (RPE × seconds), runs and leg days together; days without none."""
    loads: dict[date, int] = {}
    for run_day in runs:
        loads[run_day.date] = loads.get(run_day.date, 0) + run_day.load
    for leg in legs:
        loads[leg.date] = loads.get(leg.date, 0) + leg.rpe * leg.duration_s
    return loads


class Flag(NamedTuple):
    """A soft note about the last 7 days' load: never a status, a rough guide."""

    id: str
    text: str

    def to_dict(self) -> dict[str, str]:
        """`{"id", "text"}`, as `advise --json` and `stats --json` print it."""
        return {"id": self.id, "text": self.text}


def flags(daily: Mapping[date, int], day: date) -> list[Flag]:
    """The load-spike and monotony flags as of `day` (SPEC §8); possibly none.

    The comparisons are done on whole numbers, so a load exactly at a threshold never
    raises a flag by a rounding error.
    """
    acute = [daily.get(day - timedelta(days=n), 0) for n in range(ACUTE_DAYS)]
    chronic = sum(daily.get(day - timedelta(days=n), 0) for n in range(ACUTE_DAYS, FLAG_DAYS))
    found: list[Flag] = []
    total = sum(acute)
    weeks_before = CHRONIC_DAYS // ACUTE_DAYS
    # acute > 1.5 × chronic / 4  ⇔  2 × 4 × acute > 3 × chronic
    if chronic > 0 and 2 * weeks_before * total > 3 * chronic:
        ratio = total * weeks_before / chronic
        found.append(
            Flag(
                "load_spike",
                f"Load spike: the last 7 days' load ({total / 60:,.0f}) is "
                f"{ratio:.1f}× your weekly average of the 4 weeks before "
                f"({chronic / weeks_before / 60:,.0f}). A rough guide, not a "
                "predictor: did you mean to step up this much?",
            )
        )
    squares = sum(value * value for value in acute)
    # mean / SD > 2 with SD the spread of the 7 days: 5 × total² > 28 × Σx²
    if total > 0 and 5 * total * total > 4 * ACUTE_DAYS * squares:
        spread = (ACUTE_DAYS * squares - total * total) ** 0.5 / ACUTE_DAYS
        value = "every day the same" if spread == 0 else f"{total / ACUTE_DAYS / spread:.1f}"
        found.append(
            Flag(
                "monotony",
                f"Monotony ({value}): the last 7 days were much alike, with no real easy "
                "or rest day. A rough guide: hard days need easy days around them.",
            )
        )
    return found
