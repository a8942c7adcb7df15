"""What counts as already in the journal (SPEC §7), asked of a real journal file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.entries import Checkin, LegDay, Run
from runjournal.store import Journal
from runjournal.store import duplicates as dup

D = date(2026, 11, 20)
NEXT = D + timedelta(days=1)


def run(day: date = D, time: str | None = "07:00", distance_m: int = 5000) -> Run:
    return Run(date=day, distance_m=distance_m, duration_s=1800, time=time)


@pytest.mark.parametrize(
    ("time", "near"),
    [("07:00", True), ("07:02", True), ("06:58", True), ("07:03", False), ("06:57", False)],
)
def test_a_run_within_two_minutes_is_near(journal: Journal, time: str, near: bool) -> None:
    journal.add(run())
    assert dup.run_near(journal, D, time) is near
    assert dup.run_near(journal, D, time, 2) is near
    assert dup.leg_day_near(journal, D, time) is False  # a run is not a leg day


def test_a_wider_window_is_asked_for_in_minutes(journal: Journal) -> None:
    journal.add(run())
    assert dup.run_near(journal, D, "07:10", 10) is True
    assert dup.run_near(journal, D, "07:11", 10) is False


def test_near_across_midnight_both_ways(journal: Journal) -> None:
    journal.add(run(D, "23:59"))
    assert dup.run_near(journal, NEXT, "00:01") is True
    assert dup.run_near(journal, NEXT, "00:02") is False
    other = journal.add(run(NEXT + timedelta(days=3), "00:01"))
    assert dup.run_near(journal, other.date - timedelta(days=1), "23:59") is True
    assert dup.run_near(journal, D + timedelta(days=5), "07:00") is False


def test_a_run_without_a_time_is_never_near(journal: Journal) -> None:
    journal.add(run(time=None))
    assert dup.run_near(journal, D, "00:00") is False
    assert dup.run_near(journal, D, "07:00", 1440) is False


@pytest.mark.parametrize(
    ("time", "near"), [("18:32", True), ("18:28", True), ("18:27", False), ("18:33", False)]
)
def test_a_leg_day_within_two_minutes_is_near(journal: Journal, time: str, near: bool) -> None:
    journal.add(LegDay(date=D, duration_s=3600, rpe=8, time="18:30"))
    assert dup.leg_day_near(journal, D, time) is near
    assert dup.leg_day_near(journal, D, time, 3) is True
    assert dup.run_near(journal, D, time, 3) is False  # a leg day is not a run


def test_leg_days_near_across_midnight(journal: Journal) -> None:
    journal.add(LegDay(date=D, duration_s=3600, rpe=8, time="23:59"))
    assert dup.leg_day_near(journal, NEXT, "00:01") is True
    assert dup.leg_day_near(journal, D - timedelta(days=1), "23:59") is False


@pytest.mark.parametrize(
    ("distance_m", "same"),
    [(5000, True), (5150, True), (4850, True), (5151, False), (4849, False)],
)
def test_same_date_and_distance_within_three_percent(
    journal: Journal, distance_m: int, same: bool
) -> None:
    journal.add(run(time=None))
    assert dup.run_same_distance(journal, D, distance_m, untimed=True) is same
    assert dup.run_same_distance(journal, D, distance_m, untimed=False) is same
    assert dup.run_same_distance(journal, NEXT, 5000, untimed=False) is False


def test_a_wider_tolerance(journal: Journal) -> None:
    journal.add(run(time=None))
    assert dup.run_same_distance(journal, D, 5500, 0.1, untimed=False) is True
    assert dup.run_same_distance(journal, D, 5501, 0.1, untimed=False) is False


def test_untimed_asks_only_about_runs_logged_without_a_time(journal: Journal) -> None:
    journal.add(run(time="07:00"))
    assert dup.run_same_distance(journal, D, 5000, untimed=True) is False
    assert dup.run_same_distance(journal, D, 5000, untimed=False) is True


def test_has_checkin_on_that_date_only(journal: Journal) -> None:
    journal.add(Checkin(date=D, soreness=4))
    assert dup.has_checkin(journal, D) is True
    assert dup.has_checkin(journal, NEXT) is False
    assert dup.has_checkin(journal, D - timedelta(days=1)) is False
