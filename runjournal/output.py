"""Plain-text renderings for the terminal: advice, checklist, history table, CSV."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date

from .domain import parse as p
from .domain.advisor import STATUS_LABELS, STATUS_TAGLINES, classify_load
from .domain.entries import Entry, LegDay, Run, to_dict
from .today import DayView

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


def distance_text(metres: int, units: str) -> str:
    if units == "mi":
        return f"{metres / p.MI_IN_M:.2f} mi"
    return f"{metres / 1000:.2f} km"


def pace_text(run: Run, units: str) -> str:
    per = p.MI_IN_M / 1000 if units == "mi" else 1
    return f"{p.format_pace(run.pace_s_per_km * per)}/{units}"


def summary(entry: Entry, units: str = "km") -> str:
    """One line that says what an entry was: '8.20 km easy in 52:30 (6:24/km), RPE 3'."""
    if isinstance(entry, Run):
        text = (
            f"{distance_text(entry.distance_m, units)} {entry.type} in "
            f"{p.format_duration(entry.duration_s)} ({pace_text(entry, units)})"
        )
        return text + (f", RPE {entry.rpe}" if entry.rpe else "")
    if isinstance(entry, LegDay):
        text = f"{round(entry.duration_s / 60)} min at RPE {entry.rpe}"
        text += ", to failure" if entry.to_failure else ""
        text += f" ({classify_load(entry)})"
        if entry.exercises:
            text += ": " + ", ".join(ex.spec for ex in entry.exercises)
        return text
    return f"soreness {entry.soreness}/10"


def render_advice(view: DayView, today: date) -> str:
    advice = view.advice
    when = "Today" if advice.date == today else advice.date.strftime("%a %d %b %Y")
    lines = [
        f"{when}: {STATUS_LABELS[advice.status].upper()} — {STATUS_TAGLINES[advice.status]}",
        "",
        "Why",
        *(f"  • {reason}" for reason in advice.reasons),
    ]
    guidance = advice.guidance
    if guidance:
        lines += [
            "Guidance",
            f"  ≤ {guidance['max_minutes']} min · effort ≤ {guidance['max_rpe']}/10 · "
            f"avoid {', '.join(guidance['avoid'])} · no duration or pace goals",
        ]
    lines += ["", render_checklist(view)]
    return "\n".join(lines)


def render_checklist(view: DayView) -> str:
    done = sum(item.done for item in view.checklist)
    lines = [f"Warm-up {done}/{len(view.checklist)}  (tick with `runjournal checklist tick ID`)"]
    width = max((len(item.id) for item in view.checklist), default=0)
    lines += [
        f"  [{'x' if item.done else ' '}] {item.id:<{width}}  {item.label}"
        for item in view.checklist
    ]
    return "\n".join(lines)


def history_table(entries: Iterable[Entry], units: str) -> str:
    """An aligned table that reads at 80 columns; notes take what width is left."""
    import shutil  # only the table needs the terminal's width

    width = max(80, shutil.get_terminal_size((80, 24)).columns)
    header = f"{'KIND':<7} {'ID':>5}  {'DATE':<10} {'TIME':<5}  {'WHAT':<40}  NOTES"
    lines = [header]
    for entry in entries:
        what = _cell(summary(entry, units), 40)
        kind = {"run": "run", "leg": "leg", "checkin": "checkin"}[entry.kind]
        notes = _cell(entry.notes, max(0, width - 75))
        lines.append(
            f"{kind:<7} {entry.id:>5}  {entry.date.isoformat():<10} {entry.time or '':<5}  "
            f"{what}  {notes}".rstrip()
        )
    return "\n".join(lines)


def _char_width(char: str) -> int:
    """Terminal columns a character takes: CJK and emoji take two, combining marks none."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(_char_width(char) for char in text)


def _cell(text: str, width: int) -> str:
    """`text` on one line, cut with … and padded to exactly `width` terminal columns.

    Counted in columns, not characters: a note in Japanese or with emoji would otherwise
    push the table past 80 columns.
    """
    flat = " ".join(text.split())
    if text_width(flat) > width:
        kept, used = [], 0
        for char in flat:
            if used + _char_width(char) > width - 1:
                break
            kept.append(char)
            used += _char_width(char)
        flat = "".join(kept) + "…" if width > 0 else ""
    return flat + " " * (width - text_width(flat))


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (=, +, -, @ ...)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(entry: Entry, *, with_uid: bool) -> dict[str, object]:
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
