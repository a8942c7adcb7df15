"""The import's summary line: 'Imported 212 runs and 38 leg days from 260 files; ...'."""

from __future__ import annotations

from collections import Counter

from ..formats.found import UNSTATED

# Reasons that are things (counted "12 rides"); every other reason reads as it is.
_NOUNS = {"run", "ride", "walk", "swim", "hike", "transition", "ski", "route", "other file"}
_PLURAL = {"ski": "ski sessions"}
# Where the reasons that are not sports stand in the line (sports come first).
_LATER = [
    UNSTATED,
    "already in the journal",
    "check-in conflict",
    "no leg exercises",
    "too short",
    "after today",
    "not a run",
    "other file",
]
_KINDS = (
    ("run", "run", "runs"),
    ("leg", "leg day", "leg days"),
    ("checkin", "check-in", "check-ins"),
)
MAX_NAMED = 3  # unreadable files named in the line; the rest are counted


def counted(count: int, reason: str) -> str:
    """'1 ride', '12 rides', '2 too short'."""
    if reason in _NOUNS and count != 1:
        return f"{count} {_PLURAL.get(reason, reason + 's')}"
    return f"{count} {reason}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def summary_text(
    files: int, added: dict[str, int], skipped: Counter[str], unreadable: list[tuple[str, str]]
) -> str:
    """The summary line of SPEC §7."""
    parts = [
        f"{added[kind]} {one if added[kind] == 1 else many}"
        for kind, one, many in _KINDS
        if added.get(kind)
    ]
    text = f"Imported {_join(parts) if parts else 'nothing'} from {files} file"
    text += "" if files == 1 else "s"
    total = sum(skipped.values())
    if not total:
        return text
    order = sorted(
        (reason for reason in skipped if reason not in _LATER and reason != "unreadable"),
        key=lambda reason: (-skipped[reason], reason),
    )
    order += [reason for reason in _LATER if reason in skipped]
    items = [counted(skipped[reason], reason) for reason in order if skipped[reason]]
    if skipped.get("unreadable"):
        named = "; ".join(f"{name}: {why}" for name, why in unreadable[:MAX_NAMED])
        more = len(unreadable) - MAX_NAMED
        named += f"; {more} more" if more > 0 else ""
        items.append(f"{skipped['unreadable']} unreadable ({named})")
    return f"{text}; skipped {total}: {', '.join(items)}"
