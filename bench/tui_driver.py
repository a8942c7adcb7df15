"""One TUI measurement in a fresh interpreter, on a real pseudo-terminal.

`python -m bench.tui_driver SCENARIO DB RESULT_JSON` runs the app with `app.run()` (a
real driver writing escape codes to the pty the harness gives it), stamps the frame on
which the thing being measured is first on screen, writes the figures to RESULT_JSON and
leaves at once. Times are `time.perf_counter()` (CLOCK_MONOTONIC, shared by every
process), so the harness can subtract the moment it spawned this process.

Scenarios: `minimal` (Header, Static, Footer: the reference first frame), `today`,
`history-open`, `history-oldest`, `history-sort`, `history-filter`, `datatable-all`,
`trends-open` (`w` until the Trends screen's worker has shown its figures).
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before any import of Textual or runjournal

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import DataTable, Footer, Header, Static  # noqa: E402

SETTLE_S = 0.3  # quiet time after the first screen, before a timed keypress
# Long enough for a DataTable to take 100,000 rows; short enough that a renamed key or
# widget costs one wasted run, not the 10-minute budget of `make bench`.
TIMEOUT_S = {"datatable-all": 120.0}
DEFAULT_TIMEOUT_S = 30.0


def peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Probe:
    """Watches every frame written to the terminal; stamps the first on which `check` holds."""

    def __init__(self, result: Path) -> None:
        self.result = result
        self.app: App[Any] | None = None
        self.check: Callable[[], bool] | None = None
        self.then: Callable[[float], None] | None = None
        self.figures: dict[str, Any] = {"started": STARTED}

    def arm(self, check: Callable[[], bool], then: Callable[[float], None]) -> None:
        self.check, self.then = check, then

    def frame_written(self, app: App[Any]) -> None:
        self.app = app
        if self.check is None or self.then is None:
            return
        try:
            ok = self.check()
        except Exception:  # the screen is still being built
            ok = False
        if ok:
            then, self.check, self.then = self.then, None, None
            then(time.perf_counter())

    def finish(self, **figures: Any) -> None:
        self.figures.update(figures, peak_rss_kb=peak_rss_kb())
        self.result.write_text(json.dumps(self.figures))
        os._exit(0)  # the measurement is taken: no teardown, no terminal restore

    def fail(self, why: str) -> None:
        self.figures["error"] = why
        self.finish()


def instrument(probe: Probe) -> None:
    """Report each frame any app writes to the terminal to `probe`.

    Patched on the class, so the app the real `runjournal` command builds is measured
    exactly as a person starts it (click, daily backup, journal, app).
    """
    write_frame = App._display

    def display(self: App[Any], screen: Any, renderable: Any) -> None:
        write_frame(self, screen, renderable)
        if renderable is not None and not self._batch_count:
            probe.frame_written(self)

    App._display = display  # type: ignore[method-assign]
    handle_exception = App._handle_exception

    def note_exception(self: App[Any], error: Exception) -> None:
        # The app prints its traceback on the terminal, which nobody reads: keep the gist.
        probe.figures.setdefault("app_error", f"{type(error).__name__}: {error}"[:300])
        handle_exception(self, error)

    App._handle_exception = note_exception  # type: ignore[method-assign]


class MinimalApp(App[None]):
    """The reference: the smallest app with a header, some text and a footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("NORMAL TRAINING\n   train as planned", id="status")
        yield Footer()


class AllRowsApp(App[None]):
    """The reference for History: a plain DataTable handed every entry at once."""

    CSS = "DataTable { height: 1fr; }"

    def __init__(self, journal: Any) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="table")
        yield Footer()

    def fill(self) -> None:
        from runjournal.tui.widgets.history_table import cells

        table = self.query_one(DataTable)
        table.add_columns("Kind", "Date", "A", "B", "C", "D", "E", "F", "G", "H")
        rows = []
        for entry in self.journal.history(["run", "leg", "checkin"]):
            row = (entry.kind, *cells(entry, "km"))
            rows.append(row + ("",) * (10 - len(row)))
        table.add_rows(rows)


def status_shown(app: App[Any]) -> bool:
    widget = app.screen.query_one("#status")
    text = str(widget.render())
    return widget.region.area > 0 and any(
        word in text for word in ("REST", "EASY RECOVERY RUN", "NORMAL TRAINING")
    )


def table_of(app: App[Any]) -> DataTable[Any]:
    return app.screen.query_one(DataTable)


def column(table: DataTable[Any], name: str) -> int:
    labels = [str(c.label) for c in table.columns.values()]
    return next(i for i, label in enumerate(labels) if label.split(" ")[0] == name)


def run_dates(db: Path) -> tuple[str, str, str]:
    """Newest and oldest run dates, and a run type that is not the newest run's."""
    with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as conn:
        newest, oldest = conn.execute("select max(date), min(date) from runs").fetchone()
        (top_type,) = conn.execute(
            "select type from runs order by date desc, coalesce(time, '') desc, id desc limit 1"
        ).fetchone()
    return newest, oldest, "hills" if top_type != "hills" else "tempo"


def main(scenario: str, db: Path, result: Path) -> None:
    probe = Probe(result)
    instrument(probe)

    def current() -> App[Any]:
        assert probe.app is not None
        return probe.app

    limit = TIMEOUT_S.get(scenario, DEFAULT_TIMEOUT_S)

    def timeout() -> None:
        probe.fail(f"nothing shown within {limit:.0f} s")

    def first_frame_check() -> bool:
        if scenario == "datatable-all":
            return True
        return status_shown(current())

    def first_frame(at: float) -> None:
        probe.figures["first_frame"] = at
        if scenario in ("minimal", "today"):
            probe.finish()
        else:
            current().set_timer(SETTLE_S, timed_step)

    def timed_step() -> None:
        if scenario == "datatable-all":
            start = time.perf_counter()
            probe.arm(lambda: table_of(current()).row_count > 0, lambda at: done("open", start, at))
            current().fill()  # type: ignore[attr-defined]
            return
        if scenario == "trends-open":
            began = time.perf_counter()
            probe.arm(trends_shown, lambda at: done("trends", began, at))
            current().simulate_key("w")
            return
        newest, oldest, other_type = run_dates(db)

        def history_shown() -> bool:
            table = table_of(current())
            return (
                type(current().screen).__name__ == "HistoryScreen"
                and table.row_count > 0
                and table.get_row_at(0)[0] == newest
            )

        start = time.perf_counter()
        then = (lambda at: done("open", start, at)) if scenario == "history-open" else opened
        probe.arm(history_shown, then)
        current().simulate_key("h")

    def trends_shown() -> bool:
        screen = current().screen
        if type(screen).__name__ != "TrendsScreen":
            return False
        return not screen.query_one("#trends-loading").display

    def opened(at: float) -> None:
        probe.figures["open"] = at
        current().set_timer(SETTLE_S, second_step)

    def second_step() -> None:
        newest, oldest, other_type = run_dates(db)
        table = table_of(current())
        top_before = table.get_row_at(0)
        start = time.perf_counter()
        if scenario == "history-oldest":

            def check() -> bool:
                t = table_of(current())
                return t.get_row_at(t.cursor_row)[0] == oldest

            probe.arm(check, lambda at: done("oldest", start, at))
            current().simulate_key("G")
        elif scenario == "history-sort":

            def check() -> bool:
                t = table_of(current())
                label = str(list(t.columns.values())[column(t, "Distance")].label)
                return ("▼" in label or "▲" in label) and t.get_row_at(0) != top_before

            probe.arm(check, lambda at: done("sort", start, at))
            current().simulate_key("o")
        elif scenario == "history-filter":

            def check() -> bool:
                t = table_of(current())
                kind = column(t, "Type")
                rows = [t.get_row_at(i)[kind] for i in range(min(t.row_count, 20))]
                return bool(rows) and all(r == other_type for r in rows)

            probe.arm(check, lambda at: done("filter", start, at))
            select = current().screen.query_one("#type-filter")
            select.value = other_type  # type: ignore[attr-defined]
        else:
            probe.fail(f"unknown scenario {scenario}")

    def done(name: str, start: float, at: float) -> None:
        probe.finish(**{f"{name}_s": at - start, name: at})

    probe.arm(first_frame_check, first_frame)
    threading.Timer(limit, timeout).start()
    try:
        if scenario == "minimal":
            MinimalApp().run()
        elif scenario == "datatable-all":
            from runjournal.store import Journal

            AllRowsApp(Journal.open(db)).run()
        else:
            from runjournal.cli import run

            run(["--db", str(db)])
    except Exception as error:  # noqa: BLE001 - reported to the harness, not hidden
        probe.fail(f"{type(error).__name__}: {error}")
    crash = probe.figures.get("app_error")
    probe.fail("the app exited before the measurement" + (f" ({crash})" if crash else ""))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
