"""The folders to watch, looked at when the app opens and every few minutes.

The work is done by services/watch.py in a thread worker, with a `Journal` of its own on
the same file; what came in is said in a toast and every screen is told the journal
changed (Today and History refresh).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App
from textual.worker import get_current_worker

from .session import Session


class FolderWatch:
    """Imports new files from the `import_folders` setting, one look at a time."""

    def __init__(self, app: App[Any], session: Session) -> None:
        self.app = app
        self.session = session
        self._folders = ""  # the setting the last look used
        self._busy = False  # set by look, cleared on the app's thread when it is done
        self.on_done: Callable[[object], None] | None = None  # tests wait on this

    def start(self, every_s: float) -> None:
        """Look now, then every `every_s` seconds while the app runs."""
        self.look()
        self.app.set_interval(every_s, self.look)

    @property
    def busy(self) -> bool:
        """True while a look is under way (until what it found has been said)."""
        return self._busy

    def folders_changed(self) -> None:
        """Look at once when `import_folders` has just been changed (in Settings, say)."""
        if self.session.journal.settings().import_folders != self._folders:
            self.look()

    def look(self) -> None:
        """Import what is new in the folders (in a worker); nothing when unset or busy."""
        folders = self.session.journal.settings().import_folders
        path = self.session.journal.path
        if not folders or path is None or self.busy:
            return
        self._folders = folders
        self._busy = True
        today = self.session.today
        self.app.run_worker(
            lambda: self._look(path, folders, today),
            thread=True,
            exit_on_error=False,
            group="watch",
            name="import folders",
        )

    def _look(self, path: Path, folders: str, today: date) -> object:
        # Imported here, in the worker: the importers stay out of the app's start-up.
        from ..services.watch import import_new_files
        from ..store import Journal

        worker = get_current_worker()
        try:
            journal = Journal.open(path)
            try:
                summary = import_new_files(
                    journal, folders, today, cancelled=lambda: worker.is_cancelled
                )
            finally:
                journal.close()
        except Exception as error:  # the journal locked, a folder gone mid-walk...
            self.app.call_from_thread(self._failed, str(error) or type(error).__name__)
            return None
        self.app.call_from_thread(self._done, summary)
        return summary

    def _done(self, summary: object) -> None:
        from ..services.import_files import ImportSummary

        self._busy = False
        if isinstance(summary, ImportSummary):
            added = sum(summary.added.values())
            if added or summary.unreadable:
                self.app.notify(
                    summary.text(),
                    title="From your watched folders",
                    severity="warning" if summary.unreadable and not added else "information",
                    timeout=10,
                    markup=False,
                )
            if added:
                self.session.changed()
        if self.on_done is not None:
            self.on_done(summary)

    def _failed(self, message: str) -> None:
        # Said each time it happens (rare: a lock held past the busy timeout); the next
        # look tries again, and nothing was remembered as seen.
        self._busy = False
        self.app.notify(
            f"Could not import from your watched folders: {message}",
            severity="warning",
            markup=False,
        )
        if self.on_done is not None:
            self.on_done(None)
