"""The warm-up checklist of SPEC §4: items per status, ticked per date."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .parse import check_text

MAX_LABEL = 120


@dataclass(frozen=True)
class ChecklistItem:
    """One item of a status's checklist; `id` is stable so ticks survive rewording."""

    id: str
    status: str
    label: str
    position: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The item as the export writes it."""
        return {
            "id": self.id,
            "status": self.status,
            "label": self.label,
            "position": self.position,
        }


@dataclass(frozen=True)
class ChecklistEntry:
    """One item of a day's checklist as shown: id, label and whether it is ticked."""

    id: str
    label: str
    done: bool

    def to_dict(self) -> dict[str, Any]:
        """The `{"id", "label", "done"}` object of `checklist --json`."""
        return {"id": self.id, "label": self.label, "done": self.done}


_DEFAULTS: dict[str, tuple[tuple[str, str], ...]] = {
    "normal_training": (
        ("warmup-standard", "Warm up 5–10 min: easy jog or brisk walk"),
        ("leg-swings", "Dynamic leg swings and hip circles"),
        ("strides", "A few strides (4 × 20 s) before the session"),
    ),
    "easy_recovery_run": (
        ("warmup-extended", "Warm up 10–15 min: sore legs need longer"),
        ("mobility", "Dynamic mobility: leg swings, hip circles"),
        ("compression", "Compression shorts or socks"),
        ("short-route", "Plan a short route — no pace or distance goal"),
        ("conversational", "Keep it conversational (you can talk in full sentences)"),
        ("snack", "Eat something first if you feel drained"),
    ),
    "rest": (
        ("no-run", "No run today — rest is part of training"),
        ("gentle-walk", "A gentle walk or some mobility, if you like"),
        ("eat-hydrate", "Eat well and drink enough water"),
        ("checkin-tomorrow", "Check in tomorrow morning: how do the legs feel?"),
    ),
}


def default_items() -> list[ChecklistItem]:
    """The checklist a new journal starts with, for every status."""
    return [
        ChecklistItem(item_id, status, label, position)
        for status, items in _DEFAULTS.items()
        for position, (item_id, label) in enumerate(items)
    ]


def checklist_for(
    status: str, items: Iterable[ChecklistItem], ticked: Collection[str]
) -> list[ChecklistEntry]:
    """The items of one status in order, each marked done if ticked that day."""
    chosen = sorted((i for i in items if i.status == status), key=lambda i: (i.position, i.id))
    return [ChecklistEntry(i.id, i.label, i.id in ticked) for i in chosen]


def check_label(text: str) -> str:
    """A checklist label as stored: white space folded, not empty, at most MAX_LABEL long."""
    label = " ".join(text.split())
    if not label:
        raise InputError("label", "an item needs some text, e.g. 'Foam roll calves'")
    if len(label) > MAX_LABEL:
        raise InputError("label", f"is longer than {MAX_LABEL} characters")
    return check_text(label, field="label")


def new_item_id(label: str, taken: Collection[str]) -> str:
    """A readable, unused id for a user's own item: 'my-foam-roll-calves'."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:30].strip("-") or "item"
    candidate, n = f"my-{slug}", 2
    while candidate in taken:
        candidate, n = f"my-{slug}-{n}", n + 1
    return candidate
