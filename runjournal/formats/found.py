"""What a reader of another app's file hands back, and what it is told.

Every importer module under `formats/` (fit, gpx, tcx, strava, strong, hevy, ...) has
the same two functions:

    def looks_like(head: bytes) -> bool
        True when the first bytes of a file (up to 4 KiB, already un-gzipped) are this
        format; the format is recognised from the content, never from the name.

    def read(data: bytes, name: str, options: ReadOptions) -> Found
        The entries in one file (not yet validated: the import validates them as `log`
        does), and what was skipped and why. Raises `Unreadable` for a file that cannot
        be read as this format (truncated, damaged, hostile).

`name` is only for messages; it is never used as a path.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Literal

from ..domain.entries import Entry

# Derived uids (SPEC §7): the same activity read from FIT and from GPX is one run.
_NAMESPACE = uuid.UUID("6f0c7f8e-52a4-4a7e-9d3b-52a34a4e4c00")


def derived_uid(*parts: str) -> str:
    """A stable uid from what identifies an activity or a workout (e.g. its UTC start)."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


class Unreadable(Exception):
    """A file that cannot be read as its format; the message says what is wrong."""


@dataclass(frozen=True)
class ReadOptions:
    """What the user said about the files being imported (`import` options, settings)."""

    today: date
    as_run: bool = False  # activities that state no sport count as runs
    rpe: int | None = None  # for workouts whose file has none (else 7, noted)
    weight_unit: Literal["kg", "lb"] = "kg"  # for files that state none
    # The zone a UTC start is shown in when the file does not say where it happened
    # (None: this machine's); tests pass one so that they do not depend on the machine.
    local_tz: tzinfo | None = None


# The skip reason of an activity whose file states no sport (`--as-run` takes it as a run).
UNSTATED = "sport not stated"


@dataclass
class Found:
    """The entries one file holds, and how many things it skipped, by reason."""

    entries: list[Entry] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    # The runs among those skipped as "sport not stated" (taken if a Strava row says run).
    unstated: list[Entry] = field(default_factory=list)

    def skip(self, reason: str, count: int = 1) -> None:
        """Count `count` things skipped for `reason` ("ride", "too short", ...)."""
        self.skipped[reason] += count
