"""Settings and the warm-up checklist: the tables a person shapes, beside the entries.

Plain statements on a connection; the writes run inside the caller's transaction
(`Journal.transaction`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date

from ..domain.checklist import ChecklistItem
from ..domain.settings import Settings
from .rows import dicts

_UPSERT_SETTING = (
    "insert into settings (key, value) values (?, ?) "
    "on conflict (key) do update set value = excluded.value"
)
_INSERT_ITEM = "insert into checklist_items (id, status, label, position) values (?, ?, ?, ?)"
# An import never rewords an item the journal already has (SPEC §6).
_ADD_ITEM = (
    "insert into checklist_items (id, status, label, position) values (?, ?, ?, ?) "
    "on conflict (id) do nothing"
)
_UPSERT_ITEM = (
    "insert into checklist_items (id, status, label, position) values (?, ?, ?, ?) "
    "on conflict (id) do update set status = excluded.status, "
    "label = excluded.label, position = excluded.position"
)
_INSERT_TICK = "insert or ignore into checklist_ticks (date, item_id) values (?, ?)"


def read_settings(conn: sqlite3.Connection) -> Settings:
    """The profile settings, defaults where none is stored."""
    stored = dict(conn.execute("select key, value from settings").fetchall())
    return Settings.from_stored(stored)


def has_stored_settings(conn: sqlite3.Connection) -> bool:
    """Whether anyone has saved a setting in this journal."""
    return conn.execute("select 1 from settings limit 1").fetchone() is not None


def write_settings(conn: sqlite3.Connection, settings: Settings) -> None:
    """Store every setting (each as text), replacing what was there."""
    conn.executemany(_UPSERT_SETTING, [(k, str(v)) for k, v in settings.as_dict().items()])


def read_items(conn: sqlite3.Connection) -> list[ChecklistItem]:
    """Every status's checklist items, by status and position."""
    found = conn.execute(
        "select id, status, label, position from checklist_items order by status, position, id"
    )
    return [ChecklistItem(*row) for row in found]


def replace_items(conn: sqlite3.Connection, status: str, items: Sequence[ChecklistItem]) -> None:
    """Make `items`, in this order, the whole checklist of `status`."""
    conn.execute("delete from checklist_items where status = ?", [status])
    conn.executemany(
        _INSERT_ITEM, [(item.id, status, item.label, n) for n, item in enumerate(items)]
    )


def merge_items(
    conn: sqlite3.Connection, items: Iterable[ChecklistItem], *, overwrite: bool
) -> None:
    """Add the items whose id is new (an import): the journal's own are never reworded.

    With `overwrite` (a restore into a journal that still has only the default items),
    items with a known id take the imported wording and place.
    """
    statement = _UPSERT_ITEM if overwrite else _ADD_ITEM
    conn.executemany(statement, [(i.id, i.status, i.label, i.position) for i in items])


def read_ticks(conn: sqlite3.Connection, day: date) -> set[str]:
    """The ids of the checklist items ticked on `day`."""
    found = conn.execute("select item_id from checklist_ticks where date = ?", [day.isoformat()])
    return {item_id for (item_id,) in found}


def write_tick(conn: sqlite3.Connection, day: date, item_id: str, done: bool) -> None:
    """Tick (or untick) one item for one day."""
    if done:
        conn.execute(_INSERT_TICK, [day.isoformat(), item_id])
    else:
        conn.execute(
            "delete from checklist_ticks where date = ? and item_id = ?",
            [day.isoformat(), item_id],
        )


def add_ticks(conn: sqlite3.Connection, ticks: Iterable[tuple[str, str]]) -> None:
    """Add (date, item id) ticks; those already there stay as they are."""
    conn.executemany(_INSERT_TICK, ticks)


def all_ticks(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """Every tick as {"date", "item_id"}, oldest first."""
    return list(dicts(conn, "select date, item_id from checklist_ticks order by date, item_id"))
