"""Today: what the day is for, why, the warm-up to tick and the last 7 days."""

from __future__ import annotations

from datetime import timedelta

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from ...domain.advisor import Advice
from ...domain.forecast import when_text
from ...text import one_line, run_done_text
from ..messages import JournalChanged
from ..session import SessionScreen
from ..widgets.checklist import Checklist
from ..widgets.status_banner import StatusBanner
from ..widgets.week_strip import WeekStrip


class TodayScreen(SessionScreen):
    """The home screen, the one people open every morning."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="today-top"):
            with VerticalScroll(id="advice"):
                yield StatusBanner(id="status")
                yield Static("Why", classes="section-title")
                yield Static(id="reasons")
                yield Static("Guidance", classes="section-title", id="guidance-title")
                yield Static(id="guidance")
            with Vertical(id="side"):
                yield Checklist(id="checklist")
                yield Static(id="soreness")
        yield Static("Last days · next days (forecast)", classes="section-title", id="week-title")
        yield WeekStrip(id="week")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one(Checklist).focus()
        self._shown_since_mount = True

    def on_screen_resume(self) -> None:
        # The first resume follows the mount straight away: nothing changed since.
        if getattr(self, "_shown_since_mount", False):
            self._shown_since_mount = False
            return
        self.refresh_view()

    @on(JournalChanged)
    def refresh_view(self) -> None:
        session = self.session
        view = session.view()
        units = session.journal.settings().units
        self.query_one(StatusBanner).show(
            view.advice, when_text(view.next_normal_training, view.advice.date)
        )
        done = [run_done_text(view.run_done, units)] if view.run_done else []
        self.query_one("#reasons", Static).update(
            Content("\n").join(
                [Content(f"✓ {one_line(line)}") for line in done]
                + [Content(f"• {one_line(reason)}") for reason in view.advice.reasons]
                + [Content.styled(f"note: {one_line(flag.text)}", "dim") for flag in view.flags]
            )
        )
        self._show_guidance(view.advice)
        self.query_one(Checklist).show(view.checklist)
        soreness = view.advice.soreness
        self.query_one("#soreness", Static).update(
            f"Soreness today  [b]{soreness}/10[/b]  [dim](c to change)[/dim]"
            if soreness is not None
            else "Soreness today  [b]–[/b]  [dim](press c)[/dim]"
        )
        first = session.today - timedelta(days=6)
        self.query_one(WeekStrip).show(
            session.today,
            session.journal.days(first, session.today),
            session.journal.settings().units,
            view.outlook,
        )

    def _show_guidance(self, advice: Advice) -> None:
        guidance = advice.guidance
        for widget in self.query("#guidance, #guidance-title"):
            widget.display = guidance is not None
        if guidance:
            self.query_one("#guidance", Static).update(
                f"≤ {guidance['max_minutes']} min · effort ≤ {guidance['max_rpe']}/10 · "
                f"avoid {', '.join(guidance['avoid'])}"
            )

    @on(Checklist.Toggled)
    def tick(self, event: Checklist.Toggled) -> None:
        session = self.session
        ticked, _ = session.write(
            "Ticking", lambda: session.journal.set_tick(session.today, event.item_id, event.done)
        )
        if not ticked:
            self.refresh_view()  # show the tick as it really is
