"""`runjournal stats` and the forecast in `advise`, through the real CLI and a real file."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from runjournal.cli import run
from runjournal.text import text_width

TODAY = date(2026, 11, 29)  # a Sunday: the week 2026-W48 is whole
WEEK_KEYS = [
    "week",
    "start",
    "runs",
    "distance_km",
    "duration_s",
    "longest_run_km",
    "leg_days",
    "hard_leg_days",
    "load",
    "soreness_mean",
]


def cli(*args: str, today: date = TODAY) -> int:
    return run(list(args), today=today)


def out(capsys: pytest.CaptureFixture[str], *args: str, today: date = TODAY) -> Any:
    capsys.readouterr()
    assert cli(*args, today=today) == 0
    return capsys.readouterr().out


def a_week() -> None:
    """2026-W48: three runs, two leg days, three check-ins, all hand-counted below."""
    assert (
        cli(
            "log",
            "run",
            "--distance",
            "8.2",
            "--duration",
            "50:00",
            "--rpe",
            "3",
            "--date",
            "2026-11-23",
        )
        == 0
    )  # load 150
    assert (
        cli(
            "log",
            "run",
            "--distance",
            "12",
            "--duration",
            "70m",
            "--type",
            "long",
            "--date",
            "2026-11-25",
        )
        == 0
    )  # no RPE: long counts as 5 → 350
    assert (
        cli(
            "log",
            "run",
            "--distance",
            "5",
            "--duration",
            "20:00",
            "--type",
            "tempo",
            "--rpe",
            "8",
            "--date",
            "2026-11-28",
        )
        == 0
    )  # 160; the 5 km record, 4:00/km
    assert (
        cli(
            "log",
            "leg",
            "--duration",
            "60",
            "--rpe",
            "9",
            "--date",
            "2026-11-24",
            "--exercise",
            "back squat 5x5@100kg",
            "--exercise",
            "back squat 1x1@120kg",
        )
        == 0
    )
    assert cli("log", "leg", "--duration", "30", "--rpe", "5", "--date", "2026-11-27") == 0
    for day, soreness in (("2026-11-24", "2"), ("2026-11-25", "6"), ("2026-11-26", "3")):
        assert cli("checkin", "--soreness", soreness, "--date", day) == 0


def test_stats_json_is_exactly_the_spec_shape(capsys: pytest.CaptureFixture[str]) -> None:
    a_week()
    data = json.loads(out(capsys, "stats", "--json", "--weeks", "2"))
    assert list(data) == ["weeks", "flags", "recovery_profile", "records"]
    assert list(data["records"]) == ["runs", "lifts"]
    older, week = data["weeks"]
    assert list(week) == WEEK_KEYS
    assert week == {
        "week": "2026-W48",
        "start": "2026-11-23",
        "runs": 3,
        "distance_km": 25.2,
        "duration_s": 3000 + 4200 + 1200,
        "longest_run_km": 12,
        "leg_days": 2,
        "hard_leg_days": 1,
        "load": 150 + 350 + 160 + 540 + 150,
        "soreness_mean": round(11 / 3, 2),
    }
    assert older["runs"] == 0
    assert older["soreness_mean"] is None
    assert [row["load"] for row in data["recovery_profile"]] == ["light", "moderate", "hard"]
    assert list(data["recovery_profile"][0]) == ["load", "leg_days", "mean_days", "window_days"]
    # the hard leg day on the 24th: sore 6 on the 25th, 3 on the 26th → settled in 2 days
    hard = data["recovery_profile"][2]
    assert hard == {"load": "hard", "leg_days": 1, "mean_days": 2.0, "window_days": 3}
    five_k, ten_k = data["records"]["runs"]
    assert five_k["date"] == "2026-11-28"
    assert five_k["pace_s_per_km"] == 240
    assert (ten_k["date"], ten_k["pace_s_per_km"]) == ("2026-11-25", 350)  # 12 km in 70 min
    (squat,) = data["records"]["lifts"]
    assert squat["heaviest"] == {"weight_kg": 120, "reps": 1, "date": "2026-11-24"}
    assert squat["e1rm"]["e1rm_kg"] == 124.0  # 120 × (1 + 1/30)


def test_stats_date_shows_the_past_as_it_stood(capsys: pytest.CaptureFixture[str]) -> None:
    a_week()
    data = json.loads(out(capsys, "stats", "--json", "--weeks", "1", "--date", "2026-11-25"))
    assert data["weeks"][0]["runs"] == 2
    assert [r["date"] for r in data["records"]["runs"]] == ["2026-11-25"] * 2  # not the 28th
    assert data["recovery_profile"][2]["leg_days"] == 0  # not settled by the 25th


def test_stats_table_fits_80_columns_and_follows_miles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    a_week()
    text = out(capsys, "stats")
    assert all(text_width(line) <= 80 for line in text.splitlines())
    assert "2026-W48" in text
    assert "25.2 km" in text
    assert cli("config", "set", "units", "mi") == 0
    text = out(capsys, "stats")
    assert "15.7 mi" in text  # 25.2 km
    assert "6:26/mi" in text  # the 4:00/km 5 km record
    assert "25.2 km" not in text


@pytest.mark.parametrize("weeks", ["0", "x", "521", "-3", "٣"])
def test_bad_weeks_is_an_error_naming_the_field(
    capsys: pytest.CaptureFixture[str], weeks: str
) -> None:
    assert cli("stats", "--weeks", weeks) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: weeks")
    assert len(err.strip().splitlines()) == 1


def test_advise_gains_the_forecast_and_flags(capsys: pytest.CaptureFixture[str]) -> None:
    today = date(2026, 12, 1)  # Tuesday
    assert (
        cli("log", "leg", "--duration", "60", "--rpe", "9", "--date", "2026-11-30", today=today)
        == 0
    )
    data = json.loads(out(capsys, "advise", "--json", today=today))
    assert data["status"] == "easy_recovery_run"
    assert data["next_normal_training"] == "2026-12-04"
    assert data["flags"] == []
    assert "hard running OK from Fri 4 Dec" in out(capsys, "advise", today=today)
    later = json.loads(out(capsys, "advise", "--json", "--date", "2026-12-04", today=today))
    assert later["next_normal_training"] == "2026-12-04"
    assert "hard running OK today" in out(capsys, "advise", "--date", "2026-12-06", today=today)


def test_advise_shows_a_monotony_flag(capsys: pytest.CaptureFixture[str]) -> None:
    for day in range(23, 30):
        assert (
            cli(
                "log",
                "run",
                "--distance",
                "8",
                "--duration",
                "45m",
                "--rpe",
                "4",
                "--date",
                f"2026-11-{day}",
            )
            == 0
        )
    data = json.loads(out(capsys, "advise", "--json"))
    assert [flag["id"] for flag in data["flags"]] == ["monotony"]
    assert data["status"] == "normal_training"  # flags never change the status
    assert "rough guide" in out(capsys, "advise")


def test_records_show_in_pounds_when_asked() -> None:
    from runjournal.domain.records import LiftSet, best_lifts
    from runjournal.text import lift_record_line, weight_text

    assert weight_text(102_058, "lb") == "225 lb"  # 225 lb as stored, in grams
    assert weight_text(100_000, "kg") == "100 kg"
    day = date(2026, 11, 2)
    (record,) = best_lifts([LiftSet("back squat", 102_058, 5, day)])
    line = lift_record_line(record, "lb")
    assert line == "back squat: 225 lb × 5 (2 Nov 2026), e1RM 262.5 lb"
    assert "kg" not in line
