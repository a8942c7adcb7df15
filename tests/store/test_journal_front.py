"""The Journal front, method by method, on real SQLite files: edits, leg days in a span,
exercise names, watched files, imports, backups and the data version the TUI polls."""

from __future__ import annotations

import dataclasses
import stat
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.checklist import ChecklistItem
from runjournal.domain.entries import Checkin, Exercise, LegDay, Run
from runjournal.store import Journal

D1, D2, D3, D4 = (date(2026, 11, d) for d in (20, 21, 22, 23))


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "j.db") as opened:
        yield opened


def leg_day(day: date, *exercises: Exercise, time: str | None = None) -> LegDay:
    return LegDay(date=day, time=time, duration_s=3600, rpe=7, exercises=exercises)


# update ---------------------------------------------------------------------------------


def test_update_of_a_missing_entry_names_it(journal: Journal) -> None:
    journal.add(Run(date=D1, distance_m=5000, duration_s=1500))
    with pytest.raises(KeyError) as raised:
        journal.update(Run(date=D1, distance_m=1, duration_s=1, id=99))
    assert raised.value.args == ("there is no run with id 99",)
    with pytest.raises(KeyError) as raised:
        journal.update(Run(date=D1, distance_m=1, duration_s=1))
    assert raised.value.args == ("there is no run with id None",)
    assert journal.get("run", 1) == dataclasses.replace(
        Run(date=D1, distance_m=5000, duration_s=1500), id=1, uid=journal.get("run", 1).uid
    )


def test_update_of_a_missing_checkin_leaves_that_dates_checkin_alone(journal: Journal) -> None:
    kept = journal.add(Checkin(date=D1, soreness=3, notes="mine"))
    with pytest.raises(KeyError) as raised:
        journal.update(Checkin(date=D1, soreness=9, id=99))
    assert raised.value.args == ("there is no check-in with id 99",)
    assert journal.checkin_on(D1) == kept


def test_update_of_a_checkin_in_place(journal: Journal) -> None:
    added = journal.add(Checkin(date=D1, soreness=3))
    changed = journal.update(dataclasses.replace(added, soreness=6, notes="stairs hurt"))
    assert changed == dataclasses.replace(added, soreness=6, notes="stairs hurt")
    assert journal.count("checkin") == 1


def test_update_of_a_checkin_to_a_free_date(journal: Journal) -> None:
    added = journal.add(Checkin(date=D1, soreness=3))
    other = journal.add(Checkin(date=D3, soreness=1))
    moved = journal.update(dataclasses.replace(added, date=D2))
    assert moved == dataclasses.replace(added, date=D2)
    assert journal.checkin_on(D1) is None
    assert journal.checkin_on(D3) == other
    assert journal.count("checkin") == 2


def test_update_of_a_checkin_onto_another_dates_replaces_that_one(journal: Journal) -> None:
    moving = journal.add(Checkin(date=D1, soreness=3, notes="moving"))
    replaced = journal.add(Checkin(date=D2, soreness=8, notes="replaced"))
    untouched = journal.add(Checkin(date=D3, soreness=1))
    moved = journal.update(dataclasses.replace(moving, date=D2))
    assert moved == dataclasses.replace(moving, date=D2)
    assert journal.get("checkin", replaced.id or 0) is None
    assert journal.checkin_on(D2) == moved
    assert journal.checkin_on(D3) == untouched
    assert journal.count("checkin") == 2


def test_update_of_a_leg_day_replaces_its_exercises(journal: Journal) -> None:
    first = journal.add(
        leg_day(D1, Exercise("back squat", 5, 5, 100_000), Exercise("lunges", 3, 12))
    )
    other = journal.add(leg_day(D2, Exercise("deadlift", 3, 5, 140_000)))
    new_exercises = (Exercise("step-ups", 3, 10, 20_000), Exercise("calf raises", 4, 15))
    changed = journal.update(dataclasses.replace(first, exercises=new_exercises, notes="swap"))
    assert changed == dataclasses.replace(first, exercises=new_exercises, notes="swap")
    assert journal.get("leg", first.id or 0) == changed
    assert journal.get("leg", other.id or 0) == other
    rows = journal.conn.execute(
        "select leg_day_id, position, name from leg_exercises order by leg_day_id, position"
    ).fetchall()
    assert rows == [(1, 0, "step-ups"), (1, 1, "calf raises"), (2, 0, "deadlift")]


def test_update_of_a_leg_day_to_no_exercises(journal: Journal) -> None:
    first = journal.add(leg_day(D1, Exercise("back squat", 5, 5, 100_000)))
    changed = journal.update(dataclasses.replace(first, exercises=()))
    assert changed.exercises == ()  # type: ignore[union-attr]
    assert journal.conn.execute("select count(*) from leg_exercises").fetchone()[0] == 0


# leg_days_between -----------------------------------------------------------------------


def test_leg_days_between_both_ends_included_newest_first(journal: Journal) -> None:
    for day in (date(2026, 11, 19), D1, D2, D3, D4):
        journal.add(leg_day(day, Exercise("squat", 5, 5)))
    journal.add(Run(date=D2, distance_m=5000, duration_s=1500))
    found = journal.leg_days_between(D1, D3)
    assert [(entry.kind, entry.date) for entry in found] == [("leg", D3), ("leg", D2), ("leg", D1)]
    assert found[0] == journal.get("leg", 4)


# exercise_names ------------------------------------------------------------------------


def test_exercise_names_most_used_first_then_by_name(journal: Journal) -> None:
    squat, lunges, step_ups = (Exercise(n, 3, 5) for n in ("squat", "lunges", "step-ups"))
    journal.add(leg_day(D1, squat, lunges, Exercise("calf raises", 3, 15)))
    journal.add(leg_day(D2, step_ups, squat))
    journal.add(leg_day(D3, squat, lunges, step_ups))
    assert journal.exercise_names() == ["squat", "lunges", "step-ups", "calf raises"]
    assert journal.exercise_names(limit=2) == ["squat", "lunges"]
    assert journal.exercise_names(limit=0) == []


def test_exercise_names_stop_at_200_by_default(journal: Journal) -> None:
    names = [f"exercise {n:03}" for n in range(201)]
    journal.add(leg_day(D1, *(Exercise(name, 1, 1) for name in names)))
    assert journal.exercise_names() == names[:200]
    assert journal.exercise_names(limit=201) == names


# Watched folders -------------------------------------------------------------------------


def test_seen_files_start_empty_and_remember_what_was_read(journal: Journal) -> None:
    assert journal.seen_files() == {}
    journal.remember_files({"/w/a.fit": (100, 1_700_000_000_000_000_000), "/w/b.gpx": (7, 5)})
    assert journal.seen_files() == {
        "/w/a.fit": (100, 1_700_000_000_000_000_000),
        "/w/b.gpx": (7, 5),
    }


def test_remembering_a_file_again_takes_its_new_stamp(journal: Journal) -> None:
    journal.remember_files({"/w/a.fit": (100, 10), "/w/b.gpx": (7, 5)})
    journal.remember_files({"/w/a.fit": (120, 20)})
    assert journal.seen_files() == {"/w/a.fit": (120, 20), "/w/b.gpx": (7, 5)}
    journal.remember_files({})
    assert journal.seen_files() == {"/w/a.fit": (120, 20), "/w/b.gpx": (7, 5)}


def test_seen_files_survive_reopening(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.db") as journal:
        journal.remember_files({"/w/a.fit": (100, 10)})
    with Journal.open(tmp_path / "j.db") as journal:
        assert journal.seen_files() == {"/w/a.fit": (100, 10)}


# import_all ------------------------------------------------------------------------------


def test_import_counts_every_checkin_conflict_and_goes_on(journal: Journal) -> None:
    journal.add(Checkin(date=D1, soreness=3))
    journal.add(Checkin(date=D2, soreness=4))
    skips: Counter[str] = Counter()
    added, skipped = journal.import_all(
        [
            Checkin(date=D1, soreness=9),
            Checkin(date=D2, soreness=9),
            Checkin(date=D3, soreness=5),
            Run(date=D3, distance_m=5000, duration_s=1500),
        ],
        skips=skips,
    )
    assert (added, skipped) == (2, 2)
    assert skips == Counter({"check-in conflict": 2})
    assert [c.soreness for c in journal.entries("checkin")] == [5, 4, 3]  # type: ignore[union-attr]
    assert journal.count("run") == 1


def test_import_keeps_the_journals_item_wording_by_default(journal: Journal) -> None:
    journal.save_checklist_items("rest", [ChecklistItem("mine", "rest", "My wording")])
    journal.import_all([], items=[ChecklistItem("mine", "rest", "Their wording", 0)])
    assert [i.label for i in journal.checklist_items() if i.id == "mine"] == ["My wording"]
    journal.import_all(
        [], items=[ChecklistItem("mine", "rest", "Their wording", 0)], restore_items=True
    )
    assert [i.label for i in journal.checklist_items() if i.id == "mine"] == ["Their wording"]


# backup_to and data_version -------------------------------------------------------------


def test_backup_to_writes_a_private_copy_that_opens(journal: Journal, tmp_path: Path) -> None:
    run = journal.add(Run(date=D1, distance_m=5000, duration_s=1500))
    dest = tmp_path / "copy.db"
    journal.backup_to(dest)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    with Journal.open(dest) as copy:
        assert copy.entries("run") == [run]
    with pytest.raises(FileExistsError):
        journal.backup_to(dest)


def test_data_version_changes_when_another_connection_commits(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.db") as watcher, Journal.open(tmp_path / "j.db") as writer:
        before = watcher.data_version()
        assert watcher.data_version() == before
        writer.add(Run(date=D1, distance_m=5000, duration_s=1500))
        after = watcher.data_version()
        assert after != before
        assert watcher.data_version() == after


# add, when another process deletes the new entry at once --------------------------------


def test_add_says_so_when_the_new_entry_is_gone_at_once(journal: Journal) -> None:
    # A trigger stands in for another process deleting the run straight after the commit.
    journal.conn.execute(
        "create trigger gone after insert on runs begin delete from runs where id = new.id; end"
    )
    with pytest.raises(KeyError) as raised:
        journal.add(Run(date=D1, distance_m=5000, duration_s=1500))
    assert raised.value.args == ("the new run was deleted at once",)


# history: the merged stream of several kinds ---------------------------------------------


def test_history_merges_kinds_newest_first_untimed_last_by_id(journal: Journal) -> None:
    journal.add(leg_day(D1, Exercise("squat", 5, 5), time="18:00"))  # leg 1
    journal.add(leg_day(D2, Exercise("squat", 5, 5)))  # leg 2, untimed
    journal.add(Run(date=D2, distance_m=5000, duration_s=1500))  # run 1, untimed
    journal.add(Run(date=D3, distance_m=3000, duration_s=900, time="07:00"))  # run 2
    journal.add(Run(date=D2, distance_m=5000, duration_s=1500))  # run 3, untimed
    journal.add(leg_day(D2, Exercise("squat", 5, 5), time="06:00"))  # leg 3
    journal.add(Checkin(date=D1, soreness=2))  # check-in 1
    newest = [(e.kind, e.id) for e in journal.history(("leg", "run", "checkin"))]
    assert newest == [
        ("run", 2),
        ("leg", 3),
        ("run", 3),
        ("leg", 2),
        ("run", 1),
        ("leg", 1),
        ("checkin", 1),
    ]
    oldest = [(e.kind, e.id) for e in journal.history(("leg", "run", "checkin"), oldest_first=True)]
    assert oldest == newest[::-1]


def test_history_within_dates_both_ends_included(journal: Journal) -> None:
    for day in (D1, D2, D3, D4):
        journal.add(Run(date=day, distance_m=5000, duration_s=1500))
        journal.add(Checkin(date=day, soreness=1))
    found = [(e.kind, e.date) for e in journal.history(("run", "checkin"), since=D2, until=D3)]
    assert found == [("run", D3), ("checkin", D3), ("run", D2), ("checkin", D2)]
    assert [e.date for e in journal.history(("run",), since=D3)] == [D4, D3]
    assert [e.date for e in journal.history(("run",), until=D2)] == [D2, D1]


def test_history_streams_past_a_batch_of_500(journal: Journal) -> None:
    first = date(2024, 1, 1)
    days = [first + timedelta(days=n) for n in range(501)]
    journal.import_all(
        [Run(date=day, distance_m=5000 + n, duration_s=1500) for n, day in enumerate(days)]
        + [leg_day(day, Exercise(f"squat {n}", 5, 5)) for n, day in enumerate(days)]
    )
    runs = list(journal.history(("run",), oldest_first=True))
    assert [(r.date, r.distance_m) for r in runs] == [  # type: ignore[union-attr]
        (day, 5000 + n) for n, day in enumerate(days)
    ]
    legs = list(journal.history(("leg",)))
    assert [leg.exercises for leg in legs] == [  # type: ignore[union-attr]
        (Exercise(f"squat {n}", 5, 5),) for n in reversed(range(501))
    ]


def test_update_says_so_when_the_entry_is_gone_straight_after(journal: Journal) -> None:
    run = journal.add(Run(date=D1, distance_m=5000, duration_s=1500))
    # A trigger stands in for another process deleting the run straight after the commit.
    journal.conn.execute(
        "create trigger gone after update on runs begin delete from runs where id = new.id; end"
    )
    with pytest.raises(KeyError) as raised:
        journal.update(dataclasses.replace(run, notes="edited"))
    assert raised.value.args == (f"there is no run with id {run.id}",)
