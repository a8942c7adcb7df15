"""Importing other apps' files (SPEC §7): read and check everything, then one transaction.

`import_paths` walks the PATHs (files, folders, zips in zips, gzip, stdin), recognises
each file from its content, reads it with its module under `formats/`, validates every
entry as `log` does, drops what is already in the journal (or earlier in this same
import), and writes what is left in one transaction: all or nothing. The CLI's `import`
and the TUI's Import screen both call it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain.entries import Entry
from ..domain.errors import InputError
from ..formats import archive
from ..formats.archive import Item, Source
from ..formats.found import Found, ReadOptions, Unreadable
from ..store import Journal
from .import_checks import Checker, accept
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
    try:
        return list(archive.plan(paths))
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
    sources = plan_files(paths)
    settings = journal.settings()
    # (weight_units arrives with the lifts readers; until then files in kg are the rule)
    weight_unit = options.weight_unit or getattr(settings, "weight_units", "kg")
    read_options = ReadOptions(
        today=today,
        as_run=options.as_run,
        rpe=options.rpe,
        weight_unit="lb" if weight_unit == "lb" else "kg",
    )
    reading = _Reading(fmt, read_options, options.strict)
    with archive.Zips() as zips:
        for done, source in enumerate(sources):
            if cancelled is not None and cancelled():
                raise ImportCancelled
            for part in archive.read(source, zips):
                reading.take(part)
            if progress is not None:
                progress(Progress(done + 1, len(sources), reading.found, source.label))
    summary = ImportSummary(reading.files, unreadable=reading.unreadable)
    summary.skipped.update(reading.skipped)
    if reading.unreadable:
        summary.skipped["unreadable"] += len(reading.unreadable)
    checker = Checker(journal)
    to_write: list[Entry] = []
    for candidate in reading.candidates():
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


@dataclass
class _Candidate:
    entry: Entry
    uid_only: bool  # a runjournal export or journal: merged by uid alone (SPEC §6)


@dataclass
class _StravaRow:
    file_key: tuple[str, str] | None  # where its activity file would be in the export
    outcome: Entry | str  # the run the row itself describes, or why it is none
    name: str
    rpe: int | None


class _Reading:
    """Everything read so far: candidate entries, skips by reason, unreadable files."""

    def __init__(self, fmt: str | None, options: ReadOptions, strict: bool) -> None:
        self.fmt = fmt
        self.options = options
        self.strict = strict
        self.files = 0
        self.found = 0
        self._candidates: list[_Candidate] = []
        self.skipped: Counter[str] = Counter()
        self.unreadable: list[tuple[str, str]] = []
        self._by_file: dict[tuple[str, str], list[int]] = {}
        self._rows: list[_StravaRow] = []

    def take(self, part: Item | tuple[str, Unreadable]) -> None:
        self.files += 1
        if isinstance(part, tuple):
            label, error = part
            self._unreadable(label, str(error), named=False)
            return
        try:
            self._read(part)
        except Unreadable as error:
            self._unreadable(part.label, str(error), named=part.source.named)
        except InputError as error:  # a runjournal export with a bad entry
            self._unreadable(part.label, str(error), named=part.source.named)

    def _unreadable(self, label: str, why: str, *, named: bool) -> None:
        if named or self.strict:
            raise InputError("FILE", f"{label}: {why}")
        self.unreadable.append((label, why))

    def _read(self, item: Item) -> None:
        from ..formats.detect import detect, reader

        fmt = self.fmt or detect(item.data[: archive.HEAD])
        if fmt is None:
            raise Unreadable("not a format runjournal reads")
        if fmt == "runjournal":
            self._add(_export_entries(item, self.options.today), item, uid_only=True)
        elif fmt == "journal":
            from ..formats import journal_db

            if item.plain and item.source.path is not None:  # opened read-only where it is
                found = journal_db.read_path(item.source.path, item.label, self.options)
            else:
                found = journal_db.read(item.data, item.label, self.options)
            self._add(found, item, uid_only=True)
        elif fmt == "strava":
            self._strava(item)
        else:
            self._add(reader(fmt).read(item.data, item.label, self.options), item, False)

    def _add(self, found: Found, item: Item, uid_only: bool) -> None:
        self.skipped.update(found.skipped)
        indexes = self._by_file.setdefault(item.key, [])
        for entry in found.entries:
            indexes.append(len(self._candidates))
            self._candidates.append(_Candidate(entry, uid_only))
        self.found += len(found.entries)

    def _strava(self, item: Item) -> None:
        import posixpath

        from ..formats import strava

        folder = posixpath.dirname(item.key[1])
        for row in strava.rows(item.data, item.label, self.options):
            key = None
            if row.filename:
                key = (item.key[0], posixpath.normpath(posixpath.join(folder, row.filename)))
            self._rows.append(_StravaRow(key, row.outcome, row.name, row.rpe))
            self.found += not isinstance(row.outcome, str)

    def candidates(self) -> list[_Candidate]:
        """The entries read, with each Strava row merged into its activity file's run."""
        import dataclasses

        extra: list[_Candidate] = []
        for row in self._rows:
            if row.file_key is not None and row.file_key in self._by_file:
                # The file was read (and counted): the row only names it and its effort.
                for index in self._by_file[row.file_key]:
                    entry = self._candidates[index].entry
                    changes: dict[str, Any] = {}
                    if row.name and not entry.notes:
                        changes["notes"] = row.name
                    if row.rpe is not None and getattr(entry, "rpe", None) is None:
                        changes["rpe"] = row.rpe
                    self._candidates[index].entry = dataclasses.replace(entry, **changes)
            elif isinstance(row.outcome, str):
                self.skipped[row.outcome] += 1
            else:
                extra.append(_Candidate(row.outcome, False))
        return self._candidates + extra


def _export_entries(item: Item, today: date) -> Found:
    """The entries of a runjournal export found among other files (its settings ignored)."""
    from ..formats.jsonstream import JsonStream
    from ..formats.runjournal_json import ExportReader

    text = io.TextIOWrapper(io.BytesIO(item.data), encoding="utf-8-sig")
    try:
        return Found(
            entries=list(ExportReader(JsonStream(text, item.label), item.label, today).entries())
        )
    except UnicodeDecodeError:
        raise Unreadable("not UTF-8 text") from None
