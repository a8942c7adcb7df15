"""Log (or edit) a leg day: the session, its exercises and how hard it counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static

from ...domain import parse as p
from ...domain.advisor import LOOKBACK_DAYS
from ...domain.entries import LegDay, build_leg_day, parse_exercise
from ...domain.errors import InputError
from ...domain.forecast import next_normal_training, when_text
from ...domain.load import classify_load, recovery_days
from ...domain.settings import Settings
from ...text import shown
from ..widgets.exercise_row import ExerciseRow
from ..widgets.field import Field
from .form import FormScreen


class LegDayForm(FormScreen):
    NOUN = "leg day"
    BINDINGS = [Binding("ctrl+n", "add_exercise", "Add exercise", priority=True)]

    def compose(self) -> ComposeResult:
        leg = self.entry if isinstance(self.entry, LegDay) else None
        today = self.session.today.isoformat()
        yield Static(self.heading, classes="form-title")
        with VerticalScroll(classes="form", can_focus=False):
            with Horizontal(classes="form-row"):
                yield Field(
                    "Date",
                    "date",
                    leg.date.isoformat() if leg else today,
                    today=self.session.today,
                )
                yield Field("Time", "time", (leg.time or "") if leg else "", placeholder="HH:MM")
                yield Field(
                    "Duration",
                    "duration",
                    f"{leg.duration_s / 60:g}" if leg else "",
                    placeholder="min, e.g. 60",
                )
                yield Field("RPE (1–10)", "rpe", str(leg.rpe) if leg else "", placeholder="1–10")
                yield Checkbox("to failure", leg.to_failure if leg else False, id="to-failure")
            unit = self.session.journal.settings().weight_units
            other = "lb" if unit == "kg" else "kg"
            yield Label(
                f"Exercises  [dim](name · sets · reps · weight in {unit}, or 20{other})[/dim]"
            )
            with VerticalScroll(id="exercises", can_focus=False):
                names = self.session.journal.exercise_names()
                for exercise in (leg.exercises if leg else ()) or [None]:
                    yield ExerciseRow(names, exercise, unit)
            yield Static("", classes="error", id="exercises-error")
            yield Button("+ Add exercise (ctrl+n)", id="add-exercise")
            yield Field("Notes", "notes", leg.notes if leg else "", wide=True, multiline=True)
            yield Static("", classes="feedback", id="load-feedback")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#duration" if self.entry is None else "#date", Input).focus()
        self._update_load()

    @on(Button.Pressed, "#add-exercise")
    def action_add_exercise(self) -> None:
        settings = self.session.journal.settings()
        row = ExerciseRow(self.session.journal.exercise_names(), weight_unit=settings.weight_units)
        self.query_one("#exercises").mount(row)
        self.call_after_refresh(lambda: row.query_one(Input).focus())

    @on(ExerciseRow.Remove)
    def _remove_row(self, event: ExerciseRow.Remove) -> None:
        event.row.remove()

    @on(Input.Changed, "#date, #duration, #rpe")
    @on(Checkbox.Changed)
    def _update_load(self) -> None:
        feedback = self.query_one("#load-feedback", Static)
        try:
            minutes = p.check_leg_duration(p.parse_duration(self.text("duration")))
            rpe = p.parse_rpe(self.text("rpe"))
        except InputError:
            feedback.update("Enter the duration and RPE to see how hard this session counts.")
            return
        try:
            day = p.parse_date(self.text("date"), self.session.today)
        except InputError:
            day = self.session.today
        leg = LegDay(day, minutes, rpe, self.query_one(Checkbox).value)
        load = classify_load(leg)
        settings = self.session.journal.settings()
        days = recovery_days(load, settings)
        feedback.update(
            f"This session counts as [b]{load.upper()}[/b]: your legs may need up to "
            f"{days} day{'s' if days != 1 else ''} before hard running — "
            f"[b]{self._ready_text(leg, settings)}[/b]."
        )

    def field_checks(self) -> dict[str, Callable[[], object]]:
        today = self.session.today
        return {
            "date": lambda: p.parse_date(self.text("date"), today),
            "time": lambda: p.parse_time(self.text("time")),
            "duration": lambda: p.check_leg_duration(p.parse_duration(self.text("duration"))),
            "rpe": lambda: p.parse_rpe(self.text("rpe")),
            "notes": lambda: p.check_notes(self.text("notes")),
        }

    def _ready_text(self, draft: LegDay, settings: Settings) -> str:
        """When hard running is OK again with this session logged, as Today will say it.

        The same forecast as Today's: the journal's leg days (this one as typed, not as
        stored when editing) and today's check-in, with nothing more logged.
        """
        today, journal = self.session.today, self.session.journal
        editing = self.entry.id if isinstance(self.entry, LegDay) else None
        stored = journal.leg_days_between(today - timedelta(days=LOOKBACK_DAYS), today)
        legs = [leg for leg in stored if editing is None or leg.id != editing] + [draft]
        ready = next_normal_training(legs, journal.checkin_on(today), settings, today)
        return when_text(ready, today)

    def build(self) -> LegDay:
        error_line = self.query_one("#exercises-error", Static)
        error_line.update("")
        specs: list[str] = []
        for n, row in enumerate(self.query(ExerciseRow), start=1):
            try:
                spec = row.spec()
                if spec is not None:
                    parse_exercise(spec)
                    specs.append(spec)
            except InputError as error:
                error_line.update(Content(shown(f"Exercise {n}: {error.message}")))
                row.query_one(Input).focus()
                raise InputError("exercises", f"row {n}: {error.message}") from None
        return build_leg_day(
            today=self.session.today,
            duration=self.text("duration"),
            rpe=self.text("rpe"),
            to_failure=self.query_one(Checkbox).value,
            exercises=specs,
            date=self.text("date"),
            time=self.text("time"),
            notes=self.text("notes"),
            weight_units=self.session.journal.settings().weight_units,
        )
