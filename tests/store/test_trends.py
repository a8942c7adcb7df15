"""The trend queries on a real journal file: what they count, and that they use indexes."""

from __future__ import annotations

import sqlite3
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


SETTLING_PARAMS = {
    "first": (D - timedelta(days=365)).isoformat(),
    "last": D.isoformat(),
    "horizon": "+14 days",
    "settled": 3,
    "hard_s": q.HARD_MINUTES * 60,
    "short_s": q.SHORT_MINUTES * 60,
}
# Each query, and the only SCANs its plan may have: an index read in its order that stops
# at the first row (`limit 1`), or a CTE's own rows. Every other read of a table must be
# a SEARCH (`indexed by` names the index, but cannot make SQLite seek in it).
PLANS = [
    (q._RECORD_RUN, (5000, D.isoformat()), ("SCAN runs USING INDEX runs_pace",)),
    (q._LONGEST, (D.isoformat(),), ("SCAN runs USING INDEX idx_runs_distance_m",)),
    (q._HEAVIEST, ("back squat", D.isoformat()), ()),
    (q._E1RM, ("back squat", D.isoformat()), ()),
    (q._RUN_DAYS, (*q._EFFORT_PARAMS, D.isoformat(), D.isoformat()), ()),
    (q._LEG_DAYS, (D.isoformat(), D.isoformat()), ()),
    (q._LIFT_NAMES, (), ("SCAN names",)),
    (q._SETTLING, SETTLING_PARAMS, ("SCAN settled",)),
]


def plan(journal: Journal, sql: str, params: object) -> list[str]:
    return [row[-1] for row in journal.conn.execute(f"explain query plan {sql}", params)]


@pytest.mark.parametrize(("sql", "params", "scans"), PLANS)
def test_trend_queries_read_through_indexes(
    journal: Journal, sql: str, params: object, scans: tuple[str, ...]
) -> None:
    steps = plan(journal, sql, params)
    reads = [step for step in steps if step.startswith(("SEARCH ", "SCAN "))]
    assert reads, steps
    # no table read row by row (nor a whole index), no sort: the index's order is the answer's
    assert [step for step in reads if step.startswith("SCAN ") and step not in scans] == []
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in steps), steps


@pytest.mark.skipif(sqlite3.sqlite_version_info < (3, 35, 0), reason="no MATERIALIZED")
def test_settling_finds_each_leg_days_settling_check_in_once(journal: Journal) -> None:
    # the CTE is materialized: its on_date subquery is not run again wherever it is used
    steps = plan(journal, q._SETTLING, SETTLING_PARAMS)
    assert sum(step.startswith("SEARCH c USING INDEX idx_checkins_date") for step in steps) == 1
