"""The soreness check-in: one digit sets it (0–9), or pick any value with the arrows."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

MEANINGS = {
    0: "none",
    1: "barely there",
    2: "a little stiff",
    3: "mild",
    4: "noticeable",
    5: "sore, but walking is fine",
    6: "sore on stairs",
    7: "very sore",
    8: "too sore to walk normally",
    9: "painful to walk",
    10: "can hardly walk",
}


class SorenessDialog(ModalScreen[int | None]):
    """Asks how sore the legs are on `day`; dismisses with 0–10, or None if cancelled."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel"),
        Binding("f", "full_form", "Another day / notes"),
    ]
    # What `dismiss` returns for "open the whole check-in form instead".
    FULL_FORM = -1

    def __init__(self, day: date, current: int | None) -> None:
        super().__init__()
        self.day = day
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]How sore are your legs?[/b]  ({self.day.strftime('%a %d %b')})")
            yield Static("[dim]Press 0–9, or pick with ↑↓ and enter. 8+ means rest.[/dim]")
            yield Static("[dim]f: another date, or add notes[/dim]")
            yield OptionList(
                *(Option(f"{n:>2}  {text}", id=str(n)) for n, text in MEANINGS.items()),
                id="soreness-options",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.current if self.current is not None else 0
        options.focus()

    def on_key(self, event: Key) -> None:
        if event.character and event.character.isdigit():
            event.stop()
            self.dismiss(int(event.character))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_full_form(self) -> None:
        self.dismiss(self.FULL_FORM)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
