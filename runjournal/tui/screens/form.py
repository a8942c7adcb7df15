"""What every entry form shares: save with ctrl+s, cancel with escape, errors by field."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable

from textual.binding import Binding
from textual.widgets import Checkbox, Footer, Input, Select, Static, TextArea

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
        self._as_opened: tuple[object, ...] | None = None

    @property
    def heading(self) -> str:
        if self.entry is None:
            return f"Log {self.NOUN}"
        return f"Edit {self.NOUN} {self.entry.id} ({self.entry.date})"

    def field(self, name: str) -> Field:
        return self.query_one(f"#field-{name}", Field)

    def text(self, name: str) -> str:
        return self.field(name).value

    def on_mount(self) -> None:
        # (Textual calls every class's on_mount: the forms' own come first.)
        self.call_after_refresh(self._remember_as_opened)

    def _remember_as_opened(self) -> None:
        self._as_opened = self._contents()

    def _contents(self) -> tuple[object, ...]:
        """Everything typed or chosen in the form, to tell whether it was changed."""
        values: list[object] = []
        for widget in self.query("Input, TextArea, Checkbox, Select"):
            if isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, Input | Checkbox | Select):
                values.append(widget.value)
            values.append(widget.id)
        return tuple(values)

    @property
    def changed(self) -> bool:
        """Whether anything was typed or changed since the form opened."""
        return self._as_opened is not None and self._contents() != self._as_opened

    # Errors -----------------------------------------------------------------------

    def clear_errors(self) -> None:
        for field in self.query(Field):
            field.show_error(None)
        # Hidden, not removed: a removal completes later, and a save straight after
        # would mount a second box with the same id before the first was gone.
        for summary in self.query("#form-errors"):
            summary.display = False

    def show_error(self, error: InputError) -> None:
        """Put the message next to the field it is about, and focus that field."""
        self.show_errors([error])

    def show_errors(self, errors: list[InputError]) -> None:
        """Every message next to its field (cut to one line there) and all of them, whole,
        in one box above the keys; the first bad field takes the focus."""
        fields = {f.field_name: f for f in self.query(Field)}
        lines = []
        for error in errors:
            target = fields.get(error.field)
            name = target.label if target else error.field
            lines.append(shown(f"✗ {name}: {error.message}"))  # it may quote what was typed
            if target is not None:
                target.show_error(error.message)
        first = fields.get(errors[0].field)
        if first is not None:
            first.editor.focus()
        text = "\n".join(lines)
        shown_before = self.query("#form-errors")
        if shown_before:
            summary = shown_before.first(Static)
            summary.update(text)
            summary.display = True
        else:
            self.mount(Static(text, id="form-errors", markup=False), before=self.query_one(Footer))

    def field_checks(self) -> dict[str, Callable[[], object]]:
        """One parser per field, so that a save can report every bad field at once."""
        return {}

    def _every_error(self) -> list[InputError]:
        errors = []
        for check in self.field_checks().values():
            try:
                check()
            except InputError as error:
                errors.append(error)
        return errors

    # Actions ----------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Leave the form; if something was typed, ask before throwing it away."""
        if not self.changed:
            self.dismiss()
            return
        from .confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss()

        question = f"Discard this {self.NOUN}? What you typed is not saved."
        self.app.push_screen(ConfirmDialog(question, "Discard", "Keep editing"), answered)

    def action_save(self) -> None:
        self.clear_errors()
        errors = self._every_error()
        try:
            entry = self.build()
        except InputError as error:
            if not any(e.field == error.field for e in errors):
                errors.append(error)
        if errors:
            self.show_errors(errors)
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
