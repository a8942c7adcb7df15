"""The large, colour-coded status of the day; the status is spelled out too."""

from __future__ import annotations

from textual.widgets import Static

from ...domain.advisor import STATUS_LABELS, STATUS_TAGLINES, Advice

_MARKS = {"rest": "■", "easy_recovery_run": "●", "normal_training": "▲"}


class StatusBanner(Static):
    """Shows one Advice's status; its CSS class follows the status (`-rest`, ...)."""

    def show(self, advice: Advice, ready: str = "") -> None:
        """The status, its tagline and, under it, when hard running is OK again."""
        for status in _MARKS:
            self.set_class(advice.status == status, f"-{status.replace('_', '-')}")
        label = STATUS_LABELS[advice.status].upper()
        text = f"[b]{_MARKS[advice.status]}  {label}[/b]\n   {STATUS_TAGLINES[advice.status]}"
        self.update(text + (f"\n   [b]{ready}[/b]" if ready else ""))
