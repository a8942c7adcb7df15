"""Helpers for the Strong and Hevy tests (the samples are found by samples.py)."""

from __future__ import annotations

from datetime import date

from runjournal.domain.entries import LegDay, validate
from runjournal.formats.found import Found

from .samples import sample

__all__ = ["TODAY", "legs", "sample", "specs"]

TODAY = date(2026, 11, 24)


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
