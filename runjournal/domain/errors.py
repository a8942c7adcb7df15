"""The one error the domain raises for input a person can fix."""

from __future__ import annotations


class InputError(ValueError):
    """A value a person typed (or imported) that the journal refuses.

    Attributes:
        field: the name of the field at fault, as a person knows it ("distance").
        message: what is wrong and an accepted example, without the field name.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")
