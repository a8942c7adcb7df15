"""Today's advice and checklist for a date: the store's facts through the domain's rules.

Both the CLI and the TUI call this, so they can never disagree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from ..domain.advisor import LOOKBACK_DAYS, Advice, Status, advise
from ..domain.checklist import ChecklistEntry, checklist_for
from ..domain.entries import LegDay, Run
from ..domain.forecast import REACH_DAYS, first_normal, outlook
from ..domain.parse import shift
from ..domain.trends import Flag
from ..store import Journal
from .trends import flags_on


def local_today() -> date:
    """The user's local calendar date: the only place the wall clock is read."""
    return datetime.now().astimezone().date()


FORECAST_DAYS = 7  # today and the six after it: the strip's forecast half


class DayView(NamedTuple):
    """A day's advice, its checklist and what comes next, as `advise` and Today show them.

    `run_done` is the day's run, once one is logged: the warm-up it was for stays the
    day's checklist, ticks and all, even if a leg day logged later changes the status.
    """

    advice: Advice
    checklist: list[ChecklistEntry]
    next_normal_training: date
    flags: list[Flag]
    # the status each coming day would have with nothing more logged, the day first
    outlook: list[tuple[date, Status]]
    run_done: Run | None = None

    def to_dict(self) -> dict[str, object]:
        """The object `advise --json` prints."""
        return {
            **self.advice.to_dict(),
            "checklist": [c.to_dict() for c in self.checklist],
            "next_normal_training": self.next_normal_training.isoformat(),
            "flags": [flag.to_dict() for flag in self.flags],
        }


def day_view(journal: Journal, day: date) -> DayView:
    """The advice for `day`, its checklist, what comes next and the soft flags.

    Reads only the last 8 days (35 for the flags).
    """
    # shift() holds at the calendar's first day: a look-back from 0001-01-03 never underflows.
    legs = journal.leg_days_between(shift(day, -LOOKBACK_DAYS), day)
    checkin, settings = journal.checkin_on(day), journal.settings()
    advice = advise(legs, checkin, settings, day)
    run = next(
        (r for r in journal.history(["run"], since=day, until=day) if isinstance(r, Run)), None
    )
    warmed_up_for = advice.status
    if run is not None:
        # The checklist was the run's warm-up: a leg day logged after the run (an
        # evening session after a morning run) changes what the rest of the day is
        # for, not the warm-up that was ticked before heading out.
        before = [leg for leg in legs if leg.date < day or _before(leg, run)]
        warmed_up_for = advise(before, checkin, settings, day).status
    items = journal.checklist_items()
    # One look ahead for both: the strip's days are the first days of the forecast's.
    ahead = outlook(legs, checkin, settings, day, max(REACH_DAYS, FORECAST_DAYS))
    return DayView(
        advice,
        checklist_for(warmed_up_for, items, journal.ticks(day)),
        first_normal(ahead),
        flags_on(journal, day),
        ahead[:FORECAST_DAYS],
        run,
    )


def _before(leg: LegDay, run: Run) -> bool:
    """Whether a leg day on the run's date is known to have come before the run."""
    return leg.time is not None and run.time is not None and leg.time < run.time
