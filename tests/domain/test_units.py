"""SPEC §2 units: bare numbers follow the settings; weights typed in lb come back as typed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runjournal.domain import parse as p
from runjournal.domain.entries import parse_exercise
from runjournal.domain.errors import InputError


@pytest.mark.parametrize(
    ("text", "unit", "metres"),
    [("3", "mi", 4828), ("3", "km", 3000), ("5km", "mi", 5000), ("800m", "mi", 800)],
)
def test_bare_distance_is_in_the_units_setting(text: str, unit: str, metres: int) -> None:
    assert p.parse_distance(text, unit=unit) == metres


@given(st.decimals(min_value=0, max_value=2204, places=2))
def test_a_weight_typed_in_lb_shows_back_as_typed(pounds: Decimal) -> None:
    typed = f"{pounds:f}".rstrip("0").rstrip(".") if "." in f"{pounds:f}" else f"{pounds:f}"
    grams = p.parse_weight(typed, unit="lb")
    assert p.format_weight(grams, "lb") == f"{typed}lb"


def test_explicit_units_win_over_the_setting() -> None:
    assert parse_exercise("squat 5x5@100kg", weight_unit="lb").weight_g == 100_000
    assert parse_exercise("squat 5x5@225", weight_unit="lb").spec_in("lb") == "squat 5x5@225lb"
    assert parse_exercise("squat 5x5@225lb").spec == "squat 5x5@102.058kg"


@pytest.mark.parametrize("spec", ["squat 100kg 5x5", "squat 225 lb 5x5", "squat @100kg 5x5"])
def test_a_weight_in_the_name_is_refused(spec: str) -> None:
    with pytest.raises(InputError, match="has a weight in the name; write 'squat 5x5@"):
        parse_exercise(spec)


def test_a_name_with_a_number_is_still_a_name() -> None:
    assert parse_exercise("step-ups 30cm box 3x10").name == "step-ups 30cm box"


@pytest.mark.parametrize(
    ("grams", "shown"),
    [
        (0, "0kg"),
        (1, "0.001kg"),
        (22_500, "22.5kg"),
        (100_000, "100kg"),
        (102_058, "102.058kg"),
        (999_999, "999.999kg"),
        (1_000_000, "1000kg"),
    ],
)
def test_weight_in_kg_shows_every_gram_and_no_trailing_zeros(grams: int, shown: str) -> None:
    assert p.format_weight(grams) == shown
    assert p.format_weight(grams, "kg") == shown
    assert p.parse_weight(shown) == grams
