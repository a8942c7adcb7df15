"""What an Input shows of the control characters its value holds: pictures, never codes."""

from __future__ import annotations

import re

from rich.highlighter import Highlighter
from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widgets import TextArea

from ...text import CONTROL_CHARS

# One picture per character, so the cursor stays where the value says it is:
# U+2400-U+241F are the control pictures of C0 (ESC is ␛), U+2421 is DEL's; C1
# controls, bidirectional overrides and separators become U+FFFD.
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


class ControlPictures(Highlighter):
    """An Input's highlighter that draws control characters as their pictures.

    The value stays exactly as typed or stored (a note from the command line may hold
    an escape sequence); only what reaches the terminal changes.
    """

    def __call__(self, text: str | Text) -> Text:
        source = text if isinstance(text, Text) else Text(text)
        if not _CONTROL.search(source.plain):
            return source
        shown = source.copy()
        shown.plain = _CONTROL.sub(_picture, source.plain)
        return shown

    def highlight(self, text: Text) -> None:
        """Nothing to colour: the pictures are made in `__call__`."""


LITERAL = ControlPictures()


class LiteralTextArea(TextArea):
    """A TextArea that draws the control characters of its text as their pictures.

    TextArea has no highlighter to hook, so each drawn line is mapped after it is
    rendered; the text itself (what is saved) stays exactly as typed or stored.
    """

    def render_line(self, y: int) -> Strip:
        """The line as TextArea draws it, control characters replaced by pictures."""
        strip = super().render_line(y)
        if not any(_CONTROL.search(segment.text) for segment in strip):
            return strip
        return Strip(
            Segment(_CONTROL.sub(_picture, segment.text), segment.style, segment.control)
            for segment in strip
        )
