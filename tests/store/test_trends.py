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


def candidates(journal: Journal, last: date) -> list[tuple[int, date, int, int]]:
    return [tuple(c) for c in journal.trends().record_runs(last)]  # type: ignore[misc]


def test_record_runs_are_the_fastest_at_or_over_each_distance(journal: Journal) -> None:
    five = journal.add(Run(date=D - timedelta(days=5), distance_m=5000, duration_s=1500))
    ten = journal.add(Run(date=D - timedelta(days=5), distance_m=10000, duration_s=3300))
    journal.add(Run(date=D - timedelta(days=6), distance_m=4990, duration_s=900))  # under 5 km
    journal.add(Run(date=D - timedelta(days=7), distance_m=6000, duration_s=2400))  # slower
    journal.add(Run(date=D, distance_m=21100, duration_s=5400))  # after `last`
    assert candidates(journal, D - timedelta(days=1)) == [
        (five.id, D - timedelta(days=5), 5000, 1500),
        (ten.id, D - timedelta(days=5), 10000, 3300),
    ]


def test_one_run_holding_several_records_is_one_candidate(journal: Journal) -> None:
    run = journal.add(Run(date=D, distance_m=10000, duration_s=2900))
    journal.add(Run(date=D, distance_m=5000, duration_s=1600))
    assert candidates(journal, D) == [(run.id, D, 10000, 2900)]


def test_no_runs_no_record_candidates(journal: Journal) -> None:
    assert candidates(journal, D) == []
    journal.add(Run(date=D, distance_m=4000, duration_s=1200))  # shorter than any record
    assert candidates(journal, D) == []


def test_lift_sets_per_exercise_heaviest_and_best_estimate(journal: Journal) -> None:
    def day(when: date, *exercises: Exercise) -> None:
        journal.add(LegDay(date=when, duration_s=3600, rpe=8, exercises=exercises))

    day(D - timedelta(days=9), Exercise("air squat", 3, 20), Exercise("back squat", 5, 5, 100_000))
    day(D - timedelta(days=3), Exercise("back squat", 1, 1, 110_000))
    day(D, Exercise("leg press", 4, 10, 200_000), Exercise("back squat", 3, 5, 100_000))
    day(D + timedelta(days=1), Exercise("leg press", 1, 1, 300_000))  # after `last`
    sets = [tuple(s) for s in journal.trends().lift_sets(D)]
    assert sets == [
        ("back squat", 110_000, 1, D - timedelta(days=3)),  # the heaviest
        ("back squat", 100_000, 5, D - timedelta(days=9)),  # the best estimate, first done
        ("leg press", 200_000, 10, D),
        ("leg press", 200_000, 10, D),
    ]


def test_soreness_of_the_check_ins_between_two_dates(journal: Journal) -> None:
    sore(journal, D - timedelta(days=3), 7, 5, 2, 1)
    got = journal.trends().soreness(D - timedelta(days=2), D - timedelta(days=1))
    assert got == {D - timedelta(days=2): 5, D - timedelta(days=1): 2}


def test_leg_days_between_two_dates_without_exercises(journal: Journal) -> None:
    first = journal.add(
        LegDay(
            date=D - timedelta(days=4),
            duration_s=2400,
            rpe=9,
            to_failure=True,
            exercises=(Exercise("back squat", 5, 5, 100_000),),
        )
    )
    second = journal.add(LegDay(date=D, duration_s=1800, rpe=5, notes="easy"))
    journal.add(LegDay(date=D + timedelta(days=1), duration_s=1800, rpe=5))
    assert journal.trends().leg_days(D - timedelta(days=4), D) == [
        LegDay(date=first.date, duration_s=2400, rpe=9, to_failure=True, id=first.id),
        LegDay(date=second.date, duration_s=1800, rpe=5, to_failure=False, id=second.id),
    ]


def test_settling_groups_by_load_class_at_45_and_20_minutes(journal: Journal) -> None:
    start = D - timedelta(days=60)
    # (minutes, rpe, to failure): each pair differs on one side of 45 or 20 minutes
    sessions = [(45, 7, False), (44, 7, False), (20, 5, False), (19, 5, False), (30, 5, True)]
    for n, (minutes, rpe, failure) in enumerate(sessions):
        day = start + timedelta(days=10 * n)
        journal.add(LegDay(date=day, duration_s=minutes * 60, rpe=rpe, to_failure=failure))
        sore(journal, day + timedelta(days=1), 6, 2)
    groups = journal.trends().settling(start, D, settled_at=3, horizon_days=14)
    got = sorted(groups, key=lambda g: (g.leg.to_failure, g.leg.duration_s))
    assert got == [
        q.SettlingGroup(LegDay(date=D, duration_s=19 * 60, rpe=5), 2, 1),
        q.SettlingGroup(LegDay(date=D, duration_s=20 * 60, rpe=5), 2, 1),
        q.SettlingGroup(LegDay(date=D, duration_s=44 * 60, rpe=7), 2, 1),
        q.SettlingGroup(LegDay(date=D, duration_s=45 * 60, rpe=7), 2, 1),
        q.SettlingGroup(LegDay(date=D, duration_s=30 * 60, rpe=5, to_failure=True), 2, 1),
    ]


def test_settling_counts_alike_leg_days_together(journal: Journal) -> None:
    start = D - timedelta(days=40)
    for n in range(3):
        journal.add(leg(start + timedelta(days=10 * n), rpe=9, minutes=60 - n))
        sore(journal, start + timedelta(days=10 * n + 1), 6, 5, 3)
    (group,) = journal.trends().settling(start, D, settled_at=3, horizon_days=14)
    assert group == q.SettlingGroup(LegDay(date=D, duration_s=58 * 60, rpe=9), 3, 3)
