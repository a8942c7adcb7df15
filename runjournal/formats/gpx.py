"""GPX files: one activity per file, a run when its `<type>` names running.

Read with gpxpy, on text already checked by `xmltext` (no DTD: no entity can be
expanded, no external file read). Distance is the track's 2-D length and duration its
moving time (pauses left out), as GPX has no device summary. A route, or a track
whose points mostly have no time, is a plan and not an activity.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .activity import Activity, sport_of, to_found, utc, with_offset
from .found import Found, ReadOptions, Unreadable
from .xmltext import decode

NO_TIMES = "route"  # a track without times: planned, not done


def looks_like(head: bytes) -> bool:
    """An XML document whose root is `<gpx>`."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return text.startswith(b"<") and (b"<gpx" in head or b":gpx" in head)


def read(data: bytes, name: str, options: ReadOptions) -> Found:
    """The run a GPX file holds, or why it holds none."""
    activity = parse(data)
    if isinstance(activity, str):
        found = Found()
        found.skip(activity)
        return found
    return to_found([activity], options)


def parse(data: bytes) -> Activity | str:
    """The activity of a GPX file (any sport), or why it is not one."""
    import gpxpy
    import gpxpy.gpx

    text = decode(data)
    try:
        gpx = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError, AttributeError, TypeError) as error:
        raise Unreadable(f"not valid GPX: {str(error).splitlines()[0][:120]}") from None
    points = [point for track in gpx.tracks for seg in track.segments for point in seg.points]
    timed = [point.time for point in points if point.time is not None]
    if not timed or len(timed) * 2 < len(points):
        return NO_TIMES
    # The first time in the file: comparing every point's aware time to find the least
    # would cost more than the rest of the reading (gpxpy's zone is Python code).
    start = timed[0]
    kinds = [track.type for track in gpx.tracks if track.type]
    name = gpx.name or next((track.name for track in gpx.tracks if track.name), "") or ""
    return Activity(
        sport=sport_of(kinds[0] if kinds else None),
        start_utc=_utc(start),
        local_start=with_offset(start),  # None for a naive time too
        distance_m=gpx.length_2d(),
        duration_s=gpx.get_moving_data().moving_time,
        hr=_average_hr(points),
        name=name,
    )


def _utc(start: datetime) -> datetime:
    # GPX times are UTC by the standard; one written without a zone is taken as UTC.
    return start.replace(tzinfo=UTC) if start.tzinfo is None else utc(start)


def _average_hr(points: list[Any]) -> float | None:
    """The mean of the points' heart rates (Garmin's TrackPointExtension `hr`)."""
    total = count = 0
    for point in points:
        for extension in point.extensions:
            for element in extension.iter():
                if element.tag.rsplit("}", 1)[-1].lower() in ("hr", "heartrate"):
                    try:
                        value = int(float(element.text or ""))
                    except ValueError:
                        continue
                    if 30 <= value <= 250:
                        total += value
                        count += 1
    return total / count if count else None
