"""What the activity readers (FIT, GPX, TCX, Strava) share: one activity becomes a run.

Each reader says what it found as an `Activity`; `to_found` applies SPEC §7's rules
that depend only on the file: running activities only (other sports counted by sport,
"sport not stated" unless `--as-run`), the local start time, the derived uid. The
range rules (too short, after today, not a run) are the import service's, for every
reader alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo

from ..domain.entries import Run
from ..domain.parse import MAX_NOTES
from .found import UNSTATED, Found, ReadOptions, Unreadable, derived_uid

# Words that name a sport, as files and apps write them, to the noun the summary counts.
_SPORTS = (
    ("run", "run"),
    ("jog", "run"),
    ("bik", "ride"),
    ("cycl", "ride"),
    ("ride", "ride"),
    ("walk", "walk"),
    ("swim", "swim"),
    ("hik", "hike"),
    ("row", "rowing"),
    ("ski", "ski"),
    ("paddl", "paddling"),
    ("transition", "transition"),
)
# A sport field that says nothing about the sport.
NOT_STATED = ("", "other", "generic", "unknown", "none", "all", "activity", "workout")
# Strava writes its activity types into GPX `<type>` as numbers.
_STRAVA_TYPE_NUMBERS = {"1": "ride", "2": "ski", "4": "hike", "9": "run", "10": "walk"}


def sport_of(text: str | None) -> str | None:
    """The sport a file's sport field names ("run", "ride", ...), or None if it names none."""
    value = (text or "").strip().lower().replace("_", " ")
    if value in NOT_STATED:
        return None
    if value in _STRAVA_TYPE_NUMBERS:
        return _STRAVA_TYPE_NUMBERS[value]
    for word, sport in _SPORTS:
        if word in value:
            return sport
    return value[:40]


@dataclass(frozen=True)
class Activity:
    """One activity as a file describes it, in the file's own terms."""

    sport: str | None  # from sport_of
    start_utc: datetime | None  # aware; None when the file gives no absolute time
    local_start: datetime | None  # naive wall-clock time where it happened, if known
    distance_m: float
    duration_s: float
    hr: float | None = None
    name: str = ""


def utc(moment: datetime, zone: tzinfo | None = UTC) -> datetime:
    """`moment` in UTC (or in `zone`; None: this machine's zone), aware.

    A time at the calendar's edge (0001-01-01T00:30+01:00) has no UTC instant Python can
    hold: `Unreadable("date out of range")`, never an OverflowError.
    """
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):
        raise Unreadable("date out of range") from None


def local_start(activity: Activity, options: ReadOptions) -> datetime | None:
    """Where the file says the local time, that; else the UTC start in this machine's zone."""
    if activity.local_start is not None:
        return activity.local_start
    if activity.start_utc is None:
        return None
    return utc(activity.start_utc, options.local_tz).replace(tzinfo=None)


def with_offset(start: datetime) -> datetime | None:
    """A wall-clock time from a time that carries a real UTC offset (not Z or +00:00)."""
    offset = start.utcoffset()
    if offset is None or offset == timedelta(0):
        return None
    return start.replace(tzinfo=None)


def to_run(activity: Activity, options: ReadOptions) -> Run | str:
    """The run an activity is, or the reason it is not one (its sport, "sport not stated")."""
    if activity.sport is None and not options.as_run:
        return UNSTATED
    if activity.sport not in (None, "run"):
        return activity.sport or UNSTATED
    start = local_start(activity, options)
    if start is None:
        return "no start time"
    if activity.start_utc is not None:
        at = utc(activity.start_utc)
        uid = derived_uid("activity", at.strftime("%Y-%m-%dT%H:%M:%SZ"))
    else:  # a device that never learnt the time of day: its local clock is all there is
        uid = derived_uid("activity-local", start.strftime("%Y-%m-%dT%H:%M:%S"))
    hr = round(activity.hr) if activity.hr else None
    return Run(
        date=start.date(),
        time=start.strftime("%H:%M"),
        distance_m=round(activity.distance_m),
        duration_s=round(activity.duration_s),
        hr=hr if hr is not None and 30 <= hr <= 250 else None,
        notes=activity.name.strip()[:MAX_NOTES],
        uid=uid,
    )


def to_found(activities: Iterable[Activity], options: ReadOptions) -> Found:
    """The runs among `activities`, and the others counted by why they are not runs."""
    found = Found()
    for activity in activities:
        run = to_run(activity, options)
        if run == UNSTATED:
            unstated = to_run(activity, replace(options, as_run=True))
            if not isinstance(unstated, str):
                found.unstated.append(unstated)
        if isinstance(run, str):
            found.skip(run)
        else:
            found.entries.append(run)
    return found
