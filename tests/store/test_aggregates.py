"""The Today view's sums and 7-day strip (store/aggregates.py), through Journal on a file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.entries import Checkin, Exercise, LegDay, Run
from runjournal.store import Journal

MON, TUE, WED, THU, FRI = (date(2026, 11, d) for d in (16, 17, 18, 19, 20))


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "j.db") as opened:
        yield opened


def leg_day(day: date, duration_s: int, time: str | None = None) -> LegDay:
    return LegDay(
        date=day, time=time, duration_s=duration_s, rpe=7, exercises=(Exercise("squat", 5, 5),)
    )


def fill(journal: Journal) -> None:
    """Entries on Monday to Friday; the sums below are over Tuesday to Thursday."""
    journal.add(Run(date=MON, distance_m=1000, duration_s=300))  # before the span
    journal.add(leg_day(MON, 600))
    journal.add(Run(date=TUE, distance_m=5000, duration_s=1500, time="07:00"))  # first day
    journal.add(Run(date=WED, distance_m=8000, duration_s=2400))
    journal.add(leg_day(WED, 3600))
    journal.add(Run(date=THU, distance_m=3000, duration_s=1000))  # last day
    journal.add(leg_day(THU, 1800))
    journal.add(Run(date=FRI, distance_m=20000, duration_s=7200))  # after the span
    journal.add(leg_day(FRI, 900))
    journal.add(Checkin(date=WED, soreness=3))


def test_totals_sum_the_span_both_ends_included(journal: Journal) -> None:
    fill(journal)
    assert journal.totals(TUE, THU) == {
        "runs": 3,
        "distance_m": 16000,
        "duration_s": 4900,
        "leg_days": 2,
        "leg_duration_s": 5400,
    }


def test_totals_of_one_day(journal: Journal) -> None:
    fill(journal)
    assert journal.totals(MON, MON) == {
        "runs": 1,
        "distance_m": 1000,
        "duration_s": 300,
        "leg_days": 1,
        "leg_duration_s": 600,
    }


def test_totals_of_an_empty_span_are_zeros(journal: Journal) -> None:
    fill(journal)
    nothing = {"runs": 0, "distance_m": 0, "duration_s": 0, "leg_days": 0, "leg_duration_s": 0}
    assert journal.totals(date(2026, 10, 1), date(2026, 10, 31)) == nothing
    assert journal.totals(THU, TUE) == nothing  # a span that ends before it starts


def test_totals_of_runs_without_leg_days_and_back(journal: Journal) -> None:
    journal.add(Run(date=TUE, distance_m=5000, duration_s=1500))
    journal.add(leg_day(WED, 3600))
    assert journal.totals(TUE, TUE) == {
        "runs": 1,
        "distance_m": 5000,
        "duration_s": 1500,
        "leg_days": 0,
        "leg_duration_s": 0,
    }
    assert journal.totals(WED, WED) == {
        "runs": 0,
        "distance_m": 0,
        "duration_s": 0,
        "leg_days": 1,
        "leg_duration_s": 3600,
    }


def test_days_group_the_span_by_day(journal: Journal) -> None:
    fill(journal)
    grouped = journal.days(TUE, THU)
    assert set(grouped) == {TUE, WED, THU}
    shown = {day: [(entry.kind, entry.id) for entry in entries] for day, entries in grouped.items()}
    # Leg days, then runs, then the check-in.
    assert shown == {
        TUE: [("run", 2)],
        WED: [("leg", 2), ("run", 3), ("checkin", 1)],
        THU: [("leg", 3), ("run", 4)],
    }
    assert grouped[WED][0] == journal.get("leg", 2)
    assert grouped[WED][2] == journal.checkin_on(WED)


def test_days_within_a_day_oldest_first(journal: Journal) -> None:
    journal.add(Run(date=WED, distance_m=5000, duration_s=1500, time="18:00"))  # 1
    journal.add(Run(date=WED, distance_m=6000, duration_s=1800, time="07:00"))  # 2
    journal.add(Run(date=WED, distance_m=7000, duration_s=2100))  # 3 untimed
    journal.add(leg_day(WED, 1800, time="19:00"))  # 1
    journal.add(leg_day(WED, 2400, time="06:00"))  # 2
    journal.add(Run(date=THU, distance_m=1000, duration_s=300))  # outside
    journal.add(Run(date=TUE, distance_m=1000, duration_s=300))  # outside
    grouped = journal.days(WED, WED)
    assert list(grouped) == [WED]
    assert [(entry.kind, entry.id) for entry in grouped[WED]] == [
        ("leg", 2),
        ("leg", 1),
        ("run", 3),
        ("run", 2),
        ("run", 1),
    ]


def test_days_of_an_empty_span(journal: Journal) -> None:
    fill(journal)
    assert journal.days(date(2026, 10, 1), date(2026, 10, 31)) == {}
