"""The day view's forecast and strip come from one look ahead and agree with the domain's."""

from __future__ import annotations

from datetime import date, timedelta

from runjournal.domain.entries import Checkin, LegDay
from runjournal.domain.forecast import next_normal_training, outlook
from runjournal.services.day import FORECAST_DAYS, day_view
from runjournal.store import Journal

D = date(2026, 11, 29)


def test_next_normal_training_and_outlook_as_the_domain_gives_them(journal: Journal) -> None:
    journal.add(LegDay(date=D - timedelta(days=1), duration_s=3600, rpe=9, to_failure=True))
    journal.add(Checkin(date=D, soreness=6))
    view = day_view(journal, D)
    legs = journal.leg_days_between(D - timedelta(days=7), D)
    checkin, settings = journal.checkin_on(D), journal.settings()
    assert view.next_normal_training == next_normal_training(legs, checkin, settings, D)
    assert view.next_normal_training > D  # the heavy leg day holds it back
    assert view.outlook == outlook(legs, checkin, settings, D, FORECAST_DAYS)
    assert len(view.outlook) == FORECAST_DAYS
