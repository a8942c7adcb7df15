"""The warm-up checklist: tick with space, enter or a click; the caller saves at once."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...domain.checklist import ChecklistEntry
from ...text import one_line


class Checklist(OptionList):
    """Today's checklist items as `[x] label` options; the border shows the progress."""

    BORDER_TITLE = "Warm-up"
    BINDINGS = [Binding("space", "tick", "Tick", show=False)]

    class Toggled(Message):
        """An item was ticked or unticked by the user."""

        def __init__(self, item_id: str, done: bool) -> None:
            self.item_id = item_id
            self.done = done
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[ChecklistEntry] = []

    def show(self, items: list[ChecklistEntry]) -> None:
        highlighted = self.highlighted
        self.items = list(items)
        self.set_options(self._option(item) for item in self.items)
        if self.items:
            self.highlighted = min(highlighted or 0, len(self.items) - 1)
        self._show_progress()

    @staticmethod
    def _option(item: ChecklistEntry) -> Option:
        box = Content.from_markup("[b]\\[x][/b] " if item.done else "\\[ ] ")
        text = Content(one_line(item.label))  # a label is text, never markup
        label = text.stylize("dim strike") if item.done else text
        return Option(box + label, id=item.id)

    def _show_progress(self) -> None:
        total, done = len(self.items), sum(item.done for item in self.items)
        self.border_subtitle = f"{done}/{total} done" + (" ✓" if total and done == total else "")

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self._toggle(self.highlighted)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._toggle(event.option_index)

    def _toggle(self, index: int) -> None:
        item = self.items[index]
        flipped = ChecklistEntry(item.id, item.label, not item.done)
        self.items[index] = flipped
        self.replace_option_prompt_at_index(index, self._option(flipped).prompt)
        self._show_progress()
        self.post_message(self.Toggled(flipped.id, flipped.done))
