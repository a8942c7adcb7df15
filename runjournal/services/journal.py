"""Opening the journal as both views do: checked, translated errors, the day's backup."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from ..domain.errors import InputError
from ..store import Journal, translate_errors
from ..store.backups import backup_folder, daily_backup


@contextlib.contextmanager
def session(path: Path, today: date, *, warn: list[str] | None = None) -> Iterator[Journal]:
    """The open journal for one command; afterwards, the day's backup if it is due.

    The first command of each day keeps a copy, as the app does, so people who only use
    the command line get backups too. It runs only after the command succeeded: a
    command that failed has already said the one thing that matters. A backup that
    cannot be written is appended to `warn` (when given) rather than failing the command.
    """
    # A statement that fails after the journal opened (locked past the busy timeout,
    # disk full, a damaged page) is still a journal problem, named by its path.
    with Journal.open(path) as journal, translate_errors(path):
        if warn is not None:
            warn.extend(journal.notices)
        yield journal
    if daily_backup(path, today) is None and warn is not None:
        warn.append(f"today's backup could not be written to {backup_folder(path)}")


def open_for_app(path: Path, today: date) -> tuple[Journal, bool]:
    """The journal the app runs on, and whether today's backup was written (or existed).

    The first open of each day keeps a copy in backups/ next to the journal (the last 7).
    """
    journal = Journal.open(path)
    return journal, daily_backup(path, today) is not None


def refuse_journal_files(journal_path: Path, dest: Path, field: str) -> None:
    """Refuse `dest` when it is the journal or one of its side files.

    Writing an export or a backup over the journal (or its WAL) would destroy it.
    """
    try:
        target = dest.expanduser().resolve()
        journal = journal_path.expanduser().resolve()
    except (OSError, RuntimeError):
        return  # an unusable name fails later with its own message
    siblings = {journal, *(journal.with_name(journal.name + end) for end in ("-wal", "-shm"))}
    if target in siblings:
        raise InputError(field, f"{dest} is the journal itself; choose another file name")


def _copies_folder(journal: Journal) -> Path:
    folder = backup_folder(journal.path or Path("journal.db"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def export_copy(journal: Journal, today: date) -> tuple[Path, int]:
    """Export the journal as JSON into its backups folder: (where, how many entries)."""
    from ..formats.export import write_export

    stem = journal.path.stem if journal.path else "journal"
    dest = _copies_folder(journal) / f"{stem}-export-{today.isoformat()}.json"
    return dest, write_export(journal, "json", dest)


def backup_copy(journal: Journal, now: datetime) -> Path:
    """Copy the journal into its backups folder now; the copy's path.

    Not named like the daily copies (`{stem}-YYYY-MM-DD.db`), so it is never rotated away.
    """
    stem = journal.path.stem if journal.path else "journal"
    dest = _copies_folder(journal) / f"{stem}-manual-{now.strftime('%Y-%m-%d-%H%M%S')}.db"
    journal.backup_to(dest)
    return dest
