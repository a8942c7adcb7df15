"""Synthetic journals, made through the project's own parsers and store.

Every entry is typed as text into the same `build_*` functions the CLI uses and stored
with `Journal.import_all`, so a benchmark journal is one a person could have made.
`python -m bench.synth FOLDER END` writes 1k.db, 10y.db, 100k.db, export.json (the 100k
journal's own export) and flat.json (the same entries as flat rows) into FOLDER; the
harness runs it as a separate process so that its memory never counts against the
processes it measures afterwards.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from runjournal.domain.entries import Entry, build_checkin, build_leg_day, build_run
from runjournal.formats.export import write_export
from runjournal.store import Journal

RUN_TYPES = ("easy", "easy", "easy", "recovery", "long", "tempo", "hills", "intervals", "race")
EXERCISES = (
    "back squat 5x5@{w}kg",
    "deadlift 3x5@{w}kg",
    "walking lunges 3x12",
    "bulgarian split squat 3x8@{h}kg",
    "calf raises 4x15@{h}kg",
    "hip thrust 4x8@{w}kg",
)
NOTES = ("", "", "", "felt good", "windy, héavy legs", "parkrun 🏃", 'new shoes "Pegasus"')


@dataclass(frozen=True)
class Mix:
    """How often each kind of entry happens on a day."""

    runs_per_day: tuple[float, ...]  # probability of a 1st, 2nd, ... run that day
    leg_day: float
    checkin: float


# About 5 runs and 2 leg days a week, a check-in most days: ~700 entries a year.
REALISTIC = Mix(runs_per_day=(0.75,), leg_day=0.3, checkin=0.85)
# A denser mix so 1,000 and 100,000 entries have the same shape at any size.
DENSE = Mix(runs_per_day=(0.95, 0.6, 0.3), leg_day=0.5, checkin=1.0)


def entries(count: int, end: date, mix: Mix, *, seed: int = 4) -> Iterator[Entry]:
    """`count` entries going back day by day from `end`, typed as a person would."""
    rng = random.Random(seed)
    made = 0
    day = end
    while made < count:
        when = day.isoformat()
        for chance in mix.runs_per_day:
            if made < count and rng.random() < chance:
                km = rng.uniform(3, 25)
                pace = rng.uniform(270, 420)  # s per km
                seconds = int(km * pace)
                yield build_run(
                    today=end,
                    distance=f"{km:.2f}km",
                    duration=f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}",
                    type=rng.choice(RUN_TYPES),
                    rpe=str(rng.randint(2, 9)),
                    hr=str(rng.randint(120, 185)) if rng.random() < 0.7 else None,
                    date=when,
                    time=f"{rng.randint(6, 20):02d}:{rng.choice((0, 15, 30, 45)):02d}",
                    notes=rng.choice(NOTES),
                )
                made += 1
        if made < count and rng.random() < mix.leg_day:
            specs = rng.sample(EXERCISES, rng.randint(1, 4))
            yield build_leg_day(
                today=end,
                duration=str(rng.randint(20, 90)),
                rpe=str(rng.randint(3, 10)),
                to_failure=rng.random() < 0.15,
                exercises=[s.format(w=rng.randint(40, 160), h=rng.randint(8, 40)) for s in specs],
                date=when,
                time=f"{rng.randint(6, 20):02d}:00" if rng.random() < 0.8 else None,
                notes=rng.choice(NOTES),
            )
            made += 1
        if made < count and rng.random() < mix.checkin:
            yield build_checkin(
                today=end, soreness=str(rng.randint(0, 9)), date=when, notes=rng.choice(NOTES)
            )
            made += 1
        day -= timedelta(days=1)


def ten_years(end: date) -> Iterator[Entry]:
    """A realistic decade of training ending on `end`: ~7,000 entries."""
    first = end - timedelta(days=round(365.25 * 10))
    for entry in entries(10**9, end, REALISTIC, seed=10):
        if entry.date <= first:
            return
        yield entry


def make_journal(path: Path, source: Iterator[Entry]) -> int:
    """A new journal at `path` holding `source`; the number of entries stored."""
    with Journal.open(path) as journal:
        added, _ = journal.import_all(source)
    return added


def make_exports(journal_path: Path, export: Path, flat: Path) -> int:
    """The journal's own JSON export, and the same entries as flat rows for sqlite-utils."""
    with Journal.open(journal_path) as journal:
        count = write_export(journal, "json", export)
    with export.open(encoding="utf-8") as handle:
        rows = [_flat(entry) for entry in json.load(handle)["entries"]]
    flat.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return count


def _flat(entry: dict[str, Any]) -> dict[str, Any]:
    row = dict(entry)
    if "exercises" in row:
        row["exercises"] = "; ".join(
            f"{e['name']} {e['sets']}x{e['reps']}"
            + (f"@{e['weight_kg']}kg" if e["weight_kg"] is not None else "")
            for e in row["exercises"]
        )
    return row


def build_all(folder: Path, end: date) -> None:
    sources = {
        "1k": lambda: entries(1_000, end, DENSE),
        "10y": lambda: ten_years(end),
        "100k": lambda: entries(100_000, end, DENSE),
    }
    for name, source in sources.items():
        started = time.perf_counter()
        count = make_journal(folder / f"{name}.db", source())
        print(f"journal {name}: {count:,} entries in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    make_exports(folder / "100k.db", folder / "export.json", folder / "flat.json")
    print(f"export of 100k and its flat rows in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    build_all(Path(sys.argv[1]), date.fromisoformat(sys.argv[2]))
