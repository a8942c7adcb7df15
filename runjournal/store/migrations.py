"""The journal's schema, one forward-only migration at a time.

Never edit a migration that has shipped: add a new one (and a fixture journal written
by the schema before it, under tests/fixtures/, so the upgrade is tested).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..domain.checklist import default_items

migrations = Migrations("runjournal")


@migrations()
def m001_create_journal(db: Database) -> None:
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
    db.table("checklist_items").insert_all(item.to_dict() for item in default_items())

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


@migrations()
def m002_history_indexes(db: Database) -> None:
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


@migrations()
def m003_trend_indexes(db: Database) -> None:
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


# Counted from the registry so the number cannot drift from the migrations themselves.
SCHEMA_VERSION = len(migrations._migrations)
