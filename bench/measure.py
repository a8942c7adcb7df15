"""Running things to be timed: whole processes, TUI drivers on a pty, interleaved pairs."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TERMINAL = (120, 40)  # columns, rows: the size every TUI figure is taken at


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_rss_kb: int


@dataclass
class Series:
    """Repeated samples of one side of a comparison."""

    samples: list[Sample] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def rss_kb(self) -> float:
        return statistics.median(s.peak_rss_kb for s in self.samples)

    def spread(self) -> tuple[float, float]:
        times = [s.seconds for s in self.samples]
        return min(times), max(times)


class MeasureError(RuntimeError):
    """A run failed: the figure is reported as not measured, with this reason."""


def child_env(workdir: Path) -> dict[str, str]:
    """The environment of every measured process: nothing can reach a real journal."""
    env = dict(os.environ)
    env.update(
        RUNJOURNAL_DB=str(workdir / "never-used.db"),
        XDG_DATA_HOME=str(workdir / "xdg-data"),
        PYTHONDONTWRITEBYTECODE="1",
        TERM="xterm-256color",
        COLORTERM="truecolor",
    )
    for name in ("TEXTUAL", "TEXTUAL_DEVTOOLS_PORT", "TEXTUAL_DEBUG", "NO_COLOR"):
        env.pop(name, None)
    return env


def run_process(cmd: Sequence[str], workdir: Path) -> Sample:
    """Wall time and peak memory of one whole process (output discarded, exit code 0)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), stdout=out, stderr=err, stdin=subprocess.DEVNULL,
            env=child_env(workdir), cwd=workdir,
        )  # fmt: skip
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode(errors="replace").strip().splitlines()[-1:]
            raise MeasureError(f"{Path(cmd[0]).name} exited {proc.returncode}: {' '.join(tail)}")
    return Sample(seconds, usage.ru_maxrss)


def run_tui(scenario: str, db: Path, workdir: Path) -> dict[str, float]:
    """One `bench.tui_driver` run on a fresh pty; its figures, times relative to spawning."""
    result = workdir / f"tui-{scenario}-{time.monotonic_ns()}.json"
    master, slave = pty.openpty()
    cols, rows = TERMINAL
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    drained = threading.Thread(target=_drain, args=(master,), daemon=True)
    drained.start()
    spawned = time.perf_counter()
    # Textual writes its frames to stderr: all three streams are the terminal.
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.tui_driver", scenario, str(db), str(result)],
        stdin=slave, stdout=slave, stderr=slave, cwd=ROOT,
        env=child_env(workdir), start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    _, status, usage = os.wait4(proc.pid, 0)
    os.close(master)
    if not result.exists():
        raise MeasureError(f"{scenario}: the driver stopped with status {status}")
    figures = json.loads(result.read_text())
    result.unlink()
    if "error" in figures:
        raise MeasureError(f"{scenario}: {figures['error']}")
    out = {k: v - spawned for k, v in figures.items() if k in ("first_frame", "open")}
    out.update({k: v for k, v in figures.items() if k.endswith("_s")})
    out["peak_rss_kb"] = float(usage.ru_maxrss)
    return out


def _drain(fd: int) -> None:
    # The terminal's other end: read everything the app writes so it never blocks.
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def interleave(
    sides: dict[str, Callable[[], Sample]], repeats: int, *, warmup: int = 1
) -> dict[str, Series]:
    """Run every side `repeats` times, alternating the order each round (A B, B A, ...).

    Interleaving spreads the machine's noise (other jobs, thermal, page cache) over both
    sides instead of letting it land on one; warm-up runs fill the page cache and are
    dropped.
    """
    names = list(sides)
    series = {name: Series() for name in names}
    for round_ in range(warmup + repeats):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            sample = sides[name]()
            if round_ >= warmup:
                series[name].samples.append(sample)
    return series
