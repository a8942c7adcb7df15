"""Edit a soreness check-in from History."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Input, Static

from ...domain import parse as p
from ...domain.entries import Checkin, build_checkin
from ..widgets.field import Field
from .form import FormScreen


class CheckinForm(FormScreen):
    NOUN = "check-in"

    def compose(self) -> ComposeResult:
        entry = self.entry if isinstance(self.entry, Checkin) else None
        yield Static(self.heading, classes="form-title")
        with VerticalScroll(classes="form", can_focus=False):
            with Horizontal(classes="form-row"):
                yield Field("Date", "date", (entry.date if entry else self.app.today).isoformat())
                yield Field(
                    "Soreness (0–10)",
                    "soreness",
                    str(entry.soreness) if entry else "",
                    placeholder="0 none … 8+ too sore to walk",
                )
            yield Field(
                "Notes", "notes", entry.notes if entry else "", wide=True, max_length=p.MAX_NOTES
            )
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#soreness", Input).focus()

    def build(self) -> Checkin:
        return build_checkin(
            today=self.app.today,
            soreness=self.text("soreness"),
            date=self.text("date"),
            notes=self.text("notes"),
        )
