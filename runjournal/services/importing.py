"""Bringing entries into a journal: all or nothing, duplicates skipped."""

from __future__ import annotations

from datetime import date

from ..formats.jsonstream import JsonStream
from ..formats.runjournal_json import ExportReader, open_text
from ..store import Journal


def import_file(journal: Journal, file: str, today: date) -> tuple[int, int]:
    """Import an export (or a bare list of entries): all or nothing; (added, skipped).

    The file is read as a stream: each entry is decoded, validated and written in turn,
    so a 100,000-entry export never sits in memory whole, and the first bad entry (or
    a truncated file) rolls back everything this import wrote.
    """
    # Decided before any entry lands: settings travel only into a journal nobody uses yet.
    restoring = journal.is_empty() and not journal.has_stored_settings()
    with open_text(file) as handle:
        reader = ExportReader(JsonStream(handle, file), file, today)
        # One transaction around both calls: the checklist and settings come after the
        # entries in an export, so they are only known once the entries are written.
        # The store's own write transaction (BEGIN IMMEDIATE, so a read-then-write never
        # fails on another process's commit); import_all nests inside it as a savepoint.
        with journal.transaction():
            added, skipped = journal.import_all(reader.entries())
            items, ticks, settings = reader.rest()
            journal.import_all(
                (), items=items, ticks=ticks, settings=settings if restoring else None
            )
    return added, skipped
