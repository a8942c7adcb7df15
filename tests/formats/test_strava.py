"""Strava's activities.csv: duplicated columns, UTC dates, types, effort."""

from __future__ import annotations

import dataclasses
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from runjournal.domain.entries import Run
from runjournal.formats import strava
from runjournal.formats.found import ReadOptions, Unreadable, derived_uid

from .samples import OPTIONS, sample
from .samples import machine_in_tokyo as machine_in_tokyo  # a fixture

HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,"
    "Filename,Elapsed Time,Moving Time,Distance,Average Heart Rate,Perceived Exertion\n"
)


def test_sample_row_second_distance_in_metres_and_utc_date() -> None:
    (row,) = strava.rows(sample("strava_export/activities.csv"), "activities.csv", OPTIONS)
    assert row.filename == "activities/12866632127.fit.gz"
    assert row.name == "Laufen Landal Park"
    run = row.outcome
    assert isinstance(run, Run)
    assert (run.distance_m, run.duration_s) == (3323, 1411)  # metres column; moving time
    assert (run.date, run.time) == (date(2022, 5, 29), "15:53")  # UTC machine in OPTIONS
    # Activity Date is the FIT session's UTC start: the same uid as the FIT file's run
    assert run.uid == derived_uid("activity", "2022-05-29T15:53:35Z")


def test_types_effort_and_other_sports() -> None:
    data = (
        HEADER
        + '1,"Nov 20, 2026, 6:30:00 AM",Tempo,Run,1900,3.10,,1900.0,1800.0,5000.0,155.0,7.0\n'
        + '2,"Nov 21, 2026, 6:30:00 AM",Trails,Trail Run,3600,6.2,,3600,3500,10000,,\n'
        + '3,"Nov 22, 2026, 6:30:00 AM",Commute,Ride,1800,15,,1800,1700,15000,,\n'
        + '4,"Nov 23, 2026, 6:30:00 AM",Evening walk,Walk,1800,3,,1800,1700,3000,,\n'
        + '5,"Nov 23, 2026, 8:30:00 PM",Treadmill,Virtual Run,1800,5,,1800,1790,5000,,\n'
    ).encode()
    found = strava.read(data, "activities.csv", OPTIONS)
    assert dict(found.skipped) == {"ride": 1, "walk": 1}
    first, second, third = found.entries
    assert isinstance(first, Run)
    assert (first.distance_m, first.duration_s, first.hr, first.rpe) == (5000, 1800, 155, 7)
    assert first.notes == "Tempo"
    assert first.time == "06:30"
    assert second.distance_m == 10000
    assert third.time == "20:30"


def test_bom_and_unknown_date_form() -> None:
    data = ("\ufeff" + HEADER + "1,someday,X,Run,1,1,,1,1,1,,\n").encode()
    found = strava.read(data, "a.csv", OPTIONS)
    assert dict(found.skipped) == {"no start time": 1}
    assert strava.looks_like(data[:4096])


def test_a_date_at_the_calendars_edge_skips_its_row_only() -> None:
    # Activity Date is UTC: 1:00 AM on 0001-01-01 is the year before in New York
    data = (
        HEADER
        + '1,"Jan 01, 0001, 1:00:00 AM",Old,Run,1800,5,,1800,1800,5000,,\n'
        + '2,"Nov 20, 2026, 6:30:00 PM",New,Run,1800,5,,1800,1800,5000,,\n'
    ).encode()
    options = dataclasses.replace(OPTIONS, local_tz=ZoneInfo("America/New_York"))
    found = strava.read(data, "activities.csv", options)
    assert dict(found.skipped) == {"date out of range": 1}
    (run,) = found.entries
    assert (run.date, run.time) == (date(2026, 11, 20), "13:30")


def one_row(header: str, line: str, options: ReadOptions = OPTIONS) -> strava.Row:
    (row,) = strava.rows((header + line).encode(), "activities.csv", options)
    return row


def run_of(row: strava.Row) -> Run:
    assert isinstance(row.outcome, Run), row.outcome
    return row.outcome


def test_effort_counts_1_to_10_only() -> None:
    efforts = []
    for value in ("0.5", "1", "10", "10.4", "11", "x"):
        line = f'1,"Nov 20, 2026, 6:30:00 AM",Run,Run,1900,5,,1900,1800,5000,150,{value}\n'
        row = one_row(HEADER, line)
        efforts.append((row.rpe, run_of(row).rpe))
    assert efforts == [(None, None), (1, 1), (10, 10), (None, None), (None, None), (None, None)]


def test_effort_of_a_ride_is_kept_on_its_row_not_a_crash() -> None:
    row = one_row(HEADER, '3,"Nov 22, 2026, 6:30:00 AM",Commute,Ride,1800,15,,1800,1700,15000,,7\n')
    assert (row.sport, row.outcome, row.rpe, row.name) == ("ride", "ride", 7, "Commute")


def test_moving_time_else_elapsed_else_nothing() -> None:
    no_moving = one_row(HEADER, '1,"Nov 20, 2026, 6:30:00 AM",R,Run,1900,5,,1900.5,,5000,,\n')
    assert run_of(no_moving).duration_s == 1900  # the first Elapsed Time: whole seconds
    absurd = one_row(HEADER, '1,"Nov 20, 2026, 6:30:00 AM",R,Run,1900,5,,1900,1000000000,5000,,\n')
    assert run_of(absurd).duration_s == 1900  # a moving time of 31 years is no time at all
    nothing = one_row(HEADER, '1,"Nov 20, 2026, 6:30:00 AM",R,Run,,5,,,,5000,,\n')
    assert run_of(nothing).duration_s == 0


def test_distance_metres_else_an_old_exports_km_else_zero() -> None:
    old = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n"
    row = one_row(old, '1,"Nov 20, 2026, 6:30:00 AM",Old,Run,1800,5.25\n')
    assert (run_of(row).distance_m, run_of(row).duration_s, row.filename) == (5250, 1800, "")
    none = one_row(HEADER, '1,"Nov 20, 2026, 6:30:00 AM",R,Run,1800,,,1800,1800,,,\n')
    assert run_of(none).distance_m == 0
    thousands = one_row(
        HEADER, '1,"Nov 20, 2026, 6:30:00 AM",R,Run,1800,6.21,,1800,1800,"10,000.4",,\n'
    )
    assert run_of(thousands).distance_m == 10000


def test_a_short_row_reads_its_missing_cells_as_empty() -> None:
    row = one_row(HEADER, '1,"Nov 20, 2026, 6:30:00 AM",Short,Run,1800,5\n')
    assert (run_of(row).distance_m, run_of(row).duration_s, run_of(row).hr) == (5000, 1800, None)
    assert (row.filename, row.rpe) == ("", None)


def test_not_a_number_heart_rate_is_none() -> None:
    row = one_row(HEADER, '1,"Nov 20, 2026, 6:30:00 AM",R,Run,1800,5,,1800,1800,5000,nan,\n')
    assert run_of(row).hr is None


@pytest.mark.parametrize(
    "when",
    [
        "Nov 20, 2026, 6:30:00 AM",
        "20 Nov 2026, 06:30:00",
        "2026-11-20 06:30:00",
        "2026-11-20T06:30:00Z",
        "20.11.2026, 06:30:00",
        "20/11/2026, 06:30:00",
    ],
)
def test_each_date_form_is_the_same_utc_start(when: str) -> None:
    row = one_row(HEADER, f'1,"{when}",R,Run,1800,5,,1800,1800,5000,,\n')
    assert run_of(row).uid == derived_uid("activity", "2026-11-20T06:30:00Z")


def test_activity_date_is_utc_whatever_the_machine(machine_in_tokyo: None) -> None:
    row = one_row(HEADER, '1,"Nov 20, 2026, 6:30:00 AM",R,Run,1800,5,,1800,1800,5000,,\n')
    run = run_of(row)
    assert (run.time, run.uid) == ("06:30", derived_uid("activity", "2026-11-20T06:30:00Z"))


def test_a_row_without_a_readable_date_has_no_start_whatever_its_sport() -> None:
    row = one_row(HEADER, "1,someday,Commute,Ride,1800,15,,1800,1700,15000,,\n")
    assert (row.sport, row.outcome) == ("ride", "no start time")


def test_errors_say_what_is_wrong() -> None:
    cases = [
        (b"", "an empty CSV file"),
        (b"Activity ID,Activity Date,Activity Type\n1,\xe9t\xe9,Run\n", "not UTF-8 text"),
        (
            b"Activity ID,Activity Date,Distance\n1,x,5\n",
            "not a Strava activities.csv (no Activity Date or Activity Type)",
        ),
        (
            b"Activity ID,Activity Type,Distance\n1,Run,5\n",
            "not a Strava activities.csv (no Activity Date or Activity Type)",
        ),
    ]
    for data, message in cases:
        with pytest.raises(Unreadable) as error:
            strava.rows(data, "activities.csv", OPTIONS)
        assert str(error.value) == message


def test_a_damaged_csv_names_its_damage() -> None:
    data = HEADER.encode() + b'1,"Nov 20, 2026, 6:30:00 AM",' + b'"' + b"x" * 200_000 + b'"\n'
    with pytest.raises(Unreadable, match=r"^damaged CSV: field larger than field limit"):
        strava.rows(data, "activities.csv", OPTIONS)


def test_at_most_a_million_rows() -> None:
    header = b"Activity ID,Activity Date,Activity Type\n"
    assert strava.rows(header + b"\n" * strava.MAX_ROWS, "a.csv", OPTIONS) == []
    with pytest.raises(Unreadable) as error:
        strava.rows(header + b"\n" * (strava.MAX_ROWS + 1), "a.csv", OPTIONS)
    assert str(error.value) == "more than 1,000,000 rows"
