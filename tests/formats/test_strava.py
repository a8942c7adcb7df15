"""Strava's activities.csv: duplicated columns, UTC dates, types, effort."""

from __future__ import annotations

import dataclasses
from datetime import date
from zoneinfo import ZoneInfo

from runjournal.domain.entries import Run
from runjournal.formats import strava
from runjournal.formats.found import derived_uid

from .samples import OPTIONS, sample

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
