"""Issue 12, the command line: units for bare numbers, words not ids, warnings, tables."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from runjournal.cli import run

TODAY = date(2026, 11, 24)


def cli(capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> tuple[str, str]:
    assert run(list(args), today=TODAY) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def history_json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return json.loads(cli(capsys, "history", "--format", "json")[0])


def test_bare_distance_follows_units_mi(capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, "config", "set", "units", "mi")
    out, _ = cli(capsys, "log", "run", "--distance", "3", "--duration", "30:00")
    assert "3.00 mi" in out
    cli(capsys, "log", "run", "--distance", "5km", "--duration", "30:00")
    runs = history_json(capsys)
    assert [r["distance_km"] for r in runs] == [5, 4.828]  # JSON stays metric
    cli(capsys, "edit", "run", "1", "--distance", "2")
    assert history_json(capsys)[1]["distance_km"] == 3.219


def test_weights_in_lb_show_back_as_typed(capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, "config", "set", "weight_units", "lb")
    out, _ = cli(
        capsys, "log", "leg", "--duration", "60", "--rpe", "7",
        "--exercise", "leg press 4x10@225", "--exercise", "squat 5x5@102.5lb",
    )  # fmt: skip
    assert "leg press 4x10@225lb, squat 5x5@102.5lb" in out
    (leg,) = history_json(capsys)
    assert [e["weight_kg"] for e in leg["exercises"]] == [102.058, 46.493]  # type: ignore[index]
    table, _ = cli(capsys, "history")
    assert "leg press 4x10@225lb" in table
    cli(capsys, "config", "set", "weight_units", "kg")
    out, _ = cli(capsys, "log", "leg", "--duration", "60", "--rpe", "7", "--exercise", "dl 1x1@100")
    assert "dl 1x1@100kg" in out


def test_weight_in_the_name_is_refused_with_the_right_form(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, err = cli(
        capsys, "log", "leg", "--duration", "30", "--rpe", "5", "--exercise", "squat 100kg 5x5",
        code=2,
    )  # fmt: skip
    assert err.startswith("error: exercise:")
    assert "'squat 5x5@100kg'" in err
    assert history_json(capsys) == []


def test_checkin_says_the_advice_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = cli(capsys, "checkin", "--soreness", "5")
    assert "Advice for 2026-11-24: easy recovery run." in out
    assert "easy_recovery_run" not in out


def test_run_against_the_advice_is_logged_and_warned_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cli(capsys, "log", "leg", "--duration", "60", "--rpe", "9", "--date", "yesterday")
    out, err = cli(
        capsys, "log", "run", "--distance", "8", "--duration", "40:00", "--type", "tempo"
    )
    assert "Logged run 1" in out
    assert err.startswith("warning: Today is for an easy recovery run: a tempo run")
    assert "Logged anyway" in err


def test_long_easy_run_on_a_recovery_day_warns_about_its_length(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cli(capsys, "config", "set", "units", "mi")
    cli(capsys, "log", "leg", "--duration", "60", "--rpe", "9", "--date", "yesterday")
    _, err = cli(capsys, "log", "run", "--distance", "10", "--duration", "1:40:00", "--rpe", "6")
    assert "100 min (guidance: at most 30)" in err
    assert "RPE 6 (guidance: at most 4)" in err
    _, err = cli(capsys, "log", "run", "--distance", "2", "--duration", "25:00", "--rpe", "3")
    assert err == ""


def test_history_table_uses_the_terminal_width_and_shows_exercises(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    exercises = ["back squat 5x5@100kg", "romanian deadlift 3x8@80kg", "walking lunges 3x12"]
    args = [a for spec in exercises for a in ("--exercise", spec)]
    cli(capsys, "log", "leg", "--duration", "60", "--rpe", "8", *args, "--notes", "felt ok")
    table, _ = cli(capsys, "history")
    line = table.splitlines()[1]
    assert ", ".join(exercises) in line
    assert line.endswith("felt ok")
    assert len(line) <= 160


def test_history_on_a_pipe_keeps_notes_whole(tmp_path: Path, isolated_journal: Path) -> None:
    note = "HM at goal pace, negative split, wind on the way back " * 3
    base = [sys.executable, "-m", "runjournal", "--db", str(isolated_journal)]
    log = ["log", "run", "--distance", "21.1", "--duration", "1:59:00", "--notes", note]
    subprocess.run([*base, *log], check=True, capture_output=True)
    env = {k: v for k, v in __import__("os").environ.items() if k != "COLUMNS"}
    out = subprocess.run(
        [*base, "history"], check=True, capture_output=True, text=True, env=env
    ).stdout
    assert " ".join(note.split()) in out
    assert "…" not in out


def test_a_leg_day_after_the_run_keeps_the_runs_checklist(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cli(capsys, "log", "run", "--distance", "8", "--duration", "48:00", "--time", "07:00")
    cli(capsys, "checklist", "tick", "leg-swings")
    cli(capsys, "log", "leg", "--duration", "60", "--rpe", "9", "--time", "18:30")
    advice = json.loads(cli(capsys, "advise", "--json")[0])
    assert advice["status"] == "rest"
    assert [(c["id"], c["done"]) for c in advice["checklist"]][:2] == [
        ("warmup-standard", False),
        ("leg-swings", True),
    ]
    text, _ = cli(capsys, "advise")
    assert "Today's run is done: 8.00 km easy at 07:00." in text
