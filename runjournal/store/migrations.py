"""The journal's schema, one forward-only migration at a time, and applying them.

Never edit a migration that has shipped: add a new one to MIGRATIONS (and a fixture
journal written by the schema before it, under tests/fixtures/, so the upgrade is
tested).

The migrations run through sqlite-utils' `Migrations`, which records each one in its
`_sqlite_migrations` table. sqlite-utils is imported only when one of them must run:
finding out that a journal is up to date is one plain query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from .connection import transaction
from .opening import APPLICATION_ID

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# One step of the schema: a function given the journal as a sqlite-utils Database.
Migration: TypeAlias = Callable[["Database"], None]

# The migration set sqlite-utils records them under: never change it, or every journal
# would look new to the code and m001 would run again.
MIGRATION_SET = "runjournal"


def m001_create_journal(db: Database) -> None:
    """The first schema: the entry tables, settings, the checklist (seeded) and its ticks."""
    # Distances in metres and durations in seconds, as integers: display converts, and
    # sums stay exact. `uid` is the entry's identity across export/import; `id` is the
    # short number people type in `edit`/`delete`.
    db.table("runs").create(
        {
            "id": int,
            "uid": str,
            "date": str,
            "time": str,
            "distance_m": int,
            "duration_s": int,
            "type": str,
            "rpe": int,
            "hr": int,
            "notes": str,
        },
        pk="id",
        not_null={"uid", "date", "distance_m", "duration_s", "type", "notes"},
        defaults={"notes": ""},
    )
    db.table("leg_days").create(
        {
            "id": int,
            "uid": str,
            "date": str,
            "time": str,
            "duration_s": int,
            "rpe": int,
            "to_failure": int,
            "notes": str,
        },
        pk="id",
        not_null={"uid", "date", "duration_s", "rpe", "to_failure", "notes"},
        defaults={"notes": "", "to_failure": 0},
    )
    # Exercises are rows of their own so that names can be suggested and, later,
    # progress per exercise can be queried; weight in grams keeps lb input exact enough.
    db.table("leg_exercises").create(
        {
            "id": int,
            "leg_day_id": int,
            "position": int,
            "name": str,
            "sets": int,
            "reps": int,
            "weight_g": int,
        },
        pk="id",
        not_null={"leg_day_id", "position", "name", "sets", "reps"},
        foreign_keys=[("leg_day_id", "leg_days", "id")],
    )
    # One check-in per date (SPEC §2): the unique index makes a second one an update.
    db.table("checkins").create(
        {"id": int, "uid": str, "date": str, "soreness": int, "notes": str},
        pk="id",
        not_null={"uid", "date", "soreness", "notes"},
        defaults={"notes": ""},
    )
    db.table("settings").create({"key": str, "value": str}, pk="key", not_null={"value"})
    # Checklist items live in the journal so people can add, remove and reword them;
    # ticks are per date so yesterday's ticks never leak into today.
    db.table("checklist_items").create(
        {"id": str, "status": str, "label": str, "position": int},
        pk="id",
        not_null={"status", "label", "position"},
    )
    db.table("checklist_ticks").create(
        {"date": str, "item_id": str},
        pk=("date", "item_id"),
    )
    # The checklist a new journal starts with, as m001 shipped it: (id, status, label,
    # position). Literals, not the domain's default_items(): a migration must write the
    # same rows whenever it runs, and the defaults may change in a release that has no
    # migration of its own.
    seed = (
        ("warmup-standard", "normal_training", "Warm up 5–10 min: easy jog or brisk walk", 0),
        ("leg-swings", "normal_training", "Dynamic leg swings and hip circles", 1),
        ("strides", "normal_training", "A few strides (4 × 20 s) before the session", 2),
        ("warmup-extended", "easy_recovery_run", "Warm up 10–15 min: sore legs need longer", 0),
        ("mobility", "easy_recovery_run", "Dynamic mobility: leg swings, hip circles", 1),
        ("compression", "easy_recovery_run", "Compression shorts or socks", 2),
        ("short-route", "easy_recovery_run", "Plan a short route — no pace or distance goal", 3),
        (
            "conversational",
            "easy_recovery_run",
            "Keep it conversational (you can talk in full sentences)",
            4,
        ),
        ("snack", "easy_recovery_run", "Eat something first if you feel drained", 5),
        ("no-run", "rest", "No run today — rest is part of training", 0),
        ("gentle-walk", "rest", "A gentle walk or some mobility, if you like", 1),
        ("eat-hydrate", "rest", "Eat well and drink enough water", 2),
        ("checkin-tomorrow", "rest", "Check in tomorrow morning: how do the legs feel?", 3),
    )
    db.table("checklist_items").insert_all(
        {"id": item_id, "status": status, "label": label, "position": position}
        for item_id, status, label, position in seed
    )

    # "The last 8 days" (advisor) and "the newest N" (history) are range scans on date.
    for table in ("runs", "leg_days"):
        db.table(table).create_index(["uid"], unique=True)
        db.table(table).create_index(["date", "time", "id"])
    db.table("checkins").create_index(["uid"], unique=True)
    db.table("checkins").create_index(["date"], unique=True)
    db.table("runs").create_index(["distance_m"])
    db.table("runs").create_index(["type", "date"])
    db.table("leg_exercises").create_index(["leg_day_id", "position"])
    db.table("leg_exercises").create_index(["name"])


def m002_history_indexes(db: Database) -> None:
    """Indexes for the History screen's keyset paging and sorts."""
    # The History screen pages through entries by keyset on (sort value, id) and sorts
    # runs by distance, duration and effort. Expression indexes match the ORDER BY
    # exactly (a missing time or RPE sorts as '' or 0), so every page is an index range
    # scan whether the journal holds 100 entries or 100,000.
    for table in ("runs", "leg_days"):
        db.execute(
            f"create index if not exists {table}_newest on {table} (date, coalesce(time, ''), id)"
        )
        db.execute(f"create index if not exists {table}_duration on {table} (duration_s, id)")
        db.execute(f"create index if not exists {table}_effort on {table} (coalesce(rpe, 0), id)")
    db.execute("create index if not exists checkins_soreness on checkins (soreness, id)")
    # Filtering runs by type keeps the newest-first order of the index: it replaces
    # m001's (type, date), which left SQLite to sort each type's runs by time and id.
    db.execute(
        "create index if not exists runs_type_newest on runs (type, date, coalesce(time, ''), id)"
    )
    db.execute("drop index if exists idx_runs_type_date")
    # m001's (date, time, id) indexes are superseded by the *_newest ones above (EXPLAIN
    # picks those for every query): dropping them makes every write cheaper.
    db.execute("drop index if exists idx_runs_date_time_id")
    db.execute("drop index if exists idx_leg_days_date_time_id")


def m003_trend_indexes(db: Database) -> None:
    """Indexes that make the all-time records of `stats` and Trends a few seeks."""
    # Records (SPEC §8) are all-time, so they must not read all of time. Runs in order of
    # pace: the fastest run at or over 5 km is found by walking from the front of this
    # index until one is long enough (the expression matches store/trends.py exactly).
    db.execute(
        "create index if not exists runs_pace on runs "
        "(cast(duration_s as real) / distance_m, date, id)"
    )
    # Per exercise, its heaviest set and its best Epley e1RM, w × (30 + reps) / 30, are
    # one seek each from the top of these.
    db.execute(
        "create index if not exists leg_exercises_heaviest on leg_exercises (name, weight_g, reps)"
    )
    db.execute(
        "create index if not exists leg_exercises_e1rm on leg_exercises "
        "(name, weight_g * (30 + reps))"
    )


def m004_import_seen(db: Database) -> None:
    """The files of the watched folders (`import_folders`) already read."""
    # The TUI looks at the watched folders every few minutes; a file whose path, size
    # and modification time are here was read before (imported, a duplicate, or
    # unreadable and already reported), so it is neither read nor reported again. A
    # file that changes (a sync that was half-way) no longer matches and is read again.
    # Paths are this machine's: the table is never exported.
    db.execute(
        "create table if not exists import_seen ("
        " path text primary key, size integer not null, mtime_ns integer not null)"
    )


# Every migration, in the order they run: append, never reorder or remove.
MIGRATIONS: tuple[Migration, ...] = (
    m001_create_journal,
    m002_history_indexes,
    m003_trend_indexes,
    m004_import_seen,
)
# Counted from the list so the number cannot drift from the migrations themselves.
SCHEMA_VERSION = len(MIGRATIONS)


def registry(migrations: Sequence[Migration] = MIGRATIONS) -> Migrations:
    """sqlite-utils' registry of `migrations`, each named after its function."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for migration in migrations:
        steps()(migration)
    return steps


def pending(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """The names of the migrations not yet recorded as applied, read with plain sqlite3.

    The answer sqlite-utils' `Migrations.pending` gives from the same records (its
    `_sqlite_migrations` table), without importing sqlite-utils to learn that there is
    nothing to do.
    """
    found = conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = '_sqlite_migrations'"
    ).fetchone()
    applied: set[str] = set()
    if found:
        rows = conn.execute(
            "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
        )
        applied = {name for (name,) in rows}
    return [m.__name__ for m in migrations if m.__name__ not in applied]


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Apply the pending migrations in one transaction; set application_id and user_version.

    A journal that is up to date costs two small queries and never imports sqlite-utils.
    """
    if not pending(conn, migrations):
        return
    from sqlite_utils import Database

    db = Database(conn, execute_plugins=False)
    steps = registry(migrations)
    # IMMEDIATE takes the write lock first, so two processes creating the same new
    # journal at once do not both try to create its tables.
    with transaction(conn):
        if steps.pending(db):
            steps.apply(db)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {len(steps.applied(db))}")
    # Copy the new schema and header into the main file now, so that anything that
    # reads the file itself (a backup by `cp`, the header check) sees a journal.
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
