"""A calendar of the last weeks: one column a week, one row a weekday, shaded by load."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.widgets import Static

# Shades, lightest to darkest; a day with nothing logged is a dot. Each day is two
# cells: its shade twice, or its shade and an L on a leg day, so the map reads
# without colour.
SHADES = ("░", "▒", "▓", "█")
REST = "·"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def shade(load: int, top: int) -> str:
    """The shade of a day's load against the heaviest day shown."""
    if load <= 0 or top <= 0:
        return REST
    return SHADES[min(len(SHADES) - 1, (load * len(SHADES) - 1) // top)]


class HeatMap(Static):
    """Each day of `weeks` weeks shaded by its load, leg days marked L."""

    DEFAULT_CSS = """
    HeatMap { height: auto; }
    """

    def show(self, start: date, last: date, daily: dict[date, int], legs: set[date]) -> None:
        """Draw the weeks from the Monday `start` to the week holding `last`."""
        weeks = (last - start).days // 7 + 1
        top = max(daily.values(), default=0)
        text = Text()
        # each month's name over its first week, where there is room for it
        header = [" "] * (weeks * 2 + 3)
        for week in range(weeks):
            monday = start + timedelta(weeks=week)
            if monday.day <= 7 and all(c == " " for c in header[week * 2 : week * 2 + 4]):
                header[week * 2 : week * 2 + 3] = f"{monday:%b}"
        text.append("    " + "".join(header).rstrip() + "\n", style="dim")
        for weekday, name in enumerate(WEEKDAYS):
            text.append(f"{name} ", style="dim")
            for week in range(weeks):
                day = start + timedelta(weeks=week, days=weekday)
                if day > last:
                    text.append("  ")
                    continue
                mark = shade(daily.get(day, 0), top)
                text.append(
                    mark + ("L" if day in legs else mark), style="bold" if day in legs else ""
                )
            text.append("\n")
        text.append(
            f"{REST} nothing  {' '.join(SHADES)} light → heavy load  L leg day", style="dim"
        )
        self.update(text)
