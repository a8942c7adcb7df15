"""GPX and TCX readers: the samples' measured facts, sports, routes, made-up runs."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from runjournal.domain.entries import Run
from runjournal.formats import gpx, tcx
from runjournal.formats.found import Found, Unreadable, derived_uid

from .samples import OPTIONS, at, gpx_run, sample

AS_RUN = dataclasses.replace(OPTIONS, as_run=True)


def only_run(found: Found) -> Run:
    (run,) = found.entries
    assert isinstance(run, Run)
    assert not found.skipped
    return run


def test_gpx_eight_tracks_length_2d_and_moving_time() -> None:
    data = sample("gpx/cerknicko-jezero_8tracks__gpxpy.gpx")
    assert dict(gpx.read(data, "c.gpx", OPTIONS).skipped) == {"sport not stated": 1}
    run = only_run(gpx.read(data, "c.gpx", AS_RUN))
    assert (run.distance_m, run.duration_s) == (4580, 2425)  # gpxpy: moving, not 4239 s
    assert (run.date, run.time, run.notes) == (date(2010, 8, 5), "14:23", "ACTIVE LOG")


def test_gpx_with_an_offset_keeps_the_local_start() -> None:
    data = sample("gpx/walk_hr_utcoffset_opentracks__gap.gpx")
    # <type>unknown</type> names no sport; its HR values are all 0 (no sensor)
    assert dict(gpx.read(data, "w.gpx", OPTIONS).skipped) == {"sport not stated": 1}
    run = only_run(gpx.read(data, "w.gpx", AS_RUN))
    assert (run.date, run.time, run.hr) == (date(2025, 8, 30), "20:29", None)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("route_no_times_bikerouter__gap.gpx", "route"),
        ("cerknicko-without-times__gpxpy.gpx", "route"),
        ("ride_pause_garminconnect_export__sweatpy.gpx", "ride"),
    ],
)
def test_gpx_routes_and_rides_are_not_runs(name: str, reason: str) -> None:
    found = gpx.read(sample(f"gpx/{name}"), name, AS_RUN)
    assert (found.entries, dict(found.skipped)) == ([], {reason: 1})


def test_gpx_mostly_timed_track_is_an_activity() -> None:
    run = only_run(gpx.read(sample("gpx/korita-zbevnica_4tracks__gpxpy.gpx"), "k", AS_RUN))
    assert run.distance_m > 14000
    assert run.duration_s > 0


def test_generated_gpx_run_with_type_and_heart_rate() -> None:
    data = gpx_run(at("2026-11-20T06:30:00"), km=8, minutes=48, hr=150)
    run = only_run(gpx.read(data, "r.gpx", OPTIONS))
    assert abs(run.distance_m - 8000) <= 10
    assert abs(run.duration_s - 48 * 60) <= 1
    assert (run.hr, run.time, run.notes) == (150, "06:30", "Morning Run")
    assert run.uid == derived_uid("activity", "2026-11-20T06:30:00Z")


@pytest.mark.parametrize(
    ("kind", "sport"),
    [
        ("Run", None),
        ("trail_running", None),
        ("9", None),
        ("cycling", "ride"),
        ("1", "ride"),
        ("hiking", "hike"),
        ("other", "sport not stated"),
    ],
)
def test_gpx_type_names(kind: str, sport: str | None) -> None:
    found = gpx.read(gpx_run(at("2026-11-20T06:30:00"), kind=kind), "r.gpx", OPTIONS)
    if sport is None:
        assert len(found.entries) == 1
    else:
        assert dict(found.skipped) == {sport: 1}


def test_tcx_laps_totals_not_trackpoints() -> None:
    run = only_run(tcx.read(sample("tcx/run_fr410_3laps_hr__tcxparser.tcx"), "t", OPTIONS))
    # sum of laps: 4689.24 m and 1992.78 s (trackpoints would say 4686 m, 1991 s)
    assert (run.distance_m, run.duration_s) == (4689, 1993)
    assert (run.date, run.time, run.notes) == (date(2012, 12, 26), "21:29", "Aerobics")
    assert run.hr is not None
    assert 130 <= run.hr <= 190
    no_hr = only_run(tcx.read(sample("tcx/run_fr410_no_hr__tcxparser.tcx"), "n", OPTIONS))
    assert no_hr.hr is None
    assert no_hr.uid == run.uid


def test_tcx_pause_left_out() -> None:
    run = only_run(tcx.read(sample("tcx/run_polar_m400_pause__sweatpy.tcx"), "p", OPTIONS))
    assert (run.distance_m, run.duration_s) == (4509, 3510)  # not 3903.7 s first->last


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("sup_sport_other__tcxreader.tcx", "sport not stated"),
        ("xc_ski_sport_other__tcxreader.tcx", "sport not stated"),
        ("ride_pause_garminconnect_export__sweatpy.tcx", "ride"),
        ("mapmyride_bike_plus0000_offset__tcxreader.tcx", "ride"),
    ],
)
def test_tcx_other_sports(name: str, reason: str) -> None:
    found = tcx.read(sample(f"tcx/{name}"), name, OPTIONS)
    assert (found.entries, dict(found.skipped)) == ([], {reason: 1})


def test_tcx_sport_other_as_run() -> None:
    run = only_run(tcx.read(sample("tcx/xc_ski_sport_other__tcxreader.tcx"), "x", AS_RUN))
    assert abs(run.distance_m - 5692) <= 1


def test_not_xml_is_unreadable() -> None:
    with pytest.raises(Unreadable):
        gpx.read(b"<gpx><trk>", "bad.gpx", OPTIONS)
    with pytest.raises(Unreadable):
        tcx.read(b"<TrainingCenterDatabase><Activities>", "bad.tcx", OPTIONS)


EDGES = ["0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00"]


def gpx_at(time: str) -> bytes:
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="t" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>'
        f'<trkpt lat="45" lon="14"><time>{time}</time></trkpt>'
        f'<trkpt lat="45.01" lon="14"><time>{time}</time></trkpt></trkseg></trk></gpx>'
    ).encode()


def tcx_at(time: str) -> bytes:
    return (
        '<?xml version="1.0"?><TrainingCenterDatabase><Activities><Activity Sport="Running">'
        f'<Id>{time}</Id><Lap StartTime="{time}"><TotalTimeSeconds>1800</TotalTimeSeconds>'
        "<DistanceMeters>5000</DistanceMeters></Lap></Activity></Activities>"
        "</TrainingCenterDatabase>"
    ).encode()


@pytest.mark.parametrize("time", EDGES)
def test_a_time_at_the_calendars_edge_is_unreadable_not_a_crash(time: str) -> None:
    # its UTC instant is before year 1 or after year 9999: no datetime can hold it
    with pytest.raises(Unreadable, match="date out of range"):
        gpx.read(gpx_at(time), "edge.gpx", OPTIONS)
    with pytest.raises(Unreadable, match="date out of range"):
        tcx.read(tcx_at(time), "edge.tcx", OPTIONS)
