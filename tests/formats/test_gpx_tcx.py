"""GPX and TCX readers: the samples' measured facts, sports, routes, made-up runs."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from runjournal.domain.entries import Run
from runjournal.formats import gpx, tcx
from runjournal.formats.found import Found, Unreadable, derived_uid
from runjournal.formats.xmltext import decode

from .samples import OPTIONS, at, gpx_run, sample
from .samples import machine_in_tokyo as machine_in_tokyo  # a fixture

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


# Files made here: the edges of each rule -----------------------------------------------


def gpx_points(
    times: list[str | None], *, hrs: list[str] | None = None, names: str = "", ext: str = ""
) -> bytes:
    """A GPX run, one point per entry of `times` (None: a point without a time)."""
    rows = []
    for n, moment in enumerate(times):
        hr = (
            f"<extensions><x:TrackPointExtension><x:hr>{hrs[n]}</x:hr>"
            "</x:TrackPointExtension></extensions>"
            if hrs
            else ext
        )
        stamp = f"<time>{moment}</time>" if moment else ""
        rows.append(f'<trkpt lat="{45 + n * 0.0009:.4f}" lon="14">{stamp}{hr}</trkpt>')
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="t" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:x="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"{names}<trk><type>running</type><trkseg>{''.join(rows)}</trkseg></trk></gpx>"
    ).encode()


def minutes(count: int, start: str = "2026-11-20T06:30") -> list[str | None]:
    base = datetime.fromisoformat(start)
    return [(base + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ") for n in range(count)]


def test_gpx_hr_average_counts_30_to_250_only() -> None:
    # 29 and 251 are a strap's noise; 30 and 250 are the journal's own bounds
    data = gpx_points(minutes(6), hrs=["29", "30", "250", "251", "n/a", ""])
    activity = gpx.parse(data)
    assert isinstance(activity, gpx.Activity)
    assert activity.hr == 140.0


def test_gpx_hr_without_a_namespace_and_written_heartrate() -> None:
    plain = gpx_points(minutes(4), ext="<extensions><hr>120</hr></extensions>")
    activity = gpx.parse(plain)
    assert isinstance(activity, gpx.Activity)
    assert activity.hr == 120.0
    spelled = gpx_points(minutes(4), ext="<extensions><x:HeartRate>131</x:HeartRate></extensions>")
    activity = gpx.parse(spelled)
    assert isinstance(activity, gpx.Activity)
    assert activity.hr == 131.0


def test_gpx_hr_that_is_not_a_number_passes_over_to_the_next() -> None:
    ext = (
        "<extensions><x:TrackPointExtension><x:hr>--</x:hr><x:heartrate>150</x:heartrate>"
        "</x:TrackPointExtension></extensions>"
    )
    activity = gpx.parse(gpx_points(minutes(4), ext=ext))
    assert isinstance(activity, gpx.Activity)
    assert activity.hr == 150.0


def test_gpx_no_hr_is_none() -> None:
    activity = gpx.parse(gpx_points(minutes(4)))
    assert isinstance(activity, gpx.Activity)
    assert activity.hr is None


def test_gpx_half_timed_is_an_activity_less_is_a_route() -> None:
    half = minutes(5) + [None] * 5
    assert isinstance(gpx.parse(gpx_points(half)), gpx.Activity)
    fewer = minutes(4) + [None] * 6
    assert gpx.parse(gpx_points(fewer)) == "route"
    found = gpx.read(gpx_points(fewer), "plan.gpx", OPTIONS)
    assert (found.entries, dict(found.skipped)) == ([], {"route": 1})


def test_gpx_names_from_metadata_else_track_else_none() -> None:
    unnamed = gpx.parse(gpx_points(minutes(4)))
    assert isinstance(unnamed, gpx.Activity)
    assert unnamed.name == ""
    run = only_run(gpx.read(gpx_points(minutes(4)), "r.gpx", OPTIONS))
    assert run.notes == ""
    named = gpx.parse(gpx_points(minutes(4), names="<metadata><name>Tempo</name></metadata>"))
    assert isinstance(named, gpx.Activity)
    assert named.name == "Tempo"


def test_gpx_time_without_a_zone_is_utc_whatever_the_machine(machine_in_tokyo: None) -> None:
    times: list[str | None] = [t.rstrip("Z") if t else t for t in minutes(4)]  # type: ignore[misc]
    activity = gpx.parse(gpx_points(times))
    assert isinstance(activity, gpx.Activity)
    assert activity.start_utc == at("2026-11-20T06:30:00")
    assert activity.start_utc.tzinfo is not None
    assert activity.start_utc.utcoffset() == timedelta(0)
    assert activity.local_start is None
    run = only_run(gpx.read(gpx_points(times), "naive.gpx", OPTIONS))
    assert run.uid == derived_uid("activity", "2026-11-20T06:30:00Z")


def test_gpx_error_names_the_problem_in_at_most_120_characters() -> None:
    bad = gpx_points(minutes(2)).replace(b'lat="45.0000"', b'lat="' + b"9" * 300 + b'x"')
    with pytest.raises(Unreadable) as error:
        gpx.parse(bad)
    message = str(error.value)
    assert message.startswith("not valid GPX: ")
    assert len(message) == len("not valid GPX: ") + 120
    with pytest.raises(Unreadable, match=r"^not valid GPX: .*mismatched tag"):
        gpx.parse(b"<gpx><trk></gpx>")


NS = 'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"'


def tcx_laps(*laps: str, sport: str = "Running", head: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?><TrainingCenterDatabase {NS}><Activities>'
        f'<Activity Sport="{sport}">{head}{"".join(laps)}</Activity></Activities>'
        "</TrainingCenterDatabase>"
    ).encode()


def lap(start: str | None, seconds: str | None, metres: str | None, bpm: str | None = None) -> str:
    parts = [f'<Lap StartTime="{start}">' if start else "<Lap>"]
    if seconds is not None:
        parts.append(f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds>")
    if metres is not None:
        parts.append(f"<DistanceMeters>{metres}</DistanceMeters>")
    if bpm is not None:
        parts.append(f"<AverageHeartRateBpm><Value>{bpm}</Value></AverageHeartRateBpm>")
    return "".join(parts) + "</Lap>"


def test_tcx_laps_missing_a_total_add_nothing() -> None:
    data = tcx_laps(
        lap("2026-11-20T06:30:00Z", "600", "2000.5", "140"),
        lap("2026-11-20T06:40:00Z", None, None),  # a lap the watch wrote no totals for
        lap("2026-11-20T06:41:00Z", "0", "0"),
        lap("2026-11-20T06:42:00Z", "300", "1000", "170"),
    )
    (activity,) = tcx.activities(data)
    assert (activity.distance_m, activity.duration_s) == (3000.5, 900.0)
    assert activity.hr == (140 * 600 + 170 * 300) / 900  # weighted by each lap's time


def test_tcx_start_is_the_id_not_the_first_lap() -> None:
    data = tcx_laps(
        lap("2026-11-20T06:30:05Z", "600", "2000"),
        head="<Id>2026-11-20T06:30:00Z</Id>",
    )
    run = only_run(tcx.read(data, "r.tcx", OPTIONS))
    assert run.uid == derived_uid("activity", "2026-11-20T06:30:00Z")


@pytest.mark.parametrize("head", ["", "<Id></Id>", "<Id>not a time</Id>"])
def test_tcx_without_a_usable_id_starts_at_its_earliest_lap(head: str) -> None:
    data = tcx_laps(
        lap("2026-11-20T06:40:00Z", "600", "2000"),
        lap(None, "60", "100"),  # a lap without a start: passed over
        lap("2026-11-20T06:30:07Z", "600", "2000"),
        lap("2026-11-20T06:50:00Z", "600", "2000"),
        head=head,
    )
    run = only_run(tcx.read(data, "r.tcx", OPTIONS))
    assert (run.time, run.uid) == ("06:30", derived_uid("activity", "2026-11-20T06:30:07Z"))


def test_tcx_without_any_time_has_no_start() -> None:
    found = tcx.read(tcx_laps(lap(None, "600", "2000")), "r.tcx", OPTIONS)
    assert (found.entries, dict(found.skipped)) == ([], {"no start time": 1})


def test_tcx_offset_time_keeps_its_local_start() -> None:
    data = tcx_laps(lap(None, "600", "2000"), head="<Id>2026-05-01T07:30:00+02:00</Id>")
    run = only_run(tcx.read(data, "r.tcx", OPTIONS))  # OPTIONS: a UTC machine
    assert (run.time, run.uid) == ("07:30", derived_uid("activity", "2026-05-01T05:30:00Z"))


def test_tcx_time_without_a_zone_is_utc_whatever_the_machine(machine_in_tokyo: None) -> None:
    data = tcx_laps(lap("2026-11-20T06:30:00", "600", "2000"), head="<Id>2026-11-20T06:30:00</Id>")
    (activity,) = tcx.activities(data)
    assert activity.start_utc == at("2026-11-20T06:30:00")
    assert activity.start_utc is not None
    assert activity.start_utc.utcoffset() == timedelta(0)
    assert activity.local_start is None


@pytest.mark.parametrize(
    ("notes", "expected"), [("", ""), ("<Notes/>", ""), ("<Notes> Hills </Notes>", "Hills")]
)
def test_tcx_notes(notes: str, expected: str) -> None:
    data = tcx_laps(lap(None, "600", "2000"), head=f"<Id>2026-11-20T06:30:00Z</Id>{notes}")
    (activity,) = tcx.activities(data)
    assert activity.name == expected


def test_tcx_errors_say_what_is_wrong() -> None:
    with pytest.raises(Unreadable, match=r"^not valid XML: no element found"):
        tcx.read(b"<TrainingCenterDatabase><Activities>", "bad.tcx", OPTIONS)
    with pytest.raises(Unreadable, match=r"^not a TCX file$"):
        tcx.read(b'<?xml version="1.0"?><gpx version="1.1"></gpx>', "x.tcx", OPTIONS)


# The text the XML readers are given (xmltext.decode) -----------------------------------

BOM8 = b"\xef\xbb\xbf"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("<gpx>é</gpx>".encode("utf-16"), "<gpx>é</gpx>"),  # BOM first: little-endian
        ("<gpx>é</gpx>".encode("utf-16-be").join([b"\xfe\xff", b""]), "<gpx>é</gpx>"),
        (BOM8 + "<gpx>é</gpx>".encode(), "<gpx>é</gpx>"),
        (BOM8 + BOM8 + "<gpx>é</gpx>".encode(), "<gpx>é</gpx>"),  # written twice by a tool
        (BOM8 + BOM8 + b"Xml", "Xml"),
        ("<?xml version='1.0' encoding='ISO-8859-1'?><a>é</a>".encode("latin-1"), None),
        ('\n  <?xml version="1.0" encoding="latin-1"?><a>é</a>'.encode("latin-1"), None),
        ("\n<a>é</a>\n".encode(), "\n<a>é</a>\n"),  # no BOM, no declaration: UTF-8, as written
    ],
)
def test_decode_by_bom_then_declaration_then_utf8(data: bytes, text: str | None) -> None:
    expected = text if text is not None else data.decode("latin-1")
    assert decode(data) == expected


def test_decode_looks_for_the_declaration_in_the_first_200_bytes() -> None:
    # its closing quote is byte 201: one past what is looked at
    padding = b" " * (201 - len(b"<?xml version='1.0' encoding='latin-1'"))
    declaration = b"<?xml version='1.0'" + padding + b" encoding='latin-1'?>"
    assert declaration.index(b"1'?>") == 199
    with pytest.raises(Unreadable) as error:
        decode(declaration + "<a>é</a>".encode("latin-1"))
    assert str(error.value) == "not readable as utf-8 text"


def test_decode_names_an_encoding_it_cannot_read() -> None:
    with pytest.raises(Unreadable) as error:
        decode(b"<?xml version='1.0' encoding='x-martian'?><a/>")
    assert str(error.value) == "not readable as x-martian text"


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "gpx.dtd"><gpx/>',
        b'<?xml version="1.0"?><gpx><!ENTITY a "b"></gpx>',  # a declaration out of place
        b'<!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx>&a;</gpx>',
    ],
)
def test_decode_refuses_any_document_type_or_entity(data: bytes) -> None:
    with pytest.raises(Unreadable) as error:
        decode(data)
    assert str(error.value) == "refused: XML with a document type declaration (entities)"
