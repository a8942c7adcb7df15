"""CSV rows of entries, the columns of SPEC §5, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from ..domain.entries import Entry, LegDay, to_dict

CSV_COLUMNS = (
    "kind",
    "id",
    "date",
    "time",
    "distance_km",
    "duration_s",
    "pace_s_per_km",
    "type",
    "rpe",
    "hr",
    "duration_min",
    "to_failure",
    "load",
    "exercises",
    "soreness",
    "notes",
)
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (=, +, -, @ ...)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(entry: Entry, *, with_uid: bool) -> dict[str, object]:
    """One entry as a CSV row: exercises as their SPEC text, formulas neutralised."""
    data = to_dict(entry)
    if isinstance(entry, LegDay):
        data["exercises"] = "; ".join(ex.spec for ex in entry.exercises)
        data["to_failure"] = "yes" if entry.to_failure else "no"
    if with_uid:
        data["uid"] = entry.uid
    return {key: safe_cell(value) for key, value in data.items()}


def csv_lines(entries: Iterable[Entry], *, with_uid: bool) -> Iterator[str]:
    """CSV text, one line at a time: one row per entry, the columns of SPEC §5."""
    columns = (*CSV_COLUMNS, "uid") if with_uid else CSV_COLUMNS
    buffer = io.StringIO()
    # RFC 4180 line ends: with "\n" the csv module leaves a field holding a lone "\r"
    # unquoted, and a spreadsheet splits that row in two.
    writer = csv.DictWriter(
        buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n"
    )
    writer.writeheader()
    for entry in entries:
        writer.writerow(csv_row(entry, with_uid=with_uid))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()
