"""Trends (`w`): weeks of distance, load and soreness, a calendar of load, recovery, records."""

from __future__ import annotations

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.widgets import Footer, Header, Static

from ...domain.trends import load_value
from ...services.trends import HEAT_WEEKS, TrendsView, trends_view
from ...store import Journal
from ...text import lift_record_line, run_record_line, shown
from ..messages import JournalChanged
from ..session import SessionScreen
from ..widgets.heat_map import HeatMap
from ..widgets.week_bars import WeekBars

RANGES = (12, 26, 52)
MI_IN_KM = 1 / 1.609344


class TrendsScreen(SessionScreen):
    """How the weeks built up; loads its figures in a worker so it shows at once."""

    BINDINGS = [
        Binding("left_square_bracket", "range(-1)", "Fewer weeks", key_display="["),
        Binding("right_square_bracket", "range(1)", "More weeks", key_display="]"),
        Binding("escape", "app.go('today')", "Back", show=False),
    ]
    weeks: var[int] = var(12)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="trends-range")
        with VerticalScroll(id="trends"):
            yield Static("Loading your weeks…", id="trends-loading")
            yield WeekBars("Distance per week", id="distance-bars")
            yield Static(
                "Load per week (RPE × minutes, Foster's session-RPE)", classes="section-title"
            )
            with Horizontal(id="load-bars"):
                yield WeekBars("Runs", id="run-load-bars")
                yield WeekBars("Leg days", id="leg-load-bars")
            yield WeekBars("Soreness (mean of check-ins)", id="soreness-bars")
            yield Static(id="leg-marks", classes="bars-axis")
            yield Static(f"Last {HEAT_WEEKS} weeks, day by day", classes="section-title")
            yield HeatMap(id="heat-map")
            yield Static("Your recovery", classes="section-title")
            yield Static(id="recovery")
            yield Static("Records", classes="section-title")
            yield Static(id="records")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show_range()
        self.load()

    def watch_weeks(self) -> None:
        if self.is_mounted:
            self._show_range()
            self.load()

    def action_range(self, step: int) -> None:
        index = max(0, min(len(RANGES) - 1, RANGES.index(self.weeks) + step))
        self.weeks = RANGES[index]

    def _show_range(self) -> None:
        choices = "  ".join(
            f"[reverse] {n} weeks [/reverse]" if n == self.weeks else f" {n} " for n in RANGES
        )
        self.query_one("#trends-range", Static).update(
            f"Trends   {choices}   [dim]\\[ ] to change[/dim]"
        )

    @on(JournalChanged)
    def load(self) -> None:
        self._load(self.weeks)

    @work(thread=True, exclusive=True, group="trends")
    def _load(self, weeks: int) -> None:
        # A connection belongs to the thread that opened it: the worker opens its own
        # (WAL lets it read while the app's connection writes).
        path = self.session.journal.path
        day = self.session.today
        if path is None:
            self.app.call_from_thread(self._compute_here, weeks)
            return
        with Journal.open(path) as journal:
            view = trends_view(journal, day, weeks, heat_weeks=HEAT_WEEKS)
        self.app.call_from_thread(self._show, view)

    def _compute_here(self, weeks: int) -> None:
        self._show(
            trends_view(self.session.journal, self.session.today, weeks, heat_weeks=HEAT_WEEKS)
        )

    def _show(self, view: TrendsView) -> None:
        if len(view.weeks) != self.weeks:
            return  # a range that has since been changed again
        self.query_one("#trends-loading").display = False
        units = view.settings.units
        per_unit = MI_IN_KM if units == "mi" else 1.0
        first, last = view.weeks[0].week, view.weeks[-1].week
        self.query_one("#distance-bars", WeekBars).show(
            f"Distance per week ({units})",
            [week.distance_m / 1000 * per_unit for week in view.weeks],
            first,
            last,
            f" {units}",
        )
        self.query_one("#run-load-bars", WeekBars).show(
            "Runs", [load_value(w.run_load) for w in view.weeks], first, last, ""
        )
        self.query_one("#leg-load-bars", WeekBars).show(
            "Leg days", [load_value(w.leg_load) for w in view.weeks], first, last, ""
        )
        self.query_one("#soreness-bars", WeekBars).show(
            "Soreness (mean of check-ins)",
            [week.soreness_mean or 0 for week in view.weeks],
            first,
            last,
            "/10",
        )
        marks = " ".join(str(week.leg_days) for week in view.weeks)
        self.query_one("#leg-marks", Static).update(f"  leg days ▲ per week: {marks}")
        if view.heat_start is not None:
            self.query_one(HeatMap).show(view.heat_start, view.day, view.daily, view.leg_dates)
        self.query_one("#recovery", Static).update(self._recovery(view))
        self.query_one("#records", Static).update(self._records(view))

    @staticmethod
    def _recovery(view: TrendsView) -> str:
        known = [row for row in view.profile if row.leg_days]
        if not known:
            return (
                "Check in your soreness every morning after leg days: your own recovery "
                "shows here, beside what the advisor assumes."
            )
        lines = [row.sentence() for row in known]
        if view.suggestion is not None:
            lines.append(f"[b]{view.suggestion.text()}[/b]")
        else:
            lines[-1] += " — Settings → recovery rate"
        lines += [f"[dim]note: {escape(flag.text)}[/dim]" for flag in view.flags]
        return "\n".join(lines)

    @staticmethod
    def _records(view: TrendsView) -> str:
        units = view.settings.units
        weight_units = getattr(view.settings, "weight_units", "kg")
        lines = [run_record_line(record, units) for record in view.runs]
        # An exercise's name is text: never markup, and its control characters escaped.
        lines += [escape(shown(lift_record_line(r, weight_units))) for r in view.lifts]
        return "\n".join(lines) or "None yet: runs of 5 km or more and weighted sets make records."
