"""FIT reader, field by field, on small files made here (no samples needed).

Each test builds the few messages one behaviour needs (a sport message, a session
without its sport, a gym session, a damaged definition...) and pins the run or the
report line it gives exactly.
"""

from __future__ import annotations

import struct
import warnings
from datetime import UTC, date, datetime, timedelta

import pytest

from runjournal.domain.entries import Run
from runjournal.formats import fit
from runjournal.formats.found import Found, Unreadable, derived_uid

from .samples import OPTIONS
from .test_fit import _crc, _fit_time

ENUM, UINT8, UINT32 = 0x00, 0x02, 0x86
TIME = (253, UINT32, "I")  # every message's timestamp field
# message name: (global message number, {field name: (field number, base type, struct code)})
_PROFILE: dict[str, tuple[int, dict[str, tuple[int, int, str]]]] = {
    "file_id": (0, {"type": (0, ENUM, "B")}),
    "sport": (12, {"sport": (0, ENUM, "B"), "sub_sport": (1, ENUM, "B")}),
    "session": (
        18,
        {
            "timestamp": (253, UINT32, "I"),
            "start_time": (2, UINT32, "I"),
            "sport": (5, ENUM, "B"),
            "sub_sport": (6, ENUM, "B"),
            "total_elapsed_time": (7, UINT32, "I"),  # ms
            "total_timer_time": (8, UINT32, "I"),  # ms
            "total_distance": (9, UINT32, "I"),  # cm
            "avg_heart_rate": (16, UINT8, "B"),
        },
    ),
    "activity": (34, {"timestamp": (253, UINT32, "I"), "local_timestamp": (5, UINT32, "I")}),
    # For files cut before their session (test_fit_rebuilt.py): distance in cm, time in ms.
    "record": (
        20,
        {"timestamp": TIME, "distance": (5, UINT32, "I"), "heart_rate": (3, UINT8, "B")},
    ),
    "lap": (
        19,
        {
            "timestamp": TIME,
            "total_timer_time": (8, UINT32, "I"),
            "avg_heart_rate": (15, UINT8, "B"),
        },
    ),
    "event": (21, {"timestamp": TIME, "event": (0, ENUM, "B"), "event_type": (1, ENUM, "B")}),
}
# FIT profile enums used here
RUNNING, CYCLING, FITNESS_EQUIPMENT, TRAINING = 1, 2, 4, 10
STREET, INDOOR_ROWING, STRENGTH_TRAINING = 2, 14, 20

START = datetime(2024, 3, 9, 7, 30, 12, tzinfo=UTC)  # a Saturday morning run, UTC
START_UID = derived_uid("activity", "2024-03-09T07:30:12Z")


def _raw(local: int, number: int, fields: list[tuple[int, int, bytes]]) -> bytes:
    """A definition message and one data message: fields as (number, base type, bytes)."""
    definition = struct.pack("<BBHB", 0, 0, number, len(fields))
    definition += b"".join(struct.pack("<BBB", n, len(raw), base) for n, base, raw in fields)
    return bytes([0x40 | local]) + definition + bytes([local]) + b"".join(r for _, _, r in fields)


def message(local: int, name: str, values: dict[str, int]) -> bytes:
    """One message of the profile above, its fields in the order `values` gives them."""
    number, profile = _PROFILE[name]
    fields = [profile[key] for key in values]
    return _raw(
        local,
        number,
        [
            (n, base, struct.pack("<" + code, v))
            for (n, base, code), v in zip(fields, values.values(), strict=True)
        ],
    )


def fit_file(*messages: bytes) -> bytes:
    """A FIT file with a file_id and `messages`, header and file CRCs right."""
    body = message(0, "file_id", {"type": 4}) + b"".join(messages)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    data = header + struct.pack("<H", _crc(header)) + body
    return data + struct.pack("<H", _crc(data))


def session(**values: int | None) -> bytes:
    """A running session, 6 km in 30:00 from START, but for `values` (None: no such field)."""
    fields: dict[str, int | None] = {
        "timestamp": _fit_time(START) + 1800,
        "start_time": _fit_time(START),
        "sport": RUNNING,
        "total_timer_time": 1_800_000,
        "total_distance": 600_000,
    }
    fields.update(values)
    return message(1, "session", {k: v for k, v in fields.items() if v is not None})


def read(data: bytes) -> Found:
    return fit.read(data, "made.fit", OPTIONS)


def the_run(found: Found) -> Run:
    (run,) = found.entries
    assert isinstance(run, Run)
    assert dict(found.skipped) == {}
    return run


def a_run(**changes: object) -> Run:
    """The run `session()` is, read on a machine in UTC, with `changes`."""
    fields: dict[str, object] = {
        "date": date(2024, 3, 9),
        "time": "07:30",
        "distance_m": 6000,
        "duration_s": 1800,
        "hr": None,
        "uid": START_UID,
    }
    fields.update(changes)
    return Run(**fields)  # type: ignore[arg-type]


def unreadable(data: bytes) -> str:
    with pytest.raises(Unreadable) as caught:
        read(data)
    return str(caught.value)


# The session's own fields ---------------------------------------------------------------


def test_the_plain_session_is_the_run() -> None:
    assert the_run(read(fit_file(session()))) == a_run()


def test_average_heart_rate_is_the_runs_hr() -> None:
    assert the_run(read(fit_file(session(avg_heart_rate=152)))) == a_run(hr=152)


def test_without_a_timer_time_the_elapsed_time_is_the_duration() -> None:
    found = read(fit_file(session(total_timer_time=None, total_elapsed_time=1_925_400)))
    assert the_run(found) == a_run(duration_s=1925)


def test_the_timer_time_wins_over_the_elapsed_time_that_holds_the_pause() -> None:
    found = read(fit_file(session(total_timer_time=1_800_000, total_elapsed_time=1_925_400)))
    assert the_run(found) == a_run(duration_s=1800)


def test_a_session_without_distance_or_time_is_a_run_of_zero_for_the_import_to_judge() -> None:
    # The reader does not crash on a summary that lacks them; the import then counts
    # it as "too short" like any watch started by accident.
    found = read(fit_file(session(total_timer_time=None, total_distance=None)))
    assert the_run(found) == a_run(distance_m=0, duration_s=0)


# Which sport a session is ----------------------------------------------------------------


def test_a_sport_message_states_the_sport_of_a_session_that_does_not() -> None:
    # Some watches write the sport once, in a sport message, and leave it out of the
    # session; the sport message's fields come in any order.
    sport = message(2, "sport", {"sub_sport": STREET, "sport": RUNNING})
    assert the_run(read(fit_file(sport, session(sport=None)))) == a_run()


def test_without_any_sport_the_session_is_sport_not_stated() -> None:
    found = read(fit_file(session(sport=None)))
    assert (found.entries, dict(found.skipped)) == ([], {"sport not stated": 1})
    assert found.unstated == [a_run()]  # a run with --as-run, or a Strava row saying Run


def test_a_sport_message_without_its_sport_field_leaves_the_session_unstated() -> None:
    sport = message(2, "sport", {"sub_sport": STREET})
    found = read(fit_file(sport, session(sport=None)))
    assert (found.entries, dict(found.skipped)) == ([], {"sport not stated": 1})


def test_a_session_that_states_its_sport_keeps_it_whatever_the_sport_message_says() -> None:
    ride_then_run = message(2, "sport", {"sport": CYCLING}) + session(sport=RUNNING)
    assert the_run(read(fit_file(ride_then_run))) == a_run()
    run_then_ride = message(2, "sport", {"sport": RUNNING}) + session(sport=CYCLING)
    assert dict(read(fit_file(run_then_ride)).skipped) == {"ride": 1}


@pytest.mark.parametrize(
    ("sport", "sub_sport", "counted_as"),
    [
        (FITNESS_EQUIPMENT, INDOOR_ROWING, "rowing"),  # the sub-sport names the machine
        (TRAINING, STRENGTH_TRAINING, "strength training"),
        (FITNESS_EQUIPMENT, None, "fitness equipment"),  # no sub-sport: the sport itself
        (CYCLING, INDOOR_ROWING, "ride"),  # a real sport is not replaced by its sub-sport
    ],
)
def test_gym_sessions_are_counted_by_their_sub_sport(
    sport: int, sub_sport: int | None, counted_as: str
) -> None:
    found = read(fit_file(session(sport=sport, sub_sport=sub_sport)))
    assert (found.entries, dict(found.skipped)) == ([], {counted_as: 1})


def test_a_running_session_with_a_sub_sport_is_still_a_run() -> None:
    assert the_run(read(fit_file(session(sub_sport=STREET)))) == a_run()


# The local start: activity.local_timestamp - activity.timestamp --------------------------


def activity(offset: timedelta) -> bytes:
    end = _fit_time(START) + 1900
    return message(
        2, "activity", {"timestamp": end, "local_timestamp": end + int(offset.total_seconds())}
    )


def test_the_local_offset_is_rounded_to_the_quarter_hour_the_zone_is() -> None:
    # The two stamps written a second apart: +2 h 0 min 1 s is the +02:00 zone.
    late = datetime(2024, 3, 9, 7, 30, 59, tzinfo=UTC)
    run = session(start_time=_fit_time(late))
    found = read(fit_file(run, activity(timedelta(hours=2, seconds=1))))
    assert the_run(found) == a_run(
        time="09:30", uid=derived_uid("activity", "2024-03-09T07:30:59Z")
    )
    # Nepal, +05:45, written 2 s early: 5:44:58 is still 5:45
    found = read(fit_file(session(), activity(timedelta(hours=5, minutes=44, seconds=58))))
    assert the_run(found) == a_run(time="13:15")


def test_a_fifteen_hour_offset_is_still_a_zone() -> None:
    # The widest offset taken; 07:30 UTC is 22:30 local, the same day.
    found = read(fit_file(session(), activity(timedelta(hours=15))))
    assert the_run(found) == a_run(time="22:30")
    found = read(fit_file(session(), activity(-timedelta(hours=15))))
    assert the_run(found) == a_run(date=date(2024, 3, 8), time="16:30")


@pytest.mark.parametrize("hours", [15.5, 16, -16, 30])
def test_a_local_clock_further_than_fifteen_hours_out_is_not_a_zone(hours: float) -> None:
    # A watch whose clock was never set: the UTC start in this machine's zone (UTC).
    found = read(fit_file(session(), activity(timedelta(hours=hours))))
    assert the_run(found) == a_run()


# Damaged files: what the report says ----------------------------------------------------


def test_a_wrong_file_checksum_says_so() -> None:
    data = bytearray(fit_file(session()))
    data[-1] ^= 0xFF
    assert unreadable(bytes(data)) == "damaged: its checksum (CRC) does not match its content"


def test_a_file_cut_inside_its_session_is_truncated_before_the_summary() -> None:
    data = fit_file(session())
    assert unreadable(data[:-6]) == "truncated before its session summary"


def test_a_file_cut_after_its_session_keeps_the_run() -> None:
    data = fit_file(session(avg_heart_rate=150), activity(timedelta(hours=1)))
    assert the_run(read(data[:-5])) == a_run(hr=150)  # the activity message is cut


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml version='1.0'?><gpx creator='not a fit file'></gpx>",
        b"Date,Workout Name,Duration,Exercise Name\n2024-03-09,Legs,1h,Squat\n",
    ],
)
def test_another_format_is_not_a_fit_file(data: bytes) -> None:
    assert unreadable(data) == "not a FIT file"


def test_a_file_with_a_fit_header_and_a_broken_body_says_where() -> None:
    # A data message for local message 5, which no definition precedes.
    body = message(0, "file_id", {"type": 4}) + bytes([0x05, 0, 0, 0])
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    data = header + struct.pack("<H", _crc(header)) + body
    data += struct.pack("<H", _crc(data))
    assert unreadable(data) == "damaged: FIT parsing error @ 25: local message 5 not defined"


def test_a_broken_message_after_the_session_keeps_the_run() -> None:
    # The Strava Android app case: "local message 11 not defined" after the session.
    body = message(0, "file_id", {"type": 4}) + session(avg_heart_rate=160) + bytes([0x0B, 0, 0])
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    data = header + struct.pack("<H", _crc(header)) + body
    data += struct.pack("<H", _crc(data))
    assert the_run(read(data)) == a_run(hr=160)


def test_a_field_sized_unlike_its_type_does_not_lose_the_run() -> None:
    # COROS watches write event.data (uint32) with size 1 (fitdecode issue #13); the
    # FIT SDK and Garmin Connect read such files. The field is read as bytes, the rest
    # as usual, and nothing is printed in the middle of the import.
    event = _raw(
        3,
        21,
        [
            (253, UINT32, struct.pack("<I", _fit_time(START))),
            (0, ENUM, b"\x00"),
            (3, UINT32, b"\x00"),
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = read(fit_file(event, session(avg_heart_rate=148)))
    assert the_run(found) == a_run(hr=148)


# Damage fitdecode reports other than with a FitError: never a crash of the import ----


def test_a_header_that_declares_fewer_bytes_than_its_records_is_damaged() -> None:
    # The session record runs past the end the header gives: fitdecode trips an assert.
    body = message(0, "file_id", {"type": 4}) + session()
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body) - 3, b".FIT")
    data = header + struct.pack("<H", _crc(header)) + body
    assert unreadable(data) == "damaged: inconsistent structure"


def test_a_chained_file_whose_next_header_is_broken_keeps_the_run_before_it() -> None:
    # A second FIT file after the first, its header of size 16 (only 12 and 14 exist).
    second = struct.pack("<BBHI4s", 16, 0x20, 2132, 0, b".FIT") + b"\x00" * 4
    assert the_run(read(fit_file(session(avg_heart_rate=155)) + second)) == a_run(hr=155)


def test_any_one_damaged_byte_or_any_cut_gives_runs_or_unreadable_never_a_crash() -> None:
    # Every byte of a small file overwritten in turn (612 files), and the file cut at
    # every length: each gives its runs or `Unreadable`, which the import reports
    # by name and goes on; any other exception would stop a whole archive's import.
    sport = message(2, "sport", {"sport": RUNNING})
    good = fit_file(sport, session(avg_heart_rate=150), activity(timedelta(hours=1)))
    damaged = [
        good[:n] + bytes([v]) + good[n + 1 :]
        for n in range(len(good))
        for v in (0, 1, 0x10, 0x7F, 0x80, 0xFF)
    ]
    kept = refused = 0
    for data in damaged + [good[:n] for n in range(len(good))]:
        try:
            kept += len(fit.activities(data)) > 0
        except Unreadable:
            refused += 1
    assert kept > 100  # a byte of the heart rate hit: the run is kept
    assert refused > 100  # a byte of the CRC hit: refused
