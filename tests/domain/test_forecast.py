"""The forecast (next normal training) and the recovery profile."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.entries import Checkin, LegDay
from runjournal.domain.forecast import (
    ProfileRow,
    Settling,
    Suggestion,
    first_normal,
    next_normal_training,
    outlook,
    recovery_profile,
    suggestion,
    when_text,
)
from runjournal.domain.settings import Settings

D = date(2026, 12, 1)  # a Tuesday
LOADS = {  # (minutes, rpe) giving each load class
    "light": (30, 3),
    "moderate": (30, 6),
    "hard": (60, 9),
}


def leg(days_ago: int, load: str) -> LegDay:
    minutes, rpe = LOADS[load]
    return LegDay(date=D - timedelta(days=days_ago), duration_s=minutes * 60, rpe=rpe, id=1)


# every load class × fitness × recovery rate: normal training comes on the day after
# the window (d = W + 1), counted from the leg day
WINDOWS = {"light": 1, "moderate": 2, "hard": 3}
FITNESS = {"beginner": 1, "intermediate": 0, "advanced": -1}
RATE = {"slow": 1, "normal": 0, "fast": -1}


@pytest.mark.parametrize("load", list(WINDOWS))
@pytest.mark.parametrize("fitness", list(FITNESS))
@pytest.mark.parametrize("rate", list(RATE))
def test_forecast_for_every_load_and_setting(load: str, fitness: str, rate: str) -> None:
    settings = Settings(fitness_level=fitness, recovery_rate=rate)
    window = max(1, min(4, WINDOWS[load] + FITNESS[fitness] + RATE[rate]))
    assert next_normal_training([leg(0, load)], None, settings, D) == D + timedelta(days=window + 1)
    # one day after the leg day, one day fewer to go
    assert next_normal_training([leg(1, load)], None, settings, D) == D + timedelta(days=window)


def test_today_when_today_is_already_normal() -> None:
    assert next_normal_training([], None, Settings(), D) == D
    assert next_normal_training([leg(4, "hard")], None, Settings(), D) == D
    assert when_text(D, D) == "hard running OK today"


def test_sore_today_but_fine_tomorrow_by_leg_days_alone() -> None:
    sore = Checkin(date=D, soreness=6)
    assert next_normal_training([], sore, Settings(), D) == D + timedelta(days=1)
    too_sore = Checkin(date=D, soreness=9)
    assert outlook([], too_sore, Settings(), D, 2) == [
        (D, "rest"),
        (D + timedelta(days=1), "normal_training"),
    ]


def test_a_check_in_of_another_day_counts_for_nothing() -> None:
    yesterday = Checkin(date=D - timedelta(days=1), soreness=9)
    assert next_normal_training([], yesterday, Settings(), D) == D


def test_later_leg_days_are_not_known() -> None:
    tomorrow = LegDay(date=D + timedelta(days=1), duration_s=3600, rpe=9)
    assert next_normal_training([tomorrow], None, Settings(), D) == D


def test_the_outlook_after_a_hard_leg_day() -> None:
    assert [status for _, status in outlook([leg(0, "hard")], None, Settings(), D, 5)] == [
        "rest",
        "easy_recovery_run",
        "easy_recovery_run",
        "easy_recovery_run",
        "normal_training",
    ]


def test_the_latest_of_two_leg_days_decides() -> None:
    legs = [leg(2, "hard"), leg(1, "light")]  # hard: until D+1; light: until D
    assert next_normal_training(legs, None, Settings(), D) == D + timedelta(days=2)


def test_when_text_names_the_day() -> None:
    assert when_text(date(2026, 12, 4), D) == "hard running OK from Fri 4 Dec"


# The recovery profile ---------------------------------------------------------------


def test_profile_means_per_class_beside_the_window() -> None:
    profile = recovery_profile(
        [Settling("hard", 2, 3), Settling("hard", 3, 1), Settling("light", 1, 2)], Settings()
    )
    assert [row.to_dict() for row in profile] == [
        {"load": "light", "leg_days": 2, "mean_days": 1.0, "window_days": 1},
        {"load": "moderate", "leg_days": 0, "mean_days": None, "window_days": 2},
        {"load": "hard", "leg_days": 4, "mean_days": 2.2, "window_days": 3},
    ]
    assert profile[2].sentence() == (
        "After your hard leg days your soreness settled in 2.2 days on average "
        "(4 leg days); the advisor assumes 3."
    )
    assert "no leg day followed by daily check-ins" in profile[1].sentence()


def test_window_follows_the_settings() -> None:
    profile = recovery_profile([], Settings(fitness_level="beginner", recovery_rate="slow"))
    assert [row.window_days for row in profile] == [3, 4, 4]


def test_a_suggestion_with_five_leg_days_a_day_sooner() -> None:
    profile = recovery_profile([Settling("hard", 2, 5)], Settings())
    found = suggestion(profile, Settings())
    assert found is not None
    assert found.recovery_rate == "fast"
    assert "config set recovery_rate fast" in found.text()


def test_no_suggestion_from_four_leg_days() -> None:
    profile = recovery_profile([Settling("hard", 1, 4)], Settings())
    assert suggestion(profile, Settings()) is None


def test_no_suggestion_when_less_than_a_day_off() -> None:
    # 2.2 days against 3: off by 0.8
    profile = recovery_profile([Settling("hard", 2, 4), Settling("hard", 3, 1)], Settings())
    assert suggestion(profile, Settings()) is None


def test_a_slower_rate_when_legs_take_longer() -> None:
    profile = recovery_profile([Settling("moderate", 4, 6)], Settings())
    found = suggestion(profile, Settings())
    assert found is not None
    assert found.recovery_rate == "slow"


def test_no_suggestion_beyond_the_last_rate_or_when_classes_disagree() -> None:
    fast = Settings(recovery_rate="fast")
    assert suggestion(recovery_profile([Settling("hard", 1, 9)], fast), fast) is None
    split = [Settling("hard", 1, 6), Settling("moderate", 4, 6)]
    assert suggestion(recovery_profile(split, Settings()), Settings()) is None


def test_no_suggestion_where_the_window_is_clamped() -> None:
    # advanced + fast already gives light the 1-day floor; a light class settling in
    # 3 days asks for slower, which is allowed; one settling in 0 days cannot go lower
    settings = Settings(fitness_level="advanced", recovery_rate="normal")
    row = ProfileRow("light", 8, 0.0, 1)
    assert suggestion([row], settings) is None


# Edges --------------------------------------------------------------------------------


def test_the_outlook_stops_at_the_end_of_the_calendar() -> None:
    last = date.max
    assert outlook([], None, Settings(), last - timedelta(days=2), 9) == [
        (last - timedelta(days=2), "normal_training"),
        (last - timedelta(days=1), "normal_training"),
        (last, "normal_training"),
    ]
    assert outlook([], None, Settings(), last, 9) == [(last, "normal_training")]


def test_no_normal_day_before_the_calendar_ends_gives_its_last_day() -> None:
    hard = LegDay(date=date.max - timedelta(days=1), duration_s=3600, rpe=9)
    assert outlook([hard], None, Settings(), date.max, 9) == [(date.max, "easy_recovery_run")]
    assert next_normal_training([hard], None, Settings(), date.max) == date.max
    assert first_normal([]) == date.max


def test_a_check_in_dated_after_the_day_is_not_known_on_its_own_day() -> None:
    tomorrow = Checkin(date=D + timedelta(days=1), soreness=9)
    assert outlook([], tomorrow, Settings(), D, 2) == [
        (D, "normal_training"),
        (D + timedelta(days=1), "normal_training"),
    ]


def test_the_sentence_counts_one_leg_day_and_more() -> None:
    (light, _, hard) = recovery_profile(
        [Settling("light", 2, 1), Settling("hard", 2, 2)], Settings()
    )
    assert light.sentence() == (
        "After your light leg days your soreness settled in 2.0 days on average "
        "(1 leg day); the advisor assumes 1."
    )
    assert hard.sentence() == (
        "After your hard leg days your soreness settled in 2.0 days on average "
        "(2 leg days); the advisor assumes 3."
    )


def test_a_class_past_the_last_rate_still_cancels_one_pointing_the_other_way() -> None:
    # slow: light settles a day later than its 2 (slower than slow: no such rate), hard
    # two days sooner than its 4; "normal" would be wrong for the light days
    slow = Settings(recovery_rate="slow")
    profile = recovery_profile([Settling("light", 3, 5), Settling("hard", 2, 5)], slow)
    assert suggestion(profile, slow) is None


def test_a_clamped_class_still_cancels_one_pointing_the_other_way() -> None:
    # beginner: hard settles in 5 against 4 (slower cannot move it past 4), light in 1
    # against 2; "fast" would cut the hard window the check-ins say is too short
    beginner = Settings(fitness_level="beginner")
    profile = recovery_profile([Settling("hard", 5, 6), Settling("light", 1, 6)], beginner)
    assert suggestion(profile, beginner) is None


def test_a_suggestion_rests_on_a_class_whose_window_it_moves() -> None:
    # beginner: moderate 4 against 3 and hard 5 against 4 both ask for slower; slow moves
    # moderate to 4 but hard stays at the 4-day ceiling
    beginner = Settings(fitness_level="beginner")
    profile = recovery_profile([Settling("moderate", 4, 5), Settling("hard", 5, 9)], beginner)
    assert suggestion(profile, beginner) == Suggestion("slow", profile[1])


def test_a_clamped_class_does_not_stop_the_one_after_it() -> None:
    advanced = Settings(fitness_level="advanced")  # windows 1, 1, 2
    profile = [ProfileRow("light", 8, 0.0, 1), ProfileRow("hard", 6, 1.0, 2)]
    assert suggestion(profile, advanced) == Suggestion("fast", profile[1])


def test_the_suggestion_names_the_class_with_the_most_leg_days() -> None:
    profile = recovery_profile([Settling("moderate", 1, 9), Settling("hard", 2, 5)], Settings())
    found = suggestion(profile, Settings())
    assert found == Suggestion("fast", profile[1])
    assert found.text() == (
        "Your check-ins suggest recovery rate fast: after moderate leg days you settled in "
        "1.0 days, the advisor assumes 2. To follow it: Settings → recovery rate, or "
        "`runjournal config set recovery_rate fast`."
    )
    later = recovery_profile([Settling("moderate", 1, 5), Settling("hard", 2, 9)], Settings())
    assert suggestion(later, Settings()) == Suggestion("fast", later[2])


def test_equal_leg_days_name_the_first_class() -> None:
    profile = recovery_profile([Settling("moderate", 1, 6), Settling("hard", 2, 6)], Settings())
    assert suggestion(profile, Settings()) == Suggestion("fast", profile[1])
