"""A FIT file cut short before any session (a watch whose battery died mid-run).

There is no summary to read, so the run is rebuilt from what the file did record: from
the first timer start to the last record, less the pauses the timer events mark, the
last distance recorded and the heart rate of the laps it finished. The files are made
here, message by message; the real cut file among the samples is a ride, counted as one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from runjournal.domain.entries import Run
from runjournal.formats import fit
from runjournal.formats.found import Unreadable

from . import test_fit_edges as made
from .samples import OPTIONS, sample
from .test_fit import _fit_time

TIMER, START, STOP, STOP_ALL = 0, 0, 1, 4  # FIT's event and event_type enums
T0 = _fit_time(made.START)


def timer(at_s: int, kind: int) -> bytes:
    return made.message(3, "event", {"timestamp": T0 + at_s, "event": TIMER, "event_type": kind})


def records(seconds: range, *, m_per_s: int = 3, hr: int = 150) -> bytes:
    """A record every step of `seconds` (seconds from the start), running at `m_per_s`."""
    out = b""
    for at in seconds:
        values = {"timestamp": T0 + at, "distance": at * m_per_s * 100, "heart_rate": hr}  # cm
        out += made.message(4, "record", values)
    return out


def lap(end_s: int, timer_s: int, hr: int) -> bytes:
    return made.message(
        5,
        "lap",
        {"timestamp": T0 + end_s, "total_timer_time": timer_s * 1000, "avg_heart_rate": hr},
    )


def cut(*messages: bytes) -> bytes:
    """A FIT file of `messages` cut before its file CRC, as a dead battery leaves one."""
    return made.fit_file(*messages)[:-2]


def sport(kind: int) -> bytes:
    return made.message(2, "sport", {"sport": kind})


def rebuilt(**changes: object) -> Run:
    return replace(made.a_run(notes=fit.REBUILT), **changes)  # type: ignore[arg-type]


def test_a_run_cut_before_its_session_is_rebuilt_from_its_records() -> None:
    data = cut(
        sport(made.RUNNING),
        timer(0, START),
        records(range(10, 601, 10)),
        lap(600, 600, 140),
        records(range(610, 901, 10)),
        lap(900, 300, 170),  # 600 s at 140, 300 s at 170: 150 bpm over the two laps
        records(range(910, 1201, 10), hr=180),  # the lap the battery did not let it finish
    )
    run = made.the_run(made.read(data))
    # 0 → 1200 s, the last record at 3600 m.
    assert run == rebuilt(distance_m=3600, duration_s=1200, hr=150)
    # Cut inside its last record: that record is lost, the ones before it are kept.
    shorter = made.the_run(made.read(data[:-1]))
    assert (shorter.distance_m, shorter.duration_s) == (3570, 1190)


def test_its_pauses_are_left_out_of_the_running_time() -> None:
    data = cut(
        sport(made.RUNNING),
        timer(0, START),
        records(range(10, 601, 10)),
        timer(600, STOP),  # a 90 s wait at a crossing
        timer(605, STOP_ALL),  # a second stop while stopped: the pause began at the first
        timer(690, START),
        records(range(700, 1201, 10)),
    )
    run = made.the_run(made.read(data))
    assert (run.duration_s, run.distance_m) == (1200 - 90, 3600)


def test_a_file_cut_while_its_timer_was_stopped_ends_at_the_stop() -> None:
    data = cut(
        sport(made.RUNNING),
        timer(0, START),
        records(range(10, 901, 10)),
        timer(900, STOP_ALL),
        records(range(910, 1001, 10), m_per_s=0),  # standing still, then the battery died
    )
    run = made.the_run(made.read(data))
    assert run.duration_s == 900


def test_without_a_timer_event_or_a_lap_the_first_record_is_the_start_and_no_hr() -> None:
    data = cut(sport(made.RUNNING), records(range(0, 1201, 10)))
    assert made.the_run(made.read(data)) == rebuilt(distance_m=3600, duration_s=1200, hr=None)


def test_a_cut_file_without_its_sport_is_sport_not_stated() -> None:
    data = cut(timer(0, START), records(range(10, 1201, 10)))
    found = made.read(data)
    assert (found.entries, dict(found.skipped)) == ([], {"sport not stated": 1})
    as_run = fit.read(data, "made.fit", replace(OPTIONS, as_run=True))
    assert as_run.entries == [rebuilt(distance_m=3600, duration_s=1200)]


@pytest.mark.parametrize(
    "messages",
    [
        (),  # cut right after its file_id
        (timer(0, START),),  # started, nothing recorded
        (timer(0, START), made.message(4, "record", {"timestamp": T0})),  # one record, no distance
        (timer(10, START), records(range(10, 11))),  # one record: no time between start and end
    ],
    ids=["nothing", "started", "no-distance", "no-time"],
)
def test_a_cut_file_whose_records_say_no_run_is_still_truncated(
    messages: tuple[bytes, ...],
) -> None:
    with pytest.raises(Unreadable) as caught:
        made.read(cut(sport(made.RUNNING), *messages))
    assert str(caught.value) == "truncated before its session summary"


def test_a_timer_started_after_the_first_record_does_not_move_the_start_later() -> None:
    data = cut(
        sport(made.RUNNING),
        records(range(0, 61, 10)),
        timer(60, START),
        records(range(70, 1201, 10)),
    )
    assert made.the_run(made.read(data)).duration_s == 1200


def test_a_file_that_ends_with_its_session_is_read_from_the_session_not_the_records() -> None:
    data = made.fit_file(
        sport(made.RUNNING), timer(0, START), records(range(10, 601, 10), m_per_s=1), made.session()
    )
    assert made.the_run(made.read(data)) == made.a_run()  # 6 km in 30:00, as the session says


def test_the_real_cut_file_is_a_ride_rebuilt_from_its_14391_records() -> None:
    (activity,) = fit.activities(sample("fit/truncated_real_sigma_no_session__fitparse.fit"))
    assert activity.sport == "ride"
    assert (round(activity.distance_m), activity.duration_s) == (113551, 14383)
    assert activity.hr is None  # its one lap message holds no heart rate
    assert activity.name == fit.REBUILT
    assert activity.start_utc is not None
    assert activity.start_utc.isoformat() == "2020-09-12T12:23:37+00:00"
    assert (
        timedelta(seconds=activity.duration_s)
        < activity.start_utc.replace(hour=17, minute=2, second=21) - activity.start_utc
    )  # the pauses are left out of 4 h 38 min 44 s
