"""Journal: the front of the store that the rest of runjournal holds. Entries in and out."""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ..domain.checklist import ChecklistItem
from ..domain.entries import KIND_NAMES, Checkin, Entry, Kind, LegDay
from ..domain.settings import Settings
from . import aggregates, connection, profile, queries
from .connection import BUSY_TIMEOUT_S, connect
from .errors import JournalError, translate_errors
from .migrations import MIGRATIONS, migrate
from .opening import make_private, remove_new_journal
from .rows import TABLES

if TYPE_CHECKING:  # each imported where used, not by every command
    from sqlite_utils import Database

    from .migrations import Migration
    from .paging import HistoryQuery
    from .trends import Trends


def new_uid() -> str:
    """A new entry's identity across export and import (SPEC §6)."""
    import uuid  # only commands that add entries pay for importing it

    return str(uuid.uuid4())


class Journal:
    """A runjournal journal on an open `sqlite3.Connection`, migrated on construction.

    Use `Journal.open(path)` for a file on disk; it checks the file before SQLite touches
    it. A Journal, like its connection, belongs to the thread that opened it.
    """

    # The schema every journal is brought to; an upgrade rehearsal swaps in a longer one.
    schema: ClassVar[tuple[Migration, ...]] = MIGRATIONS

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        # Things the views should tell the user once (a journal found readable by others).
        self.notices: list[str] = []
        self._db: Database | None = None
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, self.schema)

    @classmethod
    def open(cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_S) -> Journal:
        """Open (or create) the journal at `path`, upgrading it (after a backup) if due.

        Raises:
            JournalError: the file is not a journal, newer, damaged, locked or read-only;
                the file is left exactly as it was.
        """
        new = not os.path.lexists(path)  # (False for a name the system refuses)
        try:
            conn = connect(path, len(cls.schema), busy_timeout=busy_timeout)
            with translate_errors(path):
                try:
                    journal = cls(conn, path)
                except BaseException:
                    conn.close()
                    raise
        except JournalError as error:
            if new and error.disk_full:
                remove_new_journal(path)  # a failed creation leaves no file behind
            raise
        loose = make_private(path)
        if loose is not None:
            journal.notices.append(
                f"{path} was readable by others (mode {loose:04o}); it is private now (0600)"
            )
        return journal

    @property
    def db(self) -> Database:
        """The same connection as a `sqlite_utils.Database`, made on first use.

        For code that wants sqlite-utils' conveniences (tests inspecting the schema);
        the store itself uses the plain connection, so opening a journal never pays
        for importing sqlite-utils.
        """
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def close(self) -> None:
        """Close the connection; the Journal cannot be used afterwards."""
        self.conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        Every write of the store runs in one; callers that need several writes to be all
        or nothing (an import) wrap them in one too. Nested uses are savepoints.
        """
        return connection.transaction(self.conn)

    # Entries -----------------------------------------------------------------------

    def add(self, entry: Entry) -> Entry:
        """Store a new entry (a check-in replaces that date's check-in); return it with ids."""
        with self.transaction():
            new_id = queries.insert(self.conn, entry, entry.uid or new_uid())
        stored = self.checkin_on(entry.date) if new_id is None else self.get(entry.kind, new_id)
        if stored is None:  # deleted by another process straight after our commit
            raise KeyError(f"the new {KIND_NAMES[entry.kind]} was deleted at once")
        return stored

    def update(self, entry: Entry) -> Entry:
        """Replace the stored fields of an existing entry (same kind and id).

        Raises:
            KeyError: there is no such entry (any more: another process may have
                deleted it a moment ago).
        """
        with self.transaction():
            if entry.id is None or self.get(entry.kind, entry.id) is None:
                raise KeyError(f"there is no {KIND_NAMES[entry.kind]} with id {entry.id}")
            if isinstance(entry, Checkin):
                clash = self.checkin_on(entry.date)
                if clash is not None and clash.id != entry.id:
                    self.conn.execute("delete from checkins where id = ?", [clash.id])
            queries.update(self.conn, entry, entry.id)
        stored = self.get(entry.kind, entry.id)
        if stored is None:  # deleted by another process straight after our commit
            raise KeyError(f"there is no {KIND_NAMES[entry.kind]} with id {entry.id}")
        return stored

    def delete(self, kind: Kind, entry_id: int) -> bool:
        """Delete one entry; False if there was none."""
        with self.transaction():
            return queries.delete(self.conn, kind, entry_id)

    def get(self, kind: Kind, entry_id: int) -> Entry | None:
        """The entry of that kind and id, or None."""
        return queries.get(self.conn, kind, entry_id)

    def checkin_on(self, day: date) -> Checkin | None:
        """The check-in of that date, or None."""
        return queries.checkin_on(self.conn, day)

    def leg_days_between(self, first: date, last: date) -> list[LegDay]:
        """Leg days from `first` to `last` inclusive, newest first (the advisor's input)."""
        return queries.read(self.conn, "leg", since=first, until=last)  # type: ignore[return-value]

    def entries(
        self,
        kind: Kind,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Entry]:
        """Entries of one kind, newest first, optionally within a date range."""
        return queries.read(self.conn, kind, since=since, until=until, limit=limit)

    def history(
        self,
        kinds: Iterable[Kind],
        *,
        since: date | None = None,
        until: date | None = None,
        oldest_first: bool = False,
    ) -> Iterator[Entry]:
        """Entries of the given kinds, newest first (or oldest first), merged lazily.

        Oldest first is the order an export is written in, so that importing it gives
        entries ids in the order they happened, as logging them did.
        """
        return queries.stream(self.conn, kinds, since, until, oldest_first)

    def count(self, kind: Kind) -> int:
        """How many entries of that kind the journal holds."""
        return queries.count(self.conn, kind)

    def has_uid(self, uid: str) -> bool:
        """Whether an entry of any kind has that uid (import skips those)."""
        return queries.has_uid(self.conn, uid)

    def is_empty(self) -> bool:
        """Whether the journal holds no entries at all (settings and checklist aside)."""
        return all(self.count(kind) == 0 for kind in TABLES)

    def exercise_names(self, limit: int = 200) -> list[str]:
        """Past exercise names, most used first, for suggestions in the leg-day form."""
        return queries.exercise_names(self.conn, limit)

    def history_page(
        self,
        query: HistoryQuery,
        *,
        after: tuple[Any, ...] | None = None,
        backwards: bool = False,
        limit: int = 100,
    ) -> list[tuple[tuple[Any, ...], Entry]]:
        """One page of the History screen, with each entry's keyset key (`paging.page`)."""
        from .paging import page

        return page(self.conn, query, after=after, backwards=backwards, limit=limit)

    def history_count(self, query: HistoryQuery) -> int:
        """How many entries the History screen's filter lets through."""
        from .paging import count

        return count(self.conn, query)

    def totals(self, first: date, last: date) -> dict[str, int]:
        """Distance, running time, runs and leg days between two dates (an SQL aggregate)."""
        return aggregates.totals(self.conn, first, last)

    def days(self, first: date, last: date) -> dict[date, list[Entry]]:
        """Every entry between two dates, grouped by day (for the 7-day strip)."""
        return aggregates.days(self.conn, first, last)

    def trends(self) -> Trends:
        """The queries behind `stats` and the Trends screen (store/trends.py)."""
        from .trends import Trends

        return Trends(self.conn)

    # Settings and checklist --------------------------------------------------------

    def settings(self) -> Settings:
        """The profile settings, defaults where none is stored."""
        return profile.read_settings(self.conn)

    def has_stored_settings(self) -> bool:
        """Whether anyone has saved a setting in this journal (config set, Settings)."""
        return profile.has_stored_settings(self.conn)

    def save_settings(self, settings: Settings) -> None:
        """Store every setting (each as text), replacing what was there."""
        with self.transaction():
            profile.write_settings(self.conn, settings)

    def checklist_items(self) -> list[ChecklistItem]:
        """Every status's checklist items, by status and position."""
        return profile.read_items(self.conn)

    def save_checklist_items(self, status: str, items: Sequence[ChecklistItem]) -> None:
        """Replace one status's items with `items`, in order (add, remove, reword)."""
        with self.transaction():
            profile.replace_items(self.conn, status, items)

    def ticks(self, day: date) -> set[str]:
        """The ids of the checklist items ticked on `day`."""
        return profile.read_ticks(self.conn, day)

    def set_tick(self, day: date, item_id: str, done: bool) -> None:
        """Tick (or untick) one checklist item for one day."""
        with self.transaction():
            profile.write_tick(self.conn, day, item_id, done)

    def all_ticks(self) -> list[dict[str, str]]:
        """Every tick as {"date", "item_id"}, oldest first (for an export)."""
        return profile.all_ticks(self.conn)

    # Watched folders ---------------------------------------------------------------

    def seen_files(self) -> dict[str, tuple[int, int]]:
        """The watched folders' files already read: path → (size, mtime in ns)."""
        found = self.conn.execute("select path, size, mtime_ns from import_seen")
        return {path: (size, mtime) for path, size, mtime in found}

    def remember_files(self, files: dict[str, tuple[int, int]]) -> None:
        """Record files of the watched folders as read, with the stamp they had."""
        with self.transaction():
            self.conn.executemany(
                "insert into import_seen (path, size, mtime_ns) values (?, ?, ?) "
                "on conflict (path) do update set size = excluded.size, "
                "mtime_ns = excluded.mtime_ns",
                [(path, size, mtime) for path, (size, mtime) in files.items()],
            )

    # Whole-journal operations ------------------------------------------------------

    def import_all(
        self,
        entries: Iterable[Entry],
        *,
        items: Sequence[ChecklistItem] = (),
        ticks: Sequence[tuple[str, str]] = (),
        settings: Settings | None = None,
        skips: Counter[str] | None = None,
        restore_items: bool = False,
    ) -> tuple[int, int]:
        """Add every entry whose uid is new, in one transaction; return (added, skipped).

        An import never replaces what the journal holds (SPEC §6): a check-in for a date
        that has one is skipped as a conflict, and items whose id the journal has keep
        its wording. `skips`, when given, counts the skipped by reason ("already in the
        journal", "check-in conflict"). `restore_items` lets the items overwrite the
        journal's (only for a journal whose checklist is still the default one).
        `entries` may be a generator that validates as it goes: if it raises, nothing
        of the import is kept.
        """
        added = skipped = 0
        reasons: Counter[str] = Counter() if skips is None else skips
        with self.transaction():
            for entry in entries:
                if entry.uid and self.has_uid(entry.uid):
                    skipped += 1
                    reasons["already in the journal"] += 1
                    continue
                if isinstance(entry, Checkin) and queries.checkin_on(self.conn, entry.date):
                    skipped += 1
                    reasons["check-in conflict"] += 1
                    continue
                queries.insert(self.conn, entry, entry.uid or new_uid())
                added += 1
            profile.merge_items(self.conn, items, overwrite=restore_items)
            profile.add_ticks(self.conn, ticks)
            if settings is not None:
                self.save_settings(settings)
        return added, skipped

    def backup_to(self, dest: Path) -> None:
        """A consistent copy through SQLite's online backup, safe while others write."""
        from .backups import create_new_private, online_copy

        create_new_private(dest)
        online_copy(self.conn, dest)

    def data_version(self) -> int:
        """Changes when another connection commits: the TUI polls this to refresh."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
