"""What every activity reader shares: which start time is the local one (formats/activity)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from runjournal.domain.entries import Run
from runjournal.formats import gpx
from runjournal.formats.activity import Activity, sport_of, to_run, with_offset

from .samples import OPTIONS, at, gpx_run

TOKYO = dataclasses.replace(OPTIONS, local_tz=ZoneInfo("Asia/Tokyo"))


@pytest.mark.parametrize(
    "start",
    [
        datetime(2026, 11, 20, 6, 30),  # noqa: DTZ001 (no zone at all)
        datetime(2026, 11, 20, 6, 30, tzinfo=UTC),  # Z
        datetime(2026, 11, 20, 6, 30, tzinfo=timezone(timedelta(0))),  # +00:00
    ],
)
def test_a_utc_or_zoneless_time_says_nothing_of_the_local_time(start: datetime) -> None:
    assert with_offset(start) is None


@pytest.mark.parametrize("hours", [2, -5, 0.25, 14])
def test_a_real_offset_keeps_the_wall_clock(hours: float) -> None:
    start = datetime(2026, 5, 1, 7, 30, tzinfo=timezone(timedelta(hours=hours)))
    assert with_offset(start) == datetime(2026, 5, 1, 7, 30)  # noqa: DTZ001 (wall clock)


def test_a_run_recorded_in_utc_is_placed_in_this_machines_zone() -> None:
    found = gpx.read(gpx_run(at("2026-11-20T06:30:00")), "r.gpx", TOKYO)
    (run,) = found.entries
    assert isinstance(run, Run)
    assert (run.date, run.time) == (date(2026, 11, 20), "15:30")  # 06:30Z in Tokyo


# The heart rate a run keeps, and a sport's name ---------------------------------------


@pytest.mark.parametrize(
    ("average", "kept"),
    [
        (29.4, None),
        (29.5, 30),
        (30.0, 30),
        (250.0, 250),
        (250.4, 250),
        (250.6, None),
        (251.0, None),
    ],
)
def test_an_average_heart_rate_outside_30_to_250_is_left_out(
    average: float, kept: int | None
) -> None:
    start = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)
    run = to_run(Activity("run", start, None, 5000.0, 1500.0, hr=average), OPTIONS)
    assert isinstance(run, Run)
    assert run.hr == kept
    assert (run.distance_m, run.duration_s) == (5000, 1500)  # the run itself is kept


def test_a_sport_name_is_cut_at_40_characters() -> None:
    assert sport_of("Competitive underwater orienteering with fins") == (
        "competitive underwater orienteering with"
    )
