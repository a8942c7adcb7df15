"""One figure per week as bars (Textual's Sparkline), with the labels that say what it is."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static


class WeekBars(Vertical):
    """A title naming the figure, its bars, and the weeks they span with the top value.

    The numbers are written out (top, latest, weeks), so the bars need no colour.
    """

    DEFAULT_CSS = """
    WeekBars { height: auto; }
    WeekBars > Sparkline { height: 2; margin: 0 1; }
    WeekBars > .bars-title { padding: 0 1; }
    WeekBars > .bars-axis { padding: 0 1; color: $text-muted; }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Static(self.title_text, classes="bars-title")
        yield Sparkline([], summary_function=max)
        yield Static("", classes="bars-axis")

    def show(self, title: str, values: Sequence[float], first: str, last: str, unit: str) -> None:
        """Bars for `values` (oldest first), from week `first` to week `last`."""
        top = max(values, default=0)
        latest = values[-1] if values else 0

        def number(value: float) -> str:
            return f"{value:,.0f}" if top >= 100 else f"{value:.1f}"

        self.query_one(".bars-title", Static).update(
            f"{title}  [dim]top {number(top)}{unit} · this week {number(latest)}[/dim]"
        )
        self.query_one(Sparkline).data = list(values)
        self.query_one(".bars-axis", Static).update(f"{first} … {last}")
