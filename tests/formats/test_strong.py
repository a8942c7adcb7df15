"""Strong CSV exports into leg days (SPEC §7 "Sets → leg days")."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from runjournal.formats import hevy, strong
from runjournal.formats.found import ReadOptions, Unreadable, derived_uid
from runjournal.formats.lifting import head_line

from .lifting_helpers import TODAY, legs, sample, specs

OPTIONS = ReadOptions(today=TODAY)
LB = 453.59237

OLD = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"  # noqa: E501
NEW = "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes\n"  # noqa: E501
SEMI = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes\n"  # noqa: E501


def read(text: str, options: ReadOptions = OPTIONS):
    return strong.read(text.encode(), "strong.csv", options)


def old(rows: list[tuple[str, ...]], *, date_: str = "2026-11-20 18:00:00", dur: str = "1h 5m"):
    """An old-layout export; each row is (exercise, order, weight, reps[, rpe[, seconds]])."""
    lines = [OLD]
    for row in rows:
        ex, order, weight, reps, rpe, secs = (*row, "", "")[:6]
        lines.append(f'{date_},"Legs",{dur},"{ex}",{order},{weight},{reps},0,{secs or 0},,,{rpe}\n')
    return "".join(lines)


# The real exports -----------------------------------------------------------------


def test_sample_2026_ten_columns_warm_ups_left_out() -> None:
    found = strong.read(sample("csv/strong_2026_10col_warmupW__ys-math.csv"), "s", OPTIONS)
    days = {d.date: d for d in legs(found)}
    lower = days[date(2026, 4, 25)]  # "Lower Body", 44m, rows 26-35 by hand
    assert lower.time == "10:54"
    assert lower.duration_s == 44 * 60
    assert specs(lower) == [
        "Squat (Barbell) 1x12@40kg",
        "Squat (Barbell) 2x10@50kg",
        "Squat (Barbell) 1x8@60kg",
        "Deadlift (Barbell) 3x5@60kg",
        "Bulgarian Split Squat 3x20@10kg",
    ]
    assert (lower.rpe, lower.to_failure) == (7, False)
    assert "RPE 7 assumed" in lower.notes
    # "SBD" on 2026-05-28: two W rows of squats (20 and 40 kg) and three of deadlifts.
    sbd = days[date(2026, 5, 28)]
    assert specs(sbd) == [
        "Squat (Barbell) 3x6@50kg",
        "Deadlift (Barbell) 1x6@77.5kg",
        "Deadlift (Barbell) 1x5@77.5kg",
    ]
    assert sbd.duration_s == 66 * 60
    assert "Bench Press (Barbell)" not in " ".join(specs(sbd))


def test_sample_duration_of_eleven_seconds_is_estimated() -> None:
    found = strong.read(sample("csv/strong_2026_10col_warmupW__ys-math.csv"), "s", OPTIONS)
    sdb = next(d for d in legs(found) if (d.date, d.time) == (date(2026, 5, 3), "14:45"))
    # Duration "11s": 3 squat + 2 deadlift + 3 bench working sets = 8 × 3 min.
    assert sdb.duration_s == 24 * 60
    assert "duration estimated" in sdb.notes
    assert specs(sdb) == ["Squat (Barbell) 3x10@55kg", "Deadlift (Barbell) 2x10@60kg"]


def test_sample_2021_twelve_columns_german_names() -> None:
    data = sample("csv/strong_2021_12col_notes__breinsp.csv")
    found = strong.read(data, "s", OPTIONS)
    days = legs(found)
    workouts = {(r["Date"], r["Workout Name"]) for r in csv.DictReader(io.StringIO(data.decode()))}
    assert len(days) + found.skipped["no leg exercises"] == len(workouts) == 129
    first = next(d for d in days if d.date == date(2021, 2, 10))
    assert first.notes.startswith("Mittwoch (Strong)")
    assert first.duration_s == 2 * 3600 + 18 * 60
    assert specs(first) == ["Deadlift (Barbell) 5x6@65kg"]
    assert first.uid == derived_uid("Strong", "2021-02-10T16:46:13", "Mittwoch")


def test_sample_2024_reps_as_decimals_and_bodyweight() -> None:
    found = strong.read(sample("csv/strong_2024_10col__dakheera47.csv"), "s", OPTIONS)
    midday = next(d for d in legs(found) if d.date == date(2025, 8, 19))
    # Leg Press at 0.0 is bodyweight (no weight); reps written 10.0.
    assert specs(midday) == [
        "Leg Press 3x10",
        "Leg Extension (Machine) 2x5@5kg",
        "Leg Extension (Machine) 1x10",
    ]
    assert midday.duration_s == 30 * 60


# Layouts ----------------------------------------------------------------------------


def test_every_layout_is_recognised_and_not_as_hevy() -> None:
    for header in (OLD, NEW, SEMI, "\ufeff" + OLD):
        assert strong.looks_like(header.encode())
        assert not hevy.looks_like(header.encode())
    assert not strong.looks_like(b"title,start_time,exercise_title,set_type\n")
    assert not strong.looks_like(b"<?xml version='1.0'?><gpx>")


def test_semicolon_layout_with_weight_unit_in_pounds_and_decimal_commas() -> None:
    text = SEMI + (
        '2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";1;225;lbs;5;;;;0;"";"heavy day"\n'
        '2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";2;225;lbs;5;;;;0;;\n'
        '2019-01-11 12:31:54;"Leg";"Squat (Barbell)";1;82,5;kg;5;8,5;;;0;;\n'
    )
    (day,) = legs(read(text))
    assert [(e.sets, e.reps, e.weight_g) for e in day.exercises] == [
        (2, 5, round(225 * LB)),
        (1, 5, 82500),
    ]
    assert day.rpe == 9  # 8.5 rounded half up
    assert "heavy day" in day.notes
    # No duration column at all: 3 working sets × 3 min.
    assert day.duration_s == 9 * 60
    assert "duration estimated" in day.notes


def test_newer_layout_workout_number_seconds_and_set_orders() -> None:
    text = NEW + (
        "1,2024-03-01 18:00:00,Legs,3600,Squat (Barbell),W,40,10.0,,,,,\n"
        "1,2024-03-01 18:00:00,Legs,3600,Squat (Barbell),WARM_UP,60,5,,,,,\n"
        "1,2024-03-01 18:00:00,Legs,3600,Squat (Barbell),1,100,5.0,7.5,,,,\n"
        "1,2024-03-01 18:00:00,Legs,3600,Squat (Barbell),Rest Timer,,,,,120,,\n"
        "1,2024-03-01 18:00:00,Legs,3600,Squat (Barbell),2,100,5,8,,,,\n"
        "1,2024-03-01 18:00:00,Legs,3600,Squat (Barbell),FAILURE,100,3,9,,,,\n"
        "1,2024-03-01 18:00:00,Legs,3600,Plank,1,,0,,,60,,\n"
        "2,2024-03-03 09:15:00,Push,2700,Bench Press (Barbell),1,80,5,9,,,,\n"
    )
    found = read(text)
    (day,) = legs(found)
    assert specs(day) == ["Squat (Barbell) 2x5@100kg", "Squat (Barbell) 1x3@100kg"]
    assert (day.duration_s, day.rpe, day.to_failure) == (3600, 9, True)
    assert day.time == "18:00"
    assert day.date == date(2024, 3, 1)
    assert found.skipped == {"no leg exercises": 1}


def test_weight_in_pounds_stated_by_the_header() -> None:
    text = NEW.replace("Weight (kg)", "Weight (lbs)") + (
        "1,2024-03-01 18:00:00,Legs,3600,Hip Thrust (Barbell),1,225,8,,,,,\n"
    )
    (day,) = legs(read(text, ReadOptions(today=TODAY, weight_unit="kg")))
    assert day.exercises[0].weight_g == round(225 * LB)


def test_a_kg_column_states_the_unit() -> None:
    text = OLD.replace(",Weight,", ",kg,") + (
        '2026-11-20 18:00:00,"Legs",1h,"Squat",1,100,5,0,0,,,\n'
    )
    (day,) = legs(read(text, ReadOptions(today=TODAY, weight_unit="lb")))
    assert day.exercises[0].weight_g == 100_000


def test_weight_unit_from_options_when_the_file_states_none() -> None:
    text = old([("Squat (Barbell)", "1", "225", "5")])
    (in_lb,) = legs(read(text, ReadOptions(today=TODAY, weight_unit="lb")))
    (in_kg,) = legs(read(text))
    assert in_lb.exercises[0].weight_g == round(225 * LB)
    assert in_kg.exercises[0].weight_g == 225_000


def test_byte_order_mark_and_twelve_hour_clock() -> None:
    text = "\ufeff" + old([("Goblet Squat (Kettlebell)", "1", "24", "10")], date_="x")
    text = text.replace("x,", "2024-03-05 6:30:12\u202fPM,")
    (day,) = legs(read(text))
    assert (day.date, day.time) == (date(2024, 3, 5), "18:30")


def test_utf16_and_dotted_dates_as_a_spreadsheet_saves_them() -> None:
    text = old([("Beinpresse", "1", "120", "12")], date_="20.11.2026 18:00")
    found = strong.read(text.encode("utf-16"), "strong.csv", OPTIONS)
    assert strong.looks_like(text.encode("utf-16")[:4096])
    (day,) = legs(found)
    assert (day.date, day.time) == (date(2026, 11, 20), "18:00")
    assert specs(day) == ["Beinpresse 1x12@120kg"]


# Rules -------------------------------------------------------------------------------


def test_consecutive_equal_sets_merge_and_a_change_starts_a_line() -> None:
    rows = [("Squat (Barbell)", str(i), "100", "5") for i in range(1, 6)]
    rows += [("Squat (Barbell)", str(i), "110", "3") for i in range(6, 9)]
    rows += [("Squat (Barbell)", "9", "100", "5")]  # equal to the first, not consecutive
    (day,) = legs(read(old(rows)))
    assert specs(day) == [
        "Squat (Barbell) 5x5@100kg",
        "Squat (Barbell) 3x3@110kg",
        "Squat (Barbell) 1x5@100kg",
    ]


def test_more_than_fifty_equal_sets_split_into_lines_the_journal_holds() -> None:
    rows = [("Calf Raise", str(i), "0", "20") for i in range(1, 61)]
    (day,) = legs(read(old(rows, dur="2h")))
    assert specs(day) == ["Calf Raise 50x20", "Calf Raise 10x20"]


def test_rpe_is_the_highest_leg_set_rounded_half_up_upper_body_ignored() -> None:
    rows = [
        ("Leg Press", "1", "150", "10", "6.5"),
        ("Leg Press", "2", "150", "10", "6"),
        ("Bench Press (Barbell)", "1", "80", "5", "10"),
    ]
    (day,) = legs(read(old(rows)))
    assert day.rpe == 7
    assert "assumed" not in day.notes
    assert specs(day) == ["Leg Press 2x10@150kg"]  # the bench is not recorded


def test_rpe_assumed_from_options_then_seven() -> None:
    text = old([("Lunge (Dumbbell)", "1", "20", "12")])
    (given,) = legs(read(text, ReadOptions(today=TODAY, rpe=5)))
    assert given.rpe == 5
    assert "RPE 5 assumed" in given.notes
    (default,) = legs(read(text))
    assert default.rpe == 7
    assert "RPE 7 assumed" in default.notes


def test_a_workout_left_running_gets_an_estimated_duration() -> None:
    rows = [("Squat (Barbell)", str(i), "100", "5", "8") for i in range(1, 5)]
    (day,) = legs(read(old(rows, dur="5h 12m")))
    assert day.duration_s == 4 * 3 * 60
    assert "duration estimated" in day.notes
    assert "over 4 h" in day.notes
    (exactly_four,) = legs(read(old(rows, dur="4h")))
    assert exactly_four.duration_s == 4 * 3600
    assert "estimated" not in exactly_four.notes


def test_sets_the_journal_cannot_hold_are_left_out_and_counted() -> None:
    rows = [
        ("Leg Press", "1", "1500", "10"),  # 1500 kg
        ("Leg Press", "2", "200", "2000"),  # 2000 reps
        ("Leg Press", "3", "-20", "10"),  # negative weight
        ("Leg Press", "4", "200", "10"),
        ("Leg Extension", "1", "50", "0"),  # zero reps: left out, not counted
        ("Wall Sit", "1", "", "", "", "60"),  # timed only
    ]
    found = read(old(rows))
    (day,) = legs(found)
    assert specs(day) == ["Leg Press 1x10@200kg"]
    assert found.skipped == {"set out of range": 3}


def test_workouts_without_leg_sets_are_skipped_as_no_leg_exercises() -> None:
    rows = [("Bench Press (Barbell)", "1", "80", "5"), ("Squat (Barbell)", "W", "60", "5")]
    found = read(old(rows))
    assert found.entries == []
    assert found.skipped == {"no leg exercises": 1}


def test_dates_after_tomorrow_are_skipped_tomorrow_is_kept() -> None:
    tomorrow = old([("Squat", "1", "100", "5")], date_="2026-11-25 07:00:00")
    later = old([("Squat", "1", "100", "5")], date_="2026-11-26 07:00:00")
    assert len(read(tomorrow).entries) == 1
    assert read(later).skipped == {"after today": 1}


def test_the_same_file_twice_gives_the_same_uids() -> None:
    text = old([("Squat", "1", "100", "5")])
    first, second = read(text).entries, read(text).entries
    assert first[0].uid == second[0].uid == derived_uid("Strong", "2026-11-20T18:00:00", "Legs")


def test_not_a_strong_export_is_unreadable() -> None:
    with pytest.raises(Unreadable, match="Reps"):
        read("Date,Workout Name,Exercise Name,Set Order\n2024-01-01 10:00:00,a,b,1\n")
    with pytest.raises(Unreadable, match="date"):
        read(old([("Squat", "1", "100", "5")], date_="yesterday-ish"))
    assert read("").entries == []


def test_rows_with_a_bad_date_are_counted_the_rest_kept() -> None:
    good = old([("Squat", "1", "100", "5")])
    bad = old([("Squat", "1", "100", "5")], date_="31/31/2024").split("\n", 1)[1]
    found = read(good + bad)
    assert len(found.entries) == 1
    assert found.skipped == {"row without a date": 1}


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("35m", 2100), ("1h 5m", 3900), ("2h", 7200), ("11s", 11), ("1:05:00", 3900), ("", None)],
)
def test_durations_as_strong_writes_them(text: str, seconds: int | None) -> None:
    assert strong.parse_duration(text) == seconds


# The header line `looks_like` reads (lifting.head_line) --------------------------------

LINE = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps"
ROWS = "\n2024-01-01 08:00:00,Legs 💪,1h,Squat (Barbell),1,100,5\n2024-01-02 08:00:00,B,1h,X,1,1,1"


@pytest.mark.parametrize(
    "data",
    [
        (LINE + ROWS).encode(),
        b"\xef\xbb\xbf" + (LINE + ROWS).encode(),
        (LINE + ROWS).encode("utf-16"),  # little-endian, with its BOM
        b"\xfe\xff" + (LINE + ROWS).encode("utf-16-be"),
        (LINE + "\r" + ROWS).encode(),  # a Windows line end
    ],
)
def test_head_line_is_the_first_line_lowered_in_any_encoding(data: bytes) -> None:
    assert head_line(data) == LINE.lower()
    assert strong.looks_like(data)


def test_head_line_of_a_head_cut_mid_character() -> None:
    text = (LINE + ROWS).encode("utf-16")
    cut_in_emoji = text[: text.index("💪".encode("utf-16-le")) + 2]  # half a surrogate pair
    assert head_line(cut_in_emoji) == LINE.lower()
    # cut an odd byte into the header: the half character is dropped, no mark left
    assert head_line(LINE.encode("utf-16")[:-1]) == LINE.lower()[:-1]
    assert head_line(LINE.encode("utf-16")) == LINE.lower()  # a head that is all header
