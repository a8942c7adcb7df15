"""The last days at a glance, running on into the forecast of the next ones."""

from __future__ import annotations

from datetime import date, timedelta

from rich.table import Table
from textual.widgets import Static

from ...domain.advisor import Status
from ...domain.entries import Checkin, Entry, LegDay, Run
from ...domain.load import classify_load
from ...text import distance_text


def day_lines(entries: list[Entry], units: str) -> list[str]:
    """A few short lines for one day's cell: 'run 8.2 km', 'legs hard', 'sore 5'."""
    lines: list[str] = []
    for entry in entries:
        if isinstance(entry, Run):
            distance = distance_text(entry.distance_m, units).replace(".00", "")
            lines.append(f"{entry.type} {distance}")
        elif isinstance(entry, LegDay):
            lines.append(f"legs {round(entry.duration_s / 60)}′ {classify_load(entry)[:4]}")
        elif isinstance(entry, Checkin):
            lines.append(f"sore {entry.soreness}")
    return lines or ["—"]


# The forecast's words: a question mark where nothing is decided yet.
EXPECTED = {"rest": "rest?", "easy_recovery_run": "easy?", "normal_training": "✓ normal"}
PAST_DAYS = 3  # shown before today; the forecast takes the days after it


class WeekStrip(Static):
    """Seven columns: the last days, today, then the next days' expected status.

    The forecast's columns are dim and italic, and their words end in '?' (or say
    '✓ normal'), so they read as a forecast without colour too.
    """

    def show(
        self,
        today: date,
        days: dict[date, list[Entry]],
        units: str,
        outlook: list[tuple[date, Status]] | None = None,
    ) -> None:
        expected = dict(outlook or [])
        past = PAST_DAYS if expected else 6
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
        cells = []
        for n in range(7):
            day = today + timedelta(days=n - past)
            lines = day_lines(days.get(day, []), units) if day <= today else []
            if day >= today and day in expected:
                lines = [line for line in lines if line != "—"] + [EXPECTED[expected[day]]]
            table.add_column(
                "today" if day == today else f"{day:%a} {day.day}",
                ratio=1,
                header_style="bold" if day == today else "bold dim",
                style="bold" if day == today else ("dim italic" if day > today else "dim"),
                overflow="fold",
            )
            cells.append("\n".join(lines))
        table.add_row(*cells)
        self.update(table)
