"""Text both views show: distances, paces, one-line summaries, terminal widths."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from .domain import parse as p
from .domain.advisor import STATUS_LABELS, Advice
from .domain.entries import Entry, LegDay, Run
from .domain.load import classify_load

if TYPE_CHECKING:  # only Trends and `stats` show records: not loaded for the rest
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


def summary(entry: Entry, units: str = "km", weight_units: str = "kg") -> str:
    """One line that says what an entry was: '8.20 km easy in 52:30 (6:24/km), RPE 3'.

    Weights are shown in `weight_units`, as they were typed ('4x10@225lb')."""
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
            text += ": " + ", ".join(ex.spec_in(weight_units) for ex in entry.exercises)
        return text
    return f"soreness {entry.soreness}/10"


# What must never reach a terminal raw: C0 and C1 controls and DEL (escape sequences,
# bells, carriage returns), bidirectional overrides (text that reads backwards), line
# and paragraph separators, and lone surrogates (which no terminal encoding can write).
# (Lone surrogates are never typed: they are how Python holds undecodable bytes.)
C1_AND_BIDI = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
CONTROL_CHARS = "\x00-\x1f" + C1_AND_BIDI
_UNSAFE = re.compile(f"[{CONTROL_CHARS}\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return "^" + chr(code + 64)  # caret notation, as a terminal echoes it: ESC is ^[
    if code == 0x7F:
        return "^?"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    """`text` safe to show on a terminal: every control character escaped, nothing else.

    The one place where stored text meets the screen (CLI tables and messages, every
    TUI widget): ESC becomes `^[`, a newline `^J`, DEL `^?`, a C1 control `\\x9b`, a
    bidirectional override `\\u202e`. Printable text, brackets included, is untouched;
    it is never markup, because the TUI shows it as a `Content` object, not a string.
    The stored value is never changed: this is for display only.
    """
    return _UNSAFE.sub(_escaped, text) if _UNSAFE.search(text) else text


def one_line(text: str) -> str:
    """`text` with its runs of whitespace (line breaks included) as single spaces, shown."""
    return shown(" ".join(text.split()))


def status_words(advice: Advice) -> str:
    """The status as people say it: 'easy recovery run', never 'easy_recovery_run'."""
    return STATUS_LABELS[advice.status].lower()


def run_warning(
    advice: Advice, run_type: str, duration_s: int, rpe: int | None, today: date
) -> str | None:
    """Why a run goes against its day's advice, in one sentence; None if it does not."""
    found = advice.objections(run_type, duration_s, rpe)
    if not found:
        return None
    when = "Today" if advice.date == today else advice.date.isoformat()
    if advice.status == "rest":
        return f"{when} is a rest day: a run goes against the advice."
    what = " and ".join([", ".join(found[:-1]), found[-1]] if len(found) > 1 else found)
    verb = "goes" if len(found) == 1 else "go"
    return f"{when} is for an easy recovery run: {what} {verb} against the advice."


def run_done_text(run: Run, units: str) -> str:
    """The day's run, once logged: 'Today's run is done: 8.00 km easy at 07:00.'"""
    at = f" at {run.time}" if run.time else ""
    return f"Today's run is done: {distance_text(run.distance_m, units)} {run.type}{at}."


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
    flat = one_line(text)  # escaped before it is cut: a cut can never halve a sequence
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
