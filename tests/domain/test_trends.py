"""Weeks, session-RPE load and the two flags, against hand-computed figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.entries import LegDay
from runjournal.domain.records import (
    LiftSet,
    RunCandidate,
    best_lifts,
    best_runs,
    e1rm_g,
)
from runjournal.domain.trends import (
    RunDay,
    daily_loads,
    flags,
    iso_week,
    load_value,
    run_effort,
    weeks,
)

MON = date(2026, 11, 23)  # Monday of 2026-W48
D = date(2026, 11, 29)  # its Sunday


def run_day(day: date, km: float, minutes: int, rpe: int, runs: int = 1) -> RunDay:
    metres = round(km * 1000)
    return RunDay(day, runs, metres, minutes * 60, metres, rpe * minutes * 60)


def leg(day: date, minutes: int, rpe: int, to_failure: bool = False) -> LegDay:
    return LegDay(date=day, duration_s=minutes * 60, rpe=rpe, to_failure=to_failure)


# Load ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("run_type", "effort"),
    [
        ("recovery", 2),
        ("easy", 3),
        ("long", 5),
        ("hills", 7),
        ("tempo", 7),
        ("intervals", 8),
        ("race", 9),
    ],
)
def test_a_run_without_rpe_counts_at_its_types_effort(run_type: str, effort: int) -> None:
    assert run_effort(run_type, None) == effort
    assert run_effort(run_type, 4) == 4


def test_load_is_rpe_times_minutes() -> None:
    assert load_value(3 * 3150) == 157.5  # 52:30 at RPE 3
    assert load_value(9 * 3600) == 540.0


# Weeks --------------------------------------------------------------------------------


def test_a_hand_computed_week() -> None:
    runs = [
        run_day(MON, 8.2, 50, 3),  # load 150
        run_day(MON + timedelta(days=2), 12.0, 70, 5),  # 350
        RunDay(MON + timedelta(days=5), 2, 21_500, 7_200, 18_000, 4 * 7_200),  # two runs, 480
    ]
    legs = [
        leg(MON + timedelta(days=1), 60, 9),  # hard, 540
        leg(MON + timedelta(days=4), 30, 5),  # moderate, 150
    ]
    soreness = {MON + timedelta(days=1): 2, MON + timedelta(days=2): 6, MON: 3}
    (week,) = weeks(D, 1, runs, legs, soreness)
    assert week.to_dict() == {
        "week": "2026-W48",
        "start": "2026-11-23",
        "runs": 4,
        "distance_km": 41.7,
        "duration_s": 3000 + 4200 + 7200,
        "longest_run_km": 18.0,
        "leg_days": 2,
        "hard_leg_days": 1,
        "load": 150 + 350 + 480 + 540 + 150,
        "soreness_mean": round(11 / 3, 2),
    }
    assert load_value(week.run_load) == 980
    assert load_value(week.leg_load) == 690


def test_an_empty_week_is_zeros_and_null() -> None:
    older, current = weeks(D, 2, [run_day(MON, 5, 30, 3)], [], {MON: 4})
    assert older.to_dict() == {
        "week": "2026-W47",
        "start": "2026-11-16",
        "runs": 0,
        "distance_km": 0,
        "duration_s": 0,
        "longest_run_km": 0,
        "leg_days": 0,
        "hard_leg_days": 0,
        "load": 0,
        "soreness_mean": None,
    }
    assert current.runs == 1


def test_weeks_end_with_the_week_of_the_date_and_leave_out_later_days() -> None:
    wed = MON + timedelta(days=2)
    result = weeks(wed, 12, [run_day(MON + timedelta(days=3), 10, 60, 3)], [], {})
    assert len(result) == 12
    assert result[-1].start == MON
    assert result[0].start == MON - timedelta(weeks=11)
    assert result[-1].runs == 0  # Thursday is after the date asked about


def test_iso_weeks_across_the_new_year() -> None:
    assert iso_week(date(2026, 12, 31)) == "2026-W53"
    assert iso_week(date(2027, 1, 4)) == "2027-W01"
    assert iso_week(date(2024, 12, 30)) == "2025-W01"


# Flags --------------------------------------------------------------------------------


def chronic(day: date, per_week: int) -> dict[date, int]:
    """28 days before the last 7: one session a week of `per_week` RPE-seconds."""
    return {day - timedelta(days=7 + 7 * n): per_week for n in range(4)}


def test_load_spike_is_off_at_exactly_one_and_a_half_times() -> None:
    loads = chronic(D, 60_000)
    loads[D] = 90_000
    assert [f.id for f in flags(loads, D)] == []
    loads[D] = 90_001
    assert [f.id for f in flags(loads, D)] == ["load_spike"]


def test_load_spike_text_says_it_is_a_rough_guide() -> None:
    loads = chronic(D, 60_000)
    loads[D - timedelta(days=3)] = 100_000
    (flag,) = flags(loads, D)
    assert "rough guide" in flag.text
    assert "1.7×" in flag.text
    assert flag.to_dict() == {"id": "load_spike", "text": flag.text}


def test_no_load_spike_without_load_before() -> None:
    assert [f.id for f in flags({D: 500_000, D - timedelta(days=2): 1}, D)] == []


def test_load_spike_ignores_days_outside_the_35() -> None:
    loads = {D - timedelta(days=35): 10**9, D: 10}
    loads.update(chronic(D, 100))
    assert [f.id for f in flags(loads, D)] == []


def test_monotony_on_and_off_at_two() -> None:
    # days a, a, a, a, a, a, b: mean/SD exactly 2 when 5T² = 28Q
    # with six days of 4 and one of 1: T = 25, Q = 97 → 5·625 = 3125 > 2716: monotonous
    week = {D - timedelta(days=n): 4 for n in range(1, 7)}
    week[D] = 1
    assert [f.id for f in flags(week, D)] == ["monotony"]
    # two rest days: T = 20, Q = 80 → 2000 < 2240: not monotonous
    week = {D - timedelta(days=n): 4 for n in range(2, 7)}
    assert [f.id for f in flags(week, D)] == []


def test_monotony_exactly_at_the_threshold_is_off() -> None:
    # 0, 2, 5, 5, 5, 5, 6: T = 28, Q = 140, mean 4 and SD exactly 2 → mean/SD = 2
    values = [0, 2, 5, 5, 5, 5, 6]
    week = {D - timedelta(days=n): v * 600 for n, v in enumerate(values)}
    assert [f.id for f in flags(week, D)] == []
    week[D] += 1  # the rest day a touch busier: mean/SD just above 2
    assert [f.id for f in flags(week, D)] == ["monotony"]


def test_a_week_of_the_same_session_every_day_is_monotonous() -> None:
    (flag,) = flags({D - timedelta(days=n): 7 * 2400 for n in range(7)}, D)
    assert flag.id == "monotony"
    assert "every day the same" in flag.text
    assert "rough guide" in flag.text


def test_no_training_no_flags() -> None:
    assert flags({}, D) == []


def test_daily_loads_add_runs_and_leg_days() -> None:
    loads = daily_loads([run_day(MON, 8, 40, 3)], [leg(MON, 60, 9), leg(D, 30, 2)])
    assert loads == {MON: 3 * 2400 + 9 * 3600, D: 2 * 1800}


# Records ------------------------------------------------------------------------------


def candidate(id: int, day: int, km: float, seconds: int) -> RunCandidate:
    return RunCandidate(id, MON - timedelta(days=day), round(km * 1000), seconds)


def test_run_records_by_pace_at_or_over_each_distance() -> None:
    records = best_runs(
        [
            candidate(1, 30, 5.0, 1500),  # 5:00/km
            candidate(2, 20, 12.0, 3480),  # 4:50/km: the 5 km and 10 km record at once
            candidate(3, 10, 4.99, 1000),  # quick, but under 5 km
            candidate(4, 5, 21.1, 6330),  # 5:00/km
        ]
    )
    assert [(r.name, r.run.id, r.pace_s_per_km) for r in records] == [
        ("5 km", 2, 290),
        ("10 km", 2, 290),
        ("half marathon", 4, 300),
    ]
    assert records[0].to_dict()["date"] == (MON - timedelta(days=20)).isoformat()


def test_a_tied_pace_goes_to_the_earlier_run() -> None:
    (record,) = best_runs([candidate(9, 1, 5.0, 1500), candidate(3, 8, 6.0, 1800)])
    assert record.run.id == 3  # same 5:00/km, run 8 days before


def test_lift_records_heaviest_and_epley() -> None:
    day = MON
    sets = [
        LiftSet("back squat", 100_000, 5, day - timedelta(days=9)),  # e1RM 116.7
        LiftSet("back squat", 110_000, 1, day - timedelta(days=5)),  # heaviest, e1RM 113.7
        LiftSet("back squat", 90_000, 10, day),  # e1RM 120: best
        LiftSet("walking lunges", 0, 12, day),  # no weight: no record
    ]
    (record,) = best_lifts(sets)
    assert record.heaviest.weight_g == 110_000
    assert record.best_e1rm.reps == 10
    assert record.e1rm_g == pytest.approx(120_000)
    assert record.to_dict()["e1rm"] == {
        "e1rm_kg": 120.0,
        "weight_kg": 90.0,
        "reps": 10,
        "date": day.isoformat(),
    }
    assert e1rm_g(100_000, 5) == pytest.approx(116_666.67, abs=0.01)


def test_lift_ties_go_to_the_first_time() -> None:
    early, late = MON - timedelta(days=7), MON
    (record,) = best_lifts(
        [
            LiftSet("deadlift", 140_000, 5, late),
            LiftSet("deadlift", 140_000, 5, early),
            # 150 × (30+1) = 4650 vs 140 × 35 = 4900: not stronger, but heavier
            LiftSet("deadlift", 150_000, 1, late),
        ]
    )
    assert record.heaviest == LiftSet("deadlift", 150_000, 1, late)
    assert record.best_e1rm.date == early


def test_equal_e1rm_from_different_sets_goes_to_the_earlier() -> None:
    # 120 × (30 + 5) = 4200 = 105 × 40: the same e1RM (140 kg)
    early, late = MON - timedelta(days=3), MON
    (record,) = best_lifts(
        [LiftSet("squat", 105_000, 10, late), LiftSet("squat", 120_000, 5, early)]
    )
    assert record.best_e1rm.date == early
    assert record.e1rm_g == pytest.approx(140_000)


# Edges --------------------------------------------------------------------------------


def test_a_run_type_outside_the_table_counts_as_easy() -> None:
    # the store's SQL falls back the same way (`else` easy)
    assert run_effort("fartlek", None) == 3


def test_load_value_is_to_one_decimal() -> None:
    assert load_value(9_473) == 157.9  # 157.883 RPE × minutes


def test_entries_on_the_last_day_itself_count() -> None:
    wed = MON + timedelta(days=2)
    (week,) = weeks(wed, 1, [run_day(wed, 10, 60, 3)], [leg(wed, 60, 9)], {wed: 5})
    assert (week.runs, week.leg_days, week.soreness_mean) == (1, 1, 5.0)


def test_only_hard_leg_days_count_as_hard() -> None:
    legs = [leg(MON, 60, 9), leg(MON + timedelta(days=2), 30, 3), leg(D, 30, 6)]
    (week,) = weeks(D, 1, [], legs, {})
    assert (week.leg_days, week.hard_leg_days) == (3, 1)  # hard, light, moderate


def test_daily_loads_add_up_run_days_of_the_same_date() -> None:
    loads = daily_loads([run_day(MON, 8, 40, 3), run_day(MON, 5, 20, 8)], [])
    assert loads == {MON: 3 * 2400 + 8 * 1200}


def test_the_smallest_load_before_is_something_to_compare_with() -> None:
    # one RPE-second in the 28 days before: not "no load at all"
    assert [f.id for f in flags({D - timedelta(days=10): 1, D: 1}, D)] == ["load_spike"]


def test_load_spike_text_in_full() -> None:
    loads = chronic(D, 60_000)  # 1,000 a week
    loads[D - timedelta(days=3)] = 100_000  # 1,666.7
    (flag,) = flags(loads, D)
    assert flag.text == (
        "Load spike: the last 7 days' load (1,667) is 1.7× your weekly average of the 4 "
        "weeks before (1,000). A rough guide, not a predictor: did you mean to step up "
        "this much?"
    )


def test_load_spike_figures_are_rounded_once() -> None:
    # 90,088 RPE-seconds are 1,501.47 RPE × minutes; 240,121 over 4 weeks, 1,000.504 a
    # week (not 1,000.5 by whole RPE-seconds, which rounds to even: 1,000)
    (flag,) = flags({D - timedelta(days=10): 240_121, D: 90_088}, D)
    assert "load (1,501) is 1.5× your weekly average" in flag.text
    assert "4 weeks before (1,001)." in flag.text


def test_monotony_text_in_full_with_its_ratio() -> None:
    # six days of 4 and one of 1: mean 25/7, SD √54/7, mean/SD = 25/√54 = 3.40
    week = {D - timedelta(days=n): 4 * 600 for n in range(1, 7)}
    week[D] = 600
    (flag,) = flags(week, D)
    assert flag.text == (
        "Monotony (3.4): the last 7 days were much alike, with no real easy or rest day. "
        "A rough guide: hard days need easy days around them."
    )


def test_monotony_text_for_the_same_load_every_day() -> None:
    (flag,) = flags({D - timedelta(days=n): 2400 for n in range(7)}, D)
    assert flag.text == (
        "Monotony (every day the same): the last 7 days were much alike, with no real "
        "easy or rest day. A rough guide: hard days need easy days around them."
    )
