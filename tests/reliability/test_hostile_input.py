"""Issue 9, through the real command line in a subprocess: the fourteen defects a hostile
tester found, one test (or one parametrized family) each, named by the item's number.

Each was first run against the code that had the defect and seen failing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import select
import sqlite3
import subprocess
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ..full_disk import fill, small_disk
from .helpers import assert_clean_error, cli_command, cli_env, run_cli, tree_state

NOTE = "x \x1b]52;c;SGVsbG8=\x07 \x1b[2J [/] [bold] \x9b31m"


def on_terminal(db: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """What `runjournal ARGS` writes to a terminal (a pseudo-terminal), stdout and stderr."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*cli_command(), "--db", str(db), *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env={**(env or cli_env(db)), "COLUMNS": "200"},
    )
    os.close(follower)
    chunks = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def assert_nothing_raw(text: str) -> None:
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in text, (raw, text)


def _export(entries: list[dict[str, Any]], **head: Any) -> dict[str, Any]:
    return {"format": "runjournal", "version": 1, "entries": entries, **head}


def _run_entry(**fields: Any) -> dict[str, Any]:
    return {"kind": "run", "date": "2026-11-20", "distance_km": 5, "duration_s": 1800, **fields}


# 1. Escape sequences reach the terminal ---------------------------------------------


def test_1_a_note_with_escape_sequences_is_shown_escaped_on_a_terminal(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    assert (
        run_cli(db, "log", "run", "--distance", "5", "--duration", "30", "--notes", NOTE).returncode
        == 0
    )
    table = on_terminal(db, "history")
    assert_nothing_raw(table)
    assert "^[]52;c;SGVsbG8=^G ^[[2J [/] [bold]" in table
    rows = on_terminal(db, "history", "--format", "csv")
    assert_nothing_raw(rows)
    assert "^[[2J" in rows
    as_json = on_terminal(db, "history", "--format", "json")
    assert_nothing_raw(as_json)
    assert json.loads(as_json)[0]["notes"] == NOTE  # the same text, escaped as JSON does


def test_1_export_to_a_terminal_is_shown_escaped_and_to_a_pipe_as_stored(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    assert (
        run_cli(db, "log", "run", "--distance", "5", "--duration", "30", "--notes", NOTE).returncode
        == 0
    )
    for fmt in ("csv", "json"):
        screen = on_terminal(db, "export", "--format", fmt)
        assert_nothing_raw(screen)
    piped = run_cli(db, "export", "--format", "csv").stdout
    assert NOTE in piped  # byte for byte what the journal holds


def test_1_the_table_never_cuts_a_sequence_in_half(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    note = "n" * 3 + "\x1b[2J" * 40
    run_cli(db, "log", "run", "--distance", "5", "--duration", "30", "--notes", note)
    table = run_cli(db, "history").stdout  # 80 columns: the note is cut
    assert_nothing_raw(table)
    assert "nnn^[[2J" in table or "nnn^…" in table


def test_1_imported_checklist_labels_are_escaped_in_advise_and_checklist(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    source = tmp_path / "export.json"
    items = [
        {"id": "x\x1b[2J", "status": "normal_training", "label": "jog \x1b]0;t\x07", "position": 0}
    ]
    source.write_text(json.dumps(_export([], checklist={"items": items, "ticks": []})))
    assert run_cli(db, "import", str(source)).returncode == 0
    for args in (["advise"], ["checklist"], ["checklist", "--json"], ["advise", "--json"]):
        out = run_cli(db, *args).stdout
        assert_nothing_raw(out)
        assert ("jog ^[]0;t^G" in out) or ("jog \\u001b]0;t\\u0007" in out), out


def test_1_error_lines_quote_input_escaped(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    result = run_cli(db, "log", "run", "--distance", "\x1b[2J\x9b5", "--duration", "30")
    assert_clean_error(result, 2, "distance", "^[[2J\\x9b5")
    assert_nothing_raw(result.stderr)


def test_1_an_error_quoting_a_huge_value_stays_short(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    result = run_cli(db, "log", "run", "--distance", "9x" * 50_000, "--duration", "30")
    assert_clean_error(result, 2, "distance")
    assert len(result.stderr) < 1000


# 3. A crashed TUI exits with status 1: tests/tui/test_literal_text.py (run_reporting).

# 4. Import answers with tracebacks ------------------------------------------------

BAD_IMPORTS: dict[str, tuple[str, str]] = {
    # name: (file text, a word the error names)
    "distance 1e308": (json.dumps([_run_entry(distance_km=1e308)]), "distance_km"),
    "duration 1e308": (json.dumps([_run_entry(duration_s=1e308)]), "duration_s"),
    "leg minutes 1e308": (
        json.dumps([{"kind": "leg", "date": "2026-11-20", "duration_min": 1e308, "rpe": 5}]),
        "duration_min",
    ),
    "weight 1e308": (
        json.dumps(
            [
                {
                    "kind": "leg",
                    "date": "2026-11-20",
                    "duration_min": 30,
                    "rpe": 5,
                    "exercises": [{"name": "squat", "sets": 5, "reps": 5, "weight_kg": 1e308}],
                }
            ]
        ),
        "exercises",
    ),
    "position 1e309": (
        '{"format": "runjournal", "version": 1, "entries": [], "checklist": {"items": '
        '[{"id": "a", "status": "rest", "label": "x", "position": 1e309}], "ticks": []}}',
        "position",
    ),
    "position 10**30": (
        json.dumps(
            _export(
                [],
                checklist={
                    "items": [{"id": "a", "status": "rest", "label": "x", "position": 10**30}],
                    "ticks": [],
                },
            )
        ),
        "position",
    ),
    "items 5": (json.dumps(_export([], checklist={"items": 5, "ticks": []})), "items"),
    "ticks true": (json.dumps(_export([], checklist={"items": [], "ticks": True})), "ticks"),
    "nested 100,000 deep": ("[" * 100_000, "nested"),
    "5,000-digit integer": (
        "[" + json.dumps(_run_entry())[:-1] + ', "rpe": ' + "9" * 5000 + "}]",
        "rpe",
    ),
    "lone surrogate in a uid": (
        '[{"kind": "checkin", "date": "2026-11-20", "soreness": 3, "uid": "\\ud800"}]',
        "uid",
    ),
    "lone surrogate in an item id": (
        '{"format": "runjournal", "version": 1, "entries": [], "checklist": {"items": '
        '[{"id": "\\ud800", "status": "rest", "label": "x", "position": 0}], "ticks": []}}',
        "id",
    ),
    "version true": (json.dumps(_export([], version=True)), "version"),
    "version -5": (json.dumps(_export([], version=-5)), "version"),
    "1 MB uid": (json.dumps([_run_entry(uid="u" * 1_000_000)]), "uid"),
    "settings nested": (json.dumps(_export([], settings={"units": [[["km"]]]})), "settings"),
    "exercises not objects": (
        json.dumps(
            [{"kind": "leg", "date": "2026-11-20", "duration_min": 30, "rpe": 5, "exercises": [5]}]
        ),
        "exercises",
    ),
    "tick date junk": (
        json.dumps(_export([], checklist={"items": [], "ticks": [{"date": 5, "item_id": "a"}]})),
        "tick",
    ),
}


@pytest.mark.parametrize("case", list(BAD_IMPORTS))
def test_4_a_hostile_import_is_one_error_line_and_changes_nothing(
    tmp_path: Path, case: str
) -> None:
    db = tmp_path / "j.db"
    assert run_cli(db, "checkin", "--soreness", "3").returncode == 0
    assert run_cli(db, "history").returncode == 0  # the day's backup made, side files gone
    text, word = BAD_IMPORTS[case]
    source = tmp_path / "in" / "bad.json"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = tree_state(tmp_path)
    result = run_cli(db, "import", str(source))
    assert_clean_error(result, 2, word)
    assert tree_state(tmp_path) == before


# 5. Dates near year 1 ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["checkin", "--soreness", "5", "--date", "0001-01-01"],
        ["advise", "--date", "0001-01-01"],
        ["advise", "--date", "0001-01-07"],
        ["checklist", "--date", "0001-01-03"],
        ["log", "run", "--distance", "5", "--duration", "30", "--date", "1899-12-31"],
    ],
)
def test_5_dates_before_1900_are_refused_and_nothing_is_saved(
    tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "j.db"
    run_cli(db, "checkin", "--soreness", "1")
    before = tree_state(tmp_path)
    result = run_cli(db, *args)
    assert_clean_error(result, 2, "date", "1900")
    assert tree_state(tmp_path) == before


def test_5_weekday_names_and_days_ago_are_dates(tmp_path: Path) -> None:
    from runjournal.cli import run

    # 2026-11-24 is a Tuesday: "mon" is yesterday, "tue" today, "wednesday" last week's.
    for text, expected in [
        ("mon", "2026-11-23"),
        ("tue", "2026-11-24"),
        ("wednesday", "2026-11-18"),
        ("3d", "2026-11-21"),
        ("0d", "2026-11-24"),
    ]:
        assert run(["checkin", "--soreness", "2", "--date", text], today=date(2026, 11, 24)) == 0
        assert (
            run(
                ["history", "--format", "json", "--since", expected, "--until", expected],
                today=date(2026, 11, 24),
            )
            == 0
        )


def test_5_the_advisor_looks_back_from_year_1_without_underflow(tmp_path: Path) -> None:
    from runjournal.domain.advisor import advise
    from runjournal.domain.entries import LegDay
    from runjournal.domain.parse import FIRST_DATE, shift
    from runjournal.domain.settings import Settings
    from runjournal.services.day import day_view
    from runjournal.store import Journal

    leg = LegDay(date(1, 1, 1), 3600, 9)
    statuses = [advise([leg], None, Settings(), date(1, 1, n)).status for n in range(1, 8)]
    assert statuses == ["rest"] + ["easy_recovery_run"] * 3 + ["normal_training"] * 3
    assert shift(date(1, 1, 3), -7) == date.min
    assert shift(date.max, 7) == date.max
    with Journal.open(tmp_path / "j.db") as journal:
        journal.add(LegDay(FIRST_DATE, 3600, 9))
        assert day_view(journal, FIRST_DATE).advice.status == "rest"
        assert day_view(journal, date.max).advice.status == "normal_training"


# 6. A journal carried across time zones ----------------------------------------------


def test_6_an_export_from_east_of_here_imports_and_its_notes_can_be_edited(tmp_path: Path) -> None:
    east, west = tmp_path / "east.db", tmp_path / "west.db"
    # UTC+14 and UTC-10: always exactly one calendar day apart.
    env_east = {**cli_env(east), "TZ": "Etc/GMT-14"}
    env_west = {**cli_env(west), "TZ": "Etc/GMT+10"}
    cmd = cli_command()

    def run_in(env: dict[str, str], db: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*cmd, "--db", str(db), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )

    assert (
        run_in(env_east, east, "log", "run", "--distance", "5", "--duration", "30").returncode == 0
    )
    export = tmp_path / "east.json"
    assert run_in(env_east, east, "export", "-o", str(export)).returncode == 0
    imported = run_in(env_west, west, "import", str(export))
    assert imported.returncode == 0, imported.stderr
    edited = run_in(env_west, west, "edit", "run", "1", "--notes", "from the other side")
    assert edited.returncode == 0, edited.stderr


# 7. An import waiting on standard input holds the write lock -------------------------


def test_7_an_import_waiting_on_stdin_lets_others_write(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    assert run_cli(db, "checkin", "--soreness", "1").returncode == 0
    importer = subprocess.Popen(
        [*cli_command(), "--db", str(db), "import", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(db),
    )
    try:
        time.sleep(1.5)  # the importer is up and reading its standard input
        logged = run_cli(db, "log", "run", "--distance", "5", "--duration", "30", timeout=30)
        assert logged.returncode == 0, logged.stderr
    finally:
        out, err = importer.communicate(json.dumps([_run_entry(uid="late")]), timeout=60)
    assert importer.returncode == 0, err
    assert "Imported 1" in out


# 8. Daily backups collide ------------------------------------------------------------


def test_8_two_journals_with_one_stem_get_a_backup_each(tmp_path: Path) -> None:
    for name in ("training.db", "training.sqlite"):
        assert run_cli(tmp_path / name, "checkin", "--soreness", "2").returncode == 0
    backups = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert len(backups) == 2, backups


# 9. Data loss through the README's merge recipe -------------------------------------


def test_9_an_import_never_replaces_a_check_in_or_rewords_an_item(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    export = tmp_path / "export.json"
    assert run_cli(db, "checkin", "--soreness", "2", "--date", "2026-11-20").returncode == 0
    assert run_cli(db, "export", "-o", str(export)).returncode == 0
    assert run_cli(db, "delete", "checkin", "1").returncode == 0
    assert (
        run_cli(
            db, "checkin", "--soreness", "8", "--date", "2026-11-20", "--notes", "can't walk"
        ).returncode
        == 0
    )
    data = json.loads(export.read_text())
    data["checklist"]["items"] = [
        {"id": "mine", "status": "rest", "label": "export's words", "position": 0}
    ]
    export.write_text(json.dumps(data))
    with sqlite3.connect(db) as conn:  # the journal's own wording of the same item
        conn.execute(
            "insert into checklist_items (id, status, label, position) "
            "values ('mine', 'rest', 'my words', 0)"
        )
    conn.close()
    result = run_cli(db, "import", str(export))
    assert result.returncode == 0, result.stderr
    assert "conflict" in result.stdout
    history = json.loads(run_cli(db, "history", "--format", "json").stdout)
    assert [e["soreness"] for e in history if e["kind"] == "checkin"] == [8]
    with sqlite3.connect(db) as conn:
        labels = conn.execute("select label from checklist_items where id = 'mine'").fetchall()
    conn.close()
    assert labels == [("my words",)]


def test_9_another_journal_never_replaces_a_check_in_and_says_so(tmp_path: Path) -> None:
    # A regression test: the importers' own checks already skipped it (it passed at once).
    mine, other = tmp_path / "mine.db", tmp_path / "other.db"
    assert run_cli(other, "checkin", "--soreness", "2", "--date", "2026-11-20").returncode == 0
    assert run_cli(mine, "checkin", "--soreness", "8", "--date", "2026-11-20").returncode == 0
    result = run_cli(mine, "import", "--json", str(other))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["added"]["checkin"] == 0
    assert summary["skipped"] == {"check-in conflict": 1}
    history = json.loads(run_cli(mine, "history", "--format", "json").stdout)
    assert [e["soreness"] for e in history] == [8]


# 10. export -o replaces a symbolic link or a FIFO ------------------------------------


def test_10_export_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    run_cli(db, "checkin", "--soreness", "2")
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run_cli(db, "export", "-o", str(link)).returncode == 0
    assert link.is_symlink()
    assert json.loads(target.read_text())["format"] == "runjournal"


def test_10_export_writes_into_a_fifo_without_replacing_it(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    run_cli(db, "checkin", "--soreness", "2")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = run_cli(db, "export", "-o", str(fifo))
    out, _ = reader.communicate(timeout=30)
    assert result.returncode == 0, result.stderr
    assert fifo.is_fifo()
    assert json.loads(out)["format"] == "runjournal"


def test_10_export_through_a_link_to_a_device_leaves_both(tmp_path: Path) -> None:
    # Never `-o /dev/null` itself: run as root against the old code, that test replaced
    # the machine's /dev/null with a regular file. A link to it shows the same path.
    db = tmp_path / "j.db"
    run_cli(db, "checkin", "--soreness", "2")
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    assert run_cli(db, "export", "-o", str(link)).returncode == 0
    assert link.is_symlink()
    assert Path(os.devnull).is_char_device()


# 11. Digits that only look like digits ----------------------------------------------


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["log", "run", "--distance", "5", "--duration", "30", "--time", "07:３０"], "time"),
        (["log", "run", "--distance", "5", "--duration", "30", "--rpe", "1_0"], "rpe"),
        (["checkin", "--soreness", "0_8"], "soreness"),
        (["log", "run", "--distance", "5", "--duration", "30", "--hr", "1_4_0"], "hr"),
        (["log", "run", "--distance", "５", "--duration", "30"], "distance"),
        (["log", "run", "--distance", "5", "--duration", "1h60m"], "duration"),
        (["log", "run", "--distance", "5", "--duration", "1m60s"], "duration"),
        (["log", "leg", "--duration", "30", "--rpe", "5", "--exercise", "squat ５x５"], "exercise"),
    ],
)
def test_11_only_ascii_digits_are_numbers(tmp_path: Path, args: list[str], field: str) -> None:
    db = tmp_path / "j.db"
    result = run_cli(db, *args)
    assert_clean_error(result, 2, field)


# 12. history --format csv on a pipe drops CSI sequences -----------------------------


def test_12_history_and_export_csv_hold_the_same_text(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    run_cli(db, "log", "run", "--distance", "5", "--duration", "30", "--notes", NOTE)
    history = run_cli(db, "history", "--format", "csv").stdout
    export = run_cli(db, "export", "--format", "csv").stdout
    notes = [
        list(csv.DictReader(io.StringIO(text, newline="")))[0]["notes"]
        for text in (history, export)
    ]
    assert notes[0] == notes[1] == NOTE


# 13. history as a table holds all rows in memory -----------------------------------


def test_13_the_history_table_streams_instead_of_holding_every_row() -> None:
    import tracemalloc

    from runjournal.cli.render import history_table
    from runjournal.domain.entries import Run
    from runjournal.domain.settings import Settings

    reads = []

    def read() -> Any:
        reads.append(1)
        for n in range(20_000):
            yield Run(date(2026, 11, 24), 5000 + n, 1800, notes=f"note {n}", id=n + 1)

    tracemalloc.start()
    try:
        lines = sum(1 for _ in history_table(read, Settings(), None))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lines == 20_001
    assert len(reads) == 2  # one pass for the column widths, one for the lines
    # 20,000 runs with their summaries held in lists take about 8 MB (tracemalloc).
    assert peak < 2_000_000, peak


# 14. Smaller ---------------------------------------------------------------------------


def test_14_a_0644_journal_is_reported_and_made_private(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    run_cli(db, "checkin", "--soreness", "2")
    db.chmod(0o644)
    result = run_cli(db, "checkin", "--soreness", "3")
    assert result.returncode == 0
    assert "0644" in result.stderr or "readable" in result.stderr
    assert db.stat().st_mode & 0o777 == 0o600


def test_14_importing_a_fifo_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli(db, "import", str(fifo), timeout=20)
    assert_clean_error(result, 2, "not a regular file")


def test_14_no_empty_side_files_are_left_behind(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    assert run_cli(db, "checkin", "--soreness", "2").returncode == 0  # the first of the day
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("j.db-"))
    assert left == [], left


@pytest.fixture
def full_disk(tmp_path: Path) -> Any:
    """A folder on a 64 kB file system with no room left (needs root and mount(8))."""
    with small_disk(tmp_path / "full", "64k") as folder:
        fill(folder)
        yield folder


def test_14_a_new_journal_on_a_full_disk_says_so_and_leaves_no_file(full_disk: Path) -> None:
    before = tree_state(full_disk)
    result = run_cli(full_disk / "j.db", "checkin", "--soreness", "2")
    assert_clean_error(result, 1, "disk is full")
    assert tree_state(full_disk) == before
