"""What comes next: the advisor's rules run forward, and your own recovery profile.

The forecast (SPEC §3 `next_normal_training`) asks the advisor about the coming days
with nothing more logged; soreness is known only for the first day. The recovery
profile (SPEC §8) compares how fast your check-ins say you settle with the window the
advisor assumes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, NamedTuple

from .advisor import LOOKBACK_DAYS, Status, advise
from .entries import Checkin, LegDay
from .load import LOADS, Load, recovery_days
from .settings import CHOICES, Settings

SETTLED_SORENESS = 3  # "mild" (SPEC §2): the legs have settled
SETTLE_HORIZON_DAYS = 14  # a leg day not settled two weeks later says nothing about rate
SUGGEST_MIN_LEG_DAYS = 5
SUGGEST_MIN_DAYS_OFF = 1.0
# An outlook this long always holds a day of normal training: a leg day older than the
# advisor's 7 days counts for nothing, and nothing after the first day is logged.
REACH_DAYS = LOOKBACK_DAYS + 2


def outlook(
    legs: Iterable[LegDay], checkin: Checkin | None, settings: Settings, day: date, days: int
) -> list[tuple[date, Status]]:
    """The status the advisor would give on each of `days` days from `day` on.

    Nothing more is logged in between, and the check-in counts only for `day` itself.
    """
    kept = [leg for leg in legs if leg.date <= day]
    statuses = []
    # Held at the calendar's last day (9999-12-31): no date after it to look at.
    for n in range(min(days, (date.max - day).days + 1)):
        target = day + timedelta(days=n)
        advice = advise(kept, checkin if n == 0 else None, settings, target)
        statuses.append((target, advice.status))
    return statuses


def next_normal_training(
    legs: Iterable[LegDay], checkin: Checkin | None, settings: Settings, day: date
) -> date:
    """The first date on or after `day` on which the status would be normal training.

    Always found within 8 days: a leg day older than the advisor's 7 days counts for
    nothing, and nothing after `day` is logged.
    """
    return first_normal(outlook(legs, checkin, settings, day, REACH_DAYS))


def first_normal(ahead: Iterable[tuple[date, Status]]) -> date:
    """The first date of normal training in an `outlook` at least `REACH_DAYS` long.

    date.max when the calendar ends first (a demo dated 9999-12-31).
    """
    return next((target for target, status in ahead if status == "normal_training"), date.max)


def when_text(ready: date, day: date) -> str:
    """'hard running OK today' or 'hard running OK from Fri 4 Dec'."""
    if ready == day:
        return "hard running OK today"
    return f"hard running OK from {ready:%a} {ready.day} {ready:%b}"


# The recovery profile -----------------------------------------------------------------


class Settling(NamedTuple):
    """Leg days of one load class that settled after the same number of days."""

    load: Load
    days: int
    leg_days: int


@dataclass(frozen=True)
class ProfileRow:
    """One load class: how many days soreness took to settle, beside the advisor's window."""

    load: Load
    leg_days: int
    mean_days: float | None
    window_days: int

    @property
    def days_off(self) -> float:
        """How much sooner (negative) or later than the window the legs settled."""
        return 0.0 if self.mean_days is None else self.mean_days - self.window_days

    def to_dict(self) -> dict[str, Any]:
        """The `recovery_profile` object of `stats --json`."""
        return {
            "load": self.load,
            "leg_days": self.leg_days,
            "mean_days": self.mean_days,
            "window_days": self.window_days,
        }

    def sentence(self) -> str:
        """The profile in words, as Trends and `stats` show it."""
        if self.mean_days is None:
            return (
                f"After {self.load} leg days: no leg day followed by daily check-ins yet; "
                f"the advisor assumes {self.window_days}."
            )
        plural = "s" if self.leg_days != 1 else ""
        return (
            f"After your {self.load} leg days your soreness settled in "
            f"{self.mean_days:.1f} days on average ({self.leg_days} leg day{plural}); "
            f"the advisor assumes {self.window_days}."
        )


def recovery_profile(settled: Iterable[Settling], settings: Settings) -> list[ProfileRow]:
    """Per load class, the mean days until soreness first came down to 3 or less."""
    totals = {load: [0, 0] for load in LOADS}  # leg days, days summed
    for group in settled:
        totals[group.load][0] += group.leg_days
        totals[group.load][1] += group.days * group.leg_days
    return [
        ProfileRow(
            load,
            count,
            round(days / count, 1) if count else None,
            recovery_days(load, settings),
        )
        for load, (count, days) in totals.items()
    ]


class Suggestion(NamedTuple):
    """A recovery_rate the check-ins point to; shown, never applied."""

    recovery_rate: str
    because: ProfileRow

    def text(self) -> str:
        """The suggestion in words, with how to follow it."""
        row = self.because
        return (
            f"Your check-ins suggest recovery rate {self.recovery_rate}: after {row.load} "
            f"leg days you settled in {row.mean_days:.1f} days, the advisor assumes "
            f"{row.window_days}. To follow it: Settings → recovery rate, or "
            f"`runjournal config set recovery_rate {self.recovery_rate}`."
        )


def suggestion(profile: Iterable[ProfileRow], settings: Settings) -> Suggestion | None:
    """A one-step change of recovery_rate, where 5+ leg days disagree by a day or more.

    Classes that point different ways cancel out, even where one of them asks for a step
    that cannot be taken or would not move its window: no suggestion is better than a
    wrong one.
    """
    rates = CHOICES["recovery_rate"]  # slow, normal, fast
    rows = [
        row
        for row in profile
        if row.leg_days >= SUGGEST_MIN_LEG_DAYS and abs(row.days_off) >= SUGGEST_MIN_DAYS_OFF
    ]
    steps = {1 if row.days_off < 0 else -1 for row in rows}  # settled sooner: a faster rate
    if len(steps) != 1:
        return None
    index = rates.index(settings.recovery_rate) + steps.pop()
    if not 0 <= index < len(rates):
        return None
    wanted = replace(settings, recovery_rate=rates[index])
    # clamped classes (the window is kept to 1-4 days) are not moved by the change
    moved = [row for row in rows if recovery_days(row.load, wanted) != row.window_days]
    if not moved:
        return None
    return Suggestion(rates[index], max(moved, key=lambda row: row.leg_days))
