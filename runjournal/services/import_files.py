"""Importing other apps' files (SPEC §7): read and check everything, then one transaction.

`import_paths` walks the PATHs (files, folders, zips in zips, gzip, stdin), recognises
each file from its content, reads it with its module under `formats/`, validates every
entry as `log` does, drops what is already in the journal (or earlier in this same
import), and writes what is left in one transaction: all or nothing. The CLI's `import`
and the TUI's Import screen both call it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain.entries import Entry
from ..domain.errors import InputError
from ..formats import archive
from ..formats.archive import Source
from ..formats.found import ReadOptions
from ..store import Journal
from .import_checks import Checker, accept
from .import_reading import Reading
from .import_text import summary_text


@dataclass(frozen=True)
class ImportOptions:
    """What `import` was told: `--format`, `--as-run`, `--rpe`, `--weight-unit`, ..."""

    format: str | None = None  # force one format for every file (see formats.detect)
    as_run: bool = False  # activities that state no sport count as runs
    rpe: int | None = None  # for workouts whose file has no RPE
    weight_unit: str | None = None  # kg or lb, for files that state none
    dry_run: bool = False  # read and count everything, write nothing
    strict: bool = False  # an unreadable file inside a folder or archive is an error


@dataclass
class Progress:
    """How far an import has got, for a progress bar."""

    files_done: int
    files_total: int
    entries_found: int
    current: str


@dataclass
class ImportSummary:
    """What an import added and skipped, and the files it could not read."""

    files: int
    added: dict[str, int] = field(default_factory=lambda: {"run": 0, "leg": 0, "checkin": 0})
    skipped: Counter[str] = field(default_factory=Counter)
    unreadable: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The `import --json` object of SPEC §7."""
        return {
            "files": self.files,
            "added": dict(self.added),
            "skipped": dict(self.skipped),
            "unreadable": [{"file": name, "error": error} for name, error in self.unreadable],
        }

    def text(self) -> str:
        """'Imported 212 runs and 38 leg days from 260 files; skipped 41: 12 rides, ...'"""
        return summary_text(self.files, self.added, self.skipped, self.unreadable)


class ImportCancelled(Exception):
    """The import was cancelled before it wrote anything; the journal is unchanged."""


def plan_files(paths: Sequence[str]) -> list[Source]:
    """What would be read for `paths` (files, folder contents, zip members), in order.

    Raises:
        InputError: a PATH does not exist.
    """
    return list(_plan(paths))


def _plan(paths: Sequence[str]) -> Iterator[Source]:
    try:
        yield from archive.plan(paths)
    except LookupError as error:
        given, why = error.args
        raise InputError("PATH", f"{given} {why}") from None


def import_paths(
    journal: Journal,
    paths: Sequence[str],
    today: date,
    options: ImportOptions,
    *,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import every file `paths` stand for: all or nothing, duplicates skipped.

    Raises:
        InputError: a PATH does not exist; a file named in `paths` cannot be read (or,
            with `strict`, any file cannot); `options.format` is not a format.
        ImportCancelled: `cancelled()` answered True; nothing was written.
    """
    fmt = _forced_format(options.format)
    # Counted first, then walked again: a folder of 100,000 files is never a list here.
    total = sum(1 for _ in _plan(paths))
    settings = journal.settings()
    weight_unit = options.weight_unit or settings.weight_units
    read_options = ReadOptions(
        today=today,
        as_run=options.as_run,
        rpe=options.rpe,
        weight_unit="lb" if weight_unit == "lb" else "kg",
    )
    reading = Reading(fmt, read_options, options.strict)
    with archive.Zips() as zips:
        for done, source in enumerate(_plan(paths)):
            if cancelled is not None and cancelled():
                raise ImportCancelled
            for part in archive.read(source, zips):
                reading.take(part)
            if progress is not None:
                progress(Progress(done + 1, total, reading.found, source.label))
    candidates = reading.candidates()  # Strava rows change what was skipped
    summary = ImportSummary(reading.files, unreadable=reading.unreadable)
    summary.skipped.update(reading.skipped)
    if reading.unreadable:
        summary.skipped["unreadable"] += len(reading.unreadable)
    checker = Checker(journal)
    to_write: list[Entry] = []
    for candidate in candidates:
        entry = accept(candidate.entry, today)
        if isinstance(entry, str):
            summary.skipped[entry] += 1
        elif (why := checker.duplicate(entry, by_uid_only=candidate.uid_only)) is not None:
            summary.skipped[why] += 1
        else:
            checker.remember(entry)
            to_write.append(entry)
    for entry in to_write:
        summary.added[entry.kind] += 1
    if cancelled is not None and cancelled():
        raise ImportCancelled
    if not options.dry_run and to_write:
        _write(journal, to_write, cancelled)
    return summary


def _write(journal: Journal, entries: list[Entry], cancelled: Callable[[], bool] | None) -> None:
    def stream() -> Any:
        for n, entry in enumerate(entries):
            if cancelled is not None and n % 500 == 0 and cancelled():
                raise ImportCancelled  # inside the transaction: it rolls back
            yield entry

    with journal.transaction():
        journal.import_all(stream())


def _forced_format(text: str | None) -> str | None:
    if text is None:
        return None
    from ..formats.detect import parse_format

    try:
        return parse_format(text)
    except ValueError as error:
        raise InputError("format", str(error)) from None
