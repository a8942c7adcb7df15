"""The trend queries on a real journal file: what they count, and that they use indexes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.entries import Checkin, Exercise, LegDay, Run
from runjournal.store import Journal
from runjournal.store import trends as q

D = date(2026, 11, 29)


def leg(day: date, rpe: int = 9, minutes: int = 60) -> LegDay:
    return LegDay(date=day, duration_s=minutes * 60, rpe=rpe)


def sore(journal: Journal, first: date, *values: int) -> None:
    for n, value in enumerate(values):
        journal.add(Checkin(date=first + timedelta(days=n), soreness=value))


def settled(journal: Journal) -> list[tuple[int, int]]:
    groups = journal.trends().settling(D - timedelta(days=365), D, settled_at=3, horizon_days=14)
    return sorted((group.days, group.leg_days) for group in groups)


def test_settling_counts_days_until_soreness_is_three(journal: Journal) -> None:
    start = D - timedelta(days=20)
    journal.add(leg(start))
    sore(journal, start + timedelta(days=1), 7, 5, 3, 2)
    assert settled(journal) == [(3, 1)]


def test_a_missing_check_in_leaves_the_leg_day_out(journal: Journal) -> None:
    start = D - timedelta(days=20)
    journal.add(leg(start))
    sore(journal, start + timedelta(days=1), 7)
    sore(journal, start + timedelta(days=3), 2)  # the second day has no check-in
    assert settled(journal) == []


def test_a_leg_day_before_settling_leaves_the_first_out(journal: Journal) -> None:
    start = D - timedelta(days=20)
    journal.add(leg(start))
    journal.add(leg(start + timedelta(days=2)))
    sore(journal, start + timedelta(days=1), 6, 6, 6, 2)
    assert settled(journal) == [(2, 1)]  # only the second: settled on day 4 = its day 2


def test_soreness_never_settled_within_the_horizon(journal: Journal) -> None:
    start = D - timedelta(days=20)
    journal.add(leg(start))
    sore(journal, start + timedelta(days=1), *([6] * 15))
    assert settled(journal) == []


def test_run_days_sum_each_day_with_the_type_efforts(journal: Journal) -> None:
    journal.add(Run(date=D, distance_m=5000, duration_s=1800, type="tempo"))  # 7 × 1800
    journal.add(Run(date=D, distance_m=3000, duration_s=1200, type="recovery", rpe=4))
    (day,) = journal.trends().run_days(D, D)
    assert day == (D, 2, 8000, 3000, 5000, 7 * 1800 + 4 * 1200)


def test_lift_candidates_are_the_record_sets_on_their_first_date(journal: Journal) -> None:
    squat = (Exercise("back squat", 5, 5, 100_000),)
    journal.add(LegDay(date=D - timedelta(days=9), duration_s=3600, rpe=8, exercises=squat))
    journal.add(LegDay(date=D, duration_s=3600, rpe=8, exercises=squat))
    lunges = (Exercise("walking lunges", 3, 12),)
    journal.add(LegDay(date=D, duration_s=1800, rpe=6, exercises=lunges))
    sets = journal.trends().lift_sets(D)
    assert {(s.name, s.weight_g, s.reps, s.date) for s in sets} == {
        ("back squat", 100_000, 5, D - timedelta(days=9))
    }


PLANS = [
    (q._RECORD_RUN, (5000, D.isoformat()), "runs_pace"),
    (q._LONGEST, (D.isoformat(),), "idx_runs_distance_m"),
    (q._HEAVIEST, ("back squat", D.isoformat()), "leg_exercises_heaviest"),
    (q._E1RM, ("back squat", D.isoformat()), "leg_exercises_e1rm"),
    (q._RUN_DAYS, (*q._EFFORT_PARAMS, D.isoformat(), D.isoformat()), "runs_newest"),
    (q._LEG_DAYS, (D.isoformat(), D.isoformat()), "leg_days_newest"),
]


@pytest.mark.parametrize(("sql", "params", "index"), PLANS)
def test_trend_queries_read_through_indexes(
    journal: Journal, sql: str, params: tuple[object, ...], index: str
) -> None:
    steps = [row[-1] for row in journal.conn.execute(f"explain query plan {sql}", params)]
    assert any(index in step for step in steps), steps
    # no table read row by row, no sort: the index's order is the answer's
    assert not any(step in ("SCAN runs", "SCAN l", "SCAN e", "SCAN leg_days") for step in steps)
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in steps), steps
