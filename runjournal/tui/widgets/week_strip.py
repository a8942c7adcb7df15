"""The last 7 days at a glance: what was done each day."""

from __future__ import annotations

from datetime import date, timedelta

from rich.table import Table
from textual.widgets import Static

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


class WeekStrip(Static):
    """Seven columns, oldest on the left, ending with today: one widget, one table."""

    def show(self, today: date, days: dict[date, list[Entry]], units: str) -> None:
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
        cells = []
        for n in range(7):
            day = today - timedelta(days=6 - n)
            is_today = day == today
            table.add_column(
                "today" if is_today else day.strftime("%a %d"),
                ratio=1,
                header_style="bold" if is_today else "bold dim",
                style="bold" if is_today else "dim",
                overflow="fold",
            )
            cells.append("\n".join(day_lines(days.get(day, []), units)))
        table.add_row(*cells)
        self.update(table)
