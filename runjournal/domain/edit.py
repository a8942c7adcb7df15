"""Changing an entry that is already in the journal: one path for the CLI and the TUI."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

from .entries import Entry, validate
from .errors import InputError

# What identifies an entry rather than describes it: never changed by an edit.
_IDENTITY = frozenset({"id", "uid", "kind"})


def edited(original: Entry, changes: Mapping[str, Any], today: date) -> Entry:
    """`original` with `changes` applied and validated as `log` would; id and uid kept.

    A date the edit leaves alone is not judged against `today` again: a journal carried
    across time zones may hold a session dated after today's local date, and fixing its
    notes must not fail on that.
    """
    unknown = set(changes) - {f.name for f in dataclasses.fields(original)} | (
        set(changes) & _IDENTITY
    )
    if unknown:
        raise InputError(sorted(unknown)[0], "is not a field this entry can change")
    updated = dataclasses.replace(original, **changes)
    if updated.date == original.date:
        today = max(today, original.date)
    return validate(updated, today)


def changes_between(original: Entry, new: Entry) -> dict[str, Any]:
    """The descriptive fields of `new` that differ from `original` (a form's edit)."""
    return {
        f.name: getattr(new, f.name)
        for f in dataclasses.fields(new)
        if f.name not in _IDENTITY and getattr(new, f.name) != getattr(original, f.name)
    }
