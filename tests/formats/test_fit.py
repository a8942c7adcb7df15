"""FIT reader against the sample files' measured facts (samples/README.md)."""

from __future__ import annotations

import functools
import struct
from datetime import UTC, date, datetime

import pytest

from runjournal.domain.entries import Run
from runjournal.formats import fit
from runjournal.formats.found import Found, Unreadable, derived_uid

from .samples import OPTIONS, sample


@functools.cache
def _read(name: str) -> Found:
    return fit.read(sample(f"fit/{name}"), name, OPTIONS)  # some take seconds: read once


def runs(name: str) -> tuple[list[Run], dict[str, int]]:
    found = _read(name)
    assert all(isinstance(entry, Run) for entry in found.entries)
    return found.entries, dict(found.skipped)  # type: ignore[return-value]


def test_venu_sq_run_session_summary_hr_and_local_start() -> None:
    (run,), skipped = runs("run_hr_4laps_venusq__gap.fit")
    assert skipped == {}
    assert (run.distance_m, run.duration_s, run.hr) == (3323, 1428, 136)
    # 15:53:35Z and local_timestamp - timestamp = +2 h: the local start where it was run.
    assert (run.date, run.time) == (date(2022, 5, 29), "17:53")
    assert run.uid == derived_uid("activity", "2022-05-29T15:53:35Z")
    assert run.type == "easy"
    assert run.rpe is None


def test_forerunner_110_without_local_timestamp_uses_the_machine_zone() -> None:
    (run,), _ = runs("run_fr110_5laps_hr__fitparse.fit")
    assert (run.distance_m, run.duration_s, run.hr) == (4835, 2625, 147)
    assert (run.date, run.time) == (date(2013, 2, 6), "12:11")  # OPTIONS: UTC machine


def test_pause_is_not_running_time_and_device_relative_start_is_placed() -> None:
    (run,), _ = runs("run_pause_raw_starttime_fr70__fitparse.fit")
    # total_timer_time 3772.75 s (elapsed 3883.3 s includes the pause)
    assert (run.distance_m, run.duration_s, run.hr) == (10249, 3773, 170)
    # start_time is a raw device counter: 3887 s before the local end 12:21:03
    assert (run.date, run.time) == (date(2012, 2, 13), "11:16")
    assert run.uid  # derived from the local start, stable


def test_no_hr_is_none() -> None:
    (run,), _ = runs("run_fenix2_4laps_no_hr__fitparse.fit")
    assert (run.distance_m, run.duration_s, run.hr) == (9008, 2832, None)


def test_triathlon_chained_files_give_the_running_session_only() -> None:
    found, skipped = runs("triathlon_chained_fr920xt__fitparse.fit")
    assert [(r.distance_m, r.duration_s, r.hr) for r in found] == [(9806, 2851, 176)]
    assert skipped == {"swim": 1, "transition": 2, "ride": 1}


def test_multisport_gives_one_run_per_running_session() -> None:
    found, skipped = runs("multisport_7sessions_fenix2__fitparse.fit")
    assert [r.distance_m for r in found] == [2245, 12740]
    assert len({r.uid for r in found}) == 2
    assert skipped == {"sport not stated": 1, "transition": 3, "ride": 1}


@pytest.mark.parametrize(
    ("name", "sport"),
    [
        ("bike_fenix5__fitparse.fit", "ride"),
        ("bike_venusq__gap.fit", "ride"),
        ("ride_pause_5laps_edge1000__sweatpy.fit", "ride"),
        ("swim_pool_99laps_fr735xt__fitparse.fit", "swim"),
        ("walk_pauses_venusq__gap.fit", "walk"),
        ("indoor_rowing_vivoactive__fitparse.fit", "rowing"),
    ],
)
def test_other_sports_are_counted_by_sport(name: str, sport: str) -> None:
    assert runs(name) == ([], {sport: 1})


def test_truncated_file_keeps_the_session_read_before_the_cut() -> None:
    (run,), _ = runs("truncated_eof__fitparse.fit")
    assert (run.distance_m, run.duration_s) == (6, 14)  # the SDK's 13.7 s example


def test_undefined_local_message_part_way_keeps_the_session_seen_first() -> None:
    (run,), _ = runs("strava_app_undefined_local_msg__fitparse.fit")
    assert (run.distance_m, run.duration_s) == (11274, 3558)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("crc_mismatch__fitparse.fit", "checksum"),
    ],
)
def test_damaged_files_are_unreadable(name: str, why: str) -> None:
    with pytest.raises(Unreadable, match=why):
        fit.read(sample(f"fit/{name}"), name, OPTIONS)


def test_the_same_file_gives_the_same_uids() -> None:
    name = "run_fr110_5laps_hr__fitparse.fit"
    first = fit.read(sample(f"fit/{name}"), name, OPTIONS).entries
    again = fit.read(sample(f"fit/{name}"), "another name", OPTIONS).entries
    assert [r.uid for r in first] == [r.uid for r in again]


def test_garbage_that_starts_like_fit_is_unreadable() -> None:
    head = bytes([14, 0x10, 0, 0, 0, 0, 0, 0]) + b".FIT" + b"\x00\x00"
    with pytest.raises(Unreadable):
        fit.read(head + b"\xff" * 100, "x.fit", OPTIONS)


# Files made here (no samples needed) ---------------------------------------------------

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_CRC = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)  # fmt: skip
_UINT8, _ENUM, _UINT32 = 0x02, 0x00, 0x86
# field: (number, base type, struct code), by FIT profile name
_FIELDS = {
    "timestamp": (253, _UINT32, "I"),
    "start_time": (2, _UINT32, "I"),
    "total_elapsed_time": (7, _UINT32, "I"),  # ms
    "total_timer_time": (8, _UINT32, "I"),  # ms
    "total_distance": (9, _UINT32, "I"),  # cm
    "sport": (5, _ENUM, "B"),
    "local_timestamp": (5, _UINT32, "I"),  # of the activity message
}
_MESSAGE_NUMBERS = {"file_id": 0, "session": 18, "activity": 34}


def _crc(data: bytes) -> int:
    crc = 0
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC[crc & 0xF]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC[nibble]
    return crc


def _message(local: int, name: str, values: dict[str, int]) -> bytes:
    fields = [_FIELDS[key] if key != "type" else (0, _ENUM, "B") for key in values]
    definition = struct.pack("<BBHB", 0, 0, _MESSAGE_NUMBERS[name], len(fields))
    definition += b"".join(struct.pack("<BBB", n, struct.calcsize(c), t) for n, t, c in fields)
    record = struct.pack("<" + "".join(c for _, _, c in fields), *values.values())
    return bytes([0x40 | local]) + definition + bytes([local]) + record


def fit_bytes(session: dict[str, int], activity: dict[str, int] | None = None) -> bytes:
    """A valid FIT file with one session (and an activity message), as the SDK writes."""
    body = _message(0, "file_id", {"type": 4})
    body += _message(1, "session", session)
    if activity is not None:
        body += _message(2, "activity", activity)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    data = header + struct.pack("<H", _crc(header)) + body
    return data + struct.pack("<H", _crc(data))


def _fit_time(moment: datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


def test_device_relative_start_is_placed_before_the_local_end() -> None:
    # An old watch without a fix: start_time and timestamp count seconds from power-on
    # (below 0x10000000); only local_timestamp is a wall-clock time, 3887 s after start.
    local_end = datetime(2012, 2, 13, 12, 21, 3, tzinfo=UTC)
    session = {
        "timestamp": 17221751,
        "start_time": 17217864,
        "total_elapsed_time": 3883273,
        "total_timer_time": 3772750,
        "total_distance": 1024870,
        "sport": 1,  # running
    }
    activity = {"timestamp": 17221751, "local_timestamp": _fit_time(local_end)}
    found = fit.read(fit_bytes(session, activity), "old.fit", OPTIONS)
    (run,) = found.entries
    assert isinstance(run, Run)
    assert (run.date, run.time, run.distance_m, run.duration_s) == (
        date(2012, 2, 13),
        "11:16",
        10249,
        3773,
    )
    # no UTC instant is known: the uid is the local start's, to the second
    assert run.uid == derived_uid("activity-local", "2012-02-13T11:16:16")


def test_device_relative_start_without_a_local_timestamp_has_no_start() -> None:
    session = {"timestamp": 17221751, "start_time": 17217864, "total_timer_time": 60000}
    session |= {"total_distance": 100000, "sport": 1}
    found = fit.read(fit_bytes(session, {"timestamp": 17221751}), "old.fit", OPTIONS)
    assert (found.entries, dict(found.skipped)) == ([], {"no start time": 1})


def test_session_without_a_start_time_has_no_start_even_with_a_local_timestamp() -> None:
    local_end = datetime(2012, 2, 13, 12, 21, 3, tzinfo=UTC)
    session = {"timestamp": 17221751, "total_timer_time": 60000, "total_distance": 100000}
    session["sport"] = 1
    activity = {"timestamp": 17221751, "local_timestamp": _fit_time(local_end)}
    found = fit.read(fit_bytes(session, activity), "odd.fit", OPTIONS)
    assert (found.entries, dict(found.skipped)) == ([], {"no start time": 1})
