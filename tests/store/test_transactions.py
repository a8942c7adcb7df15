"""Every write of the store goes through Journal.transaction: one BEGIN IMMEDIATE ... COMMIT."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date

import pytest

from runjournal.domain.checklist import ChecklistItem
from runjournal.domain.entries import Checkin, Entry, Exercise, LegDay, Run
from runjournal.domain.settings import Settings
from runjournal.store import Journal

DAY = date(2026, 11, 24)
WRITE = re.compile(r"\s*(insert|update|delete|replace)\b", re.IGNORECASE)

Action = Callable[[Journal, Entry], object]
ACTIONS: dict[str, Action] = {
    "add run": lambda j, _: j.add(Run(date=DAY, distance_m=5000, duration_s=1800)),
    "add leg day": lambda j, _: j.add(
        LegDay(date=DAY, duration_s=3600, rpe=7, exercises=(Exercise("squat", 5, 5),))
    ),
    "add check-in": lambda j, _: j.add(Checkin(date=DAY, soreness=3)),
    "update": lambda j, run: j.update(dataclasses.replace(run, notes="edited")),
    "delete": lambda j, run: j.delete("run", run.id or 0),
    "save settings": lambda j, _: j.save_settings(Settings(units="mi")),
    "save checklist": lambda j, _: j.save_checklist_items(
        "rest", [ChecklistItem("mine", "rest", "Mine")]
    ),
    "tick": lambda j, _: j.set_tick(DAY, "no-run", True),
    "untick": lambda j, _: j.set_tick(DAY, "no-run", False),
    "import": lambda j, _: j.import_all(
        [Run(date=DAY, distance_m=3000, duration_s=1200)],
        items=[ChecklistItem("mine", "rest", "Mine")],
        ticks=[(DAY.isoformat(), "mine")],
        settings=Settings(units="mi"),
    ),
}


@pytest.mark.parametrize("name", list(ACTIONS))
def test_every_write_runs_in_one_immediate_transaction(journal: Journal, name: str) -> None:
    run = journal.add(Run(date=DAY, distance_m=8000, duration_s=2700))
    seen: list[str] = []
    journal.conn.set_trace_callback(seen.append)
    try:
        ACTIONS[name](journal, run)
    finally:
        journal.conn.set_trace_callback(None)

    writes = [n for n, sql in enumerate(seen) if WRITE.match(sql)]
    assert writes, seen
    assert seen.count("BEGIN IMMEDIATE") == 1, seen
    begin, commit = seen.index("BEGIN IMMEDIATE"), seen.index("COMMIT")
    assert begin < writes[0], seen
    assert writes[-1] < commit, seen
