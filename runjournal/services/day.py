"""Today's advice and checklist for a date: the store's facts through the domain's rules.

Both the CLI and the TUI call this, so they can never disagree.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from ..domain.advisor import LOOKBACK_DAYS, Advice, advise
from ..domain.checklist import ChecklistEntry, checklist_for
from ..store import Journal


def local_today() -> date:
    """The user's local calendar date: the only place the wall clock is read."""
    return datetime.now().astimezone().date()


class DayView(NamedTuple):
    """A day's advice and its checklist, as `advise` and Today show them."""

    advice: Advice
    checklist: list[ChecklistEntry]

    def to_dict(self) -> dict[str, object]:
        """The object `advise --json` prints."""
        return {**self.advice.to_dict(), "checklist": [c.to_dict() for c in self.checklist]}


def day_view(journal: Journal, day: date) -> DayView:
    """The advice for `day` (reading only its last 8 days) and that day's checklist."""
    legs = journal.leg_days_between(day - timedelta(days=LOOKBACK_DAYS), day)
    advice = advise(legs, journal.checkin_on(day), journal.settings(), day)
    items = journal.checklist_items()
    return DayView(advice, checklist_for(advice.status, items, journal.ticks(day)))
