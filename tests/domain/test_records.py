"""Personal records (SPEC §8): best paces at 5/10/21.1/42.2 km, heaviest set, Epley e1RM.

Ties go to the earlier date (the day it was first done), whatever order the store hands
the candidates over in; every figure is checked as `stats --json` prints it.
"""

from __future__ import annotations

from datetime import date, timedelta

from runjournal.domain.records import LiftSet, RunCandidate, best_lifts, best_runs

DAY = date(2026, 11, 2)
EARLY, LATE = DAY - timedelta(days=7), DAY


# Runs ---------------------------------------------------------------------------------


def test_a_run_record_as_stats_json_prints_it() -> None:
    run = RunCandidate(7, DAY, 12_345, 3_600)  # 12.345 km in 1:00:00, 4:52/km
    five, ten = best_runs([run])
    assert five.to_dict() == {
        "distance": "5 km",
        "at_least_km": 5.0,
        "id": 7,
        "date": "2026-11-02",
        "distance_km": 12.345,
        "duration_s": 3_600,
        "pace_s_per_km": 292,
    }
    assert ten.to_dict() == {**five.to_dict(), "distance": "10 km", "at_least_km": 10.0}


def test_a_marathon_holds_every_record_distance_with_its_name() -> None:
    marathon = RunCandidate(1, DAY, 42_200, 4 * 3_600)
    assert [
        (r.to_dict()["distance"], r.to_dict()["at_least_km"]) for r in best_runs([marathon])
    ] == [
        ("5 km", 5.0),
        ("10 km", 10.0),
        ("half marathon", 21.1),
        ("marathon", 42.2),
    ]


def test_a_tied_pace_stays_with_the_earlier_run_listed_first() -> None:
    early = RunCandidate(3, EARLY, 5_000, 1_500)  # 5:00/km
    late = RunCandidate(9, LATE, 6_000, 1_800)  # 5:00/km too, a week later
    for order in ([early, late], [late, early]):
        (record,) = best_runs(order)
        assert record.run == early


def test_a_tied_pace_on_one_day_goes_to_the_first_logged() -> None:
    first = RunCandidate(2, DAY, 5_000, 1_500)
    second = RunCandidate(4, DAY, 10_000, 3_000)
    for order in ([first, second], [second, first]):
        assert [r.run.id for r in best_runs(order)] == [2, 4]  # 5 km: a tie; 10 km: only 4


def test_an_earlier_but_slower_run_does_not_take_the_record() -> None:
    fast_late = RunCandidate(5, LATE, 5_000, 1_440)  # 4:48/km
    slow_early = RunCandidate(1, EARLY, 5_000, 1_441)  # one second slower
    (record,) = best_runs([fast_late, slow_early])
    assert record.run == fast_late


# Lifts --------------------------------------------------------------------------------


def test_a_lift_record_as_stats_json_prints_it() -> None:
    sets = [
        LiftSet("back squat", 102_500, 3, DAY - timedelta(days=5)),  # heaviest, e1RM 112.75
        LiftSet("back squat", 92_500, 8, DAY),  # e1RM 92.5 × 38/30 = 117.17: the best
    ]
    (record,) = best_lifts(sets)
    assert record.to_dict() == {
        "name": "back squat",
        "heaviest": {"weight_kg": 102.5, "reps": 3, "date": "2026-10-28"},
        "e1rm": {"e1rm_kg": 117.2, "weight_kg": 92.5, "reps": 8, "date": "2026-11-02"},
    }


def test_the_heaviest_set_tied_stays_with_the_first_time() -> None:
    early = LiftSet("deadlift", 140_000, 5, EARLY)
    late = LiftSet("deadlift", 140_000, 5, LATE)
    for order in ([early, late], [late, early]):
        (record,) = best_lifts(order)
        assert record.heaviest == early


def test_an_earlier_lighter_set_is_not_the_heaviest() -> None:
    heavy_late = LiftSet("deadlift", 150_000, 1, LATE)
    light_early = LiftSet("deadlift", 140_000, 5, EARLY)
    (record,) = best_lifts([heavy_late, light_early])
    assert record.heaviest == heavy_late
    assert record.best_e1rm == light_early  # 140 × 35 = 4900 > 150 × 31 = 4650


def test_the_same_weight_for_more_reps_is_the_heavier_set() -> None:
    (record,) = best_lifts([LiftSet("press", 60_000, 5, LATE), LiftSet("press", 60_000, 3, EARLY)])
    assert record.heaviest == LiftSet("press", 60_000, 5, LATE)


def test_an_equal_e1rm_stays_with_the_earlier_set_listed_first() -> None:
    # 120 × (30 + 5) = 4200 = 105 × (30 + 10): the same e1RM, 140 kg
    early = LiftSet("squat", 120_000, 5, EARLY)
    late = LiftSet("squat", 105_000, 10, LATE)
    (record,) = best_lifts([early, late])
    assert record.best_e1rm == early


def test_an_earlier_but_weaker_set_is_not_the_best_e1rm() -> None:
    strong_late = LiftSet("squat", 90_000, 10, LATE)  # e1RM 120
    weak_early = LiftSet("squat", 100_000, 5, EARLY)  # e1RM 116.7
    (record,) = best_lifts([strong_late, weak_early])
    assert record.best_e1rm == strong_late
    assert record.heaviest == weak_early


def test_an_equal_e1rm_on_one_day_goes_to_the_heavier_set() -> None:
    heavy = LiftSet("squat", 120_000, 5, DAY)
    light = LiftSet("squat", 105_000, 10, DAY)
    for order in ([heavy, light], [light, heavy]):
        (record,) = best_lifts(order)
        assert record.best_e1rm == heavy


def test_sets_without_a_weight_are_skipped_not_the_end_of_the_list() -> None:
    sets = [LiftSet("walking lunges", 0, 12, EARLY), LiftSet("back squat", 100_000, 5, DAY)]
    assert [record.name for record in best_lifts(sets)] == ["back squat"]


def test_the_lightest_weight_there_is_still_counts() -> None:
    (record,) = best_lifts([LiftSet("band pull-apart", 1, 15, DAY)])
    assert record.to_dict()["heaviest"] == {"weight_kg": 0.001, "reps": 15, "date": "2026-11-02"}


def test_exercises_come_strongest_first_then_by_name_in_any_case() -> None:
    sets = [
        LiftSet("bench press", 80_000, 5, DAY),  # e1RM 93.3
        LiftSet("Deadlift", 140_000, 3, DAY),  # e1RM 154
        LiftSet("back squat", 100_000, 5, DAY),  # e1RM 116.7
        LiftSet("Overhead press", 70_000, 10, DAY),  # e1RM 93.3 too: by name, any case
    ]
    assert [record.name for record in best_lifts(sets)] == [
        "Deadlift",
        "back squat",
        "bench press",
        "Overhead press",
    ]
