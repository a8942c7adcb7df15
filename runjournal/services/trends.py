"""Trends for a date: the store's sums through the domain's arithmetic (SPEC §8).

`runjournal stats` and the Trends screen both call `trends_view`, so they can never
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..domain.forecast import (
    SETTLE_HORIZON_DAYS,
    SETTLED_SORENESS,
    ProfileRow,
    Settling,
    Suggestion,
    recovery_profile,
    suggestion,
)
from ..domain.load import classify_load
from ..domain.parse import shift
from ..domain.records import LiftRecord, RunRecord, best_lifts, best_runs
from ..domain.settings import Settings
from ..domain.trends import FLAG_DAYS, Flag, Week, daily_loads, flags, monday, weeks
from ..store import Journal

# Recovery changes with training: the profile reads the last year, not all of time.
PROFILE_DAYS = 365
HEAT_WEEKS = 26


@dataclass
class TrendsView:
    """Everything `stats` and the Trends screen show for one date."""

    day: date
    settings: Settings
    weeks: list[Week]
    flags: list[Flag]
    profile: list[ProfileRow]
    suggestion: Suggestion | None
    runs: list[RunRecord]
    lifts: list[LiftRecord]
    # per day of the heat map's weeks: load in RPE × seconds, and the leg days
    daily: dict[date, int] = field(default_factory=dict)
    leg_dates: set[date] = field(default_factory=set)
    heat_start: date | None = None

    def to_dict(self) -> dict[str, Any]:
        """The object `stats --json` prints, exactly as SPEC §8 has it."""
        return {
            "weeks": [week.to_dict() for week in self.weeks],
            "flags": [flag.to_dict() for flag in self.flags],
            "recovery_profile": [row.to_dict() for row in self.profile],
            "records": {
                "runs": [record.to_dict() for record in self.runs],
                "lifts": [record.to_dict() for record in self.lifts],
            },
        }


def flags_on(journal: Journal, day: date) -> list[Flag]:
    """The soft flags as of `day`: only the 35 days they look at are read."""
    trends = journal.trends()
    first = shift(day, -(FLAG_DAYS - 1))  # held at date.min: never underflows
    return flags(daily_loads(trends.run_days(first, day), trends.leg_days(first, day)), day)


def trends_view(
    journal: Journal, day: date, weeks_shown: int = 12, *, heat_weeks: int = 0
) -> TrendsView:
    """Weeks, flags, recovery profile and records as of `day` (nothing later is read).

    `heat_weeks` also fills `daily` and `leg_dates` for a calendar of that many weeks.
    """
    trends = journal.trends()
    settings = journal.settings()
    start = monday(day) - timedelta(weeks=weeks_shown - 1)
    heat_start = monday(day) - timedelta(weeks=heat_weeks - 1) if heat_weeks else None
    first = min(start, day - timedelta(days=FLAG_DAYS - 1), heat_start or start)
    runs = trends.run_days(first, day)
    legs = trends.leg_days(first, day)
    soreness = trends.soreness(start, day)
    daily = daily_loads(runs, legs)
    groups = trends.settling(
        day - timedelta(days=PROFILE_DAYS),
        day,
        settled_at=SETTLED_SORENESS,
        horizon_days=SETTLE_HORIZON_DAYS,
    )
    profile = recovery_profile(
        [Settling(classify_load(group.leg), group.days, group.leg_days) for group in groups],
        settings,
    )
    view = TrendsView(
        day=day,
        settings=settings,
        weeks=weeks(day, weeks_shown, runs, legs, soreness),
        flags=flags(daily, day),
        profile=profile,
        suggestion=suggestion(profile, settings),
        runs=best_runs(trends.record_runs(day)),
        lifts=best_lifts(trends.lift_sets(day)),
        heat_start=heat_start,
    )
    if heat_start is not None:
        view.daily = {d: v for d, v in daily.items() if d >= heat_start}
        view.leg_dates = {leg.date for leg in legs if leg.date >= heat_start}
    return view
