"""Import: pick a file or a folder, see what it holds, confirm; escape cancels any time.

The reading and the writing run in a thread worker with a `Journal` of its own on the
same file (a connection belongs to the thread that opened it); the progress comes back
through `call_from_thread`. The first pass is a dry run (nothing written) whose summary
is shown; enter runs the import itself, in one transaction, so escape during it rolls
back everything and the journal is as it was.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Footer, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from ...formats.found import UNSTATED
from ...services.import_files import (
    ImportCancelled,
    ImportOptions,
    ImportSummary,
    Progress,
    import_paths,
)
from ...text import shown
from ..session import Session

Stage = Literal["pick", "reading", "ready", "writing", "cancelling"]
PICK_HINT = (
    "enter on a file, or r on a folder (all files inside, zips too): see what it holds; "
    "nothing is written yet"
)


class FilePicker(DirectoryTree):
    """The folders and files to pick from; hidden ones (`.cache`, `.DS_Store`) left out."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".")]


def would(text: str) -> str:
    """The summary of a dry run as what would happen: nothing is imported yet."""
    return "Would import" + text.removeprefix("Imported") if text.startswith("Imported") else text


class ImportScreen(ModalScreen[None]):
    """Import files from other apps (Strava, Garmin, Strong, Hevy, a watch over USB)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("r", "read_highlighted", "Read this"),
        Binding("enter", "confirm", "Import"),
        Binding("backspace", "pick_again", "Pick another"),
        Binding("a", "toggle_as_run", "Count as runs"),
    ]
    # How often the worker may hand progress to the screen: each hand-over waits for it.
    PROGRESS_EVERY_S = 0.1

    def __init__(self, session: Session, start: Path | None = None) -> None:
        super().__init__()
        self.session = session
        self.start = start or next(
            (p for p in (Path.home(), Path.cwd()) if p.is_dir()), Path(Path.cwd().anchor)
        )
        self.stage: Stage = "pick"
        self.paths: list[str] = []
        self.summary: ImportSummary | None = None
        # `--as-run`: activities whose file states no sport (a GPX without <type>) count
        # as runs; offered once a dry run has skipped some, kept for the import itself.
        self.as_run = False
        self._cancel = threading.Event()
        self._last_progress = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(id="import", classes="dialog"):
            yield Static("Import from other apps", classes="section-title")
            yield Static(PICK_HINT, id="import-hint", markup=False)
            yield FilePicker(self.start, id="import-tree")
            yield Static("", id="import-summary", markup=False)
            yield ProgressBar(id="import-progress", show_eta=True)
            yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one(DirectoryTree).focus()

    # Picking -----------------------------------------------------------------------

    @on(DirectoryTree.FileSelected)
    def _file_chosen(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._read([event.path])

    def action_read_highlighted(self) -> None:
        tree = self.query_one(DirectoryTree)
        node = tree.cursor_node
        if self.stage == "pick" and node is not None and node.data is not None:
            self._read([node.data.path])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "read_highlighted":
            return self.stage == "pick"
        if action == "confirm":
            return self.stage == "ready" and self._adds
        if action == "pick_again":
            return self.stage == "ready"
        if action == "toggle_as_run":
            return self._offers_as_run
        return True

    @property
    def _adds(self) -> bool:
        """Whether the dry run found anything to import."""
        return self.summary is not None and sum(self.summary.added.values()) > 0

    @property
    def _unstated(self) -> int:
        """How many activities the dry run skipped because their file states no sport."""
        return 0 if self.summary is None else self.summary.skipped.get(UNSTATED, 0)

    @property
    def _offers_as_run(self) -> bool:
        """Whether `a` means anything now: a dry run skipped some as "sport not stated"."""
        return self.stage == "ready" and (self.as_run or self._unstated > 0)

    # Reading and writing -------------------------------------------------------------

    def _read(self, paths: list[Path]) -> None:
        self.paths = [str(p) for p in paths]
        self._begin("reading", f"Reading {', '.join(self.paths)} (nothing is written yet)…")
        self._start_worker(dry_run=True)

    def action_confirm(self) -> None:
        if self.stage != "ready" or self.summary is None:
            return
        self._begin("writing", "Importing… (escape cancels: nothing is written until the end)")
        self._start_worker(dry_run=False)

    def _begin(self, stage: Stage, text: str) -> None:
        self.stage = stage
        tree = self.query_one(DirectoryTree)
        tree.disabled = True  # enter now confirms, and a second pick cannot start
        self.query_one("#import-hint", Static).update(text)
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.refresh_bindings()

    def _start_worker(self, *, dry_run: bool) -> None:
        path = self.session.journal.path
        if path is None:
            self._to_picking("this journal is not a file; nothing can be imported into it")
            return
        today = self.session.today
        options = ImportOptions(dry_run=dry_run, as_run=self.as_run)

        def work() -> ImportSummary:
            from ...store import Journal

            worker = get_current_worker()  # cancelled too when the app quits mid-import
            journal = Journal.open(path)
            try:
                return import_paths(
                    journal,
                    self.paths,
                    today,
                    options,
                    progress=self._progress_from_worker,
                    cancelled=lambda: self._cancel.is_set() or worker.is_cancelled,
                )
            finally:
                journal.close()

        self.run_worker(work, thread=True, exit_on_error=False, group="import")

    def _progress_from_worker(self, progress: Progress) -> None:
        now = time.monotonic()
        last = progress.files_done == progress.files_total
        if not last and now - self._last_progress < self.PROGRESS_EVERY_S:
            return
        self._last_progress = now
        if not self._cancel.is_set():
            self.app.call_from_thread(self._show_progress, progress)

    def _show_progress(self, progress: Progress) -> None:
        if not self.is_attached or self.stage not in ("reading", "writing"):
            return  # a hand-over that arrived after the screen closed or moved on
        self.query_one(ProgressBar).update(
            total=max(progress.files_total, 1), progress=progress.files_done
        )
        self.query_one("#import-summary", Static).update(
            f"{progress.files_done} of {progress.files_total} files, "
            f"{progress.entries_found} entries found · {shown(str(progress.current))}"
        )

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "import" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        if not self.is_attached:
            return  # cancelled while reading: the screen is gone, nothing was written
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, ImportSummary):
            self._finished(worker.result)
        elif isinstance(worker.error, ImportCancelled):
            self._cancelled()
        else:
            self._to_picking(str(worker.error) or type(worker.error).__name__)

    def _finished(self, summary: ImportSummary) -> None:
        if self.stage == "reading":
            self.summary = summary
            self.stage = "ready"
            self.query_one(ProgressBar).display = False
            self.query_one("#import-hint", Static).update(
                f"From {', '.join(self.paths)}: {self._ready_hint()}"
            )
            self.query_one("#import-summary", Static).update(shown(would(summary.text())))
            self.refresh_bindings()
            return
        late = self.stage == "cancelling"
        title = "Imported (it had finished before it could be cancelled)" if late else "Imported"
        self.app.notify(shown(summary.text()), title=title, timeout=10, markup=False)
        self.session.changed()
        self.dismiss(None)

    def _ready_hint(self) -> str:
        """What enter does now, and what `a` would change."""
        if self._adds:
            first = "nothing is written until you press enter."
        else:
            first = "nothing to import as it stands." if self._unstated else "nothing new."
        if self.as_run:
            return f"{first} Activities that state no sport are counted as runs (a: not any more)."
        if self._unstated:
            n = self._unstated
            things = "activity that states" if n == 1 else "activities that state"
            return f"{first} a counts the {n} {things} no sport as runs."
        return first

    def action_toggle_as_run(self) -> None:
        """Read the same pick again, with activities that state no sport as runs or not."""
        if self._offers_as_run:
            self.as_run = not self.as_run
            self._read([Path(p) for p in self.paths])

    def _cancelled(self) -> None:
        self.app.notify("Nothing was written.", title="Import cancelled", timeout=8)
        self.dismiss(None)

    def action_pick_again(self) -> None:
        if self.stage == "ready":
            self._to_picking(None)

    def _to_picking(self, message: str | None) -> None:
        """Back to picking, saying why the last pick was not imported (if it failed)."""
        self.stage = "pick"
        self.summary = None
        self.as_run = False  # a new pick starts from the files' own word
        self.query_one(ProgressBar).display = False
        tree = self.query_one(DirectoryTree)
        tree.disabled = False
        tree.focus()
        self.query_one("#import-hint", Static).update(PICK_HINT)
        self.query_one("#import-summary", Static).update(
            f"Not imported: {message}" if message else ""
        )
        self.refresh_bindings()

    def action_cancel(self) -> None:
        self._cancel.set()
        if self.stage == "writing":
            # The worker is inside the transaction (or about to be): wait for it to roll
            # back, so the message can say truthfully that nothing was written.
            self.stage = "cancelling"
            self.query_one("#import-hint", Static).update("Cancelling…")
            self.refresh_bindings()
            return
        if self.stage == "cancelling":
            return
        self._cancelled()
