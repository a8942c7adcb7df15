"""Helpers for the importer tests: the shared sample files, read where present."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from runjournal.domain.entries import LegDay, validate
from runjournal.formats.found import Found

# Other people's files, never copied into the repository (licences, size): the tests
# that read them run when RUNJOURNAL_SAMPLES names the folder holding them, and skip
# otherwise.
SAMPLES = Path(os.environ["RUNJOURNAL_SAMPLES"]) if os.environ.get("RUNJOURNAL_SAMPLES") else None
TODAY = date(2026, 11, 24)


def sample(relative: str) -> bytes:
    """The bytes of one sample file; the test is skipped when the samples are absent."""
    path = SAMPLES / relative if SAMPLES else None
    if path is None or not path.is_file():
        pytest.skip(f"sample {relative} not present")
    return path.read_bytes()


def legs(found: Found) -> list[LegDay]:
    """The leg days found, each checked against the journal's own rules (as `log`)."""
    days = [entry for entry in found.entries if isinstance(entry, LegDay)]
    assert len(days) == len(found.entries)
    for day in days:
        validate(day, TODAY)
    return days


def specs(day: LegDay) -> list[str]:
    """The exercise lines as SPEC text: 'Squat (Barbell) 3x5@100kg'."""
    return [ex.spec for ex in day.exercises]
