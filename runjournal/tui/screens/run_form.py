"""Log (or edit) a run, with the pace worked out as you type."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, Label, Select, Static

from ...domain import parse as p
from ...domain.entries import Entry, Run, build_run
from ...domain.errors import InputError
from ...text import pace_text, run_warning
from ..widgets.field import Field
from .confirm import ConfirmDialog
from .form import FormScreen


def _distance_value(metres: int, units: str) -> str:
    """A stored distance as the form shows it, in the user's units; 4 decimals of a
    mile come back to the same whole metres."""
    value = metres / p.MI_IN_M if units == "mi" else metres / 1000
    return f"{value:.4f}".rstrip("0").rstrip(".") + units


class RunForm(FormScreen):
    NOUN = "run"

    def compose(self) -> ComposeResult:
        run = self.entry if isinstance(self.entry, Run) else None
        units = self.session.journal.settings().units
        yield Static(self.heading, classes="form-title")
        with VerticalScroll(classes="form", can_focus=False):
            with Horizontal(classes="form-row"):
                yield Field(
                    "Date",
                    "date",
                    (run.date if run else self.session.today).isoformat(),
                    today=self.session.today,
                )
                yield Field("Time", "time", (run.time or "") if run else "", placeholder="HH:MM")
                distance = "" if run is None else _distance_value(run.distance_m, units)
                yield Field(
                    f"Distance ({units})",
                    "distance",
                    distance,
                    placeholder=f"e.g. 8 or 5{'km' if units == 'mi' else 'mi'}",
                )
                duration = "" if run is None else p.format_duration(run.duration_s)
                yield Field("Duration", "duration", duration, placeholder="52:30")
                with Vertical(classes="field"):
                    yield Label("Pace")
                    yield Static("–", id="pace")
            with Horizontal(classes="form-row"):
                with Vertical(classes="field"):
                    yield Label("Type")
                    yield Select(
                        ((t, t) for t in p.RUN_TYPES),
                        value=run.type if run else "easy",
                        allow_blank=False,
                        id="type",
                    )
                yield Field(
                    "RPE (1–10)", "rpe", str(run.rpe or "") if run else "", placeholder="opt."
                )
                yield Field("HR (bpm)", "hr", str(run.hr or "") if run else "", placeholder="opt.")
            yield Field("Notes", "notes", run.notes if run else "", wide=True, multiline=True)
            yield Static("", classes="feedback -warning", id="advice-warning")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#distance" if self.entry is None else "#date", Input).focus()
        self._update_live()

    @on(Input.Changed)
    @on(Select.Changed)
    def _update_live(self) -> None:
        pace = self.query_one("#pace", Static)
        try:
            units = self.session.journal.settings().units
            metres = p.parse_distance(self.text("distance"), unit=units)
            seconds = p.parse_duration(self.text("duration"))
            run = Run(self.session.today, metres, max(seconds, 1))
            pace.update(f"→ {pace_text(run, self.session.journal.settings().units)}")
        except InputError:
            pace.update("–")
        warning = self._warning()
        box = self.query_one("#advice-warning", Static)
        box.update(warning or "")
        box.display = bool(warning)

    def _run_type(self) -> str:
        value = self.query_one("#type", Select).value
        return value if isinstance(value, str) else "easy"

    def _warning(self) -> str | None:
        """Why this run goes against the day's advice (its type, length or effort), or
        None if it does not or the form cannot tell yet."""
        try:
            day = p.parse_date(self.text("date"), self.session.today)
        except InputError:
            return None
        try:
            seconds = p.parse_duration(self.text("duration"))
        except InputError:
            seconds = 0
        try:
            rpe = p.parse_rpe(self.text("rpe")) if self.text("rpe").strip() else None
        except InputError:
            rpe = None
        advice = self.session.view(day).advice
        warning = run_warning(advice, self._run_type(), seconds, rpe, self.session.today)
        return f"⚠ {warning}" if warning else None

    def field_checks(self) -> dict[str, Callable[[], object]]:
        today, units = self.session.today, self.session.journal.settings().units
        return {
            "date": lambda: p.parse_date(self.text("date"), today),
            "time": lambda: p.parse_time(self.text("time")),
            "distance": lambda: p.parse_distance(self.text("distance"), unit=units),
            "duration": lambda: p.check_run_duration(p.parse_duration(self.text("duration"))),
            "rpe": lambda: self.text("rpe").strip() and p.parse_rpe(self.text("rpe")),
            "hr": lambda: self.text("hr").strip() and p.parse_hr(self.text("hr")),
            "notes": lambda: p.check_notes(self.text("notes")),
        }

    def build(self) -> Run:
        return build_run(
            today=self.session.today,
            distance=self.text("distance"),
            duration=self.text("duration"),
            type=self._run_type(),
            rpe=self.text("rpe"),
            hr=self.text("hr"),
            date=self.text("date"),
            time=self.text("time"),
            notes=self.text("notes"),
            units=self.session.journal.settings().units,
        )

    def confirm_and_store(self, entry: Entry) -> None:
        warning = self._warning()
        if warning is None or self.entry is not None:
            self.store(entry)
            return

        def answered(save: bool | None) -> None:
            if save:
                self.store(entry)

        self.app.push_screen(
            ConfirmDialog(f"{warning}\n\nSave it anyway?", "Save anyway"), answered
        )
