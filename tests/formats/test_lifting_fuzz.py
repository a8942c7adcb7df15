"""Whatever a Strong or Hevy file holds, reading it never crashes and never yields an
entry the journal would refuse."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from runjournal.formats import hevy, strong
from runjournal.formats.found import ReadOptions, Unreadable

from .lifting_helpers import TODAY, legs

STRONG_HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"  # noqa: E501
HEVY_HEADER = "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,reps,distance_km,duration_seconds,rpe"  # noqa: E501

cells = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "10.0",
            "-5",
            "1e400",
            "nan",
            "1001",
            "9.5",
            "W",
            "FAILURE",
            "Rest Timer",
            "warmup",
            "failure",
            "dropset",
            "Squat (Barbell)",
            "Leg Press",
            "Bench Press",
            "2026-11-20 18:00:00",
            "20 Nov 2026, 07:30",
            "1h 5m",
            "5h",
            "11s",
            "lbs",
            "kg",
            '"quoted, with comma"',
            "\u202f",
            "\x1b[31m",
        ]
    ),
    st.text(max_size=12),
)


def rows(width: int, likely: dict[int, list[str]]) -> st.SearchStrategy[str]:
    """Rows whose columns in `likely` mostly hold what the reader understands."""

    def column(n: int) -> st.SearchStrategy[str]:
        return st.one_of(st.sampled_from(likely[n]), cells) if n in likely else cells

    row = st.tuples(*(column(n) for n in range(width))).map(",".join)
    return st.lists(row, min_size=1, max_size=8).map("\n".join)


LEGS = ["Squat (Barbell)", "Lunge", "Calf Raise"]
NUMBERS = ["5", "10.0", "100"]
STRONG_LIKELY = {0: ["2026-11-20 18:00:00"], 1: ["Legs"], 3: LEGS, 4: ["1"], 5: NUMBERS, 6: NUMBERS}
HEVY_LIKELY = {0: ["Legs"], 1: ["20 Nov 2026, 07:30"], 4: LEGS, 8: ["normal"], 10: NUMBERS}


@settings(max_examples=200, deadline=None)
@given(body=rows(12, STRONG_LIKELY), delimiter=st.sampled_from([",", ";"]))
def test_strong_never_crashes(body: str, delimiter: str) -> None:
    text = (STRONG_HEADER + "\n" + body).replace(",", delimiter)
    try:
        found = strong.read(text.encode(), "f.csv", ReadOptions(TODAY))
    except Unreadable:
        return
    legs(found)  # every entry passes the journal's own checks


@settings(max_examples=200, deadline=None)
@given(body=rows(14, HEVY_LIKELY))
def test_hevy_never_crashes(body: str) -> None:
    try:
        found = hevy.read((HEVY_HEADER + "\n" + body).encode(), "f.csv", ReadOptions(TODAY))
    except Unreadable:
        return
    legs(found)
