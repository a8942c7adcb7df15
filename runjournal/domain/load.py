"""How hard a leg day was, and how many days after it the legs may still be under stress.

The load classes and recovery windows of the advisor (SPEC §3), apart from the advisor so
that entries can name their load without importing the advisor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from .settings import Settings

Load = Literal["light", "moderate", "hard"]
LOADS: tuple[Load, ...] = ("light", "moderate", "hard")
# The durations the classes turn on; the store groups leg days by them too.
HARD_MINUTES = 45
SHORT_MINUTES = 20


class Session(Protocol):
    """What the load of a session depends on (a `LegDay` has it; so can a form's draft)."""

    @property
    def duration_s(self) -> int:
        """How long the session lasted, in seconds."""

    @property
    def rpe(self) -> int:
        """Perceived effort, 1-10."""

    @property
    def to_failure(self) -> bool:
        """Whether sets were taken to failure."""


def classify_load(leg: Session) -> Load:
    """hard: to failure, RPE ≥ 8, or ≥ 45 min at RPE ≥ 6; light: RPE ≤ 4 or < 20 min."""
    minutes = leg.duration_s / 60
    if leg.to_failure or leg.rpe >= 8 or (minutes >= HARD_MINUTES and leg.rpe >= 6):
        return "hard"
    if leg.rpe <= 4 or minutes < SHORT_MINUTES:
        return "light"
    return "moderate"


def recovery_days(load: Load, settings: Settings) -> int:
    """Days after a leg day on which the legs may still be under stress (1..4)."""
    days = {"light": 1, "moderate": 2, "hard": 3}[load]
    days += {"beginner": 1, "intermediate": 0, "advanced": -1}[settings.fitness_level]
    days += {"slow": 1, "normal": 0, "fast": -1}[settings.recovery_rate]
    return max(1, min(4, days))
