"""The import's checks of one entry: SPEC §7's ranges, then "already in the journal?"."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from ..domain import parse as p
from ..domain.entries import Checkin, Entry, LegDay, Run, validate
from ..domain.errors import InputError
from ..store import Journal
from ..store import duplicates as dup

ALREADY = "already in the journal"
MIN_DISTANCE_M = 200
MIN_DURATION_S = 120
NEAR_MINUTES = 2
SAME_DISTANCE = 0.03


def accept(entry: Entry, today: date) -> Entry | str:
    """The entry validated as `log` would (an import accepts the day after today), or
    the reason it is skipped: "too short", "after today", "not a run", "invalid FIELD".
    """
    if entry.date > today + timedelta(days=1):
        return "after today"
    if isinstance(entry, Run):
        if entry.distance_m < MIN_DISTANCE_M or entry.duration_s < MIN_DURATION_S:
            return "too short"
        too_fast = entry.duration_s * 1000 < p.MIN_PACE_S_PER_KM * entry.distance_m
        too_long = entry.distance_m > p.MAX_DISTANCE_M or entry.duration_s > p.MAX_RUN_DURATION_S
        if too_fast or too_long:
            return "not a run"
        if entry.hr is not None and not 30 <= entry.hr <= 250:
            entry = dataclasses.replace(entry, hr=None)  # a sensor's glitch, not the run's
    try:
        return validate(entry, today + timedelta(days=1))
    except InputError as error:
        return f"invalid {error.field}"


def _minute(day: date, time: str) -> int:
    hours, minutes = time.split(":")
    return day.toordinal() * 1440 + int(hours) * 60 + int(minutes)


class Checker:
    """Is an entry a duplicate of one in the journal, or of one earlier in this import?

    The journal is asked through the store's indexed queries; what this import has
    accepted so far is kept here (a few numbers per entry, never a track).
    """

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.uids: set[str] = set()
        self.checkin_days: set[date] = set()
        # day -> (minute, distance) of accepted runs / minute of leg days; minute None: no time
        self.runs: dict[date, list[tuple[int | None, int]]] = {}
        self.legs: dict[date, list[int | None]] = {}

    def duplicate(self, entry: Entry, *, by_uid_only: bool) -> str | None:
        """Why `entry` is a duplicate (SPEC §7), or None when it is new."""
        if entry.uid and (entry.uid in self.uids or self.journal.has_uid(entry.uid)):
            return ALREADY
        if isinstance(entry, Checkin):
            if entry.date in self.checkin_days or dup.has_checkin(self.journal, entry.date):
                return "check-in conflict"
            return None
        if by_uid_only:
            return None
        if isinstance(entry, Run) and self._run_seen(entry):
            return ALREADY
        if isinstance(entry, LegDay) and self._leg_seen(entry):
            return ALREADY
        return None

    def _run_seen(self, run: Run) -> bool:
        if run.time is not None:
            if dup.run_near(self.journal, run.date, run.time, NEAR_MINUTES):
                return True
            if dup.run_same_distance(
                self.journal, run.date, run.distance_m, SAME_DISTANCE, untimed=True
            ):
                return True
        elif dup.run_same_distance(
            self.journal, run.date, run.distance_m, SAME_DISTANCE, untimed=False
        ):
            return True
        minute = None if run.time is None else _minute(run.date, run.time)
        for day in (run.date - timedelta(days=1), run.date, run.date + timedelta(days=1)):
            for other, distance in self.runs.get(day, ()):
                if minute is not None and other is not None:
                    if abs(other - minute) <= NEAR_MINUTES:
                        return True
                elif day == run.date and abs(distance - run.distance_m) <= SAME_DISTANCE * max(
                    distance, 1
                ):
                    return True
        return False

    def _leg_seen(self, leg: LegDay) -> bool:
        if leg.time is None:
            return False
        if dup.leg_day_near(self.journal, leg.date, leg.time, NEAR_MINUTES):
            return True
        minute = _minute(leg.date, leg.time)
        for day in (leg.date - timedelta(days=1), leg.date, leg.date + timedelta(days=1)):
            for other in self.legs.get(day, ()):
                if other is not None and abs(other - minute) <= NEAR_MINUTES:
                    return True
        return False

    def remember(self, entry: Entry) -> None:
        """Count `entry` as in the journal for the rest of this import."""
        if entry.uid:
            self.uids.add(entry.uid)
        minute = None if entry.time is None else _minute(entry.date, entry.time)
        if isinstance(entry, Run):
            self.runs.setdefault(entry.date, []).append((minute, entry.distance_m))
        elif isinstance(entry, LegDay):
            self.legs.setdefault(entry.date, []).append(minute)
        else:
            self.checkin_days.add(entry.date)
