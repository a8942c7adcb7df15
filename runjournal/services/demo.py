"""About 12 weeks of believable training, generated from a seed (for `runjournal demo`).

The newest days are fixed so that the demo opens on an interesting day: a hard leg day
yesterday makes today an easy recovery run, with reasons and a warm-up to tick.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from ..domain.entries import Checkin, Entry, Exercise, LegDay, Run
from ..store import Journal

_LEG_SESSIONS = (
    (
        ("back squat", 5, 5, 100_000),
        ("walking lunges", 3, 12, None),
        ("calf raises", 3, 15, 40_000),
    ),
    (
        ("deadlift", 3, 5, 140_000),
        ("bulgarian split squat", 3, 8, 20_000),
        ("hamstring curl", 3, 12, 35_000),
    ),
    (("front squat", 4, 6, 80_000), ("step-ups", 3, 10, 16_000), ("glute bridge", 3, 12, 60_000)),
)
_NOTES = ("", "", "", "windy", "felt strong", "heavy legs", "hot, took it easy", "new shoes", "")


def demo_entries(today: date, *, weeks: int = 12, seed: int = 7) -> Iterator[Entry]:
    """Entries from `weeks` weeks ago up to yesterday, oldest first."""
    rng = random.Random(seed)
    start = today - timedelta(weeks=weeks)
    day = start
    while day < today - timedelta(days=6):
        yield from _regular_day(day, rng)
        day += timedelta(days=1)
    yield from _last_week(today)


def _regular_day(day: date, rng: random.Random) -> Iterator[Entry]:
    weekday = day.weekday()  # Monday 0
    if weekday in (0, 3):
        yield _leg_day(day, rng, hard=weekday == 0 or rng.random() < 0.3)
    elif weekday == 6:
        km = rng.uniform(14, 22)
        yield _run(day, km, rng.uniform(5.6, 6.3), "long", rng.choice((5, 6)), rng)
    elif weekday == 2:
        kind = rng.choice(("tempo", "intervals", "hills"))
        yield _run(day, rng.uniform(8, 11), rng.uniform(4.6, 5.3), kind, rng.choice((7, 8)), rng)
    elif weekday in (1, 4):
        kind = "recovery" if weekday == 1 else "easy"
        yield _run(
            day, rng.uniform(5, 8.5), rng.uniform(6.0, 6.8), kind, rng.choice((2, 3, 4)), rng
        )
    elif weekday == 5 and rng.random() < 0.25:
        yield _run(day, 5.0, rng.uniform(4.2, 4.6), "race", 9, rng)
    if rng.random() < 0.5:
        yield Checkin(day, rng.choice((0, 1, 2, 2, 3, 4, 5)))


def _last_week(today: date) -> Iterator[Entry]:
    d = lambda n: today - timedelta(days=n)  # noqa: E731 - reads as "n days ago"
    yield Run(d(6), 8200, 3150, "easy", 3, 141, "07:10", "")
    yield Checkin(d(5), 1)
    yield LegDay(d(4), 45 * 60, 6, False, _exercises(1), "18:00", "")
    yield Run(d(3), 6000, 2280, "recovery", 3, 135, "07:05", "legs a bit heavy")
    yield Run(d(2), 18000, 6490, "long", 5, 150, "08:30", "windy")
    yield Checkin(d(2), 2)
    yield LegDay(d(1), 60 * 60, 9, True, _exercises(0), "18:30", "heavy, knees fine")


def _exercises(n: int) -> tuple[Exercise, ...]:
    return tuple(Exercise(*spec) for spec in _LEG_SESSIONS[n])


def _leg_day(day: date, rng: random.Random, *, hard: bool) -> LegDay:
    exercises = _exercises(rng.randrange(len(_LEG_SESSIONS)))
    if hard:
        return LegDay(
            day,
            rng.choice((50, 60, 70)) * 60,
            rng.choice((8, 9)),
            rng.random() < 0.4,
            exercises,
            "18:00",
            rng.choice(_NOTES),
        )
    return LegDay(
        day,
        rng.choice((25, 30, 40)) * 60,
        rng.choice((4, 5, 6)),
        False,
        exercises[:2],
        "12:30",
        rng.choice(_NOTES),
    )


def _run(day: date, km: float, pace_min: float, kind: str, rpe: int, rng: random.Random) -> Run:
    metres = round(km * 1000, -1)
    return Run(
        day,
        int(metres),
        round(metres / 1000 * pace_min * 60),
        kind,
        rpe,
        rng.randrange(128, 172),
        f"{rng.choice((6, 7, 7, 18)):02d}:{rng.choice(('05', '15', '30'))}",
        rng.choice(_NOTES),
    )


def demo_journal(path: Path, today: date) -> Journal:
    """A new journal at `path`, filled with about 12 weeks of generated history."""
    journal = Journal.open(path)
    journal.import_all(demo_entries(today))
    return journal
