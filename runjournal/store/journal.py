"""Journal: the only code that speaks SQL. Entries in, entries out."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from ..domain.checklist import ChecklistItem
from ..domain.entries import KIND_NAMES, Checkin, Entry, Exercise, Kind, LegDay, Run
from ..domain.settings import Settings
from .errors import JournalError
from .migrations import SCHEMA_VERSION, migrations
from .opening import (
    APPLICATION_ID,
    check_writable,
    check_writable_folder,
    create_private,
    inspect,
)

if TYPE_CHECKING:  # imported where used: the History screen, not every command
    from .paging import HistoryQuery
    from .trends import Trends

TABLES: dict[str, str] = {"run": "runs", "leg": "leg_days", "checkin": "checkins"}
BUSY_TIMEOUT_S = 5.0
# Newest first; a missing time sorts after the timed entries of the same day.
NEWEST_FIRST = "date desc, coalesce(time, '') desc, id desc"
ORDER = {"runs": NEWEST_FIRST, "leg_days": NEWEST_FIRST, "checkins": "date desc, id desc"}


_HAS_UID = " union all ".join(f"select 1 from {t} where uid = ?" for t in TABLES.values())
_INSERT_RUN = (
    "insert into runs (uid, date, time, distance_m, duration_s, type, rpe, hr, notes) "
    "values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_LEG_DAY = (
    "insert into leg_days (uid, date, time, duration_s, rpe, to_failure, notes) "
    "values (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_EXERCISE = (
    "insert into leg_exercises (leg_day_id, position, name, sets, reps, weight_g) "
    "values (?, ?, ?, ?, ?, ?)"
)
# One check-in per date (SPEC §2): a second replaces the first. It keeps the first's uid,
# unless it brings its own (an import), so importing the same file again skips it.
_UPSERT_CHECKIN = (
    "insert into checkins (uid, date, soreness, notes) values (?, ?, ?, ?) "
    "on conflict (date) do update set soreness = excluded.soreness, "
    "notes = excluded.notes, uid = coalesce(?, checkins.uid)"
)


def _exercise_rows(leg_day_id: int, exercises: Sequence[Exercise]) -> list[tuple[Any, ...]]:
    return [
        (leg_day_id, n, ex.name, ex.sets, ex.reps, ex.weight_g) for n, ex in enumerate(exercises)
    ]


def new_uid() -> str:
    """A new entry's identity across export and import (SPEC §6)."""
    import uuid  # only commands that add entries pay for importing it

    return str(uuid.uuid4())


def as_journal_error(error: sqlite3.Error, path: Path | str) -> JournalError:
    """SQLite's failure as a message a person can act on."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return JournalError(
            f"the journal {path} is locked by another program; try again in a moment"
        )
    if "readonly" in text or "read-only" in text:
        return JournalError(f"the journal {path} is read-only")
    if isinstance(error, sqlite3.OperationalError):
        return JournalError(f"the journal {path} could not be used: {text}")
    return JournalError(f"the journal {path} is damaged: {text}")


@contextlib.contextmanager
def translate_errors(path: Path | str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        raise as_journal_error(error, path) from None


class Journal:
    """A runjournal journal on an open `sqlite_utils.Database`, migrated on construction.

    Use `Journal.open(path)` for a file on disk; it checks the file before SQLite touches
    it. A Journal, like its Database, belongs to the thread that opened it.
    """

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        db.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    @classmethod
    def open(cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_S) -> Journal:
        """Open (or create) the journal at `path`.

        Raises:
            JournalError: the file is not a journal, newer, damaged, locked or read-only;
                the file is left exactly as it was.
        """
        state = inspect(path, SCHEMA_VERSION)
        if state.exists:
            check_writable(path)
        else:
            check_writable_folder(path)  # before creating anything: a refusal leaves no file
            create_private(path)
            check_writable(path)
        with translate_errors(path):
            if state.exists and 0 < state.user_version < SCHEMA_VERSION:
                backup_before_upgrade(path, state.user_version)
            conn = sqlite3.connect(path, timeout=busy_timeout)
            try:
                _use_wal(conn, busy_timeout)
                conn.execute("PRAGMA synchronous = NORMAL")
                return cls(Database(conn, execute_plugins=False), path)
            except BaseException:
                conn.close()
                raise

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        Every write of the store runs in one; callers that need several writes to be all
        or nothing (an import) wrap them in one too.

        sqlite-utils' atomic() begins a deferred transaction: one that reads first and
        writes later fails at once (SQLITE_BUSY_SNAPSHOT) if another process committed
        in between, instead of waiting out the busy timeout. Nested uses are savepoints.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            # Also when COMMIT itself fails (disk full): a transaction left open would
            # turn every later write into a savepoint that never commits.
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
            raise

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        if not migrations.pending(self.db):
            return
        # IMMEDIATE takes the write lock first, so two processes creating the same new
        # journal at once do not both try to create its tables.
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if migrations.pending(self.db):
                migrations.apply(self.db)
                self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.db.execute(f"PRAGMA user_version = {len(migrations.applied(self.db))}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.conn.rollback()
            raise
        # Copy the new schema and header into the main file now, so that anything that
        # reads the file itself (a backup by `cp`, the header check) sees a journal.
        self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    # Entries -----------------------------------------------------------------------

    def add(self, entry: Entry) -> Entry:
        """Store a new entry (a check-in replaces that date's check-in); return it with ids."""
        with self.transaction():
            new_id = self._insert(entry, entry.uid or new_uid())
        stored = self.checkin_on(entry.date) if new_id is None else self.get(entry.kind, new_id)
        if stored is None:  # deleted by another process straight after our commit
            raise KeyError(f"the new {KIND_NAMES[entry.kind]} was deleted at once")
        return stored

    def _insert(self, entry: Entry, uid: str) -> int | None:
        """Write one new entry inside the caller's transaction: `add` and `import_all`.

        Straight on the connection with statements written once: an import runs this
        100,000 times, and sqlite-utils' conveniences cost more per row than the inserts
        (a measured 1.7x on the whole import). Returns the new row's id, or None for a
        check-in, which may have replaced the one its date had.
        """
        conn = self.db.conn
        row = (uid, *self._row(entry).values())
        if isinstance(entry, Checkin):
            conn.execute(_UPSERT_CHECKIN, (*row, entry.uid))
            return None
        if isinstance(entry, Run):
            return int(conn.execute(_INSERT_RUN, row).lastrowid or 0)
        leg_day_id = int(conn.execute(_INSERT_LEG_DAY, row).lastrowid or 0)
        conn.executemany(_INSERT_EXERCISE, _exercise_rows(leg_day_id, entry.exercises))
        return leg_day_id

    @staticmethod
    def _row(entry: Entry) -> dict[str, Any]:
        if isinstance(entry, Run):
            return {
                "date": entry.date.isoformat(),
                "time": entry.time,
                "distance_m": entry.distance_m,
                "duration_s": entry.duration_s,
                "type": entry.type,
                "rpe": entry.rpe,
                "hr": entry.hr,
                "notes": entry.notes,
            }
        if isinstance(entry, LegDay):
            return {
                "date": entry.date.isoformat(),
                "time": entry.time,
                "duration_s": entry.duration_s,
                "rpe": entry.rpe,
                "to_failure": int(entry.to_failure),
                "notes": entry.notes,
            }
        return {"date": entry.date.isoformat(), "soreness": entry.soreness, "notes": entry.notes}

    def _write_exercises(self, leg_day_id: int, exercises: Sequence[Exercise]) -> None:
        """Replace a leg day's exercises (an edit)."""
        self.db.execute("delete from leg_exercises where leg_day_id = ?", [leg_day_id])
        self.db.conn.executemany(_INSERT_EXERCISE, _exercise_rows(leg_day_id, exercises))

    def update(self, entry: Entry) -> Entry:
        """Replace the stored fields of an existing entry (same kind and id).

        Raises:
            KeyError: there is no such entry (any more: another process may have
                deleted it a moment ago).
        """
        row = self._row(entry)
        table = TABLES[entry.kind]
        with self.transaction():
            if entry.id is None or self.get(entry.kind, entry.id) is None:
                raise KeyError(f"there is no {KIND_NAMES[entry.kind]} with id {entry.id}")
            if isinstance(entry, Checkin):
                clash = self.checkin_on(entry.date)
                if clash is not None and clash.id != entry.id:
                    self.db.execute("delete from checkins where id = ?", [clash.id])
            sets = ", ".join(f"{column} = ?" for column in row)
            self.db.execute(f"update {table} set {sets} where id = ?", [*row.values(), entry.id])
            if isinstance(entry, LegDay):
                self._write_exercises(entry.id, entry.exercises)
        stored = self.get(entry.kind, entry.id)
        if stored is None:  # deleted by another process straight after our commit
            raise KeyError(f"there is no {KIND_NAMES[entry.kind]} with id {entry.id}")
        return stored

    def delete(self, kind: Kind, entry_id: int) -> bool:
        """Delete one entry; False if there was none."""
        with self.transaction():
            if kind == "leg":
                self.db.execute("delete from leg_exercises where leg_day_id = ?", [entry_id])
            cursor = self.db.execute(f"delete from {TABLES[kind]} where id = ?", [entry_id])
        return cursor.rowcount > 0

    def get(self, kind: Kind, entry_id: int) -> Entry | None:
        rows = list(self.db.query(f"select * from {TABLES[kind]} where id = ?", [entry_id]))
        return self._entries(kind, rows)[0] if rows else None

    def checkin_on(self, day: date) -> Checkin | None:
        rows = list(self.db.query("select * from checkins where date = ?", [day.isoformat()]))
        return _checkin(rows[0]) if rows else None

    def leg_days_between(self, first: date, last: date) -> list[LegDay]:
        rows = self.db.query(
            f"select * from leg_days where date between ? and ? order by {NEWEST_FIRST}",
            [first.isoformat(), last.isoformat()],
        )
        return self._entries("leg", list(rows))  # type: ignore[return-value]

    def entries(
        self,
        kind: Kind,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Entry]:
        """Entries of one kind, newest first, optionally within a date range."""
        where, params = _date_range(since, until)
        sql = f"select * from {TABLES[kind]}{where} order by {ORDER[TABLES[kind]]}"
        if limit is not None:
            sql += " limit ?"
            params.append(limit)
        return self._entries(kind, list(self.db.query(sql, params)))

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
        import heapq

        def key(entry: Entry) -> tuple[str, str, int]:
            return (entry.date.isoformat(), entry.time or "", entry.id or 0)

        streams = [self._iter_kind(kind, since, until, oldest_first) for kind in kinds]
        return heapq.merge(*streams, key=key, reverse=not oldest_first)

    def _iter_kind(
        self, kind: Kind, since: date | None, until: date | None, oldest_first: bool = False
    ) -> Iterator[Entry]:
        where, params = _date_range(since, until)
        order = ORDER[TABLES[kind]]
        if oldest_first:
            order = order.replace(" desc", " asc")
        sql = f"select * from {TABLES[kind]}{where} order by {order}"
        batch: list[dict[str, Any]] = []
        for row in self.db.query(sql, params):
            batch.append(row)
            if len(batch) == 500:
                yield from self._entries(kind, batch)
                batch = []
        if batch:
            yield from self._entries(kind, batch)

    def count(self, kind: Kind) -> int:
        return int(next(self.db.query(f"select count(*) as n from {TABLES[kind]}"))["n"])

    def has_uid(self, uid: str) -> bool:
        # Straight on the connection: import asks this once per entry, and sqlite-utils'
        # row dictionaries cost more than the indexed lookups themselves.
        row = self.db.conn.execute(_HAS_UID, (uid,) * len(TABLES)).fetchone()
        return row is not None

    def has_stored_settings(self) -> bool:
        """Whether anyone has saved a setting in this journal (config set, Settings)."""
        return self.db.conn.execute("select 1 from settings limit 1").fetchone() is not None

    def exercise_names(self, limit: int = 200) -> list[str]:
        """Past exercise names, most used first, for suggestions in the leg-day form."""
        rows = self.db.query(
            "select name, count(*) as n from leg_exercises group by name "
            "order by n desc, name limit ?",
            [limit],
        )
        return [row["name"] for row in rows]

    def _entries(self, kind: Kind, rows: list[dict[str, Any]]) -> list[Entry]:
        if kind == "run":
            return [_run(row) for row in rows]
        if kind == "checkin":
            return [_checkin(row) for row in rows]
        exercises: dict[int, list[Exercise]] = {row["id"]: [] for row in rows}
        if exercises:
            marks = ", ".join("?" for _ in exercises)
            for ex in self.db.query(
                f"select * from leg_exercises where leg_day_id in ({marks}) "
                "order by leg_day_id, position",
                list(exercises),
            ):
                exercises[ex["leg_day_id"]].append(
                    Exercise(ex["name"], ex["sets"], ex["reps"], ex["weight_g"])
                )
        return [_leg_day(row, tuple(exercises[row["id"]])) for row in rows]

    # History paging ----------------------------------------------------------------

    def history_page(
        self,
        query: HistoryQuery,
        *,
        after: tuple[Any, ...] | None = None,
        backwards: bool = False,
        limit: int = 100,
    ) -> list[tuple[tuple[Any, ...], Entry]]:
        """Up to `limit` entries (with their keyset keys) in the query's order.

        `after` is the key of the row to continue from; `backwards` reads the rows
        before it instead (returned in display order all the same).
        """
        table = TABLES[query.kind]
        sql, params = query.page_sql(table, after=after, backwards=backwards, limit=limit)
        rows = list(self.db.query(sql, params))
        if backwards:
            rows.reverse()
        width = len(query.keys)
        keys = [tuple(row.pop(f"_k{n}") for n in range(width)) for row in rows]
        return list(zip(keys, self._entries(query.kind, rows), strict=True))

    def history_count(self, query: HistoryQuery) -> int:
        clauses, params = query.where()
        where = f" where {' and '.join(clauses)}" if clauses else ""
        sql = f"select count(*) as n from {TABLES[query.kind]}{where}"
        return int(next(self.db.query(sql, params))["n"])

    def totals(self, first: date, last: date) -> dict[str, int]:
        """Distance, running time, runs and leg days between two dates (an SQL aggregate)."""
        params = [first.isoformat(), last.isoformat()]
        runs = next(
            self.db.query(
                "select count(*) as runs, coalesce(sum(distance_m), 0) as distance_m, "
                "coalesce(sum(duration_s), 0) as duration_s from runs where date between ? and ?",
                params,
            )
        )
        legs = next(
            self.db.query(
                "select count(*) as leg_days, coalesce(sum(duration_s), 0) as leg_duration_s "
                "from leg_days where date between ? and ?",
                params,
            )
        )
        return {**runs, **legs}

    def days(self, first: date, last: date) -> dict[date, list[Entry]]:
        """Every entry between two dates, grouped by day (for the 7-day strip)."""
        grouped: dict[date, list[Entry]] = {}
        kinds: tuple[Kind, ...] = ("leg", "run", "checkin")
        for kind in kinds:
            for entry in reversed(self.entries(kind, since=first, until=last)):
                grouped.setdefault(entry.date, []).append(entry)
        return grouped

    def trends(self) -> Trends:
        """The queries behind `stats` and the Trends screen (store/trends.py)."""
        from .trends import Trends

        return Trends(self.db.conn)

    # Settings ----------------------------------------------------------------------

    def settings(self) -> Settings:
        stored = {row["key"]: row["value"] for row in self.db.query("select * from settings")}
        return Settings.from_stored(stored)

    def save_settings(self, settings: Settings) -> None:
        with self.transaction():
            self.db.table("settings").upsert_all(
                ({"key": k, "value": str(v)} for k, v in settings.as_dict().items()), pk="key"
            )

    # Checklist ---------------------------------------------------------------------

    def checklist_items(self) -> list[ChecklistItem]:
        rows = self.db.query("select * from checklist_items order by status, position, id")
        return [ChecklistItem(r["id"], r["status"], r["label"], r["position"]) for r in rows]

    def save_checklist_items(self, status: str, items: Sequence[ChecklistItem]) -> None:
        """Replace one status's items with `items`, in order (add, remove, reword)."""
        with self.transaction():
            self.db.execute("delete from checklist_items where status = ?", [status])
            self.db.table("checklist_items").insert_all(
                {"id": item.id, "status": status, "label": item.label, "position": n}
                for n, item in enumerate(items)
            )

    def ticks(self, day: date) -> set[str]:
        rows = self.db.query(
            "select item_id from checklist_ticks where date = ?", [day.isoformat()]
        )
        return {row["item_id"] for row in rows}

    def set_tick(self, day: date, item_id: str, done: bool) -> None:
        if done:
            self.db.execute(
                "insert or ignore into checklist_ticks (date, item_id) values (?, ?)",
                [day.isoformat(), item_id],
            )
        else:
            self.db.execute(
                "delete from checklist_ticks where date = ? and item_id = ?",
                [day.isoformat(), item_id],
            )

    def all_ticks(self) -> list[dict[str, str]]:
        return list(
            self.db.query("select date, item_id from checklist_ticks order by date, item_id")
        )

    # Whole-journal operations ------------------------------------------------------

    def import_all(
        self,
        entries: Iterable[Entry],
        *,
        items: Sequence[ChecklistItem] = (),
        ticks: Sequence[tuple[str, str]] = (),
        settings: Settings | None = None,
    ) -> tuple[int, int]:
        """Add every entry whose uid is new, in one transaction; return (added, skipped).

        `entries` may be a generator that validates as it goes: if it raises, nothing
        of the import is kept.
        """
        added = skipped = 0
        with self.transaction():
            for entry in entries:
                if entry.uid and self.has_uid(entry.uid):
                    skipped += 1
                    continue
                self._insert(entry, entry.uid or new_uid())
                added += 1
            if items:
                self.db.table("checklist_items").upsert_all(
                    (item.to_dict() for item in items), pk="id"
                )
            for day, item_id in ticks:
                self.db.execute(
                    "insert or ignore into checklist_ticks (date, item_id) values (?, ?)",
                    [day, item_id],
                )
            if settings is not None:
                self.save_settings(settings)
        return added, skipped

    def is_empty(self) -> bool:
        return all(self.count(kind) == 0 for kind in TABLES)  # type: ignore[arg-type]

    def backup_to(self, dest: Path) -> None:
        """A consistent copy through SQLite's online backup, safe while others write."""
        fd = os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        target = sqlite3.connect(dest)
        try:
            self.db.conn.backup(target)
        finally:
            target.close()

    def data_version(self) -> int:
        """Changes when another connection commits: the TUI polls this to refresh."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])


def _use_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """Put the journal in WAL mode, which lets the app read while a command writes.

    (NORMAL sync, set next, is durable in WAL mode for everything but the last commit
    before a power loss.) Switching the mode needs an exclusive lock, and SQLite answers
    "locked" at once rather than waiting when another process is creating the same new
    journal, so the switch is retried within the busy timeout.
    """
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def backup_before_upgrade(path: Path, old_version: int) -> Path:
    """Copy a journal aside before a migration touches it: journal.db.v1-20261124T0712.bak."""
    stamp = datetime.now().astimezone().strftime("%Y%m%dT%H%M%S")
    dest = path.with_name(f"{path.name}.v{old_version}-{stamp}.bak")
    n = 1
    while True:  # two attempts in one second (a retry, app and CLI together) get two copies
        try:
            fd = os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            break
        except FileExistsError:
            n += 1
            dest = path.with_name(f"{path.name}.v{old_version}-{stamp}-{n}.bak")
    os.close(fd)
    # Read-only source: making the copy must not change the file being copied.
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return dest


def _date_range(since: date | None, until: date | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if since is not None:
        clauses.append("date >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("date <= ?")
        params.append(until.isoformat())
    return (" where " + " and ".join(clauses) if clauses else ""), params


def _run(row: dict[str, Any]) -> Run:
    return Run(
        date=date.fromisoformat(row["date"]),
        distance_m=row["distance_m"],
        duration_s=row["duration_s"],
        type=row["type"],
        rpe=row["rpe"],
        hr=row["hr"],
        time=row["time"],
        notes=row["notes"],
        id=row["id"],
        uid=row["uid"],
    )


def _leg_day(row: dict[str, Any], exercises: tuple[Exercise, ...]) -> LegDay:
    return LegDay(
        date=date.fromisoformat(row["date"]),
        duration_s=row["duration_s"],
        rpe=row["rpe"],
        to_failure=bool(row["to_failure"]),
        exercises=exercises,
        time=row["time"],
        notes=row["notes"],
        id=row["id"],
        uid=row["uid"],
    )


def _checkin(row: dict[str, Any]) -> Checkin:
    return Checkin(
        date=date.fromisoformat(row["date"]),
        soreness=row["soreness"],
        notes=row["notes"],
        id=row["id"],
        uid=row["uid"],
    )
