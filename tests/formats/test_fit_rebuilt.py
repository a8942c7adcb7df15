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


def timer(at_s: int, kind: int, event: int = TIMER) -> bytes:
    # The time last: a reader that took "the first field" for it would go wrong.
    return made.message(3, "event", {"event": event, "event_type": kind, "timestamp": T0 + at_s})


def records(seconds: range, *, m_per_s: int = 3, hr: int = 150) -> bytes:
    """A record every step of `seconds` (seconds from the start), running at `m_per_s`."""
    out = b""
    for at in seconds:
        values = {"distance": at * m_per_s * 100, "heart_rate": hr, "timestamp": T0 + at}  # cm
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


def sport(kind: int, sub_sport: int | None = None) -> bytes:
    values = {"sport": kind} if sub_sport is None else {"sport": kind, "sub_sport": sub_sport}
    return made.message(2, "sport", values)


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


def test_a_lap_whose_strap_read_no_heart_rate_is_left_out_of_the_mean() -> None:
    data = cut(
        sport(made.RUNNING),
        timer(0, START),
        records(range(10, 401, 10)),
        lap(400, 400, 0),  # the strap not on yet
        records(range(410, 701, 10)),
        lap(700, 300, 29),  # nor a reading below any heart's
        records(range(710, 901, 10)),
        lap(900, 200, 251),  # nor one above
        records(range(910, 1201, 10)),
        lap(1200, 300, 160),
    )
    assert made.the_run(made.read(data)).hr == 160


def test_the_heart_rates_at_the_edges_of_the_range_count() -> None:
    data = cut(
        sport(made.RUNNING),
        timer(0, START),
        records(range(10, 601, 10)),
        lap(600, 600, 30),
        records(range(610, 1201, 10)),
        lap(1200, 600, 250),
    )
    assert made.the_run(made.read(data)).hr == 140  # (30 + 250) / 2


def test_an_event_that_is_not_the_timer_does_not_pause_the_run() -> None:
    LAP = 9  # FIT's event enum: a lap button press, "stop" then "start"
    data = cut(
        sport(made.RUNNING),
        timer(0, START),
        records(range(10, 601, 10)),
        timer(600, STOP, event=LAP),
        timer(630, START, event=LAP),
        records(range(610, 1201, 10)),
    )
    assert made.the_run(made.read(data)).duration_s == 1200


def test_events_and_records_without_their_fields_are_passed_over() -> None:
    data = cut(
        sport(made.RUNNING),
        made.message(3, "event", {"event": TIMER, "event_type": START}),  # no time
        made.message(3, "event", {"event_type": STOP, "timestamp": T0 + 300}),  # no event
        records(range(0, 1201, 10)),
    )
    assert made.the_run(made.read(data)) == rebuilt(distance_m=3600, duration_s=1200)


@pytest.mark.parametrize(
    "last",
    [{"distance": 360_000}, {"timestamp": T0 + 1200}],
    ids=["last-without-time", "last-without-distance"],
)
def test_a_last_record_without_its_time_or_distance_rebuilds_nothing(last: dict[str, int]) -> None:
    data = cut(sport(made.RUNNING), records(range(0, 1191, 10)), made.message(4, "record", last))
    with pytest.raises(Unreadable) as caught:
        made.read(data)
    assert str(caught.value) == "truncated before its session summary"


def test_a_first_record_without_its_time_rebuilds_nothing() -> None:
    data = cut(
        sport(made.RUNNING),
        made.message(4, "record", {"distance": 0}),
        records(range(10, 1201, 10)),
    )
    with pytest.raises(Unreadable) as caught:
        made.read(data)
    assert str(caught.value) == "truncated before its session summary"


def test_one_second_of_records_is_an_activity_for_the_import_to_judge() -> None:
    data = cut(sport(made.RUNNING), records(range(0, 2)))
    (activity,) = fit.activities(data)
    assert (activity.duration_s, activity.distance_m) == (1, 3)


def test_a_cut_gym_file_is_counted_by_its_sub_sport() -> None:
    data = cut(
        sport(made.FITNESS_EQUIPMENT, made.INDOOR_ROWING),
        timer(0, START),
        records(range(0, 601, 10)),
    )
    found = made.read(data)
    assert (found.entries, dict(found.skipped)) == ([], {"rowing": 1})
