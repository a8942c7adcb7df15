"""FIT files (Garmin, Coros, Polar, Wahoo, Suunto...): one run per running session.

Read with fitdecode, which streams, gives UTC-aware times and keeps what it decoded
before a truncation: a file cut short after its session message still gives its run.
Distance and time are the session's own summary (`total_distance`, `total_timer_time`,
which leaves pauses out); the local start comes from the activity message's
`local_timestamp` offset when the file has one. A file cut short before any session (a
watch whose battery died mid-run) is rebuilt from its records: the first timer start to
the last record, less the pauses its timer events mark, the last distance recorded, the
heart rate of its finished laps.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from .activity import Activity, sport_of, to_found
from .found import Found, ReadOptions, Unreadable

# What fitdecode raises, besides its FitError, on a damaged file: a record that runs
# past the size the header declares trips one of its asserts (AssertionError, no text);
# a chained file's header of an odd size, a struct.error.
_DAMAGE = (ValueError, KeyError, IndexError, TypeError, AssertionError, struct.error)


# The note a run rebuilt from a cut file carries, as its name (the notes of the run).
REBUILT = "rebuilt from its records: the file was cut short before its summary"
_STOPS = ("stop", "stop_all", "stop_disable", "stop_disable_all")


def looks_like(head: bytes) -> bool:
    """A FIT header: its size (12 or 14) first, then ".FIT" at bytes 8-11."""
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


def read(data: bytes, name: str, options: ReadOptions) -> Found:
    """The running sessions of a FIT file (chained files too) as runs."""
    return to_found(activities(data), options)


def activities(data: bytes) -> list[Activity]:
    """Every session of a FIT file as an Activity (all sports)."""
    import fitdecode

    sessions: list[dict[str, Any]] = []
    activity: dict[str, Any] = {}
    sport_message: dict[str, Any] = {}  # a session that states no sport takes this one's
    track = _Track()
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            # A field sized unlike its type (COROS writes a uint32 in 1 byte) is read
            # as bytes, as the FIT SDK does, without a warning printed mid-import.
            error_handling=fitdecode.ErrorHandling.IGNORE,
        ) as fit:
            for frame in fit:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                name = frame.name
                if name == "record":  # most messages are records: one test for them
                    track.record(frame)
                elif name == "session":
                    sessions.append(_values(frame, _text(sport_message.get("sport"))))
                elif name == "activity":
                    activity = _values(frame, None)
                elif name == "sport":
                    sport_message = _values(frame, None)
                elif name == "event":
                    track.event(frame)
                elif name == "lap":
                    track.lap(frame)
    except fitdecode.FitCRCError:
        raise Unreadable("damaged: its checksum (CRC) does not match its content") from None
    except fitdecode.FitEOFError:
        if not sessions:  # cut short before its summary: what the records say, if enough
            rebuilt = track.session(sport_message)
            if rebuilt is None:
                raise Unreadable("truncated before its session summary") from None
            return [replace(_activity(rebuilt, {}), name=REBUILT)]
    except (fitdecode.FitError, *_DAMAGE) as error:
        if not sessions:
            if not looks_like(data[:14]):
                raise Unreadable("not a FIT file") from None
            raise Unreadable(f"damaged: {str(error)[:120] or 'inconsistent structure'}") from None
    return [_activity(s, activity) for s in sessions]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _values(frame: Any, sport: str | None) -> dict[str, Any]:
    wanted = (
        "sport",
        "sub_sport",
        "start_time",
        "timestamp",
        "local_timestamp",
        "total_distance",
        "total_timer_time",
        "total_elapsed_time",
        "avg_heart_rate",
    )
    values = {f.name: f.value for f in frame.fields if f.name in wanted}
    if values.get("sport") is None and sport is not None:
        values["sport"] = sport
    return values


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _activity(session: dict[str, Any], activity: dict[str, Any]) -> Activity:
    start = session.get("start_time")
    local: datetime | None = None
    offset = _local_offset(activity)
    if isinstance(start, datetime):
        if offset is not None:
            local = (start + offset).replace(tzinfo=None)
    else:
        start = None
        local = _local_from_device_time(session, activity)
    duration = session.get("total_timer_time")
    if not isinstance(duration, int | float):
        duration = session.get("total_elapsed_time")
    hr = session.get("avg_heart_rate")
    sport = _text(session.get("sport"))
    if sport in ("fitness_equipment", "training") and session.get("sub_sport"):
        sport = _text(session.get("sub_sport"))  # "indoor_rowing" says more
    return Activity(
        sport=sport_of(sport),
        start_utc=start,
        local_start=local,
        distance_m=_number(session.get("total_distance")),
        duration_s=_number(duration),
        hr=float(hr) if isinstance(hr, int | float) else None,
    )


def _local_offset(activity: dict[str, Any]) -> timedelta | None:
    """local_timestamp - timestamp of the activity message: the zone where it happened."""
    local, utc = activity.get("local_timestamp"), activity.get("timestamp")
    if not isinstance(local, datetime) or not isinstance(utc, datetime):
        return None
    offset = local.replace(tzinfo=None) - utc.replace(tzinfo=None)
    if abs(offset) > timedelta(hours=15):  # no zone is that far: a clock not set
        return None
    # Zones are whole quarter hours; the two stamps may be written a second apart.
    quarter = 15 * 60
    return timedelta(seconds=round(offset.total_seconds() / quarter) * quarter)


def _local_from_device_time(session: dict[str, Any], activity: dict[str, Any]) -> datetime | None:
    """A start in device-relative seconds (no real date), placed by the local timestamp.

    Old watches without a GPS fix count seconds from power-on; the activity message's
    `local_timestamp` is then the only wall-clock time, and the start is that many
    seconds before it.
    """
    start, end = session.get("start_time"), activity.get("timestamp")
    local_end = activity.get("local_timestamp")
    if isinstance(start, int) and isinstance(end, int) and isinstance(local_end, datetime):
        return (local_end - timedelta(seconds=end - start)).replace(tzinfo=None)
    return None


@dataclass
class _Track:
    """What a file's records, laps and timer events say, for a file cut before its session.

    A record costs one assignment (a file holds thousands; decoding them is the import's
    time): only the first and the last are kept, and read if the session never comes.
    """

    first: Any = None  # the first record message
    last: Any = None  # the last record message
    started: datetime | None = None  # the first timer start
    paused_s: float = 0.0
    stopped_at: datetime | None = None  # the timer is stopped since then
    hr_time: float = 0.0  # the laps' heart rate × timer time, summed
    hr_timer_s: float = 0.0

    def record(self, frame: Any) -> None:
        if self.first is None:
            self.first = frame
        self.last = frame

    def lap(self, frame: Any) -> None:
        hr = frame.get_value("avg_heart_rate", fallback=None)
        timer = frame.get_value("total_timer_time", fallback=None)
        # A strap not worn reads 0 (or nonsense): such a lap says nothing of the heart.
        if isinstance(hr, int | float) and 30 <= hr <= 250 and isinstance(timer, int | float):
            self.hr_time += hr * timer
            self.hr_timer_s += timer

    def event(self, frame: Any) -> None:
        at = frame.get_value("timestamp", fallback=None)
        if frame.get_value("event", fallback=None) != "timer" or not isinstance(at, datetime):
            return
        kind = frame.get_value("event_type", fallback=None)
        if kind == "start":
            if self.started is None:
                self.started = at
            elif self.stopped_at is not None:
                self.paused_s += (at - self.stopped_at).total_seconds()
            self.stopped_at = None
        elif kind in _STOPS and self.stopped_at is None:
            self.stopped_at = at

    def session(self, sport_message: dict[str, Any]) -> dict[str, Any] | None:
        """The session the file would have ended with, as `_values` gives one; None if its
        records do not say where and how long."""
        if self.first is None:
            return None
        first = self.first.get_value("timestamp", fallback=None)
        end = self.last.get_value("timestamp", fallback=None)
        distance = self.last.get_value("distance", fallback=None)
        if not (isinstance(first, datetime) and isinstance(end, datetime)):
            return None
        if not isinstance(distance, int | float):
            return None
        start = self.started if self.started is not None and self.started < first else first
        if self.stopped_at is not None and self.stopped_at < end:
            end = self.stopped_at  # stopped, and cut before it started again
        moving = (end - start).total_seconds() - self.paused_s
        if moving <= 0:
            return None
        return {
            "sport": sport_message.get("sport"),
            "sub_sport": sport_message.get("sub_sport"),
            "start_time": start,
            "total_distance": distance,
            "total_timer_time": moving,
            "avg_heart_rate": self.hr_time / self.hr_timer_s if self.hr_timer_s else None,
        }
