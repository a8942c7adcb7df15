"""What the migrations leave in a new journal: its checklist, indexes and header."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from runjournal.domain.checklist import ChecklistItem
from runjournal.store import Journal
from runjournal.store.migrations import SCHEMA_VERSION
from runjournal.store.opening import APPLICATION_ID

# docs/advisor.md, "These are where a new journal starts", per status in its order.
DOCUMENTED = {
    "normal_training": [
        ("warmup-standard", "Warm up 5–10 min: easy jog or brisk walk"),
        ("leg-swings", "Dynamic leg swings and hip circles"),
        ("strides", "A few strides (4 × 20 s) before the session"),
    ],
    "easy_recovery_run": [
        ("warmup-extended", "Warm up 10–15 min: sore legs need longer"),
        ("mobility", "Dynamic mobility: leg swings, hip circles"),
        ("compression", "Compression shorts or socks"),
        ("short-route", "Plan a short route — no pace or distance goal"),
        ("conversational", "Keep it conversational (you can talk in full sentences)"),
        ("snack", "Eat something first if you feel drained"),
    ],
    "rest": [
        ("no-run", "No run today — rest is part of training"),
        ("gentle-walk", "A gentle walk or some mobility, if you like"),
        ("eat-hydrate", "Eat well and drink enough water"),
        ("checkin-tomorrow", "Check in tomorrow morning: how do the legs feel?"),
    ],
}


def test_a_new_journal_starts_with_the_documented_checklist(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.db") as journal:
        items = journal.checklist_items()
    expected = [
        ChecklistItem(item_id, status, label, position)
        for status, rows in DOCUMENTED.items()
        for position, (item_id, label) in enumerate(rows)
    ]
    key = {status: n for n, status in enumerate(DOCUMENTED)}
    assert sorted(items, key=lambda i: (key[i.status], i.position)) == expected
    assert len(items) == 13


def test_the_seed_rows_as_stored(tmp_path: Path) -> None:
    Journal.open(tmp_path / "j.db").close()
    conn = sqlite3.connect(tmp_path / "j.db")
    rows = conn.execute(
        "select status, position, id, label from checklist_items order by status, position"
    ).fetchall()
    conn.close()
    assert rows == sorted(
        (status, position, item_id, label)
        for status, items in DOCUMENTED.items()
        for position, (item_id, label) in enumerate(items)
    )


def test_a_new_journal_is_marked_as_ours_at_the_latest_schema(tmp_path: Path) -> None:
    Journal.open(tmp_path / "j.db").close()
    header = (tmp_path / "j.db").read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION == 4


def test_the_indexes_and_tables_of_every_migration(tmp_path: Path) -> None:
    Journal.open(tmp_path / "j.db").close()
    conn = sqlite3.connect(tmp_path / "j.db")
    indexes = {
        name: sql
        for name, sql in conn.execute(
            "select name, sql from sqlite_master where type = 'index' and sql is not null "
            "and tbl_name != '_sqlite_migrations'"
        )
    }
    seen = conn.execute("select sql from sqlite_master where name = 'import_seen'").fetchone()
    conn.close()
    assert sorted(indexes) == [
        "checkins_soreness",
        "idx_checkins_date",
        "idx_checkins_uid",
        "idx_leg_days_uid",
        "idx_leg_exercises_leg_day_id_position",
        "idx_leg_exercises_name",
        "idx_runs_distance_m",
        "idx_runs_uid",
        "leg_days_duration",
        "leg_days_effort",
        "leg_days_newest",
        "leg_exercises_e1rm",
        "leg_exercises_heaviest",
        "runs_duration",
        "runs_effort",
        "runs_newest",
        "runs_pace",
        "runs_type_newest",
    ]
    assert seen == (
        "CREATE TABLE import_seen ( path text primary key, size integer not null,"
        " mtime_ns integer not null)",
    )


# m001's tables as it shipped them (frozen: an upgrade starts from exactly these), and
# m004's: (column, type, not null, default, position in the primary key).
SCHEMA = {
    "checkins": [
        ("id", "INTEGER", 0, None, 1),
        ("uid", "TEXT", 1, None, 0),
        ("date", "TEXT", 1, None, 0),
        ("soreness", "INTEGER", 1, None, 0),
        ("notes", "TEXT", 1, "''", 0),
    ],
    "checklist_items": [
        ("id", "TEXT", 0, None, 1),
        ("status", "TEXT", 1, None, 0),
        ("label", "TEXT", 1, None, 0),
        ("position", "INTEGER", 1, None, 0),
    ],
    "checklist_ticks": [("date", "TEXT", 0, None, 1), ("item_id", "TEXT", 0, None, 2)],
    "import_seen": [
        ("path", "TEXT", 0, None, 1),
        ("size", "INTEGER", 1, None, 0),
        ("mtime_ns", "INTEGER", 1, None, 0),
    ],
    "leg_days": [
        ("id", "INTEGER", 0, None, 1),
        ("uid", "TEXT", 1, None, 0),
        ("date", "TEXT", 1, None, 0),
        ("time", "TEXT", 0, None, 0),
        ("duration_s", "INTEGER", 1, None, 0),
        ("rpe", "INTEGER", 1, None, 0),
        ("to_failure", "INTEGER", 1, "0", 0),
        ("notes", "TEXT", 1, "''", 0),
    ],
    "leg_exercises": [
        ("id", "INTEGER", 0, None, 1),
        ("leg_day_id", "INTEGER", 1, None, 0),
        ("position", "INTEGER", 1, None, 0),
        ("name", "TEXT", 1, None, 0),
        ("sets", "INTEGER", 1, None, 0),
        ("reps", "INTEGER", 1, None, 0),
        ("weight_g", "INTEGER", 0, None, 0),
    ],
    "runs": [
        ("id", "INTEGER", 0, None, 1),
        ("uid", "TEXT", 1, None, 0),
        ("date", "TEXT", 1, None, 0),
        ("time", "TEXT", 0, None, 0),
        ("distance_m", "INTEGER", 1, None, 0),
        ("duration_s", "INTEGER", 1, None, 0),
        ("type", "TEXT", 1, None, 0),
        ("rpe", "INTEGER", 0, None, 0),
        ("hr", "INTEGER", 0, None, 0),
        ("notes", "TEXT", 1, "''", 0),
    ],
    "settings": [("key", "TEXT", 0, None, 1), ("value", "TEXT", 1, None, 0)],
}


def test_the_tables_of_a_new_journal(tmp_path: Path) -> None:
    Journal.open(tmp_path / "j.db").close()
    conn = sqlite3.connect(tmp_path / "j.db")
    tables = [
        name
        for (name,) in conn.execute(
            "select name from sqlite_master where type = 'table' "
            "and name != '_sqlite_migrations' order by name"
        )
    ]
    found = {t: [tuple(r[1:]) for r in conn.execute(f"pragma table_info({t})")] for t in tables}
    keys = conn.execute("pragma foreign_key_list(leg_exercises)").fetchall()
    conn.close()
    assert found == SCHEMA
    assert [(table, column, to) for _, _, table, column, to, *_ in keys] == [
        ("leg_days", "leg_day_id", "id")
    ]
