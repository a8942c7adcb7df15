"""Every command of SPEC §1 and §6, through click and through a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from runjournal.cli import cli, run
from runjournal.store import Journal
from runjournal.text import text_width

TODAY = date(2026, 11, 24)
RUN_KEYS = [
    "kind",
    "id",
    "date",
    "time",
    "distance_km",
    "duration_s",
    "pace_s_per_km",
    "type",
    "rpe",
    "hr",
    "notes",
]
LEG_KEYS = [
    "kind",
    "id",
    "date",
    "time",
    "duration_min",
    "rpe",
    "to_failure",
    "load",
    "exercises",
    "notes",
]
CHECKIN_KEYS = ["kind", "id", "date", "time", "soreness", "notes"]


def ok(*args: str) -> str:
    """Run a command through click's CliRunner on TODAY; it must succeed."""
    result = CliRunner().invoke(cli, list(args), obj=TODAY, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def fails(capsys: pytest.CaptureFixture[str], *args: str, code: int = 2) -> str:
    """Run a command through `run` (which maps errors); return its one error line."""
    capsys.readouterr()
    assert run(list(args), today=TODAY) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    return captured.err


def history(*args: str) -> list[dict[str, Any]]:
    return json.loads(ok("history", "--format", "json", *args))


def seed() -> None:
    ok("log", "leg", "--duration", "60", "--rpe", "9", "--date", "2026-11-20", "--time", "18:00",
       "--exercise", "back squat 5x5@100kg", "--exercise", "walking lunges 3x12")  # fmt: skip
    ok("log", "run", "--distance", "8km", "--duration", "52:30", "--date", "2026-11-21")
    ok("log", "run", "--distance", "3.1mi", "--duration", "28:00", "--date", "2026-11-21",
       "--type", "tempo", "--rpe", "7", "--hr", "162", "--time", "07:05",
       "--notes", "windy")  # fmt: skip
    ok("checkin", "--soreness", "3", "--date", "2026-11-22", "--notes", "fine")


# Logging -----------------------------------------------------------------------------


def test_log_run_stores_every_field() -> None:
    out = ok("log", "run", "--distance", "10km", "--duration", "50:00", "--type", "Tempo",
             "--rpe", "7", "--hr", "165", "--date", "yesterday", "--time", "7:30",
             "--notes", "négatif ✓")  # fmt: skip
    assert out.startswith("Logged run 1: 2026-11-23 07:30, 10.00 km tempo in 50:00 (5:00/km)")
    (entry,) = history()
    assert list(entry) == RUN_KEYS
    assert entry == {
        "kind": "run",
        "id": 1,
        "date": "2026-11-23",
        "time": "07:30",
        "distance_km": 10,
        "duration_s": 3000,
        "pace_s_per_km": 300,
        "type": "tempo",
        "rpe": 7,
        "hr": 165,
        "notes": "négatif ✓",
    }


def test_log_run_on_a_rest_day_says_so() -> None:
    ok("log", "leg", "--duration", "60", "--rpe", "9")
    args = ["log", "run", "--distance", "5", "--duration", "30", "--type", "intervals"]
    result = CliRunner().invoke(cli, args, obj=TODAY, catch_exceptions=False)
    assert result.exit_code == 0
    assert "Logged run 1" in result.stdout
    # The warning goes to stderr, in words (issue 12).
    assert "warning: Today is a rest day: a run goes against the advice" in result.stderr


def test_log_leg_stores_exercises() -> None:
    out = ok("log", "leg", "--duration", "1h", "--rpe", "6", "--to-failure",
             "--exercise", "back squat 5x5@100kg", "--exercise", "leg press 3x10@225lb",
             "--exercise", "walking lunges 3x12")  # fmt: skip
    assert out.startswith("Logged leg day 1: 2026-11-24, 60 min at RPE 6, to failure (hard)")
    (entry,) = history()
    assert list(entry) == LEG_KEYS
    assert entry["duration_min"] == 60
    assert entry["to_failure"] is True
    assert entry["load"] == "hard"
    assert entry["exercises"] == [
        {"name": "back squat", "sets": 5, "reps": 5, "weight_kg": 100},
        {"name": "leg press", "sets": 3, "reps": 10, "weight_kg": 102.058},
        {"name": "walking lunges", "sets": 3, "reps": 12, "weight_kg": None},
    ]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["log", "run", "--distance", "0", "--duration", "30"], "distance"),
        (["log", "run", "--distance", "5", "--duration", "9:59"], "duration"),
        (["log", "run", "--distance", "5", "--duration", "30", "--rpe", "11"], "rpe"),
        (["log", "run", "--distance", "5", "--duration", "30", "--hr", "251"], "hr"),
        (["log", "run", "--distance", "5", "--duration", "30", "--type", "jog"], "type"),
        (["log", "run", "--distance", "5", "--duration", "30", "--date", "tomorrow"], "date"),
        (["log", "run", "--distance", "5", "--duration", "30", "--date", "2026-11-25"], "date"),
        (["log", "run", "--distance", "5", "--duration", "30", "--time", "25:00"], "time"),
        (["log", "run", "--distance", "5", "--duration", "30", "--notes", "x" * 2001], "notes"),
        (["log", "leg", "--duration", "601", "--rpe", "5"], "duration"),
        (["log", "leg", "--duration", "60", "--rpe", "0"], "rpe"),
        (["log", "leg", "--duration", "60", "--rpe", "5", "--exercise", "squat 5x"], "exercise"),
        (["checkin", "--soreness", "11"], "soreness"),
        (["checkin", "--soreness", "3", "--date", "2026-11-25"], "date"),
        (["log", "run", "--duration", "30"], "--distance"),
        (["log", "run", "--distance", "5", "--duration", "30", "--pace", "5:00"], "--pace"),
    ],
)
def test_bad_input_exits_2_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], args: list[str], field: str
) -> None:
    seed()
    before = history()
    err = fails(capsys, *args)
    # The line names the field first ("error: rpe: ..."), or click's option ("'--pace'").
    named = f"'{field}'" in err if field.startswith("--") else err.startswith(f"error: {field}: ")
    assert named, err
    assert history() == before


def test_checkin_replaces_the_days_checkin() -> None:
    assert ok("checkin", "--soreness", "3").startswith("Recorded check-in for 2026-11-24")
    out = ok("checkin", "--soreness", "8", "--notes", "stairs")
    assert out.startswith("Replaced check-in for 2026-11-24: soreness 8/10")
    assert "Advice for 2026-11-24: rest" in out
    entries = history("--kind", "checkin")
    assert len(entries) == 1
    assert list(entries[0]) == CHECKIN_KEYS
    assert (entries[0]["soreness"], entries[0]["notes"]) == (8, "stairs")


# Advice and checklist ----------------------------------------------------------------


def test_new_user_leg_day_yesterday_means_easy_recovery_run(isolated_journal: Path) -> None:
    assert not isolated_journal.exists()  # a brand-new user: no journal yet
    ok("log", "leg", "--duration", "60", "--rpe", "8", "--date", "yesterday",
       "--exercise", "back squat 5x5@100kg")  # fmt: skip
    text = ok("advise")
    assert text.startswith("Today: EASY RECOVERY RUN")
    assert "Leg day 1 day ago (hard: RPE 8, 60 min)" in text
    assert "barely walk" in text
    data = json.loads(ok("advise", "--json"))
    assert data["status"] == "easy_recovery_run"
    assert len(data["reasons"]) == 2
    assert data["leg_day"]["days_ago"] == 1
    assert data["guidance"]["max_rpe"] == 4
    assert [item["id"] for item in data["checklist"]][0] == "warmup-extended"
    # Checking in with mild soreness keeps the advice and stops asking for a check-in.
    ok("checkin", "--soreness", "3")
    again = json.loads(ok("advise", "--json"))
    assert again["status"] == "easy_recovery_run"
    assert not any("barely walk" in reason for reason in again["reasons"])


def test_advise_date_looks_back_from_that_date() -> None:
    seed()
    on_the_day = json.loads(ok("advise", "--json", "--date", "2026-11-20"))
    assert on_the_day["status"] == "rest"
    after = json.loads(ok("advise", "--json", "--date", "2026-11-22"))
    assert after["status"] == "easy_recovery_run"
    assert after["soreness"] == 3
    assert "Fri 20 Nov 2026: REST" in ok("advise", "--date", "2026-11-20")


def test_advise_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert "date" in fails(capsys, "advise", "--date", "2026-02-30")


def test_checklist_ticks_per_date(capsys: pytest.CaptureFixture[str]) -> None:
    items = json.loads(ok("checklist", "--json"))
    assert [list(item) for item in items] == [["id", "label", "done"]] * len(items)
    assert [item["id"] for item in items] == ["warmup-standard", "leg-swings", "strides"]
    assert ok("checklist", "tick", "strides").startswith("Ticked strides (1/3 done for 2026-11-24)")
    ticked = json.loads(ok("checklist", "--json"))
    assert [item["done"] for item in ticked] == [False, False, True]
    assert json.loads(ok("advise", "--json"))["checklist"] == ticked
    yesterday = json.loads(ok("checklist", "--json", "--date", "yesterday"))
    assert not any(item["done"] for item in yesterday)
    assert "[x] strides" in ok("checklist")
    ok("checklist", "untick", "strides")
    assert not any(item["done"] for item in json.loads(ok("checklist", "--json")))
    err = fails(capsys, "checklist", "tick", "no-such-item")
    assert err.startswith(
        "error: id: 'no-such-item' is not on the normal training checklist for 2026-11-24"
    ), err
    assert "use one of warmup-standard, leg-swings, strides" in err


def test_a_tick_counts_on_its_own_date_only() -> None:
    ok("checklist", "tick", "strides", "--date", "yesterday")
    today = json.loads(ok("checklist", "--json"))
    assert [item["done"] for item in today] == [False, False, False]  # yesterday's not shown
    assert "[x]" not in ok("checklist")
    yesterday = json.loads(ok("checklist", "--json", "--date", "yesterday"))
    assert [item["done"] for item in yesterday] == [False, False, True]


def test_checklist_follows_the_status() -> None:
    ok("log", "leg", "--duration", "60", "--rpe", "5")
    ids = [item["id"] for item in json.loads(ok("checklist", "--json"))]
    assert ids == ["no-run", "gentle-walk", "eat-hydrate", "checkin-tomorrow"]


# History -----------------------------------------------------------------------------


def test_history_json_newest_first_with_exact_fields() -> None:
    seed()
    entries = history()
    assert [(e["kind"], e["date"], e["time"]) for e in entries] == [
        ("checkin", "2026-11-22", None),
        ("run", "2026-11-21", "07:05"),
        ("run", "2026-11-21", None),
        ("leg", "2026-11-20", "18:00"),
    ]
    keys = {"run": RUN_KEYS, "leg": LEG_KEYS, "checkin": CHECKIN_KEYS}
    for entry in entries:
        assert list(entry) == keys[entry["kind"]]


def test_history_kind_and_dates() -> None:
    seed()
    assert [e["kind"] for e in history("--kind", "run")] == ["run", "run"]
    assert [e["kind"] for e in history("--kind", "leg")] == ["leg"]
    assert [e["date"] for e in history("--since", "2026-11-21")] == [
        "2026-11-22",
        "2026-11-21",
        "2026-11-21",
    ]
    assert [e["date"] for e in history("--until", "2026-11-21", "--kind", "all")] == [
        "2026-11-21",
        "2026-11-21",
        "2026-11-20",
    ]
    assert [e["kind"] for e in history("--since", "2026-11-21", "--until", "2026-11-21")] == [
        "run",
        "run",
    ]
    assert history("--since", "2026-11-23") == []


def test_history_lists_check_ins_newest_first() -> None:
    for day, soreness in (("2026-11-22", "2"), ("2026-11-24", "4"), ("2026-11-23", "3")):
        ok("checkin", "--soreness", soreness, "--date", day)
    listed = [(e["date"], e["soreness"]) for e in history("--kind", "checkin")]
    assert listed == [("2026-11-24", 4), ("2026-11-23", 3), ("2026-11-22", 2)]
    lines = ok("history", "--kind", "checkin").splitlines()[1:]
    assert [line.split()[2] for line in lines] == ["2026-11-24", "2026-11-23", "2026-11-22"]


def test_untimed_entries_of_one_day_are_listed_newest_id_first() -> None:
    run_ = ("log", "run", "--distance", "5", "--duration", "30", "--date", "2026-11-21")
    ok(*run_)
    ok(*run_)
    ok(*run_, "--time", "07:00")
    for _ in range(2):
        ok("log", "leg", "--duration", "30", "--rpe", "5", "--date", "2026-11-21")
    # A timed entry first, then the untimed ones, the one logged last on top.
    assert [e["id"] for e in history("--kind", "run")] == [3, 2, 1]
    assert [e["id"] for e in history("--kind", "leg")] == [2, 1]


def test_a_pace_in_miles_is_rounded_not_truncated() -> None:
    ok("config", "set", "units", "mi")
    # 5 km in 26:40 is 320 s/km = 514.99 s/mi: 8:35/mi, not 8:34/mi.
    logged = ok("log", "run", "--distance", "5km", "--duration", "26:40", "--date", "2026-11-21")
    assert "3.11 mi easy in 26:40 (8:35/mi)" in logged
    assert "(8:35/mi)" in ok("history")
    ok("log", "run", "--distance", "5k", "--duration", "25:00")
    assert history("--kind", "run")[0]["distance_km"] == 5.0


def test_history_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert "kind" in fails(capsys, "history", "--kind", "bike")
    assert "format" in fails(capsys, "history", "--format", "xml")
    assert "since" in fails(capsys, "history", "--since", "last week")
    assert "since" in fails(capsys, "history", "--since", "2026-11-22", "--until", "2026-11-20")


def test_history_csv_columns() -> None:
    seed()
    rows = list(csv.DictReader(io.StringIO(ok("history", "--format", "csv"))))
    assert [row["kind"] for row in rows] == ["checkin", "run", "run", "leg"]
    assert set(RUN_KEYS + LEG_KEYS + CHECKIN_KEYS) == set(rows[0])
    assert rows[3]["exercises"] == "back squat 5x5@100kg; walking lunges 3x12"
    assert rows[1]["distance_km"] == "4.989"
    assert rows[1]["pace_s_per_km"] == "337"


def test_history_table_fits_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    seed()
    ok("log", "leg", "--duration", "45", "--rpe", "7", "--time", "06:00",
       "--exercise", "ブルガリアンスクワット 4x8@32.5kg",
       "--exercise", "very long name " * 5 + "3x3",
       "--notes", "脚がとても痛い 😀 " * 10 + "\nsecond line")  # fmt: skip
    table = ok("history")
    lines = table.splitlines()
    assert lines[0].split() == ["KIND", "ID", "DATE", "TIME", "WHAT", "NOTES"]
    assert len(lines) == 6
    for line in lines:
        assert text_width(line) <= 80, line
    assert lines[1].startswith("leg")  # newest first
    assert "…" in lines[1]


def test_history_empty() -> None:
    assert "No entries yet" in ok("history")
    assert history() == []


# Edit and delete ---------------------------------------------------------------------


def test_edit_each_kind(capsys: pytest.CaptureFixture[str]) -> None:
    seed()
    ok("edit", "run", "2", "--distance", "6", "--rpe", "")
    ok("edit", "leg", "1", "--rpe", "5", "--not-to-failure", "--exercise", "squat 3x3@60")
    ok("edit", "checkin", "1", "--soreness", "9", "--date", "2026-11-23")
    by_kind = {(e["kind"], e["id"]): e for e in history()}
    assert by_kind[("run", 2)]["distance_km"] == 6
    assert by_kind[("run", 2)]["rpe"] is None
    assert by_kind[("run", 2)]["notes"] == "windy"  # untouched fields stay
    assert by_kind[("leg", 1)]["exercises"] == [
        {"name": "squat", "sets": 3, "reps": 3, "weight_kg": 60}
    ]
    assert by_kind[("leg", 1)]["load"] == "moderate"  # 60 min at RPE 5, not to failure
    assert by_kind[("checkin", 1)]["date"] == "2026-11-23"
    assert by_kind[("checkin", 1)]["soreness"] == 9
    before = history()
    err = fails(capsys, "edit", "run", "1", "--date", "2026-12-01")
    assert err.startswith("error: date: 2026-12-01 is in the future"), err
    err = fails(capsys, "edit", "run", "99", "--rpe", "3")
    assert err.startswith("error: id: there is no run with id 99"), err
    assert fails(capsys, "edit", "run", "1").startswith("error: options: nothing to change")
    err = fails(capsys, "edit", "run", "1", "--duration", "1")
    assert err.startswith("error: duration: a pace of 0:07/km is faster than 2:00/km"), err
    assert history() == before


def test_delete(capsys: pytest.CaptureFixture[str]) -> None:
    seed()
    out = ok("delete", "leg", "1")
    assert out.startswith("Deleted leg day 1 (2026-11-20 18:00, 60 min at RPE 9")
    assert [e["kind"] for e in history()] == ["checkin", "run", "run"]
    err = fails(capsys, "delete", "leg", "1")
    assert err.startswith("error: id: there is no leg day with id 1"), err
    err = fails(capsys, "delete", "bike", "1")
    assert err.startswith("error: kind: 'bike' is not a kind of entry; use run, leg or checkin")
    err = fails(capsys, "delete", "run", "one")
    assert err.startswith("error: id: 'one' is not an entry id"), err
    assert [e["kind"] for e in history()] == ["checkin", "run", "run"]


# Settings ----------------------------------------------------------------------------


def test_config_show_and_set(capsys: pytest.CaptureFixture[str]) -> None:
    shown = json.loads(ok("config", "show", "--json"))
    assert shown["units"] == "km"
    assert shown["fitness_level"] == "intermediate"
    assert shown["recovery_rate"] == "normal"
    assert shown["recovery_run_max_minutes"] == 30
    assert (
        ok("config", "set", "recovery_run_max_minutes", "45") == "recovery_run_max_minutes = 45\n"
    )
    ok("config", "set", "units", "mi")
    text = ok("config", "show")
    assert "recovery_run_max_minutes   45" in text
    ok("log", "leg", "--duration", "60", "--rpe", "9", "--date", "yesterday")
    assert json.loads(ok("advise", "--json"))["guidance"]["max_minutes"] == 45
    ok("log", "run", "--distance", "3.1mi", "--duration", "30")
    assert "3.10 mi" in ok("history")
    assert "recovery_run_max_minutes" in fails(
        capsys, "config", "set", "recovery_run_max_minutes", "91"
    )
    assert "key" in fails(capsys, "config", "set", "colour", "blue")
    assert "fitness_level" in fails(capsys, "config", "set", "fitness_level", "elite")


def test_config_changes_the_advice() -> None:
    ok("log", "leg", "--duration", "60", "--rpe", "9", "--date", "2026-11-21")
    assert json.loads(ok("advise", "--json"))["status"] == "easy_recovery_run"
    ok("config", "set", "fitness_level", "advanced")
    assert json.loads(ok("advise", "--json"))["status"] == "normal_training"


# Export, import, backup --------------------------------------------------------------


def export(tmp_path: Path, name: str = "export.json") -> tuple[Path, dict[str, Any]]:
    path = tmp_path / name
    ok("export", "-o", str(path))
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_export_json_shape(tmp_path: Path) -> None:
    seed()
    ok("checklist", "tick", "strides")
    _, data = export(tmp_path)
    assert list(data) == ["format", "version", "settings", "entries", "checklist"]
    assert data["format"] == "runjournal"
    assert data["version"] == 1
    assert data["settings"]["fitness_level"] == "intermediate"
    # Oldest first, so that an import numbers entries in the order they happened.
    assert [e["kind"] for e in data["entries"]] == ["leg", "run", "run", "checkin"]
    assert all(isinstance(e["uid"], str) and len(e["uid"]) == 36 for e in data["entries"])
    exported = [{k: v for k, v in e.items() if k != "uid"} for e in data["entries"]]
    assert exported == list(reversed(history()))
    assert list(data["checklist"]) == ["items", "ticks"]
    assert {"date": "2026-11-24", "item_id": "strides"} in data["checklist"]["ticks"]
    assert json.loads(ok("export")) == data  # stdout gives the same object


def test_export_csv_neutralises_formulas() -> None:
    for note in ("=SUM(A1:A9)", "+1 felt good", "-2 degrees", "@home", "plain"):
        ok("log", "run", "--distance", "5", "--duration", "30", "--notes", note)
    ok("log", "leg", "--duration", "30", "--rpe", "5", "--exercise", "=HYPERLINK(x) 3x5")
    rows = list(csv.DictReader(io.StringIO(ok("export", "--format", "csv"))))
    notes = {row["notes"] for row in rows if row["kind"] == "run"}
    assert notes == {"'=SUM(A1:A9)", "'+1 felt good", "'-2 degrees", "'@home", "plain"}
    (leg,) = [row for row in rows if row["kind"] == "leg"]
    assert leg["exercises"] == "'=HYPERLINK(x) 3x5"
    assert all(row["uid"] for row in rows)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")), value
            assert not value.startswith("-") or value.lstrip("-").replace(".", "").isdigit()


def _rich_journal() -> None:
    seed()
    ok("log", "run", "--distance", "5", "--duration", "30", "--date", "2026-11-21",
       "--notes", "  padded\nmultiline ✓  ")  # fmt: skip
    ok("log", "leg", "--duration", "20", "--rpe", "3", "--date", "2026-11-23",
       "--exercise", "calf raise 3x20@0", "--exercise", "goblet squat 3x10@24.5kg")  # fmt: skip
    ok("config", "set", "recovery_rate", "slow")
    ok("checklist", "tick", "warmup-extended")


def test_import_round_trip_field_for_field(tmp_path: Path) -> None:
    _rich_journal()
    path, data = export(tmp_path)
    original = history()
    fresh = tmp_path / "fresh.db"
    assert ok("--db", str(fresh), "import", str(path)) == (
        "Imported 6 entries; skipped 0 already in the journal.\n"
    )
    again = json.loads(ok("--db", str(fresh), "history", "--format", "json"))

    def by_uid(entries: list[dict[str, Any]], uids: dict[Any, Any]) -> dict[str, Any]:
        return {uids[(e["kind"], e["id"])]: {**e, "id": None} for e in entries}

    uids = {(e["kind"], e["id"]): e["uid"] for e in data["entries"]}
    _, reexport = export(tmp_path, "again.json")
    with Journal.open(fresh) as journal:
        fresh_uids = {(e.kind, e.id): e.uid for e in journal.history(["run", "leg", "checkin"])}
    assert by_uid(again, fresh_uids) == by_uid(original, uids)
    assert json.loads(ok("--db", str(fresh), "config", "show", "--json"))["recovery_rate"] == "slow"
    fresh_export = json.loads(ok("--db", str(fresh), "export"))
    assert fresh_export["checklist"] == data["checklist"] == reexport["checklist"]
    assert fresh_export["settings"] == data["settings"]


def test_import_round_trip_keeps_the_order(tmp_path: Path) -> None:
    _rich_journal()
    path, _ = export(tmp_path)
    original = [{**e, "id": None} for e in history()]
    fresh = tmp_path / "fresh.db"
    ok("--db", str(fresh), "import", str(path))
    again = json.loads(ok("--db", str(fresh), "history", "--format", "json"))
    assert [{**e, "id": None} for e in again] == original


def test_second_import_adds_nothing(tmp_path: Path) -> None:
    seed()
    path, _ = export(tmp_path)
    before = history()
    assert ok("import", str(path)) == "Imported 0 entries; skipped 4 already in the journal.\n"
    assert history() == before


def test_import_bare_list_all_or_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed()
    before = history()
    good = {"kind": "run", "date": "2026-11-23", "distance_km": 5, "duration_s": 1800}
    bad = {"kind": "run", "date": "2026-11-23", "distance_km": 501, "duration_s": 1800}
    path = tmp_path / "list.json"
    path.write_text(json.dumps([good, good, bad, good]))
    err = fails(capsys, "import", str(path))
    assert "entry 3" in err
    assert "distance_km" in err
    assert "500 km" in err
    assert history() == before
    path.write_text(json.dumps([good, {**good, "notes": "two"}]))
    assert ok("import", str(path)).startswith("Imported 2 entries; skipped 0")
    assert len(history()) == len(before) + 2


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("not json", "FILE"),
        ('{"format": "other"}', "file"),
        ('{"format": "runjournal", "version": 99, "entries": []}', "version"),
        ("42", "file"),
    ],
)
def test_import_refuses_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, field: str
) -> None:
    path = tmp_path / "in.json"
    path.write_text(content)
    assert field in fails(capsys, "import", str(path))
    assert "FILE" in fails(capsys, "import", str(tmp_path / "missing.json"))


def test_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed()
    dest = tmp_path / "backup.db"
    assert ok("backup", str(dest)).startswith("Backed up")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert json.loads(ok("--db", str(dest), "history", "--format", "json")) == history()
    assert "already exists" in fails(capsys, "backup", str(dest))
    ok("checkin", "--soreness", "5")
    ok("backup", str(dest), "--force")
    assert len(json.loads(ok("--db", str(dest), "history", "--format", "json"))) == 5
    assert "folder" in fails(capsys, "backup", str(tmp_path))
    assert "does not exist" in fails(capsys, "backup", str(tmp_path / "no" / "such.db"))


def test_db_option_wins_over_environment(tmp_path: Path, isolated_journal: Path) -> None:
    other = tmp_path / "other" / "j.db"
    ok("--db", str(other), "checkin", "--soreness", "2")
    assert other.exists()
    assert not isolated_journal.exists()


# A real process ----------------------------------------------------------------------


def runjournal(*args: str, env_db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RUNJOURNAL_DB": str(env_db), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "runjournal", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_process_success_and_json(isolated_journal: Path) -> None:
    logged = runjournal("log", "leg", "--duration", "60", "--rpe", "8", "--date", "yesterday",
                        env_db=isolated_journal)  # fmt: skip
    assert (logged.returncode, logged.stderr) == (0, "")
    advised = runjournal("advise", "--json", env_db=isolated_journal)
    assert (advised.returncode, advised.stderr) == (0, "")
    data = json.loads(advised.stdout)
    assert list(data) == [
        "date",
        "status",
        "reasons",
        "leg_day",
        "soreness",
        "guidance",
        "checklist",
        "next_normal_training",
        "flags",
    ]
    assert data["status"] == "easy_recovery_run"
    assert data["reasons"]


@pytest.mark.parametrize(
    "args",
    [
        ["log", "run", "--distance", "five", "--duration", "30"],
        ["log", "run", "--distance", "5"],
        ["no-such-command"],
        ["history", "--format", "xml"],
    ],
)
def test_process_bad_input_exits_2(isolated_journal: Path, args: list[str]) -> None:
    done = runjournal(*args, env_db=isolated_journal)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: ")
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_process_foreign_file_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    before = path.read_bytes()
    done = runjournal("advise", env_db=path)
    assert done.returncode == 1
    assert done.stderr.startswith("error: ")
    assert "Traceback" not in done.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("group", ["log", "edit", "config"])
def test_group_without_command_is_one_line(capsys: pytest.CaptureFixture[str], group: str) -> None:
    err = fails(capsys, group)
    assert f"runjournal {group} needs a command" in err


def test_unusable_file_names_are_errors_not_tracebacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    too_long = "x" * 300
    assert "cannot" in fails(capsys, "--db", str(tmp_path / f"{too_long}.db"), "advise", code=1)
    ok("checkin", "--soreness", "2")
    assert "output" in fails(capsys, "export", "-o", str(tmp_path / f"{too_long}.json"))
    assert "FILE" in fails(capsys, "backup", str(tmp_path / f"{too_long}.db"))
    assert "FILE" in fails(capsys, "import", str(tmp_path / f"{too_long}.json"))
    assert not any(p.name.startswith(("x", ".x")) for p in tmp_path.iterdir())


def test_export_or_backup_over_the_journal_is_refused(
    isolated_journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed()
    before = history()
    assert "journal itself" in fails(capsys, "export", "-o", str(isolated_journal))
    wal = str(isolated_journal) + "-wal"
    assert "journal itself" in fails(capsys, "export", "--format", "csv", "-o", wal)
    assert "journal itself" in fails(capsys, "backup", str(isolated_journal), "--force")
    assert history() == before


def test_process_output_closed_early_is_not_an_error(
    isolated_journal: Path, tmp_path: Path
) -> None:
    # Far more than a pipe buffer of output, so the writer meets the closed pipe.
    entries = [
        {
            "kind": "run",
            "date": "2026-10-01",
            "distance_km": 5,
            "duration_s": 1800,
            "notes": "x" * 300,
        }  # fmt: skip
        for _ in range(600)
    ]
    (tmp_path / "many.json").write_text(json.dumps(entries))
    assert run(["import", str(tmp_path / "many.json")], today=TODAY) == 0
    env = {**os.environ, "RUNJOURNAL_DB": str(isolated_journal)}
    for args in (["history", "--format", "json"], ["export"]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "runjournal", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0, err
        assert err == ""


def test_process_undecodable_bytes_exit_2(isolated_journal: Path) -> None:
    env = {**os.environ, "RUNJOURNAL_DB": str(isolated_journal)}
    for args in (
        [b"checkin", b"--soreness", b"3", b"--notes", b"bad \xff byte"],
        [b"log", b"leg", b"--duration", b"30", b"--rpe", b"5", b"--exercise", b"squ\xffat 3x5"],
    ):
        done = subprocess.run(
            [sys.executable.encode(), b"-m", b"runjournal", *args],
            capture_output=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(b"error: ")
        assert b"Traceback" not in done.stderr


def test_export_csv_reports_the_number_of_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok("checkin", "--soreness", "2", "--notes", "line one\nline two\nline three")
    ok("log", "run", "--distance", "5", "--duration", "30")
    capsys.readouterr()
    assert run(["export", "--format", "csv", "-o", str(tmp_path / "out.csv")], today=TODAY) == 0
    assert len(list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))) == 2
    assert "Exported 2 entries" in capsys.readouterr().err


def test_import_keeps_settings_the_user_chose(tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    ok("--db", str(source), "checkin", "--soreness", "2")
    ok("--db", str(source), "export", "-o", str(tmp_path / "e.json"))
    ok("config", "set", "fitness_level", "advanced")
    ok("import", str(tmp_path / "e.json"))
    assert json.loads(ok("config", "show", "--json"))["fitness_level"] == "advanced"


def test_import_into_a_new_journal_restores_settings(tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    ok("--db", str(source), "config", "set", "recovery_rate", "fast")
    ok("--db", str(source), "checkin", "--soreness", "2")
    ok("--db", str(source), "export", "-o", str(tmp_path / "e.json"))
    ok("import", str(tmp_path / "e.json"))
    assert json.loads(ok("config", "show", "--json"))["recovery_rate"] == "fast"


def test_the_first_command_of_the_day_leaves_a_checked_backup(isolated_journal: Path) -> None:
    assert run(["log", "run", "--distance", "5", "--duration", "30"], today=TODAY) == 0
    backup = isolated_journal.parent / "backups" / f"journal.db-{TODAY}.db"
    assert backup.is_file()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with Journal.open(backup) as copy:
        assert len(copy.entries("run")) == 1
    # Later commands that day keep that copy as it was (the first of the day).
    assert run(["log", "run", "--distance", "6", "--duration", "33"], today=TODAY) == 0
    with Journal.open(backup) as copy:
        assert len(copy.entries("run")) == 1


def test_a_failed_command_makes_no_backup(isolated_journal: Path) -> None:
    assert run(["log", "run", "--distance", "5", "--duration", "30"], today=TODAY) == 0
    backups = isolated_journal.parent / "backups"
    for old in backups.iterdir():
        old.unlink()
    assert run(["edit", "run", "99", "--distance", "7"], today=TODAY) == 2
    assert list(backups.iterdir()) == []
