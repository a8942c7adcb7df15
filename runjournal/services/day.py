"""Today's advice and checklist for a date: the store's facts through the domain's rules.

Both the CLI and the TUI call this, so they can never disagree.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from ..domain.advisor import LOOKBACK_DAYS, Advice, Status, advise
from ..domain.checklist import ChecklistEntry, checklist_for
from ..domain.forecast import next_normal_training, outlook
from ..domain.trends import Flag
from ..store import Journal
from .trends import flags_on


def local_today() -> date:
    """The user's local calendar date: the only place the wall clock is read."""
    return datetime.now().astimezone().date()


FORECAST_DAYS = 7  # today and the six after it: the strip's forecast half


class DayView(NamedTuple):
    """A day's advice, its checklist and what comes next, as `advise` and Today show them."""

    advice: Advice
    checklist: list[ChecklistEntry]
    next_normal_training: date
    flags: list[Flag]
    # the status each coming day would have with nothing more logged, the day first
    outlook: list[tuple[date, Status]]

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
    legs = journal.leg_days_between(day - timedelta(days=LOOKBACK_DAYS), day)
    checkin, settings = journal.checkin_on(day), journal.settings()
    advice = advise(legs, checkin, settings, day)
    items = journal.checklist_items()
    return DayView(
        advice,
        checklist_for(advice.status, items, journal.ticks(day)),
        next_normal_training(legs, checkin, settings, day),
        flags_on(journal, day),
        outlook(legs, checkin, settings, day, FORECAST_DAYS),
    )
