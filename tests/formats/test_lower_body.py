"""Lower-body exercises recognised by name (formats/lower_body.py, docs/importing.md)."""

from __future__ import annotations

import pytest

from runjournal.formats.lower_body import LOWER_BODY, clean_name, family, is_lower_body


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Squat (Barbell)", "squat"),
        ("Front Squat (Barbell)", "squat"),
        ("Goblet Squat (Kettlebell)", "squat"),
        ("Squat (Smith Machine)", "squat"),
        ("Bulgarian Split Squat", "squat"),
        ("back squats", "squat"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Romanian Deadlift (Dumbbell)", "deadlift"),
        ("Stiff-Legged Deadlift", "deadlift"),
        ("Stiff Leg Dead Lift", "deadlift"),
        ("RDL", "deadlift"),
        ("Trap Bar Deadlift", "deadlift"),
        ("Lunge (Dumbbell)", "lunge"),
        ("Reverse Lunge (Dumbbell)", "lunge"),
        ("WALKING LUNGES", "lunge"),
        ("Leg Press", "leg press"),
        ("Seated Leg Press (Machine)", "leg press"),
        ("Leg Press Technogym (Gelb)", "leg press"),
        ("Leg Extension (Machine)", "leg extension"),
        ("Seated Leg Curl (Machine)", "leg curl"),
        ("Lying Leg Curl (Machine)", "leg curl"),
        ("Nordic Hamstring Curl", "leg curl"),
        ("Standing Calf Raise (Dumbbell)", "calf raise"),
        ("Calf Press on Seated Leg Press", "calf raise"),
        ("Seated Calf Raise (Plate Loaded)", "calf raise"),
        ("Hip Thrust (Machine)", "hip thrust"),
        ("Glute Bridge", "glute bridge"),
        ("Step-up (Dumbbell)", "step-up"),
        ("Step Up", "step-up"),
        ("Good Morning (Barbell)", "good morning"),
        ("Hip Abduction (Machine)", "hip abduction"),
        ("Hip Adduction (Machine)", "hip adduction"),
        ("Box Jump", "box jump"),
        ("Glute Kickback (Machine)", "glute kickback"),
        ("Glute Ham Raise", "glute ham raise"),
        ("Kniebeugen", "squat"),
        ("Kreuzheben", "deadlift"),
    ],
)
def test_lower_body_names(name: str, expected: str) -> None:
    assert family(name) == expected
    assert is_lower_body(name)


@pytest.mark.parametrize(
    "name",
    [
        "Bench Press (Barbell)",
        "Bicep Curl (Dumbbell)",
        "Hanging Leg Raise",
        "Lying Leg Raise",
        "Flat Leg Raise",
        "Hanging Knee Raise",
        "Triceps Extension (Cable)",
        "Back Extension (Weighted Hyperextension)",
        "Lat Pulldown (Cable)",
        "Overhead Press (Barbell)",
        "Warm Up",
        "Kettlebell Carry",
        "Leg Day",  # a workout's name, not an exercise
        "Deadbug",
        "Seated Calfless Row",  # a word that only starts like one
        "",
    ],
)
def test_other_names(name: str) -> None:
    assert family(name) is None


def test_clean_name_drops_equipment_and_case() -> None:
    assert clean_name("  Squat (Smith Machine) [paused]  ") == "squat"
    assert clean_name("Step-Up_Left") == "step up left"


def test_the_documented_list_names_every_family() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "importing.md").read_text()
    section = docs.split("**Lower-body exercises**", 1)[1].split("A workout with none", 1)[0]
    for fam, _pattern in LOWER_BODY:
        assert fam.split()[0] in section.lower(), fam
