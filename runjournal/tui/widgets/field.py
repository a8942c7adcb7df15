"""A labelled input with its error message right under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from ...text import shown
from .literal import LITERAL


class Field(Vertical):
    """Label, Input and an error line; `name` is the domain's field name ("distance")."""

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
    ) -> None:
        super().__init__(classes="field -wide" if wide else "field", id=f"field-{name}")
        self.label = label
        self.field_name = name
        self._value = value
        self._placeholder = placeholder
        self._suggester = suggester
        self._max_length = max_length

    def compose(self) -> ComposeResult:
        yield Label(self.label)
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
    def value(self) -> str:
        return self.query_one(Input).value

    def show_error(self, message: str | None) -> None:
        error = self.query_one(".error", Static)
        error.update(Content(shown(message or "")))  # it may quote what was typed
        error.set_class(not message, "-empty")
        self.query_one(Input).set_class(bool(message), "-invalid")
