"""The sums and groupings behind trends, load and records (SPEC §8), in SQL.

Each query reads an index range (by date) or scans a covering index, and hands the
domain no more rows than it needs: days, not runs; distinct sets, not every set; leg
days grouped by what their load class and settling time depend on. The arithmetic on
them (weeks, load, flags, records, the profile) is the domain's.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import NamedTuple

from ..domain.entries import LegDay
from ..domain.load import HARD_MINUTES, SHORT_MINUTES
from ..domain.records import RECORD_DISTANCES_M, LiftSet, RunCandidate
from ..domain.trends import TYPE_EFFORT, RunDay

# A run's effort: its RPE, else its type's usual one (SPEC §8), as one SQL expression
# whose type names and efforts are parameters (`_EFFORT_PARAMS`, before the dates).
_RUN_DAYS = (
    "select date, count(*), sum(distance_m), sum(duration_s), max(distance_m), "
    "sum(coalesce(rpe, case type " + "when ? then ? " * len(TYPE_EFFORT) + "else ? end) "
    "* duration_s) from runs where date between ? and ? group by date order by date"
)
_EFFORT_PARAMS = (
    *(value for pair in TYPE_EFFORT.items() for value in pair),
    TYPE_EFFORT["easy"],
)
_LEG_DAYS = (
    "select id, date, duration_s, rpe, to_failure from leg_days "
    "where date between ? and ? order by date"
)
_SORENESS = "select date, soreness from checkins where date between ? and ?"
# The fastest run at or over one distance, walking the pace index from its fastest end
# (a tie in pace goes to the earlier run); `+distance_m` keeps SQLite off the distance
# index, which would read every run that long.
_RECORD_RUN = (
    "select id, date, distance_m, duration_s from runs indexed by runs_pace "
    "where +distance_m >= ? and date <= ? "
    "order by cast(duration_s as real) / distance_m, date, id limit 1"
)
_LONGEST = (
    "select distance_m from runs indexed by idx_runs_distance_m where date <= ? "
    "order by distance_m desc limit 1"
)
# Every exercise name, one index seek each (a skip-scan), not a read of every set.
_LIFT_NAMES = """
with recursive names(name) as (
    select min(name) from leg_exercises
    union all
    select (select min(name) from leg_exercises where name > names.name)
    from names where names.name is not null
)
select name from names where name is not null
"""
_HEAVIEST = (
    "select e.weight_g, e.reps from leg_exercises e indexed by leg_exercises_heaviest "
    "join leg_days l on l.id = e.leg_day_id "
    "where e.name = ? and e.weight_g > 0 and l.date <= ? "
    "order by e.weight_g desc, e.reps desc limit 1"
)
_E1RM = (
    "select e.weight_g * (30 + e.reps) from leg_exercises e indexed by leg_exercises_e1rm "
    "join leg_days l on l.id = e.leg_day_id "
    "where e.name = ? and e.weight_g > 0 and l.date <= ? "
    "order by e.weight_g * (30 + e.reps) desc limit 1"
)
# The sets that share the best value, each on the first date it was done.
_FIRST_HEAVIEST = (
    "select e.weight_g, e.reps, min(l.date) "
    "from leg_exercises e indexed by leg_exercises_heaviest "
    "join leg_days l on l.id = e.leg_day_id "
    "where e.name = ? and e.weight_g = ? and e.reps = ? and l.date <= ?"
)
_FIRST_E1RM = (
    "select e.weight_g, e.reps, min(l.date) from leg_exercises e indexed by leg_exercises_e1rm "
    "join leg_days l on l.id = e.leg_day_id "
    "where e.name = ? and e.weight_g * (30 + e.reps) = ? and l.date <= ? "
    "group by e.weight_g, e.reps"
)
# For every leg day up to the date: the first check-in after it with soreness ≤ 3,
# kept only when every day up to then has a check-in and no other leg day came in
# between (its soreness would be the next session's). Grouped by what decides the load
# class (to failure, RPE, which side of 20 and 45 minutes) and by the days it took.
# `settled` is materialized: inlined, its on_date subquery ran again for every use of
# on_date (six times a leg day); SQLite before 3.35 knows no `materialized` (and inlines).
_SETTLING = """
with settled as materialized (
    select l.date as leg_date, l.to_failure, l.rpe, l.duration_s,
        (select min(c.date) from checkins c
         where c.date > l.date and c.date <= min(date(l.date, :horizon), :last)
           and c.soreness <= :settled) as on_date
    from leg_days l where l.date between :first and :last
), kept as (
    select *, cast(julianday(on_date) - julianday(leg_date) as integer) as days
    from settled where on_date is not null
)
select to_failure, rpe, duration_s >= :hard_s, duration_s < :short_s,
    min(duration_s), days, count(*)
from kept
where (select count(*) from checkins c where c.date > leg_date and c.date <= on_date) = days
  and not exists (select 1 from leg_days o where o.date > leg_date and o.date < on_date)
group by 1, 2, 3, 4, 6
"""
if sqlite3.sqlite_version_info < (3, 35, 0):
    _SETTLING = _SETTLING.replace(" as materialized (", " as (")


class SettlingGroup(NamedTuple):
    """Leg days alike in load class that settled after the same number of days."""

    leg: LegDay  # one of them, standing for its group's load class
    days: int
    leg_days: int


class Trends:
    """The trend queries on one journal's connection (reads only)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def run_days(self, first: date, last: date) -> list[RunDay]:
        """Each day's runs between two dates, summed: count, distance, time, load."""
        rows = self.conn.execute(_RUN_DAYS, (*_EFFORT_PARAMS, first.isoformat(), last.isoformat()))
        return [RunDay(date.fromisoformat(row[0]), *row[1:]) for row in rows]

    def leg_days(self, first: date, last: date) -> list[LegDay]:
        """The leg days between two dates, without their exercises (load needs none)."""
        rows = self.conn.execute(_LEG_DAYS, (first.isoformat(), last.isoformat()))
        return [
            LegDay(
                date=date.fromisoformat(day),
                duration_s=duration_s,
                rpe=rpe,
                to_failure=bool(to_failure),
                id=leg_id,
            )
            for leg_id, day, duration_s, rpe, to_failure in rows
        ]

    def soreness(self, first: date, last: date) -> dict[date, int]:
        """The soreness of each check-in between two dates."""
        rows = self.conn.execute(_SORENESS, (first.isoformat(), last.isoformat()))
        return {date.fromisoformat(day): value for day, value in rows}

    def record_runs(self, last: date) -> list[RunCandidate]:
        """The fastest run at or over each record distance reached, up to `last`."""
        day = last.isoformat()
        longest = self.conn.execute(_LONGEST, (day,)).fetchone()
        found: dict[int, RunCandidate] = {}
        for metres in RECORD_DISTANCES_M:
            if longest is None or metres > longest[0]:
                break  # no run that long: the pace index would be read to its end
            row = self.conn.execute(_RECORD_RUN, (metres, day)).fetchone()
            found[row[0]] = RunCandidate(row[0], date.fromisoformat(row[1]), row[2], row[3])
        return list(found.values())

    def lift_sets(self, last: date) -> list[LiftSet]:
        """Per exercise, the sets that hold its records up to `last`, on their first date."""
        day = last.isoformat()
        sets: list[LiftSet] = []
        for (name,) in self.conn.execute(_LIFT_NAMES).fetchall():
            heaviest = self.conn.execute(_HEAVIEST, (name, day)).fetchone()
            if heaviest is None:
                continue  # no weight, or only done after `last`
            rows = [self.conn.execute(_FIRST_HEAVIEST, (name, *heaviest, day)).fetchone()]
            (best,) = self.conn.execute(_E1RM, (name, day)).fetchone()
            rows += self.conn.execute(_FIRST_E1RM, (name, best, day)).fetchall()
            sets += [LiftSet(name, w, reps, date.fromisoformat(when)) for w, reps, when in rows]
        return sets

    def settling(
        self, first: date, last: date, *, settled_at: int, horizon_days: int
    ) -> list[SettlingGroup]:
        """Leg days between two dates followed by daily check-ins until soreness ≤ `settled_at`."""
        rows = self.conn.execute(
            _SETTLING,
            {
                "first": first.isoformat(),
                "last": last.isoformat(),
                "horizon": f"+{horizon_days} days",
                "settled": settled_at,
                "hard_s": HARD_MINUTES * 60,
                "short_s": SHORT_MINUTES * 60,
            },
        )
        return [
            SettlingGroup(
                LegDay(date=last, duration_s=duration_s, rpe=rpe, to_failure=bool(failure)),
                days,
                count,
            )
            for failure, rpe, _, _, duration_s, days, count in rows
        ]
