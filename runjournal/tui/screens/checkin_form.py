"""Edit a soreness check-in from History."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Input, Static

from ...domain import parse as p
from ...domain.entries import Checkin, Entry, build_checkin
from ...text import one_line
from ..widgets.field import Field
from .confirm import ConfirmDialog
from .form import FormScreen


class CheckinForm(FormScreen):
    NOUN = "check-in"

    def compose(self) -> ComposeResult:
        entry = self.entry if isinstance(self.entry, Checkin) else None
        yield Static(self.heading, classes="form-title")
        with VerticalScroll(classes="form", can_focus=False):
            with Horizontal(classes="form-row"):
                yield Field(
                    "Date",
                    "date",
                    (entry.date if entry else self.session.today).isoformat(),
                    today=self.session.today,
                )
                yield Field(
                    "Soreness (0–10)",
                    "soreness",
                    str(entry.soreness) if entry else "",
                    placeholder="0 none … 8+ too sore to walk",
                )
            yield Field("Notes", "notes", entry.notes if entry else "", wide=True, multiline=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#soreness", Input).focus()

    def confirm_and_store(self, entry: Entry) -> None:
        """Moving a check-in onto a date that has one replaces that one: ask first."""
        other = self.session.journal.checkin_on(entry.date)
        if other is None or (self.entry is not None and other.id == self.entry.id):
            self.store(entry)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self.store(entry)

        question = (
            f"{entry.date} already has a check-in (soreness {other.soreness}/10"
            + (f", “{one_line(other.notes)}”" if other.notes else "")
            + "). Replace it with this one?"
        )
        self.app.push_screen(ConfirmDialog(question, "Replace"), answered)

    def field_checks(self) -> dict[str, Callable[[], object]]:
        today = self.session.today
        return {
            "date": lambda: p.parse_date(self.text("date"), today),
            "soreness": lambda: p.parse_soreness(self.text("soreness")),
            "notes": lambda: p.check_notes(self.text("notes")),
        }

    def build(self) -> Checkin:
        return build_checkin(
            today=self.session.today,
            soreness=self.text("soreness"),
            date=self.text("date"),
            notes=self.text("notes"),
        )
