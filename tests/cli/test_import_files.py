"""`runjournal import` of other apps' files, through the real command line."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from runjournal.cli import run
from runjournal.store import Journal

from ..formats.samples import TODAY, at, gpx_run, sample_path
from ..reliability.helpers import (
    assert_clean_error,
    cli_command,
    cli_env,
    integrity,
    row_counts,
    run_cli,
    start_cli,
)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args), today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def many_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A watch folder of 1,000 small GPX runs, one a day."""
    folder = tmp_path_factory.mktemp("watch")
    start = at("2023-01-01T07:00:00")
    for n in range(1000):
        day = start + timedelta(days=n)
        (folder / f"{n:04d}.gpx").write_bytes(gpx_run(day, km=5, minutes=30, points=60))
    return folder


def test_json_summary_shape(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "run.gpx").write_bytes(gpx_run(at("2026-11-20T07:00:00")))
    (folder / "ride.gpx").write_bytes(gpx_run(at("2026-11-21T07:00:00"), kind="cycling"))
    (folder / "notes.txt").write_text("hello")  # in an export: neither activity nor damaged
    (folder / "broken.fit").write_bytes(b"not a FIT file at all")
    code, out, err = cli(capsys, "import", str(folder), "--json", "--dry-run")
    assert code == 0
    assert json.loads(out) == {
        "files": 4,
        "added": {"run": 1, "leg": 0, "checkin": 0},
        "skipped": {"ride": 1, "other file": 1, "unreadable": 1},
        "unreadable": [{"file": f"{folder}/broken.fit", "error": "not a format runjournal reads"}],
    }
    assert "nothing was written" in err
    assert json.loads(cli(capsys, "history", "--format", "json")[1]) == []
    code, out, _ = cli(capsys, "import", str(folder))
    assert out == (
        f"Imported 1 run from 4 files; skipped 3: 1 ride, 1 other file, 1 unreadable "
        f"({folder}/broken.fit: not a format runjournal reads)\n"
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--format", "xls"], ["format", "xls"]),
        (["--weight-unit", "stone"], ["weight-unit"]),
        (["--rpe", "11"], ["rpe"]),
    ],
)
def test_bad_options(capsys: pytest.CaptureFixture[str], args: list[str], words: list[str]) -> None:
    code, _, err = cli(capsys, "import", str(sample_path("fit")), *args)
    assert code == 2
    assert err.startswith("error: ")
    for word in words:
        assert word in err


def test_named_file_that_cannot_be_read(tmp_path: Path) -> None:
    noise = tmp_path / "run.gpx"
    noise.write_bytes(os.urandom(3000))
    db = tmp_path / "j.db"
    assert_clean_error(run_cli(db, "import", str(noise)), 2, "run.gpx", "not a format")
    picture = tmp_path / "watch.fit"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    assert_clean_error(run_cli(db, "import", str(picture), "--dry-run"), 2, "watch.fit")
    forced = run_cli(
        db, "import", "--format", "gpx", str(sample_path("fit/bike_fenix5__fitparse.fit"))
    )
    assert_clean_error(forced, 2, "bike_fenix5")


def test_fit_samples_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fits = sample_path("fit")
    names = [
        "run_hr_4laps_venusq__gap.fit",
        "bike_venusq__gap.fit",
        "walk_pauses_venusq__gap.fit",
        "truncated_real_sigma_no_session__fitparse.fit",
    ]
    code, out, _ = cli(capsys, "import", *(str(fits / n) for n in names[:3]))
    assert (code, out) == (0, "Imported 1 run from 3 files; skipped 2: 1 ride, 1 walk\n")
    # Cut short before its session: rebuilt from its records, it is a ride.
    code, out, _ = cli(capsys, "import", str(fits / names[3]))
    assert (code, out) == (0, "Imported nothing from 1 file; skipped 1: 1 ride\n")
    cut = tmp_path / "cut.fit"  # cut inside its first messages: nothing to rebuild
    cut.write_bytes((fits / names[0]).read_bytes()[:40])
    code, _, err = cli(capsys, "import", str(cut))
    assert code == 2
    assert err == f"error: FILE: {cut}: truncated before its session summary\n"


def test_no_progress_on_a_pipe(many_runs: Path, tmp_path: Path) -> None:
    result = run_cli(tmp_path / "j.db", "import", str(many_runs), timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Imported 1000 runs from 1000 files\n"
    assert result.stderr == ""


def test_progress_on_a_terminal(many_runs: Path, tmp_path: Path) -> None:
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*cli_command(), "--db", str(tmp_path / "j.db"), "import", "--dry-run", str(many_runs)],
        stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL,
        env={**cli_env(), "TERM": "xterm-256color", "COLUMNS": "100"},
    )  # fmt: skip
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=300)
    os.close(master)
    assert proc.returncode == 0
    assert out.decode() == "Imported 1000 runs from 1000 files\n"  # stdout stays clean
    text = seen.decode(errors="replace")
    assert "Importing" in text
    assert "entries found" in text


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_9_during_a_large_folder_import_is_all_or_nothing(
    many_runs: Path, tmp_path: Path
) -> None:
    db = tmp_path / "j.db"
    with Journal.open(db) as journal:  # one run of the user's own, which must survive
        journal.conn.execute("select 1")
    assert run_cli(db, "log", "run", "--distance", "5", "--duration", "30",
                   "--date", "2022-01-01").returncode == 0  # fmt: skip
    outcomes = []
    # Kill later each time (first while it reads, then around its one transaction),
    # until an import gets to finish.
    for delay in (0.4, 0.8, 1.2, 1.6, 2.0, 2.5, 3.0, 4.0, 6.0, 10.0):
        proc = start_cli(db, "import", str(many_runs))
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        assert integrity(db) == "ok"
        runs = row_counts(db)["runs"]
        assert runs in (1, 1001), runs  # none of the import, or all of it
        outcomes.append((delay, proc.returncode, runs))
        if runs == 1001:
            break
    print(outcomes)
    assert any(code == -signal.SIGKILL and runs == 1 for _, code, runs in outcomes)
    if outcomes[-1][2] != 1001:  # a slow machine: let one import run to its end
        assert run_cli(db, "import", str(many_runs), timeout=600).returncode == 0
    assert row_counts(db)["runs"] == 1001  # left alone, the import lands whole


def test_advise_loads_no_importer_library(tmp_path: Path) -> None:
    code = (
        "import sys; from datetime import date; from runjournal.cli import run; "
        "run(['advise', '--json'], today=date(2026, 11, 24)); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'fitdecode', 'gpxpy', 'defusedxml', 'rich', 'zipfile', 'gzip'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env=cli_env(tmp_path / "j.db"),
    )  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_control_characters_of_a_file_name_are_shown_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad\x1b[31m.gpx"
    bad.write_bytes(b"\x1b[31m not a track")
    code, _, err = cli(capsys, "import", "--dry-run", str(bad))
    assert code == 2
    assert "bad^[[31m.gpx" in err
    assert "\x1b" not in err


def test_a_name_too_long_among_paths_is_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Found by the CLI fuzz test: the OS refusing a name is the user's input, exit 2."""
    code, out, err = cli(capsys, "import", "1" * 300, str(tmp_path))
    assert code == 2
    assert err.startswith("error: PATH: 111")
    assert "cannot be read: File name too long" in err
    assert out == ""
