"""Strava's `activities.csv` (in a bulk export, or alone): one row per activity.

Its header repeats names: the first `Distance` is in the athlete's unit (km or mi), the
second in metres; the first `Elapsed Time` is whole seconds, the second has decimals.
Columns are found by name and occurrence, so the order of a future export does not
matter. `Activity Date` is the start in UTC, written in the export's locale.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from dataclasses import dataclass
from datetime import UTC, datetime

from ..domain.entries import Entry, Run
from .activity import Activity, sport_of, to_run
from .found import Found, ReadOptions, Unreadable

_DATE_FORMATS = (
    "%b %d, %Y, %I:%M:%S %p",  # May 29, 2022, 3:53:35 PM (English exports)
    "%d %b %Y, %H:%M:%S",  # 29 May 2022, 15:53:35
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",
    "%d.%m.%Y, %H:%M:%S",  # German
    "%d/%m/%Y, %H:%M:%S",
)
MAX_ROWS = 1_000_000


def looks_like(head: bytes) -> bool:
    """The header of activities.csv names `Activity ID` and `Activity Type`."""
    first = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return b"Activity ID" in first and b"Activity Type" in first


@dataclass(frozen=True)
class Row:
    """One activity row: the run it describes (or why not), and what it adds to its file."""

    filename: str  # the activity file in the same export ("activities/123.fit.gz"), or ""
    sport: str | None  # what its type names ("run", "ride"...), as `sport_of` says
    outcome: Entry | str
    name: str
    rpe: int | None


def read(data: bytes, name: str, options: ReadOptions) -> Found:
    """The running rows as runs (read on their own, without the export's files)."""
    found = Found()
    for row in rows(data, name, options):
        if isinstance(row.outcome, str):
            found.skip(row.outcome)
        else:
            found.entries.append(row.outcome)
    return found


def rows(data: bytes, name: str, options: ReadOptions) -> list[Row]:
    """Every row of the file, as `Row`s."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("not UTF-8 text") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise Unreadable("an empty CSV file") from None
    table = _Table(header)
    if "Activity Date" not in table.columns or "Activity Type" not in table.columns:
        raise Unreadable("not a Strava activities.csv (no Activity Date or Activity Type)")
    out: list[Row] = []
    try:
        for n, values in enumerate(reader):
            if n >= MAX_ROWS:
                raise Unreadable(f"more than {MAX_ROWS:,} rows")
            if any(values):
                out.append(_row(table.reading(values), options))
    except csv.Error as error:
        raise Unreadable(f"damaged CSV: {error}") from None
    return out


class _Table:
    """Columns by title and occurrence (Strava repeats `Distance`, `Elapsed Time`...)."""

    def __init__(self, header: list[str]) -> None:
        self.columns: dict[str, list[int]] = {}
        for index, title in enumerate(header):
            self.columns.setdefault(title.strip(), []).append(index)
        self.values: list[str] = []

    def reading(self, values: list[str]) -> _Table:
        """This table, reading the cells of one row."""
        self.values = values
        return self

    def get(self, title: str, occurrence: int = 0) -> str:
        """The cell under the `occurrence`-th column titled `title` ("" if none)."""
        at = self.columns.get(title, [])
        if len(at) <= occurrence or at[occurrence] >= len(self.values):
            return ""
        return self.values[at[occurrence]].strip()

    def number(self, title: str, occurrence: int = 0) -> float | None:
        """That cell as a finite number, or None."""
        return _number(self.get(title, occurrence))


def _row(row: _Table, options: ReadOptions) -> Row:
    kind, name = row.get("Activity Type"), row.get("Activity Name")
    rpe = row.number("Perceived Exertion")
    effort = round(rpe) if rpe is not None and 1 <= rpe <= 10 else None
    sport = sport_of(kind)  # "Run", "Trail Run", "Virtual Run": "run"
    start = _date(row.get("Activity Date"))
    metres = row.number("Distance", 1)
    if metres is None:  # an old export with one Distance column, in km
        km = row.number("Distance")
        metres = None if km is None else km * 1000
    activity = Activity(
        sport=sport,
        start_utc=start,
        local_start=None,
        distance_m=metres or 0.0,
        duration_s=row.number("Moving Time") or row.number("Elapsed Time") or 0.0,
        hr=row.number("Average Heart Rate"),
        name=name,
    )
    try:
        outcome: Entry | str = "no start time" if start is None else to_run(activity, options)
    except Unreadable as error:  # a date at the calendar's edge: this row, not the file
        outcome = str(error)
    if isinstance(outcome, Run) and effort is not None:
        outcome = dataclasses.replace(outcome, rpe=effort)
    return Row(row.get("Filename"), sport, outcome, name, effort)


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "")) if text else None
    except ValueError:
        return None
    return value if value is not None and value == value and abs(value) < 1e9 else None


def _date(text: str) -> datetime | None:
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(text, form).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None
