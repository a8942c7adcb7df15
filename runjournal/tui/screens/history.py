"""History: runs, leg days and check-ins, newest first; sort, filter, edit, delete."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Input, Select, Static, Tab, Tabs

from ...domain import parse as p
from ...domain.entries import KIND_NAMES, Entry, Kind
from ...domain.errors import InputError
from ...store.paging import SORTS
from ...text import distance_text, one_line, shown, summary
from ..messages import JournalChanged
from ..session import SessionScreen
from ..widgets.history_table import HistoryTable
from ..widgets.literal import LITERAL
from .confirm import ConfirmDialog

KIND_TABS: dict[str, Kind] = {"runs": "run", "legs": "leg", "checkins": "checkin"}


class HistoryScreen(SessionScreen):
    BINDINGS = [
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Del"),
        Binding("u", "undo", "Undo"),
        Binding("o", "sort", "Sort"),
        Binding("O", "reverse", "Reverse", show=False),
        Binding("g", "newest", "Newest", show=False),
        Binding("G", "oldest", "Oldest", show=False),
        Binding("1", "kind('runs')", "Runs", show=False),
        Binding("2", "kind('legs')", "Leg days", show=False),
        Binding("3", "kind('checkins')", "Check-ins", show=False),
        Binding("slash", "filter", "Filter", key_display="/", show=False),
        Binding("escape", "back", "Back", show=False),
    ]

    UNDO_SECONDS = 8
    _undoable: Entry | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Tabs(
            Tab("Runs", id="runs"),
            Tab("Leg days", id="legs"),
            Tab("Check-ins", id="checkins"),
            id="kinds",
        )
        with Horizontal(id="history-filters"):
            yield Select([(t, t) for t in p.RUN_TYPES], prompt="all types", id="type-filter")
            yield Input(placeholder="from date", id="since", highlighter=LITERAL)
            yield Input(placeholder="to date", id="until", highlighter=LITERAL)
        yield HistoryTable(self.session.journal, id="history-table")
        yield Static(id="history-detail", markup=False)
        yield Static(id="history-status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(HistoryTable).focus()

    @property
    def table(self) -> HistoryTable:
        return self.query_one(HistoryTable)

    @on(Tabs.TabActivated)
    def _kind_changed(self, event: Tabs.TabActivated) -> None:
        kind = KIND_TABS[event.tab.id or "runs"]
        self.query_one("#type-filter").display = kind == "run"
        self._requery(kind=kind, sort="date", descending=True)

    def _requery(self, **changes: object) -> None:
        query = replace(self.table.query_spec, **changes)  # type: ignore[arg-type]
        self.table.show_query(query)
        self._show_status()

    @on(JournalChanged)
    def _journal_changed(self) -> None:
        self.table.reload()
        self._show_status()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self._journal_changed()

    # Filters -------------------------------------------------------------------

    @on(Select.Changed, "#type-filter")
    def _type_changed(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, str) else None
        self._requery(run_type=value)

    @on(Input.Submitted, "#since, #until")
    @on(Input.Changed, "#since, #until")
    def _dates_changed(self, event: Input.Changed | Input.Submitted) -> None:
        values = {}
        for name in ("since", "until"):
            text = self.query_one(f"#{name}", Input).value.strip()
            if text and len(text) < 10 and isinstance(event, Input.Changed):
                return  # still typing
            try:
                values[name] = (
                    p.parse_date(text, self.session.today, field=name, allow_future=True)
                    if text
                    else None
                )
            except InputError as error:
                self._show_status(error=f"{name}: {error.message}")
                return
        self._requery(**values)
        if isinstance(event, Input.Submitted):
            self.table.focus()

    # Actions -------------------------------------------------------------------

    def action_kind(self, tab: str) -> None:
        self.query_one(Tabs).active = tab

    def action_sort(self) -> None:
        query = self.table.query_spec
        sorts = list(SORTS[query.kind])
        next_sort = sorts[(sorts.index(query.sort) + 1) % len(sorts)]
        self._requery(sort=next_sort, descending=True)

    def action_reverse(self) -> None:
        self._requery(descending=not self.table.query_spec.descending)

    def action_newest(self) -> None:
        self.table.action_scroll_top()

    def action_oldest(self) -> None:
        self.table.action_scroll_bottom()

    def action_filter(self) -> None:
        self.query_one("#since", Input).focus()

    async def action_back(self) -> None:
        if not isinstance(self.focused, HistoryTable):
            self.table.focus()
        else:
            await self.app.run_action("go('today')")

    def action_edit(self) -> None:
        entry = self.table.current
        if entry is None or not isinstance(self.focused, HistoryTable):
            return
        from .checkin_form import CheckinForm
        from .form import FormScreen
        from .leg_form import LegDayForm
        from .run_form import RunForm

        forms: dict[str, type[FormScreen]] = {
            "run": RunForm,
            "leg": LegDayForm,
            "checkin": CheckinForm,
        }
        self.app.push_screen(forms[entry.kind](self.session, entry))

    def action_delete(self) -> None:
        entry = self.table.current
        if entry is None or not isinstance(self.focused, HistoryTable):
            return
        noun = KIND_NAMES[entry.kind]
        units = self.table.units

        def answered(yes: bool | None) -> None:
            if yes and entry.id is not None:
                kind, number = entry.kind, entry.id
                deleted, _ = self.session.write(
                    "Deleting", lambda: self.session.journal.delete(kind, number)
                )
                if not deleted:
                    return
                self._offer_undo(entry)
                self.app.notify(
                    f"Deleted {noun} {entry.id} ({entry.date}). Press u to undo.",
                    title="Deleted",
                    timeout=self.UNDO_SECONDS,
                )
                self.session.changed()

        what = one_line(summary(entry, units, self.table.weight_units))
        question = f"Delete this {noun}?\n\n{entry.date}  {what}"
        self.app.push_screen(ConfirmDialog(question, "Delete"), answered)

    def _offer_undo(self, entry: Entry) -> None:
        self._undoable = entry
        self.refresh_bindings()

        def expire() -> None:
            if self._undoable is entry:
                self._undoable = None
                self.refresh_bindings()

        self.set_timer(self.UNDO_SECONDS, expire)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self._undoable is not None
        return True

    def action_undo(self) -> None:
        """Put the entry deleted a moment ago back, with its uid (so an export and an
        import still know it as the same entry)."""
        entry, self._undoable = self._undoable, None
        self.refresh_bindings()
        if entry is None:
            return
        restored, back = self.session.write("Undo", lambda: self.session.journal.add(entry))
        if not restored or back is None:
            return
        self.app.notify(f"Restored {KIND_NAMES[entry.kind]} ({entry.date}).", title="Undone")
        self.session.changed()

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_edit()  # enter (or a click) on a row opens it in its form

    @on(DataTable.RowHighlighted)
    def _row_moved(self) -> None:
        self._show_status()

    def _show_status(self, error: str | None = None) -> None:
        status = self.query_one("#history-status", Static)
        if error:
            status.update(Text(shown(error), style="bold red"))  # it quotes the filter
            return
        self._show_detail()
        query = self.table.query_spec
        count = self.session.journal.history_count(query)
        noun = {"run": "runs", "leg": "leg days", "checkin": "check-ins"}[query.kind]
        text = f"{count:,} {noun}"
        entry = self.table.current
        if entry is not None:
            monday = p.shift(entry.date, -entry.date.weekday())
            sunday = p.shift(monday, 6)  # held at 9999-12-31, the calendar's last day
            t = self.session.journal.totals(monday, sunday)
            hours, minutes = divmod(round(t["duration_s"] / 60), 60)
            legs = f"{t['leg_days']} leg day{'s' if t['leg_days'] != 1 else ''}"
            start = f"{monday:%d}" if monday.month == sunday.month else f"{monday:%d %b}"
            span = f"{start}–{sunday:%d %b}"
            text = (
                f"{span}: "
                f"{distance_text(t['distance_m'], self.table.units)} · "
                f"{hours}:{minutes:02d} h run · {legs}   [dim]{text}[/dim]"
            )
        if query.kind == "leg":
            text += "[dim]  ⚑ to failure[/dim]"
        status.update(text)

    def _show_detail(self) -> None:
        """The selected entry in full (every exercise, the whole note), under the table."""
        detail = self.query_one("#history-detail", Static)
        entry = self.table.current
        detail.display = entry is not None
        if entry is None:
            return
        when = f"{entry.date}{' ' + entry.time if entry.time else ''}"
        what = summary(entry, self.table.units, self.table.weight_units)
        # Text, never markup; each line of the note shown with its controls escaped.
        lines = [shown(f"{when}  {what}"), *map(shown, entry.notes.splitlines())]
        detail.update(Content("\n".join(lines)))
