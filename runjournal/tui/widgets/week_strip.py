"""The last days at a glance, running on into the forecast of the next ones."""

from __future__ import annotations

from datetime import date, timedelta

from rich.table import Table
from textual.widgets import Static

from ...domain.advisor import Status
from ...domain.entries import Checkin, Entry, LegDay, Run
from ...domain.load import classify_load
from ...text import distance_text

SHORT_TYPES = {"recovery": "recov", "intervals": "intvl"}


def day_lines(entries: list[Entry], units: str, *, narrow: bool = False) -> list[str]:
    """A few short lines for one day's cell: 'easy 8.2 km', 'legs 60′ hard', 'sore 5'.

    `narrow` (a column of about 10 at 80x24) keeps each line within 10 columns, so a
    day never wraps into a line the strip has no room for: '8.2km easy', 'legs hard'.
    """
    lines: list[str] = []
    for entry in entries:
        if isinstance(entry, Run):
            distance = distance_text(entry.distance_m, units).replace(".00", "")
            if narrow:
                short = SHORT_TYPES.get(entry.type, entry.type)
                lines.append(f"{distance.replace(' ', '')} {short}")
            else:
                lines.append(f"{entry.type} {distance}")
        elif isinstance(entry, LegDay):
            minutes = "" if narrow else f"{round(entry.duration_s / 60)}′ "
            lines.append(f"legs {minutes}{classify_load(entry)[:4]}")
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

    def on_resize(self) -> None:
        if getattr(self, "_shown", None):
            self.show(*self._shown)

    def show(
        self,
        today: date,
        days: dict[date, list[Entry]],
        units: str,
        outlook: list[tuple[date, Status]] | None = None,
    ) -> None:
        self._shown = (today, days, units, outlook)
        expected = dict(outlook or [])
        past = PAST_DAYS if expected else 6
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
        cells = []
        narrow = 0 < self.size.width < 7 * 14
        for n in range(min(7, past + (date.max - today).days + 1)):  # the calendar ends
            day = today + timedelta(days=n - past)
            lines = day_lines(days.get(day, []), units, narrow=narrow) if day <= today else []
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
