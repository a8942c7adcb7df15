"""The advisor against every row and boundary of SPEC §3."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from runjournal.cli import run
from runjournal.domain.advisor import advise
from runjournal.domain.entries import Checkin, LegDay
from runjournal.domain.load import classify_load, recovery_days
from runjournal.domain.settings import Settings

D = date(2026, 11, 24)
NORMAL = Settings()
AVOID = ["long", "tempo", "hills", "intervals", "race"]


def leg(
    days_ago: int, *, rpe: int = 6, minutes: float = 30, to_failure: bool = False, id: int = 1
) -> LegDay:
    return LegDay(
        date=D - timedelta(days=days_ago),
        duration_s=round(minutes * 60),
        rpe=rpe,
        to_failure=to_failure,
        id=id,
    )


def checkin(soreness: int, day: date = D) -> Checkin:
    return Checkin(date=day, soreness=soreness, id=1)


# Load --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rpe", "minutes", "to_failure", "load"),
    [
        # RPE boundaries at a middling duration
        (1, 30, False, "light"),
        (4, 30, False, "light"),
        (5, 30, False, "moderate"),
        (7, 30, False, "moderate"),
        (8, 30, False, "hard"),
        (10, 30, False, "hard"),
        # duration < 20 min is light unless hard
        (6, 19, False, "light"),
        (6, 19.9, False, "light"),
        (6, 20, False, "moderate"),
        (7, 19, False, "light"),
        (8, 19, False, "hard"),
        (5, 10, True, "hard"),
        # ≥ 45 min and RPE ≥ 6 is hard; RPE 5 at any length is not
        (6, 44, False, "moderate"),
        (6, 44.9, False, "moderate"),
        (6, 45, False, "hard"),
        (5, 45, False, "moderate"),
        (5, 120, False, "moderate"),
        (4, 120, False, "light"),
        # to failure is hard whatever the RPE and duration
        (1, 30, True, "hard"),
        (4, 5, True, "hard"),
    ],
)
def test_classify_load(rpe: int, minutes: float, to_failure: bool, load: str) -> None:
    assert classify_load(leg(1, rpe=rpe, minutes=minutes, to_failure=to_failure)) == load


# Recovery window ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("load", "fitness", "rate", "window"),
    [
        ("light", "intermediate", "normal", 1),
        ("moderate", "intermediate", "normal", 2),
        ("hard", "intermediate", "normal", 3),
        ("light", "beginner", "normal", 2),
        ("moderate", "beginner", "normal", 3),
        ("hard", "beginner", "normal", 4),
        ("light", "advanced", "normal", 1),  # 0 clamped to 1
        ("moderate", "advanced", "normal", 1),
        ("hard", "advanced", "normal", 2),
        ("light", "intermediate", "slow", 2),
        ("hard", "intermediate", "slow", 4),
        ("moderate", "intermediate", "fast", 1),
        ("hard", "intermediate", "fast", 2),
        ("light", "intermediate", "fast", 1),  # 0 clamped to 1
        ("light", "advanced", "fast", 1),  # -1 clamped to 1
        ("hard", "beginner", "slow", 4),  # 5 clamped to 4
        ("moderate", "beginner", "slow", 4),
        ("light", "beginner", "slow", 3),
        ("hard", "advanced", "fast", 1),
        ("hard", "beginner", "fast", 3),
        ("hard", "advanced", "slow", 3),
    ],
)
def test_recovery_days(load: str, fitness: str, rate: str, window: int) -> None:
    settings = Settings(fitness_level=fitness, recovery_rate=rate)
    assert recovery_days(load, settings) == window  # type: ignore[arg-type]


# Rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rpe", "minutes", "fitness", "rate", "window"),
    [
        (3, 30, "intermediate", "normal", 1),
        (6, 30, "intermediate", "normal", 2),
        (9, 60, "intermediate", "normal", 3),
        (9, 60, "beginner", "slow", 4),
        (9, 60, "advanced", "fast", 1),
    ],
)
def test_window_boundary_d_equals_w_and_w_plus_1(
    rpe: int, minutes: int, fitness: str, rate: str, window: int
) -> None:
    settings = Settings(fitness_level=fitness, recovery_rate=rate)
    inside = advise([leg(window, rpe=rpe, minutes=minutes)], None, settings, D)
    assert inside.status == "easy_recovery_run"
    assert inside.leg_day is not None
    assert inside.leg_day.recovery_days == window
    assert inside.leg_day.days_ago == window
    after = advise([leg(window + 1, rpe=rpe, minutes=minutes)], None, settings, D)
    assert after.status == "normal_training"


@pytest.mark.parametrize("load_rpe", [1, 6, 10])
def test_leg_day_today_is_rest(load_rpe: int) -> None:
    advice = advise([leg(0, rpe=load_rpe)], None, NORMAL, D)
    assert advice.status == "rest"
    assert advice.leg_day is not None
    assert advice.leg_day.days_ago == 0
    assert any("same day" in reason for reason in advice.reasons)
    assert advice.guidance is None


def test_day_one_is_inside_every_window() -> None:
    settings = Settings(fitness_level="advanced", recovery_rate="fast")
    assert advise([leg(1, rpe=2)], None, settings, D).status == "easy_recovery_run"


@pytest.mark.parametrize(("days_ago", "in_view"), [(7, True), (8, False)])
def test_lookback_is_seven_days(days_ago: int, in_view: bool) -> None:
    advice = advise([leg(days_ago, rpe=9, minutes=60, id=4)], None, NORMAL, D)
    assert advice.status == "normal_training"
    if in_view:
        assert advice.leg_day is not None
        assert advice.leg_day.to_dict() == {
            "id": 4,
            "date": (D - timedelta(days=7)).isoformat(),
            "days_ago": 7,
            "load": "hard",
            "recovery_days": 3,
        }
    else:
        assert advice.leg_day is None


@pytest.mark.parametrize(
    ("soreness", "status"),
    [
        (0, "normal_training"),
        (3, "normal_training"),
        (4, "easy_recovery_run"),
        (7, "easy_recovery_run"),
        (8, "rest"),
        (10, "rest"),
    ],
)
def test_soreness_thresholds(soreness: int, status: str) -> None:
    advice = advise([], checkin(soreness), NORMAL, D)
    assert advice.status == status
    assert advice.soreness == soreness
    assert any(f"{soreness}/10" in reason for reason in advice.reasons)
    assert advice.leg_day is None


def test_later_leg_day_is_ignored() -> None:
    advice = advise([leg(-1, rpe=10, to_failure=True)], None, NORMAL, D)
    assert advice.status == "normal_training"
    assert advice.leg_day is None


def test_checkin_on_another_date_is_ignored() -> None:
    for other in (D - timedelta(days=1), D + timedelta(days=1)):
        advice = advise([], checkin(9, other), NORMAL, D)
        assert advice.status == "normal_training"
        assert advice.soreness is None


def test_most_restrictive_wins_soreness_over_window() -> None:
    advice = advise([leg(1, rpe=9)], checkin(9), NORMAL, D)
    assert advice.status == "rest"
    # Both rules explain themselves, in the order the advisor checks them.
    assert len(advice.reasons) == 2
    soreness, window = advice.reasons
    assert soreness.startswith("Soreness 9/10: too sore to walk normally"), soreness
    assert window.startswith("Leg day 1 day ago (hard: RPE 9, 30 min)"), window
    assert "up to 3 days" in window
    assert advice.guidance is None


def test_most_restrictive_wins_same_day_over_window_and_low_soreness() -> None:
    advice = advise([leg(0, rpe=3, id=2), leg(2, rpe=9, id=1)], checkin(5), NORMAL, D)
    assert advice.status == "rest"
    assert advice.leg_day is not None
    assert advice.leg_day.leg.id == 2


def test_soreness_four_beats_an_expired_window() -> None:
    advice = advise([leg(5, rpe=9)], checkin(4), NORMAL, D)
    assert advice.status == "easy_recovery_run"


def test_rule_three_without_checkin_asks_for_one() -> None:
    advice = advise([leg(1, rpe=9)], None, NORMAL, D)
    assert any("barely walk" in reason and "rest" in reason for reason in advice.reasons)
    with_checkin = advise([leg(1, rpe=9)], checkin(2), NORMAL, D)
    assert with_checkin.status == "easy_recovery_run"
    assert not any("barely walk" in reason for reason in with_checkin.reasons)


def test_soreness_rule_alone_does_not_ask_for_a_checkin() -> None:
    advice = advise([], checkin(5), NORMAL, D)
    assert not any("barely walk" in reason for reason in advice.reasons)


@pytest.mark.parametrize(
    ("legs", "soreness"),
    [
        ([], None),
        ([], 0),
        ([leg(1, rpe=9)], None),
        ([leg(0)], None),
        ([leg(6)], None),
        ([leg(6)], 2),
        ([], 9),
    ],
)
def test_reasons_never_empty(legs: list[LegDay], soreness: int | None) -> None:
    advice = advise(legs, None if soreness is None else checkin(soreness), NORMAL, D)
    assert advice.reasons
    assert all(isinstance(r, str) and r.strip() for r in advice.reasons)


def test_guidance_only_for_easy_recovery_run() -> None:
    settings = Settings(recovery_run_max_minutes=25)
    easy = advise([leg(1)], None, settings, D)
    assert easy.guidance == {"max_minutes": 25, "max_rpe": 4, "avoid": AVOID}
    assert advise([leg(0)], None, settings, D).guidance is None
    assert advise([], None, settings, D).guidance is None


def test_leg_day_is_the_one_that_decided() -> None:
    decided = advise([leg(5, rpe=9, id=1), leg(2, rpe=9, id=2)], None, NORMAL, D)
    assert decided.leg_day is not None
    assert decided.leg_day.leg.id == 2
    # An older leg day whose window is still open beats a newer one whose window closed.
    older_open = advise([leg(3, rpe=9, id=7), leg(2, rpe=3, id=8)], None, NORMAL, D)
    assert older_open.status == "easy_recovery_run"
    assert older_open.leg_day is not None
    assert older_open.leg_day.leg.id == 7


def test_leg_day_falls_back_to_latest_within_seven_days() -> None:
    advice = advise([leg(6, id=1), leg(4, id=2)], None, NORMAL, D)
    assert advice.status == "normal_training"
    assert advice.leg_day is not None
    assert advice.leg_day.leg.id == 2
    assert advice.leg_day.days_ago == 4


def test_leg_day_when_soreness_decides_is_latest_leg_day() -> None:
    advice = advise([leg(5, id=3)], checkin(9), NORMAL, D)
    assert advice.status == "rest"
    assert advice.leg_day is not None
    assert advice.leg_day.leg.id == 3


# Objections to a run ------------------------------------------------------------------

EASY = advise([leg(1, rpe=9)], None, NORMAL, D)  # default guidance: at most 30 min


def test_objections_setup_is_an_easy_day_of_30_minutes() -> None:
    assert EASY.status == "easy_recovery_run"
    assert EASY.max_minutes == 30


@pytest.mark.parametrize(
    ("run_type", "words"),
    [
        ("long", "a long run"),
        ("tempo", "a tempo run"),
        ("hills", "a hills run"),
        ("intervals", "an intervals run"),
        ("race", "a race run"),
    ],
)
def test_easy_day_objects_to_each_avoided_type_in_words(run_type: str, words: str) -> None:
    assert EASY.objections(run_type, 20 * 60, 3) == [words]


@pytest.mark.parametrize("run_type", ["recovery", "easy"])
def test_easy_day_takes_a_short_easy_run(run_type: str) -> None:
    assert EASY.objections(run_type, 30 * 60, 4) == []
    assert EASY.objections(run_type, 1, None) == []


@pytest.mark.parametrize(
    ("duration_s", "found"),
    [
        (30 * 60, []),  # exactly the limit is within it
        (30 * 60 + 1, ["30 min (guidance: at most 30)"]),
        (31 * 60, ["31 min (guidance: at most 30)"]),
        (100 * 60, ["100 min (guidance: at most 30)"]),
        (100 * 60 + 29, ["100 min (guidance: at most 30)"]),
        (100 * 60 + 31, ["101 min (guidance: at most 30)"]),
    ],
)
def test_easy_day_objects_to_a_run_past_the_limit(duration_s: int, found: list[str]) -> None:
    assert EASY.objections("easy", duration_s, None) == found


def test_the_length_limit_follows_the_setting() -> None:
    easy = advise([leg(1, rpe=9)], None, Settings(recovery_run_max_minutes=45), D)
    assert easy.objections("easy", 45 * 60, None) == []
    assert easy.objections("easy", 46 * 60, None) == ["46 min (guidance: at most 45)"]


@pytest.mark.parametrize(
    ("rpe", "found"),
    [
        (None, []),
        (1, []),
        (4, []),
        (5, ["RPE 5 (guidance: at most 4)"]),
        (10, ["RPE 10 (guidance: at most 4)"]),
    ],
)
def test_easy_day_objects_to_an_effort_over_rpe_4(rpe: int | None, found: list[str]) -> None:
    assert EASY.objections("recovery", 20 * 60, rpe) == found


def test_objections_come_as_type_length_effort() -> None:
    assert EASY.objections("tempo", 100 * 60, 6) == [
        "a tempo run",
        "100 min (guidance: at most 30)",
        "RPE 6 (guidance: at most 4)",
    ]


@pytest.mark.parametrize("run_type", ["recovery", "easy", "long", "intervals", "race"])
def test_a_rest_day_objects_to_any_run(run_type: str) -> None:
    rest = advise([leg(0)], None, NORMAL, D)
    assert rest.status == "rest"
    assert rest.objections(run_type, 10 * 60, 2) == ["any run"]
    assert rest.objections(run_type, 1000 * 60, None) == ["any run"]


@pytest.mark.parametrize("run_type", ["recovery", "easy", "long", "tempo", "intervals", "race"])
def test_normal_training_objects_to_nothing(run_type: str) -> None:
    normal = advise([], None, NORMAL, D)
    assert normal.status == "normal_training"
    assert normal.objections(run_type, 180 * 60, 10) == []
    assert normal.objections(run_type, 180 * 60, None) == []


# advise --json ------------------------------------------------------------------------


def _advise_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert run(["advise", "--json", *args], today=D) == 0
    return json.loads(capsys.readouterr().out)


def test_advise_json_shape_easy(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["log", "leg", "--duration", "60", "--rpe", "9", "--date", "2026-11-23"]
    assert run(argv, today=D) == 0
    capsys.readouterr()
    data = _advise_json(capsys)
    assert list(data) == [
        "date",
        "status",
        "reasons",
        "leg_day",
        "soreness",
        "guidance",
        "checklist",
        "next_normal_training",
        "flags",
    ]
    assert data["date"] == "2026-11-24"
    assert data["status"] == "easy_recovery_run"
    reasons = data["reasons"]
    assert isinstance(reasons, list)
    assert reasons
    assert all(isinstance(r, str) for r in reasons)
    assert data["leg_day"] == {
        "id": 1,
        "date": "2026-11-23",
        "days_ago": 1,
        "load": "hard",
        "recovery_days": 3,
    }
    assert data["soreness"] is None
    assert data["guidance"] == {"max_minutes": 30, "max_rpe": 4, "avoid": AVOID}
    checklist = data["checklist"]
    assert isinstance(checklist, list)
    assert checklist
    for item in checklist:
        assert list(item) == ["id", "label", "done"]
        assert isinstance(item["id"], str)
        assert isinstance(item["label"], str)
        assert item["done"] is False
    assert data["next_normal_training"] == "2026-11-27"  # hard on the 23rd: 3 days
    assert data["flags"] == []


def test_advise_json_shape_normal_and_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["checkin", "--soreness", "2", "--date", "2026-11-20"], today=D) == 0
    capsys.readouterr()
    data = _advise_json(capsys, "--date", "2026-11-20")
    assert data["date"] == "2026-11-20"
    assert data["status"] == "normal_training"
    assert data["soreness"] == 2
    assert isinstance(data["soreness"], int)
    assert data["leg_day"] is None
    assert data["guidance"] is None
    assert data["reasons"]
