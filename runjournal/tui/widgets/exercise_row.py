"""One exercise of a leg day: name (with suggestions), sets, reps, weight."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input

from ...domain import parse as p
from ...domain.entries import Exercise
from ...domain.errors import InputError
from .literal import LITERAL


class ExerciseRow(Horizontal):
    """Inputs for one exercise; the remove button asks the form to drop the row."""

    class Remove(Message):
        def __init__(self, row: ExerciseRow) -> None:
            self.row = row
            super().__init__()

    def __init__(
        self, names: list[str], exercise: Exercise | None = None, weight_unit: str = "kg"
    ) -> None:
        """`weight_unit` (the `weight_units` setting) is what a bare weight means, and
        the unit a stored weight is shown in: 225 typed in lb comes back as 225."""
        super().__init__(classes="exercise-row")
        self._names = names
        self._exercise = exercise
        self._unit = weight_unit

    def compose(self) -> ComposeResult:
        ex = self._exercise
        weight = ""
        if ex is not None and ex.weight_g is not None:
            weight = p.format_weight(ex.weight_g, self._unit).removesuffix(self._unit)
        yield Input(
            ex.name if ex else "",
            placeholder="exercise, e.g. back squat",
            classes="name",
            suggester=SuggestFromList(self._names, case_sensitive=False),
            highlighter=LITERAL,  # a stored name may hold control characters
        )
        yield Input(
            str(ex.sets) if ex else "", placeholder="sets", classes="small sets", type="integer"
        )
        yield Input(
            str(ex.reps) if ex else "", placeholder="reps", classes="small reps", type="integer"
        )
        yield Input(weight, placeholder=self._unit, classes="weight", highlighter=LITERAL)
        yield Button("−", classes="remove", tooltip="Remove this exercise")

    def spec(self) -> str | None:
        """The row as SPEC text ('back squat 5x5@100'), or None if it is left empty."""
        name, sets, reps, weight = (i.value.strip() for i in self.query(Input))
        if not any((name, sets, reps, weight)):
            return None
        if not name:
            raise InputError("exercise", "needs a name, e.g. back squat")
        text = f"{name or '?'} {sets or '?'}x{reps or '?'}"
        if weight:
            weight = weight if weight[-1].isalpha() else weight + self._unit
            p.parse_weight(weight)  # its own message ("'abc' is not a weight ...")
            text += f"@{weight}"
        return text

    @on(Button.Pressed, ".remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Remove(self))
