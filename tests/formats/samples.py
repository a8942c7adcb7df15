"""Helpers for the activity importer tests: the shared sample files, and files made here.

The samples are other people's files, never copied into the repository: tests that
read them run when RUNJOURNAL_SAMPLES names the folder holding them, and skip otherwise.
Everything else (runs, hostile files) is generated in the test's tmp_path.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from runjournal.formats.found import ReadOptions

SAMPLES = Path(os.environ["RUNJOURNAL_SAMPLES"]) if os.environ.get("RUNJOURNAL_SAMPLES") else None
TODAY = date(2026, 11, 24)
# UTC as "this machine's zone", so that times do not depend on where the tests run.
OPTIONS = ReadOptions(today=TODAY, local_tz=UTC)


def sample_path(relative: str) -> Path:
    """The path of one sample file; the test is skipped when the samples are absent."""
    path = SAMPLES / relative if SAMPLES else None
    if path is None or not path.exists():
        pytest.skip(f"sample {relative} not present (set RUNJOURNAL_SAMPLES)")
    return path


def sample(relative: str) -> bytes:
    """The bytes of one sample file (skipped when absent)."""
    return sample_path(relative).read_bytes()


def gpx_run(
    start: datetime,
    *,
    km: float = 5.0,
    minutes: float = 30.0,
    kind: str | None = "running",
    name: str = "Morning Run",
    hr: int | None = None,
    points: int = 60,
) -> bytes:
    """A GPX track heading due north at an even pace: `km` in `minutes` from `start`."""
    step_deg = km * 1000 / (points - 1) / 111_195  # metres per degree of latitude
    step_s = minutes * 60 / (points - 1)
    ext = (
        ""
        if hr is None
        else (
            f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr>"
            "</gpxtpx:TrackPointExtension></extensions>"
        )
    )
    rows = []
    for n in range(points):
        at = (start + timedelta(seconds=n * step_s)).astimezone(UTC)
        rows.append(
            f'<trkpt lat="{45 + n * step_deg:.7f}" lon="14.0"><ele>500</ele>'
            f"<time>{at.strftime('%Y-%m-%dT%H:%M:%SZ')}</time>{ext}</trkpt>"
        )
    type_tag = f"<type>{kind}</type>" if kind else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><name>{name}</name>{type_tag}<trkseg>{''.join(rows)}</trkseg></trk></gpx>"
    ).encode()


def at(text: str) -> datetime:
    """A UTC time from 'YYYY-MM-DDTHH:MM:SS'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def machine_in_tokyo() -> Iterator[None]:
    """This machine's zone set far from UTC: a time without a zone must not take it."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()
