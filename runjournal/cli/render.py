"""Plain-text renderings for the command line: advice, checklist, the history table."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..domain.advisor import STATUS_LABELS, STATUS_TAGLINES
from ..domain.entries import Entry
from ..domain.forecast import when_text
from ..services.day import DayView
from ..text import C1_AND_BIDI, cell, shown, summary

# json.dumps escapes C0 controls but lets C1 controls (U+0080-U+009F: CSI is U+009B)
# and bidirectional overrides through as raw characters; \uXXXX is the same JSON value.
_JSON_UNSAFE = re.compile(f"[{C1_AND_BIDI}]")


def json_text(value: Any, indent: int | None = None) -> str:
    """`json.dumps` whose output holds no character a terminal would act on."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    if _JSON_UNSAFE.search(text):
        text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    return text


def render_advice(view: DayView, today: date) -> str:
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


def history_table(entries: Iterable[Entry], units: str) -> Iterator[str]:
    """An aligned table that reads at 80 columns, one line at a time (so it streams);
    notes take what width is left, every cell shown as text."""
    import shutil  # only the table needs the terminal's width

    width = max(80, shutil.get_terminal_size((80, 24)).columns)
    yield f"{'KIND':<7} {'ID':>5}  {'DATE':<10} {'TIME':<5}  {'WHAT':<40}  NOTES"
    for entry in entries:
        what = cell(summary(entry, units), 40)
        kind = {"run": "run", "leg": "leg", "checkin": "checkin"}[entry.kind]
        notes = cell(entry.notes, max(0, width - 75))
        yield (
            f"{kind:<7} {entry.id:>5}  {entry.date.isoformat():<10} {entry.time or '':<5}  "
            f"{what}  {notes}".rstrip()
        )
