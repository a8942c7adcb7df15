"""Text both views show: distances, paces, one-line summaries, terminal widths."""

from __future__ import annotations

import unicodedata
from datetime import date

from .domain import parse as p
from .domain.entries import Entry, LegDay, Run
from .domain.load import classify_load
from .domain.records import LiftRecord, LiftSet, RunRecord


def distance_text(metres: int, units: str) -> str:
    """A distance in the user's units, two decimals: '8.20 km', '5.10 mi'."""
    if units == "mi":
        return f"{metres / p.MI_IN_M:.2f} mi"
    return f"{metres / 1000:.2f} km"


def pace_text(run: Run, units: str) -> str:
    """A run's pace per km or per mile: '6:24/km'."""
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


def _char_width(char: str) -> int:
    """Terminal columns a character takes: CJK and emoji take two, combining marks none."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal columns `text` takes."""
    return sum(_char_width(char) for char in text)


def cell(text: str, width: int) -> str:
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


# Trends: weights, loads and records in the user's units ------------------------------


def weight_text(grams: float, weight_units: str = "kg") -> str:
    """A weight in kg or lb, as few decimals as it needs: '100 kg', '225 lb', '116.7 kg'."""
    value = grams / p.LB_IN_G if weight_units == "lb" else grams / 1000
    return f"{round(value, 1):g} {weight_units}"


def short_distance(metres: int, units: str) -> str:
    """A distance for charts and records, one decimal: '41.7 km', '25.9 mi'."""
    value = metres / (p.MI_IN_M if units == "mi" else 1000)
    return f"{value:.1f} {units}"


def pace_per(seconds_per_km: float, units: str) -> str:
    """A pace per km or per mile: '4:50/km'."""
    per = p.MI_IN_M / 1000 if units == "mi" else 1
    return f"{p.format_pace(seconds_per_km * per)}/{units}"


def short_date(day: date) -> str:
    """'Tue 4 Dec 2026' without the leading zero."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def run_record_line(record: RunRecord, units: str) -> str:
    """'5 km: 4:50/km, 12.0 km in 58:00 on Tue 3 Nov 2026'."""
    run = record.run
    return (
        f"{record.name}: {pace_per(record.pace_s_per_km, units)}, "
        f"{short_distance(run.distance_m, units)} in {p.format_duration(run.duration_s)} "
        f"on {short_date(run.date)}"
    )


def lift_record_line(record: LiftRecord, weight_units: str) -> str:
    """'back squat: 100 kg × 5 (2 Nov 2026), e1RM 116.7 kg', or both sets when they differ."""
    top, best = record.heaviest, record.best_e1rm

    def lift(item: LiftSet) -> str:
        weight = weight_text(item.weight_g, weight_units)
        return f"{weight} × {item.reps} ({item.date.day} {item.date:%b %Y})"

    e1rm = f"e1RM {weight_text(record.e1rm_g, weight_units)}"
    if top == best:
        return f"{record.name}: {lift(top)}, {e1rm}"
    return f"{record.name}: heaviest {lift(top)} · {e1rm} from {lift(best)}"
