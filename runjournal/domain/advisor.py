"""What today is for: load classes, recovery windows and the rules of SPEC §3."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, NamedTuple

from .entries import Checkin, LegDay
from .load import Load, classify_load, recovery_days
from .settings import Settings

Status = Literal["rest", "easy_recovery_run", "normal_training"]

STATUSES: tuple[Status, ...] = ("rest", "easy_recovery_run", "normal_training")
STATUS_LABELS = {
    "rest": "Rest",
    "easy_recovery_run": "Easy recovery run",
    "normal_training": "Normal training",
}
STATUS_TAGLINES = {
    "rest": "no run today — recovery is training too",
    "easy_recovery_run": "short and easy — no goals today",
    "normal_training": "train as planned",
}
AVOID_TYPES = ("long", "tempo", "hills", "intervals", "race")
RECOVERY_MAX_RPE = 4
LOOKBACK_DAYS = 7
_SEVERITY = {"normal_training": 0, "easy_recovery_run": 1, "rest": 2}


class LegDayFact(NamedTuple):
    """A leg day as the advisor saw it on the target date."""

    leg: LegDay
    days_ago: int
    load: Load
    recovery_days: int

    def describe(self) -> str:
        """The leg day's load in words: 'hard: RPE 9, 60 min, to failure'."""
        minutes = round(self.leg.duration_s / 60)
        details = f"{self.load}: RPE {self.leg.rpe}, {minutes} min"
        if self.leg.to_failure:
            details += ", to failure"
        return details

    def to_dict(self) -> dict[str, Any]:
        """The `leg_day` object of `advise --json`."""
        return {
            "id": self.leg.id,
            "date": self.leg.date.isoformat(),
            "days_ago": self.days_ago,
            "load": self.load,
            "recovery_days": self.recovery_days,
        }


@dataclass(frozen=True)
class Advice:
    """What a day is for: its status, the reasons in plain words, and the facts behind them."""

    date: date
    status: Status
    reasons: tuple[str, ...]
    leg_day: LegDayFact | None
    soreness: int | None
    max_minutes: int

    @property
    def guidance(self) -> dict[str, Any] | None:
        """The recovery-run limits on an easy recovery run day, else None."""
        if self.status != "easy_recovery_run":
            return None
        return {
            "max_minutes": self.max_minutes,
            "max_rpe": RECOVERY_MAX_RPE,
            "avoid": list(AVOID_TYPES),
        }

    def discourages(self, run_type: str) -> bool:
        """Whether a run of this type goes against today's advice."""
        return self.status == "rest" or (
            self.status == "easy_recovery_run" and run_type in AVOID_TYPES
        )

    def objections(self, run_type: str, duration_s: int, rpe: int | None) -> list[str]:
        """What about a run goes against the advice, in words; empty if nothing does.

        On an easy recovery run day the guidance is about the type, the length and the
        effort alike: a 1:40 "easy" run breaks it as surely as a tempo run does.
        """
        if self.status == "rest":
            return ["any run"]
        if self.status != "easy_recovery_run":
            return []
        found = []
        if run_type in AVOID_TYPES:
            found.append(f"{'an' if run_type[0] in 'aeiou' else 'a'} {run_type} run")
        if duration_s > self.max_minutes * 60:
            found.append(f"{round(duration_s / 60)} min (guidance: at most {self.max_minutes})")
        if rpe is not None and rpe > RECOVERY_MAX_RPE:
            found.append(f"RPE {rpe} (guidance: at most {RECOVERY_MAX_RPE})")
        return found

    def to_dict(self) -> dict[str, Any]:
        """The advice as `advise --json` prints it (without the checklist)."""
        return {
            "date": self.date.isoformat(),
            "status": self.status,
            "reasons": list(self.reasons),
            "leg_day": self.leg_day.to_dict() if self.leg_day else None,
            "soreness": self.soreness,
            "guidance": self.guidance,
        }


def _ago(days: int) -> str:
    # Never 0: a leg day today makes a rest day, which names it "Leg day today" itself.
    return f"{days} day{'s' if days != 1 else ''} ago"


def advise(
    leg_days: Iterable[LegDay], checkin: Checkin | None, settings: Settings, day: date
) -> Advice:
    """Apply the rules of SPEC §3 for the target date `day`.

    Args:
        leg_days: leg days near `day`; those after it or more than 7 days before are ignored.
        checkin: the soreness check-in; used only if it is dated `day`.
        settings: fitness level, recovery rate and recovery-run length.
        day: the date the advice is for.
    """
    facts = sorted(
        (
            LegDayFact(leg, (day - leg.date).days, load, recovery_days(load, settings))
            for leg in leg_days
            if 0 <= (day - leg.date).days <= LOOKBACK_DAYS
            for load in [classify_load(leg)]
        ),
        key=lambda f: (f.days_ago, -["light", "moderate", "hard"].index(f.load), -(f.leg.id or 0)),
    )
    soreness = checkin.soreness if checkin is not None and checkin.date == day else None
    reasons: list[str] = []
    status: Status = "normal_training"
    decider: LegDayFact | None = None

    def fire(new: Status, reason: str, fact: LegDayFact | None = None) -> None:
        nonlocal status, decider
        reasons.append(reason)
        if _SEVERITY[new] > _SEVERITY[status]:
            status, decider = new, fact
        elif _SEVERITY[new] == _SEVERITY[status] and decider is None:
            decider = fact

    if soreness is not None and soreness >= 8:
        fire(
            "rest",
            f"Soreness {soreness}/10: too sore to walk normally — running adds "
            "stress and risks injury. Rest today.",
        )
    for fact in facts:
        if fact.days_ago == 0:
            fire(
                "rest",
                f"Leg day today ({fact.describe()}) — a run on the same day as leg "
                "day is mediocre at best: glycogen is spent and the legs are fatigued.",
                fact,
            )
    for fact in facts:
        if 1 <= fact.days_ago <= fact.recovery_days:
            span = f"{fact.recovery_days} day{'s' if fact.recovery_days != 1 else ''}"
            fire(
                "easy_recovery_run",
                f"Leg day {_ago(fact.days_ago)} ({fact.describe()}) — "
                f"legs may be under stress for up to {span}.",
                fact,
            )
    if soreness is not None and 4 <= soreness <= 7:
        fire("easy_recovery_run", f"Soreness {soreness}/10: sore legs — keep it light and easy.")
    window_fired = any(1 <= f.days_ago <= f.recovery_days for f in facts)
    if window_fired and soreness is None:
        reasons.append("No soreness check-in today: if you can barely walk, rest instead.")
    if status == "normal_training":
        reasons.extend(_all_clear(facts, soreness))
    if decider is None and facts:
        decider = facts[0]
    return Advice(day, status, tuple(reasons), decider, soreness, settings.recovery_run_max_minutes)


def _all_clear(facts: list[LegDayFact], soreness: int | None) -> list[str]:
    if facts:
        latest = facts[0]
        said = [
            f"Leg day {_ago(latest.days_ago)} ({latest.describe()}) — past its "
            f"{latest.recovery_days}-day recovery window: your legs have had time to recover."
        ]
    else:
        said = ["No leg day in the last 7 days: nothing to recover from."]
    if soreness is not None:
        said.append(f"Soreness {soreness}/10: legs feel fine.")
    return said
