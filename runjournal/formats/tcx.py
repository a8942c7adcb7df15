"""TCX files (Garmin Training Center): one run per running `<Activity>`.

Distance and duration are the laps' own totals (`DistanceMeters`, `TotalTimeSeconds`)
summed: the device's summary, which leaves pauses out (first-to-last trackpoint would
count them). Read with defusedxml, DTDs forbidden, on text `xmltext` has checked.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .activity import Activity, sport_of, to_found, utc, with_offset
from .found import Found, ReadOptions, Unreadable
from .xmltext import decode


def looks_like(head: bytes) -> bool:
    """An XML document whose root is `<TrainingCenterDatabase>`."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return text.startswith(b"<") and b"TrainingCenterDatabase" in head


def read(data: bytes, name: str, options: ReadOptions) -> Found:
    """The running activities of a TCX file as runs."""
    return to_found(activities(data), options)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: Any, name: str) -> Any:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _float(element: Any) -> float | None:
    if element is None or element.text is None:
        return None
    try:
        return float(element.text.strip())
    except ValueError:
        return None


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # TCX times are UTC


def activities(data: bytes) -> list[Activity]:
    """Every `<Activity>` of a TCX file (all sports)."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    text = decode(data)
    try:
        root = SafeET.fromstring(text, forbid_dtd=True)
    except DefusedXmlException:
        raise Unreadable("refused: XML with entities or external references") from None
    except ParseError as error:
        raise Unreadable(f"not valid XML: {error}") from None
    if _local(root.tag) != "TrainingCenterDatabase":
        raise Unreadable("not a TCX file")
    found = []
    for element in root.iter():
        if _local(element.tag) == "Activity":
            found.append(_activity(element))
    return found


def _activity(element: Any) -> Activity:
    distance = duration = weighted_hr = hr_time = 0.0
    first_lap: datetime | None = None
    for lap in element:
        if _local(lap.tag) != "Lap":
            continue
        seconds = _float(_child(lap, "TotalTimeSeconds")) or 0.0
        duration += seconds
        distance += _float(_child(lap, "DistanceMeters")) or 0.0
        average = _child(lap, "AverageHeartRateBpm")
        bpm = _float(_child(average, "Value")) if average is not None else None
        if bpm:
            weighted_hr += bpm * seconds
            hr_time += seconds
        start = _time(lap.get("StartTime"))
        if start is not None and (first_lap is None or start < first_lap):
            first_lap = start
    identity = _child(element, "Id")
    start = _time(identity.text if identity is not None else None) or first_lap
    notes = _child(element, "Notes")
    return Activity(
        sport=sport_of(element.get("Sport")),
        start_utc=utc(start) if start else None,
        local_start=with_offset(start) if start else None,
        distance_m=distance,
        duration_s=duration,
        hr=weighted_hr / hr_time if hr_time else None,
        name=(notes.text or "").strip() if notes is not None else "",
    )
