"""Entries survive their JSON form (history, export, import) unchanged."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runjournal.domain.entries import (
    Checkin,
    Exercise,
    LegDay,
    Run,
    to_dict,
    validate,
)
from runjournal.domain.entry_json import entry_from_dict

TODAY = date(2026, 11, 24)

days = st.integers(min_value=0, max_value=3000).map(lambda n: TODAY - timedelta(days=n))
times = st.none() | st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59))
notes = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60)
names = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü -", min_size=1, max_size=30)
    .filter(lambda s: s.strip())
    .map(lambda s: " ".join(s.split()))
)


@st.composite
def runs(draw: st.DrawFn) -> Run:
    distance = draw(st.integers(1, 500_000))
    duration = draw(st.integers(max(1, -(-distance * 120 // 1000)), 48 * 3600))
    return Run(
        date=draw(days),
        distance_m=distance,
        duration_s=duration,
        type=draw(
            st.sampled_from(["recovery", "easy", "long", "tempo", "hills", "intervals", "race"])
        ),
        rpe=draw(st.none() | st.integers(1, 10)),
        hr=draw(st.none() | st.integers(30, 250)),
        time=draw(times),
        notes=draw(notes),
    )


exercises = st.builds(
    Exercise,
    name=names,
    sets=st.integers(1, 50),
    reps=st.integers(1, 1000),
    weight_g=st.none() | st.integers(0, 1_000_000),
)
legs = st.builds(
    LegDay,
    date=days,
    duration_s=st.integers(60, 36_000),
    rpe=st.integers(1, 10),
    to_failure=st.booleans(),
    exercises=st.lists(exercises, max_size=4).map(tuple),
    time=times,
    notes=notes,
)
checkins = st.builds(Checkin, date=days, soreness=st.integers(0, 10), notes=notes)


@settings(max_examples=300, deadline=None, database=None)  # writes nothing to disk
@given(st.one_of(runs(), legs, checkins), st.uuids().map(str))
def test_json_round_trip(entry: Run | LegDay | Checkin, uid: str) -> None:
    assert validate(entry, TODAY) == entry
    data = json.loads(json.dumps({**to_dict(entry), "uid": uid}))
    assert entry_from_dict(data, TODAY) == dataclasses.replace(entry, uid=uid)


def test_an_entry_before_1900_is_refused_however_it_came_in() -> None:
    """SPEC §2's first date holds for imported entries too, not only for typed dates."""
    from runjournal.domain.entries import validate
    from runjournal.domain.errors import InputError

    with pytest.raises(InputError, match="before 1900-01-01") as refused:
        validate(Run(date(1850, 1, 1), 5000, 1800), TODAY)
    assert refused.value.field == "date"
    assert validate(Run(date(1900, 1, 1), 5000, 1800), TODAY).date == date(1900, 1, 1)


def test_a_fraction_of_a_minute_is_exported_to_three_decimals_and_read_back() -> None:
    leg = LegDay(TODAY, 100, 5)  # 1 min 40 s
    data = to_dict(leg)
    assert data["duration_min"] == 1.667
    assert entry_from_dict(json.loads(json.dumps(data)), TODAY) == leg


def test_a_checkin_already_valid_is_returned_as_it_is() -> None:
    """Import validates every entry: one that needs no change is not copied."""
    checkin = Checkin(TODAY, 4, "stairs", uid="u")
    assert validate(checkin, TODAY) is checkin
