"""Plain-text renderings for the command line: advice, checklist, the history table."""

from __future__ import annotations

from datetime import date

from ..domain.advisor import STATUS_LABELS, STATUS_TAGLINES
from ..domain.entries import Entry
from ..domain.forecast import when_text
from ..domain.settings import Settings
from ..services.day import DayView
from ..text import cell, run_done_text, summary, text_width


def render_advice(view: DayView, today: date, units: str = "km") -> str:
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
    if view.run_done is not None and advice.date == today:
        lines.insert(1, run_done_text(view.run_done, units))
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


def history_table(entries: list[Entry], settings: Settings, width: int | None) -> str:
    """An aligned table: WHAT (with the exercises) and NOTES share the terminal's `width`.

    With `width` None (output to a pipe or a file) nothing is cut: every summary and
    note is printed whole, on one line, for grep and less to read.
    """
    whats = [summary(e, settings.units, settings.weight_units) for e in entries]
    notes = [" ".join(e.notes.split()) for e in entries]
    longest = max(map(text_width, whats), default=4)
    if width is None:
        what_w, notes_w = longest, max(map(text_width, notes), default=0)
    else:
        room = max(80, width) - 37  # the columns before WHAT, and the gaps
        longest_note = max(map(text_width, notes), default=0)
        what_w = min(longest, max(40, room - min(longest_note, 30)))
        notes_w = max(0, room - what_w)
    lines = [f"{'KIND':<7} {'ID':>5}  {'DATE':<10} {'TIME':<5}  {cell('WHAT', what_w)}  NOTES"]
    for entry, what, note in zip(entries, whats, notes, strict=True):
        shown = note if width is None else cell(note, notes_w)
        lines.append(
            f"{entry.kind:<7} {entry.id:>5}  {entry.date.isoformat():<10} {entry.time or '':<5}  "
            f"{cell(what, what_w)}  {shown}".rstrip()
        )
    return "\n".join(lines)
