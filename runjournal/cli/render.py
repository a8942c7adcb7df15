"""Plain-text renderings for the command line: advice, checklist, the history table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..domain.advisor import STATUS_LABELS, STATUS_TAGLINES
from ..domain.entries import Entry
from ..domain.forecast import when_text
from ..services.day import DayView
from ..text import cell, summary


def render_advice(view: DayView, today: date) -> str:
    """The advice as `runjournal advise` prints it: status, why, guidance, checklist."""
    advice = view.advice
    when = "Today" if advice.date == today else advice.date.strftime("%a %d %b %Y")
    lines = [
        f"{when}: {STATUS_LABELS[advice.status].upper()} — {STATUS_TAGLINES[advice.status]}",
        f"  {when_text(view.next_normal_training, advice.date)}",
        "",
        "Why",
        *(f"  • {reason}" for reason in advice.reasons),
        *(f"  note: {flag.text}" for flag in view.flags),
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
    """The day's warm-up checklist with ids to tick."""
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
        what = cell(summary(entry, units), 40)
        kind = {"run": "run", "leg": "leg", "checkin": "checkin"}[entry.kind]
        notes = cell(entry.notes, max(0, width - 75))
        lines.append(
            f"{kind:<7} {entry.id:>5}  {entry.date.isoformat():<10} {entry.time or '':<5}  "
            f"{what}  {notes}".rstrip()
        )
    return "\n".join(lines)
