"""The last 7 days at a glance: what was done each day."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ...domain.advisor import classify_load
from ...domain.entries import Checkin, Entry, LegDay, Run
from ...output import distance_text


def day_lines(entries: list[Entry], units: str) -> list[str]:
    """A few short lines for one day's cell: 'run 8.2 km', 'legs hard', 'sore 5'."""
    lines: list[str] = []
    for entry in entries:
        if isinstance(entry, Run):
            lines.append(
                f"{entry.type} {distance_text(entry.distance_m, units).replace('.00', '')}"
            )
        elif isinstance(entry, LegDay):
            lines.append(f"legs {round(entry.duration_s / 60)}′ {classify_load(entry)[:4]}")
        elif isinstance(entry, Checkin):
            lines.append(f"sore {entry.soreness}")
    return lines or ["—"]


class WeekStrip(Horizontal):
    """Seven cells, oldest on the left, ending with today."""

    def compose(self) -> ComposeResult:
        for n in range(7):
            yield Static(classes="day", id=f"day-{n}")

    def show(self, today: date, days: dict[date, list[Entry]], units: str) -> None:
        for n in range(7):
            day = today - timedelta(days=6 - n)
            cell = self.query_one(f"#day-{n}", Static)
            cell.set_class(day == today, "-today")
            title = "today" if day == today else day.strftime("%a %d")
            body = "\n".join(day_lines(days.get(day, []), units))
            cell.update(f"[b]{title}[/b]\n{body}")
