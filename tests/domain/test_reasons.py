"""What the advisor says, word for word, and the small pure helpers around it.

The reasons are what Today and `runjournal advise` show under *Why*: each situation
below pins every reason, in order, and which leg day decided.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from runjournal.domain.advisor import STATUSES, Advice, advise
from runjournal.domain.checklist import new_item_id
from runjournal.domain.edit import changes_between, edited
from runjournal.domain.entries import Checkin, Entry, LegDay, Run
from runjournal.domain.errors import InputError
from runjournal.domain.settings import Settings

D = date(2026, 11, 24)
SAME_DAY = (
    "a run on the same day as leg day is mediocre at best: glycogen is spent and the legs "
    "are fatigued."
)
NO_CHECKIN = "No soreness check-in today: if you can barely walk, rest instead."
TOO_SORE = "too sore to walk normally — running adds stress and risks injury. Rest today."


def leg(days_ago: int, rpe: int = 6, minutes: int = 30, *, failure: bool = False, id: int = 1):  # type: ignore[no-untyped-def]
    return LegDay(D - timedelta(days=days_ago), minutes * 60, rpe, failure, id=id)


def sore(n: int) -> Checkin:
    return Checkin(D, n, id=1)


Situation = tuple[str, list[LegDay], Checkin | None, Settings, str, int | None, tuple[str, ...]]
SITUATIONS: list[Situation] = [
    ("nothing at all", [], None, Settings(), "normal_training", None, (
        "No leg day in the last 7 days: nothing to recover from.",)),
    ("fine legs", [], sore(3), Settings(), "normal_training", None, (
        "No leg day in the last 7 days: nothing to recover from.",
        "Soreness 3/10: legs feel fine.")),
    ("sore 4", [], sore(4), Settings(), "easy_recovery_run", None, (
        "Soreness 4/10: sore legs — keep it light and easy.",)),
    ("sore 7", [], sore(7), Settings(), "easy_recovery_run", None, (
        "Soreness 7/10: sore legs — keep it light and easy.",)),
    ("sore 8", [], sore(8), Settings(), "rest", None, (f"Soreness 8/10: {TOO_SORE}",)),
    ("to failure yesterday", [leg(1, 9, failure=True)], None, Settings(), "easy_recovery_run", 1, (
        "Leg day 1 day ago (hard: RPE 9, 30 min, to failure) — legs may be under stress for "
        "up to 3 days.", NO_CHECKIN)),
    ("light yesterday", [leg(1, 3, 10)], sore(0), Settings(), "easy_recovery_run", 1, (
        "Leg day 1 day ago (light: RPE 3, 10 min) — legs may be under stress for up to 1 day.",)),
    ("moderate two days ago", [leg(2, 5, 50)], sore(2), Settings(), "easy_recovery_run", 1, (
        "Leg day 2 days ago (moderate: RPE 5, 50 min) — legs may be under stress for up to "
        "2 days.",)),
    ("past the window", [leg(4, 9)], sore(1), Settings(), "normal_training", 1, (
        "Leg day 4 days ago (hard: RPE 9, 30 min) — past its 3-day recovery window: your legs "
        "have had time to recover.", "Soreness 1/10: legs feel fine.")),
    ("a beginner's longer window", [leg(3, 9)], None, Settings(fitness_level="beginner"),
     "easy_recovery_run", 1, (
        "Leg day 3 days ago (hard: RPE 9, 30 min) — legs may be under stress for up to 4 days.",
        NO_CHECKIN)),
    ("two leg days today: the harder decides", [leg(0, 3, id=2), leg(0, 9, id=5)], None,
     Settings(), "rest", 5, (
        f"Leg day today (hard: RPE 9, 30 min) — {SAME_DAY}",
        f"Leg day today (light: RPE 3, 30 min) — {SAME_DAY}")),
    ("two equal leg days today: the newer decides", [leg(0, 6, id=2), leg(0, 6, id=7)], None,
     Settings(), "rest", 7, (
        f"Leg day today (moderate: RPE 6, 30 min) — {SAME_DAY}",
        f"Leg day today (moderate: RPE 6, 30 min) — {SAME_DAY}")),
    ("the last day of a window", [leg(3, 9)], None, Settings(), "easy_recovery_run", 1, (
        "Leg day 3 days ago (hard: RPE 9, 30 min) — legs may be under stress for up to 3 days.",
        NO_CHECKIN)),
    # The window of a hard leg day 3 days ago decides, not the light one after it.
    ("an older window decides", [leg(2, 3, 10, id=2), leg(3, 9, id=1)], sore(2), Settings(),
     "easy_recovery_run", 1, (
        "Leg day 3 days ago (hard: RPE 9, 30 min) — legs may be under stress for up to 3 days.",
     )),
    # Too sore: no leg day decided, so the newest one is shown.
    ("too sore, the newest leg day shown", [leg(2, 3, 10, id=2), leg(3, 9, id=1)], sore(9),
     Settings(), "rest", 2, (
        f"Soreness 9/10: {TOO_SORE}",
        "Leg day 3 days ago (hard: RPE 9, 30 min) — legs may be under stress for up to 3 days.",
     )),
    ("soreness over the window", [leg(1, 9)], sore(9), Settings(), "rest", 1, (
        f"Soreness 9/10: {TOO_SORE}",
        "Leg day 1 day ago (hard: RPE 9, 30 min) — legs may be under stress for up to 3 days.")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("legs", "checkin", "settings", "status", "decider", "reasons"),
    [s[1:] for s in SITUATIONS],
    ids=[s[0] for s in SITUATIONS],
)
def test_reasons_word_for_word(
    legs: list[LegDay],
    checkin: Checkin | None,
    settings: Settings,
    status: str,
    decider: int | None,
    reasons: tuple[str, ...],
) -> None:
    advice = advise(legs, checkin, settings, D)
    assert advice.status == status
    assert advice.reasons == reasons
    assert (advice.leg_day.leg.id if advice.leg_day else None) == decider


def test_a_leg_day_not_yet_saved_sorts_after_a_saved_one_of_the_same_day() -> None:
    # The leg-day form's preview has no id yet: the saved one of the same load decides.
    unsaved = LegDay(D, 1800, 6)
    advice = advise([unsaved, leg(0, 6, id=1)], None, Settings(), D)
    assert advice.leg_day is not None
    assert advice.leg_day.leg.id == 1


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("run_type", ["recovery", "easy", "long", "tempo", "hills", "race"])
def test_which_runs_go_against_the_advice(status: str, run_type: str) -> None:
    advice = Advice(D, status, (), None, None, 30)  # type: ignore[arg-type]
    expected = status == "rest" or (
        status == "easy_recovery_run" and run_type not in ("recovery", "easy")
    )
    assert advice.discourages(run_type) is expected


def test_stored_settings_skip_bad_rows_and_keep_the_rest() -> None:
    stored = {"units": "furlongs", "theme": "nord", "colour": "red", "fitness_level": "advanced"}
    settings = Settings.from_stored(stored)
    assert (settings.units, settings.theme, settings.fitness_level) == ("km", "nord", "advanced")


def test_own_item_ids() -> None:
    assert new_item_id("--Foam roll--", set()) == "my-foam-roll"
    long = "a" * 29 + " b c"
    assert new_item_id(long, set()) == "my-" + "a" * 29  # cut at 30, no dash left at the end
    taken = {"my-walk", "my-walk-2", "my-walk-3"}
    assert new_item_id("Walk", taken) == "my-walk-4"


# Editing an entry ----------------------------------------------------------------------

RUN = Run(D - timedelta(days=2), 8000, 2880, "easy", rpe=3, notes="windy", id=4, uid="u-4")


def test_changes_between_lists_only_what_differs() -> None:
    new = dataclasses.replace(RUN, distance_m=8200, notes="windy", id=99, uid="other")
    assert changes_between(RUN, new) == {"distance_m": 8200}
    assert changes_between(RUN, RUN) == {}
    both = dataclasses.replace(RUN, rpe=None, type="long")
    assert changes_between(RUN, both) == {"type": "long", "rpe": None}


def test_an_edit_keeps_identity_and_validates() -> None:
    changed = edited(RUN, {"distance_m": 10_000, "type": "Tempo"}, D)
    assert changed == dataclasses.replace(RUN, distance_m=10_000, type="tempo")
    with pytest.raises(InputError) as refused:
        edited(RUN, {"distance_m": 0}, D)
    assert refused.value.field == "distance"


@pytest.mark.parametrize("key", ["id", "uid", "kind", "shoes"])
def test_an_edit_refuses_what_it_cannot_change(key: str) -> None:
    with pytest.raises(InputError) as refused:
        edited(RUN, {key: 1, "notes": "x"}, D)
    assert (refused.value.field, refused.value.message) == (
        key,
        "is not a field this entry can change",
    )


def test_an_edit_names_the_first_unknown_field() -> None:
    with pytest.raises(InputError) as refused:
        edited(RUN, {"zz": 1, "aa": 2}, D)
    assert refused.value.field == "aa"


def test_an_edit_that_leaves_a_later_date_alone_is_not_refused() -> None:
    later: Entry = dataclasses.replace(RUN, date=D + timedelta(days=1))  # another time zone
    assert edited(later, {"notes": "fixed"}, D).notes == "fixed"
    with pytest.raises(InputError) as refused:  # moving one into the future is refused
        edited(RUN, {"date": D + timedelta(days=1)}, D)
    assert refused.value.field == "date"
