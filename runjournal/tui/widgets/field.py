"""A labelled input with its error message right under it."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static, TextArea

from ...domain import parse as p
from ...domain.errors import InputError
from ...text import shown
from .literal import LITERAL, LiteralTextArea


class DateInput(Input):
    """A date field: `+` and `-` step a whole date (as typed, or `today`) a day on.

    While a date is still being typed ("2026-"), `-` is just a character.
    """

    def __init__(self, value: str, today: date, **kwargs: object) -> None:
        super().__init__(value, **kwargs)  # type: ignore[arg-type]
        self.today = today

    async def _on_key(self, event: events.Key) -> None:
        if event.character in ("+", "-"):
            try:
                day = p.parse_date(self.value or "today", self.today, allow_future=True)
            except InputError:
                day = None
            if day is not None:
                event.stop()
                event.prevent_default()
                step = timedelta(days=1 if event.character == "+" else -1)
                self.value = min(day + step, self.today).isoformat()
                self.cursor_position = len(self.value)
                return
        await super()._on_key(event)


class Field(Vertical):
    """Label, Input and an error line; `name` is the domain's field name ("distance").

    `multiline` makes it a TextArea (notes); `today` makes it a DateInput.
    """

    def __init__(
        self,
        label: str,
        name: str,
        value: str = "",
        *,
        placeholder: str = "",
        wide: bool = False,
        suggester: Suggester | None = None,
        max_length: int = 0,
        multiline: bool = False,
        today: date | None = None,
    ) -> None:
        super().__init__(classes="field -wide" if wide else "field", id=f"field-{name}")
        self.label = label
        self.field_name = name
        self._value = value
        self._placeholder = placeholder
        self._suggester = suggester
        self._max_length = max_length
        self._multiline = multiline
        self._today = today

    def compose(self) -> ComposeResult:
        yield Label(self.label)
        if self._multiline:
            yield LiteralTextArea(
                self._value, id=self.field_name, soft_wrap=True, tab_behavior="focus"
            )
        elif self._today is not None:
            yield DateInput(
                self._value,
                self._today,
                placeholder=self._placeholder,
                id=self.field_name,
                highlighter=LITERAL,
            )
        else:
            yield Input(
                self._value,
                placeholder=self._placeholder,
                id=self.field_name,
                suggester=self._suggester,
                max_length=self._max_length,
                highlighter=LITERAL,  # control characters drawn as pictures
            )
        yield Static("", classes="error -empty")

    @property
    def editor(self) -> Input | TextArea:
        """The Input (or, for notes, the TextArea) the value is typed into."""
        editor = self.query_one(f"#{self.field_name}")
        assert isinstance(editor, Input | TextArea)
        return editor

    @property
    def value(self) -> str:
        editor = self.editor
        return editor.text if isinstance(editor, TextArea) else editor.value

    def show_error(self, message: str | None) -> None:
        error = self.query_one(".error", Static)
        error.update(Content(shown(message or "")))  # it may quote what was typed
        error.tooltip = Content(shown(message or ""))  # the line is cut; this is all of it
        error.set_class(not message, "-empty")
        self.editor.set_class(bool(message), "-invalid")
