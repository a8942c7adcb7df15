"""What every entry form shares: save with ctrl+s, cancel with escape, errors by field."""

from __future__ import annotations

from abc import abstractmethod

from textual.binding import Binding

from ...domain.edit import changes_between, edited
from ...domain.entries import Entry
from ...domain.errors import InputError
from ...text import shown
from ..session import Session, SessionScreen
from ..widgets.field import Field


class FormScreen(SessionScreen):
    """A full-screen form for one entry; `entry` set means editing it."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    NOUN = "entry"

    def __init__(self, session: Session, entry: Entry | None = None) -> None:
        super().__init__(session)
        self.entry = entry

    @property
    def heading(self) -> str:
        if self.entry is None:
            return f"Log {self.NOUN}"
        return f"Edit {self.NOUN} {self.entry.id} ({self.entry.date})"

    def field(self, name: str) -> Field:
        return self.query_one(f"#field-{name}", Field)

    def text(self, name: str) -> str:
        return self.field(name).value

    def clear_errors(self) -> None:
        for field in self.query(Field):
            field.show_error(None)

    def show_error(self, error: InputError) -> None:
        """Put the message next to the field it is about, and focus that field."""
        fields = {f.field_name: f for f in self.query(Field)}
        target = fields.get(error.field)
        if target is None:
            self.notify(shown(str(error)), severity="error", title="Not saved", markup=False)
            return
        target.show_error(error.message)
        target.query_one("Input").focus()

    def action_cancel(self) -> None:
        self.dismiss()

    def action_save(self) -> None:
        self.clear_errors()
        try:
            entry = self.build()
        except InputError as error:
            self.show_error(error)
            self.app.bell()
            return
        self.confirm_and_store(entry)

    @abstractmethod
    def build(self) -> Entry:
        """The entry the form describes; raises InputError for the first bad field."""

    def confirm_and_store(self, entry: Entry) -> None:
        self.store(entry)

    def store(self, entry: Entry) -> None:
        journal = self.session.journal
        if self.entry is None:
            ok, saved = self.session.write("Saving", lambda: journal.add(entry))
            verb = "Logged"
        else:
            original = self.entry
            try:
                changed = edited(original, changes_between(original, entry), self.session.today)
            except InputError as error:
                self.show_error(error)
                return
            ok, saved = self.session.write("Saving", lambda: journal.update(changed))
            verb = "Updated"
        if not ok or saved is None:
            return  # the form stays open with everything typed in it
        self.app.notify(f"{verb} {self.NOUN} {saved.id} ({saved.date}).", title="Saved")
        self.dismiss()
        self.session.changed()
