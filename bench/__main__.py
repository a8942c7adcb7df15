"""`python -m bench` (`make bench`): synthetic journals, every figure, BENCHMARKS.md.

Each figure is a ratio of two things measured in the same run, their runs interleaved,
and medians of several runs. Nothing here asserts a time: a goal that is missed is
reported as missed. Everything lives in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from .measure import (
    BIN,
    ROOT,
    MeasureError,
    Sample,
    Series,
    child_env,
    interleave,
    run_process,
    run_tui,
)
from .report import Row, machine, write_report

REPEATS = {"process": 7, "import": 5, "tui": 7, "datatable": 2}
# `make bench` must finish within 10 minutes: sections that would start after this are
# reported as not measured rather than run.
BUDGET_S = 8 * 60


class Bench:
    """The journals and settings one run of the harness shares between its figures."""

    def __init__(self, work: Path, end: date, quick: bool) -> None:
        self.work = work
        self.end = end
        self.quick = quick
        self.db: dict[str, Path] = {}
        self.tui: dict[str, Series] = {}
        self.fresh = itertools.count()

    def repeats(self, kind: str) -> int:
        return 2 if self.quick and kind != "import" else 1 if self.quick else REPEATS[kind]

    def new_db(self) -> Path:
        return self.work / f"target-{next(self.fresh)}.db"

    def log(self, text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def build_journals(bench: Bench) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.synth", str(bench.work), bench.end.isoformat()],
        cwd=ROOT, env=child_env(bench.work), capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"making the synthetic journals failed:\n{done.stderr}")
    for line in done.stdout.splitlines():
        bench.log(line)
    bench.db = {name: bench.work / f"{name}.db" for name in ("1k", "10y", "100k")}


# The figures ---------------------------------------------------------------------


def advise_cmd(bench: Bench, db: Path) -> list[str]:
    day = bench.end.isoformat()
    return [str(BIN / "runjournal"), "--db", str(db), "advise", "--json", "--date", day]


# What `advise` reads, as one query: the leg days of the last 8 days and the day's check-in.
ADVISE_SQL = (
    "select l.*, (select soreness from checkins where date = :day) as soreness "
    "from leg_days l where l.date between :first and :day "
    "order by l.date desc, coalesce(l.time, '') desc, l.id desc"
)


def advise_vs_query(bench: Bench) -> list[Row]:
    db = bench.db["10y"]
    query = [
        str(BIN / "sqlite-utils"), "query", str(db), ADVISE_SQL,
        "-p", "day", bench.end.isoformat(),
        "-p", "first", (bench.end - timedelta(days=7)).isoformat(),
    ]  # fmt: skip
    runs = interleave(
        {
            "ours": lambda: run_process(advise_cmd(bench, db), bench.work),
            "ref": lambda: run_process(query, bench.work),
        },
        bench.repeats("process"),
    )
    return [
        Row.timed(
            "`runjournal advise --json`, whole process, 10-year journal",
            runs["ours"],
            "`sqlite-utils query` of the same rows, same file",
            runs["ref"],
            goal=0.75,
        )
    ]


def advise_scaling(bench: Bench) -> list[Row]:
    runs = interleave(
        {
            "ours": lambda: run_process(advise_cmd(bench, bench.db["100k"]), bench.work),
            "ref": lambda: run_process(advise_cmd(bench, bench.db["1k"]), bench.work),
        },
        bench.repeats("process"),
    )
    return [
        Row.timed(
            "`advise --json` on 100,000 entries", runs["ours"], "the same on 1,000", runs["ref"],
            goal=1.1,
        )
    ]  # fmt: skip


def stats_cmd(bench: Bench, db: Path) -> list[str]:
    day = bench.end.isoformat()
    return [str(BIN / "runjournal"), "--db", str(db), "stats", "--json", "--weeks", "52",
            "--date", day]  # fmt: skip


def stats_scaling(bench: Bench) -> list[Row]:
    runs = interleave(
        {
            "ours": lambda: run_process(stats_cmd(bench, bench.db["100k"]), bench.work),
            "ref": lambda: run_process(stats_cmd(bench, bench.db["1k"]), bench.work),
        },
        bench.repeats("process"),
    )
    return [
        Row.timed(
            "`stats --json --weeks 52` on 100,000 entries", runs["ours"], "the same on 1,000",
            runs["ref"], goal=1.5,
        )
    ]  # fmt: skip


def trends_rows(bench: Bench) -> list[Row]:
    runs = interleave(
        {
            "ours": tui_sample(bench, "trends-open", "100k", "trends_s"),
            "ref": tui_sample(bench, "trends-open", "1k", "trends_s"),
        },
        bench.repeats("tui"),
    )
    return [
        Row.timed(
            "Trends: keypress `w` to its figures shown, 100k", runs["ours"], "the same on 1k",
            runs["ref"], goal=1.5,
        )
    ]  # fmt: skip


def import_rows(bench: Bench) -> list[Row]:
    export, flat, today = bench.work / "export.json", bench.work / "flat.json", local_today()

    def ours() -> Sample:
        return run_process(
            [str(BIN / "runjournal"), "--db", str(bench.new_db()), "import", str(export)],
            bench.work,
        )

    def ref() -> Sample:
        target = bench.new_db()
        return run_process(
            [str(BIN / "sqlite-utils"), "insert", str(target), "entries", str(flat)], bench.work
        )

    runs = interleave({"ours": ours, "ref": ref}, bench.repeats("import"), warmup=0)
    loaded = Series(
        [
            run_process(
                [sys.executable, "-m", "bench.import_driver", "json-load", str(export),
                 str(bench.new_db()), today.isoformat()],
                bench.work,
            )
        ]
    )  # fmt: skip
    for path in bench.work.glob("target-*"):
        path.unlink()
    return [
        Row.timed(
            "`runjournal import` of a 100,000-entry export, whole process",
            runs["ours"],
            "`sqlite-utils insert` of the same entries as flat rows",
            runs["ref"],
            goal=3.0,
        ),
        Row.memory(
            "peak memory of that import (streaming)",
            runs["ours"],
            "a process that only `json.load`s the same export",
            loaded,
            goal=None,
        ),
    ]


def activity_rows(bench: Bench) -> list[Row]:
    """Importing other apps' files against the parsing library alone, same files."""
    folder = bench.work / "activities"
    made = subprocess.run(
        [sys.executable, "-m", "bench.synth_activities", str(folder)],
        cwd=ROOT, env=child_env(bench.work), capture_output=True, text=True, check=False,
    )  # fmt: skip
    if made.returncode != 0:
        raise MeasureError(f"making the activity files failed: {made.stderr[-200:]}")
    bench.log(made.stdout.strip())
    repeats = 1 if bench.quick else 3

    def ours(kind: str) -> Callable[[], Sample]:
        return lambda: run_process(
            [str(BIN / "runjournal"), "--db", str(bench.new_db()), "import", str(folder / kind)],
            bench.work,
        )

    def ref(lib: str, kind: str) -> Callable[[], Sample]:
        cmd = [sys.executable, "-m", "bench.activity_driver", lib, str(folder / kind)]
        return lambda: run_process(cmd, ROOT)

    gpx = interleave({"ours": ours("gpx"), "ref": ref("gpxpy", "gpx")}, repeats, warmup=0)
    fit = interleave({"ours": ours("fit"), "ref": ref("fitdecode", "fit")}, repeats, warmup=0)
    for path in bench.work.glob("target-*"):
        path.unlink()
    return [
        Row.timed(
            "`runjournal import` of 400 GPX runs (synthetic, 300 points each), whole process",
            gpx["ours"], "a process that only `gpxpy.parse`s the same files", gpx["ref"],
            goal=1.5,
        ),
        Row.timed(
            "`runjournal import` of 2,000 FIT activities (synthetic, 100 records), whole process",
            fit["ours"], "a process that only reads every frame with fitdecode", fit["ref"],
            goal=1.3,
        ),
        Row.limit("peak memory of that FIT import", fit["ours"], 150),
    ]  # fmt: skip


def tui_sample(bench: Bench, scenario: str, db: str, figure: str) -> Callable[[], Sample]:
    def run() -> Sample:
        figures = run_tui(scenario, bench.db.get(db, bench.db["1k"]), bench.work)
        return Sample(figures[figure], int(figures["peak_rss_kb"]))

    return run


def tui_missing() -> str | None:
    if not (ROOT / "runjournal" / "tui" / "app.py").exists():
        return "runjournal/tui/app.py does not exist yet"
    return None


def today_rows(bench: Bench) -> list[Row]:
    runs = interleave(
        {
            "ours": tui_sample(bench, "today", "10y", "first_frame"),
            "ref": tui_sample(bench, "minimal", "1k", "first_frame"),
        },
        bench.repeats("tui"),
    )
    bench.tui["minimal"] = runs["ref"]
    return [
        Row.timed(
            "TUI: Today's status on screen, 10-year journal (from process spawn)",
            runs["ours"],
            "a minimal Textual app (Header, Static, Footer) to its first frame",
            runs["ref"],
            goal=1.25,
        )
    ]


HISTORY = {
    "history-open": ("open_s", "History: keypress `h` to the newest rows shown"),
    "history-oldest": ("oldest_s", "History: jump to the oldest (`G`)"),
    "history-sort": ("sort_s", "History: sort by distance (`o`)"),
    "history-filter": ("filter_s", "History: filter runs by type"),
}


def history_rows(bench: Bench) -> list[Row]:
    rows = []
    for scenario, (figure, title) in HISTORY.items():
        try:
            runs = interleave(
                {
                    "ours": tui_sample(bench, scenario, "100k", figure),
                    "ref": tui_sample(bench, scenario, "1k", figure),
                },
                bench.repeats("tui"),
            )
        except MeasureError as error:
            rows.append(Row.missing(f"{title}, 100k", "the same on 1k", 1.5, str(error)))
            continue
        rows.append(Row.timed(f"{title}, 100k", runs["ours"], "the same on 1k", runs["ref"], 1.5))
        if scenario == "history-open":
            bench.tui["history-open-100k"] = runs["ours"]
    opened, minimal = bench.tui.get("history-open-100k"), bench.tui.get("minimal")
    figure, reference = "peak memory with History open, 100k", "the minimal Textual app"
    if opened and minimal:
        rows.append(Row.memory(figure, opened, reference, minimal, goal=1.6))
    else:
        rows.append(Row.missing(figure, reference, 1.6, "History or the minimal app failed"))
    return rows


def datatable_rows(bench: Bench) -> list[Row]:
    runs = interleave(
        {
            "ours": tui_sample(bench, "history-open", "100k", "open_s"),
            "ref": tui_sample(bench, "datatable-all", "100k", "open_s"),
        },
        bench.repeats("datatable"),
        warmup=0,  # a fill takes half a minute; History has run many times already
    )
    title = "History open, 100k (keypress to rows)"
    reference = "a Textual `DataTable` filled with all 100k rows"
    return [
        Row.speedup(title, runs["ours"], reference, runs["ref"]),
        Row.memory("peak memory, the same two", runs["ours"], reference, runs["ref"], goal=None),
    ]


SECTIONS: list[tuple[str, Callable[[Bench], list[Row]], bool]] = [
    ("advise vs sqlite-utils query", advise_vs_query, False),
    ("advise 100k vs 1k", advise_scaling, False),
    ("import", import_rows, False),
    ("Today vs minimal app", today_rows, True),
    ("History 100k vs 1k", history_rows, True),
    ("History vs DataTable", datatable_rows, True),
    ("stats 100k vs 1k", stats_scaling, False),
    ("Trends 100k vs 1k", trends_rows, True),
    # Last: the longest section (a few minutes of parsing files), so that the budget
    # never costs the quick figures.
    ("activity import", activity_rows, False),
]

# The rows a section stands for, when it cannot be measured: (figure, reference, goal).
PLACEHOLDERS: dict[str, list[tuple[str, str, float | None]]] = {
    "advise vs sqlite-utils query": [
        ("`runjournal advise --json`, whole process", "`sqlite-utils query`", 0.75)
    ],
    "advise 100k vs 1k": [("`advise --json` on 100,000 entries", "the same on 1,000", 1.1)],
    "import": [("`runjournal import` of a 100,000-entry export", "`sqlite-utils insert`", 3.0)],
    "activity import": [
        ("`runjournal import` of 400 GPX runs", "`gpxpy.parse` alone", 1.5),
        ("`runjournal import` of 2,000 FIT activities", "fitdecode alone", 1.3),
        ("peak memory of that FIT import", "a fixed limit", None),
    ],
    "Today vs minimal app": [
        ("TUI: Today's status on screen, 10-year journal", "a minimal Textual app", 1.25)
    ],
    "History 100k vs 1k": [
        *((f"{title}, 100k", "the same on 1k", 1.5) for _, title in HISTORY.values()),
        ("peak memory with History open, 100k", "the minimal Textual app", 1.6),
    ],
    "stats 100k vs 1k": [
        ("`stats --json --weeks 52` on 100,000 entries", "the same on 1,000", 1.5)
    ],
    "Trends 100k vs 1k": [
        ("Trends: keypress `w` to its figures shown, 100k", "the same on 1k", 1.5)
    ],
    "History vs DataTable": [
        ("History open, 100k", "a Textual `DataTable` with all 100k rows", None),
        ("peak memory, the same two", "a Textual `DataTable` with all 100k rows", None),
    ],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke test)")
    parser.add_argument("--only", help="comma-separated section names to run")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    about = machine()
    rows: list[Row] = []
    # This process stays small and never imports runjournal or Textual: a child's peak
    # memory (ru_maxrss) starts from its parent's size at fork.
    with tempfile.TemporaryDirectory(prefix="runjournal-bench-") as folder:
        # Journals end yesterday, so every entry is a session "done" on any clock today.
        bench = Bench(Path(folder), local_today() - timedelta(days=1), args.quick)
        build_journals(bench)
        for name, section, needs_tui in SECTIONS:
            if args.only and name not in args.only.split(","):
                continue
            why = tui_missing() if needs_tui else None
            if time.perf_counter() - started > BUDGET_S:
                why = f"skipped: the run passed its {BUDGET_S // 60}-minute budget"
            bench.log(f"{name} ...")
            try:
                if why is not None:
                    raise MeasureError(why)
                rows += section(bench)
            except MeasureError as error:
                bench.log(f"{name}: not measured: {error}")
                rows += [Row.missing(f, r, g, str(error)) for f, r, g in PLACEHOLDERS[name]]
    elapsed = time.perf_counter() - started
    write_report(args.out, rows, about, elapsed, quick=args.quick)
    bench.log(f"wrote {args.out} in {elapsed:.0f} s")
    return 0


def local_today() -> date:
    return datetime.now().astimezone().date()


if __name__ == "__main__":
    sys.exit(main())
