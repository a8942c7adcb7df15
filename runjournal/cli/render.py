"""Plain-text renderings for the command line: advice, checklist, the history table."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from ..domain.advisor import STATUS_LABELS, STATUS_TAGLINES
from ..domain.entries import Entry
from ..domain.forecast import when_text
from ..domain.settings import Settings
from ..services.day import DayView
from ..text import C1_AND_BIDI, cell, one_line, run_done_text, shown, summary, text_width

# json.dumps escapes C0 controls but lets C1 controls (U+0080-U+009F: CSI is U+009B)
# and bidirectional overrides through as raw characters; a \u escape is the same JSON value.
_JSON_UNSAFE = re.compile(f"[{C1_AND_BIDI}]")


def json_text(value: Any, indent: int | None = None) -> str:
    """`json.dumps` whose output holds no character a terminal would act on."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    if _JSON_UNSAFE.search(text):
        text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    return text


def render_advice(view: DayView, today: date, units: str = "km") -> str:
    """The advice as `runjournal advise` prints it: status, why, guidance, checklist."""
    advice = view.advice
    when = "Today" if advice.date == today else advice.date.strftime("%a %d %b %Y")
    lines = [
        f"{when}: {STATUS_LABELS[advice.status].upper()} — {STATUS_TAGLINES[advice.status]}",
        f"  {when_text(view.next_normal_training, advice.date)}",
        "",
        "Why",
        *(f"  • {shown(reason)}" for reason in advice.reasons),
        *(f"  note: {shown(flag.text)}" for flag in view.flags),
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
    ids = [shown(item.id) for item in view.checklist]  # ids and labels may come by import
    width = max((len(item_id) for item_id in ids), default=0)
    lines += [
        f"  [{'x' if item.done else ' '}] {item_id:<{width}}  {shown(item.label)}"
        for item, item_id in zip(view.checklist, ids, strict=True)
    ]
    return "\n".join(lines)


def history_table(
    read: Callable[[], Iterable[Entry]], settings: Settings, width: int | None
) -> Iterator[str]:
    """An aligned table: WHAT (with the exercises) and NOTES share the terminal's `width`.

    With `width` None (output to a pipe or a file) nothing is cut: every summary and
    note is printed whole, on one line, for grep and less to read. `read` gives the
    entries afresh: one pass measures the columns, a second yields the lines, so the
    table streams (memory holds one entry, not the journal). Every cell is shown as
    text: control characters escaped, whatever a note or an exercise holds.
    """

    def rows() -> Iterator[tuple[Entry, str, str]]:
        for entry in read():
            what = shown(summary(entry, settings.units, settings.weight_units))
            yield entry, what, one_line(entry.notes)

    longest, longest_note = 4, 0
    for _, what, note in rows():
        longest = max(longest, text_width(what))
        longest_note = max(longest_note, text_width(note))
    if width is None:
        what_w, notes_w = longest, longest_note
    else:
        room = max(80, width) - 37  # the columns before WHAT, and the gaps
        what_w = min(longest, max(40, room - min(longest_note, 30)))
        notes_w = max(0, room - what_w)
    yield f"{'KIND':<7} {'ID':>5}  {'DATE':<10} {'TIME':<5}  {cell('WHAT', what_w)}  NOTES"
    for entry, what, note in rows():
        notes = note if width is None else cell(note, notes_w)
        yield (
            f"{entry.kind:<7} {entry.id:>5}  {entry.date.isoformat():<10} {entry.time or '':<5}  "
            f"{cell(what, what_w)}  {notes}".rstrip()
        )
