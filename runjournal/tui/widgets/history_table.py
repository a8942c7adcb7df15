"""A DataTable that shows a window of a keyset-paged query, however large the journal.

The table never holds more than MAX_WINDOW rows: moving near either end of the window
reads the next page from SQLite and drops the page furthest away. Jumping to the
newest or oldest entry is one indexed query, so 100,000 entries behave like 100.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from ...domain import parse as p
from ...domain.entries import Checkin, Entry, LegDay, Run
from ...domain.load import classify_load
from ...store import Journal
from ...store.paging import HistoryQuery
from ...text import distance_text, one_line, pace_text

PAGE = 100
MAX_WINDOW = 3 * PAGE
Row = tuple[tuple[Any, ...], Entry]

COLUMNS = {
    "run": ("Date", "Time", "Type", "Distance", "Duration", "Pace", "RPE", "HR", "Notes"),
    "leg": ("Date", "Time", "Duration", "RPE", "Load", "Exercises", "Notes"),
    "checkin": ("Date", "Soreness", "Notes"),
}


def cells(entry: Entry, units: str, weight_units: str = "kg") -> tuple[str | Text, ...]:
    # What a person typed is a Text, never a str: DataTable reads a str as markup. (A
    # Rich Text rather than a Content: DataTable measures a column by __rich_measure__.)
    notes = Text(one_line(entry.notes))
    if isinstance(entry, Run):
        return (
            entry.date.isoformat(),
            entry.time or "",
            entry.type,
            distance_text(entry.distance_m, units),
            p.format_duration(entry.duration_s),
            pace_text(entry, units),
            str(entry.rpe or ""),
            str(entry.hr or ""),
            notes,
        )
    if isinstance(entry, LegDay):
        exercises = Text(one_line(", ".join(ex.spec_in(weight_units) for ex in entry.exercises)))
        load = classify_load(entry) + (" ⚑" if entry.to_failure else "")
        return (
            entry.date.isoformat(),
            entry.time or "",
            f"{entry.duration_s / 60:g} min",
            str(entry.rpe),
            load,
            exercises,
            notes,
        )
    assert isinstance(entry, Checkin)
    return (entry.date.isoformat(), f"{entry.soreness}/10", notes)


class HistoryTable(DataTable[str | Text]):
    """Rows of one HistoryQuery, paged in and out as the cursor moves."""

    def __init__(self, journal: Journal, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.journal = journal
        self.query_spec = HistoryQuery("run")
        self.rows_window: list[Row] = []
        self.at_start = True
        self.at_end = True
        self.units = "km"
        self.weight_units = "kg"

    # Loading ---------------------------------------------------------------------

    def show_query(self, query: HistoryQuery, *, oldest: bool = False) -> None:
        """Start over with `query`, at its first row (or its last, with `oldest`)."""
        self.query_spec = query
        self._read_units()
        self.clear(columns=True)
        self.add_columns(*self._headers())
        rows = self.journal.history_page(query, backwards=oldest, limit=PAGE)
        self.at_start = not oldest or len(rows) < PAGE
        self.at_end = oldest or len(rows) < PAGE
        self._show_rows(rows, cursor=len(rows) - 1 if oldest else 0)

    def reload(self) -> None:
        """Re-read the window in place (after an edit, a delete, a change of units or
        another process): the same stretch of history, the cursor on the same row."""
        if not self.columns:  # nothing shown yet
            self.show_query(self.query_spec)
            return
        self._read_units()
        index = self.cursor_row
        size = max(PAGE, len(self.rows_window))
        anchor = None
        if self.rows_window and not self.at_start:
            before = self.journal.history_page(
                self.query_spec, after=self.rows_window[0][0], backwards=True, limit=1
            )
            anchor = before[0][0] if before else None
        rows = self.journal.history_page(self.query_spec, after=anchor, limit=size)
        self.at_start = anchor is None
        self.at_end = len(rows) < size
        self._show_rows(rows, cursor=min(index, max(0, len(rows) - 1)))

    def _read_units(self) -> None:
        settings = self.journal.settings()
        self.units, self.weight_units = settings.units, settings.weight_units

    def _headers(self) -> list[str]:
        headers = list(COLUMNS[self.query_spec.kind])
        sort = self.query_spec.sort
        arrow = " ▼" if self.query_spec.descending else " ▲"
        names = {
            "date": "Date",
            "distance": "Distance",
            "duration": "Duration",
            "effort": "RPE",
            "soreness": "Soreness",
            "pace": "Pace",
            "hr": "HR",
            "type": "Type",
        }
        return [h + arrow if h == names.get(sort) else h for h in headers]

    def _show_rows(self, rows: list[Row], *, cursor: int) -> None:
        self.rows_window = rows
        self.clear()
        for key, entry in rows:
            self.add_row(
                *cells(entry, self.units, self.weight_units), key=f"{entry.kind}:{entry.id}:{key}"
            )
        self._move(cursor)

    def _move(self, index: int) -> None:
        if self.rows_window:
            with self.prevent(DataTable.RowHighlighted):
                self.move_cursor(row=max(0, index), animate=False)

    # Paging as the cursor moves -------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        index = event.cursor_row
        if index != self.cursor_row:
            return  # stale: posted while the rows were being replaced
        if index >= len(self.rows_window) - 3 and not self.at_end:
            self._extend_forward(index)
        elif index <= 2 and not self.at_start:
            self._extend_backward(index)

    def _extend_forward(self, index: int) -> None:
        more = self.journal.history_page(self.query_spec, after=self.rows_window[-1][0], limit=PAGE)
        self.at_end = len(more) < PAGE
        rows = self.rows_window + more
        drop = max(0, len(rows) - MAX_WINDOW)
        if drop:
            self.at_start = False
        self._show_rows(rows[drop:], cursor=index - drop)

    def _extend_backward(self, index: int) -> None:
        more = self.journal.history_page(
            self.query_spec, after=self.rows_window[0][0], backwards=True, limit=PAGE
        )
        self.at_start = len(more) < PAGE
        rows = more + self.rows_window
        if len(rows) > MAX_WINDOW:
            rows = rows[:MAX_WINDOW]
            self.at_end = False
        self._show_rows(rows, cursor=index + len(more))

    @property
    def current(self) -> Entry | None:
        if not self.rows_window or self.cursor_row >= len(self.rows_window):
            return None
        return self.rows_window[self.cursor_row][1]

    def action_scroll_top(self) -> None:
        self.show_query(self.query_spec)

    def action_scroll_bottom(self) -> None:
        self.show_query(self.query_spec, oldest=True)
