"""Write the README's screenshots: `python -m runjournal.tui.screenshots DIR`.

Every picture is the real app on the demo journal at a fixed date, driven by key
presses, so the files change only when the app does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from textual.pilot import Pilot

from ..domain.entries import Checkin
from ..services.demo import demo_journal
from .app import RunJournalApp

TODAY = date(2026, 11, 24)
SIZE = (100, 30)
Steps = Callable[[Pilot[None]], Awaitable[None]]


@dataclass(frozen=True)
class Shot:
    name: str
    steps: Steps
    today: date = TODAY
    soreness: int | None = None


async def _nothing(pilot: Pilot[None]) -> None:
    await pilot.pause()


async def _leg_form(pilot: Pilot[None]) -> None:
    await pilot.press("l", *"60", "tab", "9", "tab", "space")
    screen = pilot.app.screen
    rows = list(screen.query(".exercise-row Input"))
    for widget, text in zip(rows, ("back squat", "5", "5", "100"), strict=True):
        widget.value = text  # type: ignore[attr-defined]
    await pilot.pause()


async def _run_form(pilot: Pilot[None]) -> None:
    await pilot.press("r", *"10", "tab", *"45:00")
    pilot.app.screen.query_one("#type").value = "tempo"  # type: ignore[attr-defined]
    await pilot.pause()


async def _history(pilot: Pilot[None]) -> None:
    await pilot.press("h")
    await pilot.pause()


async def _settings(pilot: Pilot[None]) -> None:
    await pilot.press("s")
    await pilot.pause()


async def _trends(pilot: Pilot[None]) -> None:
    await pilot.press("w")
    await pilot.app.workers.wait_for_complete()  # its figures come from a worker
    await pilot.pause()


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")
    await pilot.pause()


SHOTS = (
    Shot("today-easy-recovery-run", _nothing),
    Shot("today-rest", _nothing, soreness=9),
    Shot("today-normal-training", _nothing, today=TODAY + timedelta(days=4)),
    Shot("log-leg-day", _leg_form),
    Shot("log-run", _run_form),
    Shot("history", _history),
    Shot("settings", _settings),
    Shot("trends", _trends),
    Shot("help", _help),
)


async def take(shot: Shot, folder: Path) -> Path:
    with tempfile.TemporaryDirectory() as scratch:
        journal = demo_journal(Path(scratch) / "demo.db", TODAY)
        if shot.soreness is not None:
            journal.add(Checkin(shot.today, shot.soreness))
        app = RunJournalApp(journal, today=shot.today, demo=True)
        async with app.run_test(size=SIZE) as pilot:
            await shot.steps(pilot)
            await pilot.pause()
            target = folder / f"{shot.name}.svg"
            target.write_text(app.export_screenshot(title=f"runjournal — {shot.name}"))
        journal.close()
    return target


async def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS:
        print(await take(shot, folder))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
