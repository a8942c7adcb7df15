"""The import service: duplicates, all or nothing, dry run, strict, another journal."""

from __future__ import annotations

import gzip
import hashlib
import zipfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.entries import Checkin, LegDay, Run
from runjournal.domain.errors import InputError
from runjournal.services.import_files import (
    ImportCancelled,
    ImportOptions,
    ImportSummary,
    Progress,
    import_paths,
    plan_files,
)
from runjournal.store import Journal

from ..formats.samples import TODAY, at, gpx_run, sample_path

FIT = "fit/run_hr_4laps_venusq__gap.fit"  # 2022-05-29 15:53:35Z, local 17:53, 3323 m


def runs(journal: Journal) -> list[Run]:
    return journal.entries("run")  # type: ignore[return-value]


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def test_the_same_file_twice_adds_nothing_the_second_time(journal: Journal) -> None:
    path = str(sample_path(FIT))
    first = import_paths(journal, [path], TODAY, ImportOptions())
    assert first.added == {"run": 1, "leg": 0, "checkin": 0}
    again = import_paths(journal, [path], TODAY, ImportOptions())
    assert again.added["run"] == 0
    assert dict(again.skipped) == {"already in the journal": 1}
    assert len(runs(journal)) == 1


@pytest.mark.parametrize(
    ("time", "distance_m", "duplicate"),
    [
        ("17:54", 5000, True),  # starts within 2 minutes (whatever its distance)
        ("17:56", 3323, False),  # 3 minutes later: another run
        (None, 3400, True),  # no time, same date, within 3 %
        (None, 3500, False),  # no time, 5 % longer
    ],
)
def test_the_same_run_logged_by_hand(
    journal: Journal, time: str | None, distance_m: int, duplicate: bool
) -> None:
    journal.add(Run(date=date(2022, 5, 29), time=time, distance_m=distance_m, duration_s=1500))
    summary = import_paths(journal, [str(sample_path(FIT))], TODAY, ImportOptions())
    assert summary.added["run"] == (0 if duplicate else 1)
    assert len(runs(journal)) == (1 if duplicate else 2)


def test_fit_and_gpx_of_one_activity_are_one_run(tmp_path: Path, journal: Journal) -> None:
    gpx = write(tmp_path, "same.gpx", gpx_run(at("2022-05-29T15:53:35"), km=3.3, minutes=24))
    summary = import_paths(journal, [str(sample_path(FIT)), str(gpx)], TODAY, ImportOptions())
    assert summary.added["run"] == 1
    assert dict(summary.skipped) == {"already in the journal": 1}
    assert runs(journal)[0].duration_s == 1428  # the first read: the FIT's own summary


def test_too_short_after_today_not_a_run(tmp_path: Path, journal: Journal) -> None:
    folder = tmp_path / "in"
    tomorrow = TODAY + timedelta(days=1)
    write(folder, "a.gpx", gpx_run(at("2026-11-01T07:00:00"), km=0.15, minutes=5))
    write(folder, "b.gpx", gpx_run(at("2026-11-02T07:00:00"), km=1, minutes=1.5))
    write(folder, "c.gpx", gpx_run(at(f"{tomorrow}T07:00:00"), km=5, minutes=30))
    write(folder, "d.gpx", gpx_run(at(f"{TODAY + timedelta(days=2)}T07:00:00")))
    write(folder, "e.gpx", gpx_run(at("2026-11-03T07:00:00"), km=20, minutes=20))
    summary = import_paths(journal, [str(folder)], TODAY, ImportOptions())
    assert dict(summary.skipped) == {"too short": 2, "after today": 1, "not a run": 1}
    assert [r.date for r in runs(journal)] == [tomorrow]  # a journal across time zones


def test_dry_run_writes_nothing(tmp_path: Path, journal: Journal, isolated_journal: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "a.gpx", gpx_run(at("2026-11-01T07:00:00")))
    journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(isolated_journal.read_bytes()).hexdigest()
    summary = import_paths(journal, [str(folder)], TODAY, ImportOptions(dry_run=True))
    assert summary.added["run"] == 1  # what would be added
    assert runs(journal) == []
    assert hashlib.sha256(isolated_journal.read_bytes()).hexdigest() == before
    wal = Path(f"{isolated_journal}-wal")  # emptied above: a write would add frames to it
    assert not wal.exists() or wal.stat().st_size == 0


def test_unreadable_inside_a_folder_is_skipped_unless_strict(
    tmp_path: Path, journal: Journal
) -> None:
    folder = tmp_path / "in"
    write(folder, "good.gpx", gpx_run(at("2026-11-01T07:00:00")))
    write(folder, "bad.fit", b"\x0e\x10\x00\x00\x00\x00\x00\x00.FIT" + b"\xff" * 40)
    with pytest.raises(InputError, match="bad.fit"):
        import_paths(journal, [str(folder)], TODAY, ImportOptions(strict=True))
    assert runs(journal) == []  # nothing written
    summary = import_paths(journal, [str(folder)], TODAY, ImportOptions())
    assert summary.added["run"] == 1
    assert [name for name, _ in summary.unreadable] == [f"{folder}/bad.fit"]
    assert summary.skipped["unreadable"] == 1


def test_a_date_at_the_calendars_edge_leaves_the_rest_of_the_folder(
    tmp_path: Path, journal: Journal
) -> None:
    folder = tmp_path / "in"
    write(folder, "good.gpx", gpx_run(at("2026-11-01T07:00:00")))
    edge = gpx_run(at("2026-11-02T07:00:00")).replace(
        b"2026-11-02T07:00:00Z", b"0001-01-01T00:30:00+01:00"
    )
    write(folder, "edge.gpx", edge)
    summary = import_paths(journal, [str(folder)], TODAY, ImportOptions())
    assert summary.added["run"] == 1
    assert summary.unreadable == [(f"{folder}/edge.gpx", "date out of range")]


def test_a_named_file_that_cannot_be_read_is_an_error(tmp_path: Path, journal: Journal) -> None:
    bad = write(tmp_path, "run.gpx", b"<gpx><trk>")
    with pytest.raises(InputError) as caught:
        import_paths(journal, [str(bad)], TODAY, ImportOptions())
    assert "run.gpx" in str(caught.value)
    with pytest.raises(InputError, match="does not exist"):
        import_paths(journal, [str(tmp_path / "missing")], TODAY, ImportOptions())


def test_cancel_writes_nothing_and_progress_counts(tmp_path: Path, journal: Journal) -> None:
    folder = tmp_path / "in"
    for n in range(5):
        write(folder, f"{n}.gpx", gpx_run(at(f"2026-11-0{n + 1}T07:00:00")))
    seen: list[Progress] = []
    summary = import_paths(journal, [str(folder)], TODAY, ImportOptions(), progress=seen.append)
    assert [(p.files_done, p.files_total) for p in seen] == [(n, 5) for n in range(1, 6)]
    assert seen[-1].entries_found == 5
    assert summary.added["run"] == 5
    journal.conn.execute("delete from runs")
    with pytest.raises(ImportCancelled):
        import_paths(
            journal, [str(folder)], TODAY, ImportOptions(), progress=seen.append,
            cancelled=lambda: len(seen) > 7,
        )  # fmt: skip
    assert runs(journal) == []


def test_strava_export_as_folder_and_as_zip(tmp_path: Path, journal: Journal) -> None:
    export = sample_path("strava_export")
    summary = import_paths(journal, [str(export)], TODAY, ImportOptions(dry_run=True))
    assert summary.to_dict() == {
        "files": 2,
        "added": {"run": 1, "leg": 0, "checkin": 0},
        "skipped": {},
        "unreadable": [],
    }
    archive = tmp_path / "export_123.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for file in sorted(export.rglob("*")):
            if file.is_file():
                z.write(file, file.relative_to(export).as_posix())
    summary = import_paths(journal, [str(archive)], TODAY, ImportOptions())
    assert summary.text() == "Imported 1 run from 2 files"
    (run,) = runs(journal)
    # the FIT's own summary (1428 s timer, local 17:53), named by the Strava row
    assert (run.date, run.time, run.duration_s, run.distance_m) == (
        date(2022, 5, 29), "17:53", 1428, 3323,
    )  # fmt: skip
    assert run.notes == "Laufen Landal Park"
    again = import_paths(journal, [str(export / "activities.csv")], TODAY, ImportOptions())
    assert dict(again.skipped) == {"already in the journal": 1}  # the row alone: same uid


STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,"
    "Filename,Elapsed Time,Moving Time,Distance,Average Heart Rate,Perceived Exertion\n"
)


@pytest.mark.parametrize(("kind", "added", "skipped"), [("Run", 1, {}), ("Ride", 0, {"ride": 1})])
def test_a_strava_row_states_the_sport_its_gpx_does_not(
    tmp_path: Path, journal: Journal, kind: str, added: int, skipped: dict[str, int]
) -> None:
    archive = tmp_path / "export_1.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(
            "activities.csv",
            STRAVA_HEADER + f'1,"Nov 1, 2026, 7:00:00 AM",Lunch,{kind},1800,5,activities/1.gpx,'
            "1800,1800,5000,,6\n",
        )
        z.writestr("activities/1.gpx", gpx_run(at("2026-11-01T07:00:00"), kind=None))
    summary = import_paths(journal, [str(archive)], TODAY, ImportOptions())
    assert (summary.added["run"], dict(summary.skipped)) == (added, skipped)
    if added:
        (run,) = runs(journal)
        # the file read for the run (its track: 5006 m, not the row's 5000), the row's effort
        assert (run.notes, run.rpe, run.distance_m) == ("Morning Run", 6, 5006)


def test_another_journal_is_merged_and_left_byte_for_byte(tmp_path: Path, journal: Journal) -> None:
    other_path = tmp_path / "other.db"
    with Journal.open(other_path) as other:
        other.add(Run(date=date(2026, 11, 20), distance_m=5000, duration_s=1800, notes="o"))
        other.add(LegDay(date=date(2026, 11, 21), duration_s=3600, rpe=8))
        other.add(Checkin(date=date(2026, 11, 22), soreness=4))
        other.save_settings(other.settings().with_value("units", "mi"))
    journal.add(Checkin(date=date(2026, 11, 22), soreness=1))
    digest = hashlib.sha256(other_path.read_bytes()).hexdigest()
    files = sorted(p.name for p in tmp_path.iterdir())
    summary = import_paths(journal, [str(other_path)], TODAY, ImportOptions())
    assert summary.added == {"run": 1, "leg": 1, "checkin": 0}
    assert dict(summary.skipped) == {"check-in conflict": 1}  # ours is kept
    assert journal.checkin_on(date(2026, 11, 22)).soreness == 1  # type: ignore[union-attr]
    assert journal.settings().units == "km"  # settings are not touched
    again = import_paths(journal, [str(other_path)], TODAY, ImportOptions())
    assert again.added["run"] == again.added["leg"] == 0
    assert hashlib.sha256(other_path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # no -wal, -shm left behind


def test_plan_lists_zip_members_and_folder_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "sub", "a.gpx", b"x")
    with zipfile.ZipFile(folder / "b.zip", "w") as z:
        z.writestr("one.fit", b"x")
        z.writestr("dir/", b"")
        z.writestr("dir/two.fit", b"x")
    labels = [source.label for source in plan_files([str(folder)])]
    assert labels == [f"{folder}/b.zip/one.fit", f"{folder}/b.zip/dir/two.fit",
                      f"{folder}/sub/a.gpx"]  # fmt: skip


def test_summary_text_and_json_shape() -> None:
    summary = ImportSummary(
        260,
        {"run": 212, "leg": 38, "checkin": 0},
        Counter(
            {"ride": 12, "walk": 9, "already in the journal": 14, "too short": 2,
             "unreadable": 1}
        ),
        [("activities/9.fit", "truncated")],
    )  # fmt: skip
    assert summary.text() == (
        "Imported 212 runs and 38 leg days from 260 files; skipped 38: 12 rides, 9 walks, "
        "14 already in the journal, 2 too short, 1 unreadable (activities/9.fit: truncated)"
    )
    assert summary.to_dict()["unreadable"] == [{"file": "activities/9.fit", "error": "truncated"}]


def test_format_forces_a_reader_and_gzip_is_read_by_content(
    tmp_path: Path, journal: Journal
) -> None:
    hidden = gpx_run(at("2026-11-05T07:00:00")).replace(
        b"<gpx", b"<!--" + b" " * 5000 + b"-->\n<gpx", 1
    )  # the root past the first 4 KB: not recognised from the head
    late = write(tmp_path, "late.xml", hidden)
    with pytest.raises(InputError, match="not a format"):
        import_paths(journal, [str(late)], TODAY, ImportOptions())
    forced = import_paths(journal, [str(late)], TODAY, ImportOptions(format="gpx"))
    assert forced.added["run"] == 1
    packed = write(tmp_path, "run.bin", gzip.compress(gpx_run(at("2026-11-06T07:00:00"))))
    assert import_paths(journal, [str(packed)], TODAY, ImportOptions()).added["run"] == 1
    with pytest.raises(InputError, match="format"):
        import_paths(journal, [str(packed)], TODAY, ImportOptions(format="xls"))


def test_leg_days_within_two_minutes_and_untimed_runs(journal: Journal) -> None:
    from runjournal.services.import_checks import ALREADY, Checker

    journal.add(LegDay(date=date(2026, 11, 20), time="18:00", duration_s=3600, rpe=7))
    checker = Checker(journal)
    near = LegDay(date=date(2026, 11, 20), time="18:02", duration_s=2400, rpe=8, uid="a")
    later = LegDay(date=date(2026, 11, 20), time="18:03", duration_s=2400, rpe=8, uid="b")
    assert checker.duplicate(near, by_uid_only=False) == ALREADY
    assert checker.duplicate(later, by_uid_only=False) is None
    assert checker.duplicate(near, by_uid_only=True) is None  # an export: uid alone
    # within one import: an untimed run matches an accepted one of the same date and
    # distance within 3 %
    first = Run(date=date(2026, 11, 21), time="07:00", distance_m=10000, duration_s=3000)
    checker.remember(first)
    untimed = Run(date=date(2026, 11, 21), distance_m=10250, duration_s=3100)
    other = Run(date=date(2026, 11, 21), distance_m=10400, duration_s=3100)
    assert checker.duplicate(untimed, by_uid_only=False) == ALREADY
    assert checker.duplicate(other, by_uid_only=False) is None


def test_strict_does_not_stop_at_files_that_are_no_activity(
    tmp_path: Path, journal: Journal
) -> None:
    folder = tmp_path / "export"
    write(folder / "activities", "1.gpx", gpx_run(at("2026-11-01T07:00:00")))
    write(folder / "media", "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
    write(folder, "bikes.csv", b"Bike Name,Bike Brand\nOld,Steel\n")
    summary = import_paths(journal, [str(folder)], TODAY, ImportOptions(strict=True))
    assert summary.text() == "Imported 1 run from 3 files; skipped 2: 2 other files"
    assert summary.unreadable == []
