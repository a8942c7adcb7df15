"""Messages that travel across the whole app."""

from __future__ import annotations

from textual.message import Message


class JournalChanged(Message):
    """The journal changed (here or in another process): views should re-read it."""
