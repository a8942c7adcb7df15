"""Bringing entries into a journal: all or nothing, duplicates skipped."""

from __future__ import annotations

from collections import Counter, deque
from datetime import date

from ..domain.checklist import default_items
from ..formats.jsonstream import JsonStream
from ..formats.runjournal_json import ExportReader, open_export
from ..store import Journal


def import_file(
    journal: Journal, file: str, today: date, skips: Counter[str] | None = None
) -> tuple[int, int]:
    """Import an export (or a bare list of entries): all or nothing; (added, skipped).

    `skips`, when given, counts the skipped entries by reason (see `Journal.import_all`).

    Read first, then write. The first pass reads and checks the whole input (standard
    input is spooled to a temporary file as it goes) without the journal's write lock,
    so nothing else waits on a slow pipe or a large file; the second pass, in one
    transaction, writes it. Both passes stream: a 100,000-entry export never sits in
    memory whole, and a bad entry is refused before anything is written.
    """
    with open_export(file) as export:
        first = ExportReader(JsonStream(export.first, file), file, today)  # type: ignore[arg-type]
        deque(first.entries(), maxlen=0)  # every entry checked, none kept
        first.rest()
        # Decided before any entry lands: settings travel only into a journal nobody uses yet.
        restoring = journal.is_empty() and not journal.has_stored_settings()
        # The checklist is restored, not merged, only while it is still the default one:
        # an import never rewords items the user wrote (SPEC §6).
        default_checklist = set(journal.checklist_items()) == set(default_items())
        reader = ExportReader(JsonStream(export.read_again(), file), file, today)
        # One transaction around both calls: the checklist and settings come after the
        # entries in an export, so they are only known once the entries are written.
        # The store's own write transaction (BEGIN IMMEDIATE, so a read-then-write never
        # fails on another process's commit); import_all nests inside it as a savepoint.
        with journal.transaction():
            added, skipped = journal.import_all(reader.entries(), skips=skips)
            items, ticks, settings = reader.rest()
            journal.import_all(
                (),
                items=items,
                ticks=ticks,
                settings=settings if restoring else None,
                restore_items=restoring and default_checklist,
            )
    return added, skipped
