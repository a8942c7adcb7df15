"""What an import has read so far: candidate entries, skips by reason, unreadable files.

Each file is recognised from its content and read by its module under `formats/`;
Strava rows wait until every file is read, to be merged into their activity file's run.
"""

from __future__ import annotations

import dataclasses
import io
import posixpath
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain.entries import Entry
from ..domain.errors import InputError
from ..formats import archive
from ..formats.archive import Item
from ..formats.found import UNSTATED, Found, ReadOptions, Unreadable

OTHER_FILE = "other file"
# Names that promise an activity: such a file whose content is none is unreadable.
_ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx")


def _meant_as_activity(label: str) -> bool:
    name = label.lower().removesuffix(".gz")
    return name.endswith(_ACTIVITY_SUFFIXES)


@dataclass
class _Candidate:
    entry: Entry
    uid_only: bool  # a runjournal export or journal: merged by uid alone (SPEC §6)


@dataclass
class _StravaRow:
    file_key: tuple[str, str] | None  # where its activity file would be in the export
    sport: str | None  # what its type names: it states the sport its file does not
    outcome: Entry | str  # the run the row itself describes, or why it is none
    name: str
    rpe: int | None


class Reading:
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
        self._unstated: dict[tuple[str, str], list[Entry]] = {}

    def take(self, part: Item | tuple[str, Unreadable]) -> None:
        """Read one leaf file (or count one that could not be read)."""
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
        except OverflowError:  # a reader's bug with a date at the calendar's edge
            self._unreadable(part.label, "date out of range", named=part.source.named)

    def _unreadable(self, label: str, why: str, *, named: bool) -> None:
        if named or self.strict:
            raise InputError("FILE", f"{label}: {why}")
        self.unreadable.append((label, why))

    def _read(self, item: Item) -> None:
        from ..formats.detect import detect, reader

        fmt = self.fmt or detect(item.data[: archive.HEAD])
        if fmt is None:
            if item.source.named or _meant_as_activity(item.label):
                raise Unreadable("not a format runjournal reads")
            # A bulk export also holds photos, settings, other apps' tables...: they are
            # no activity, and not damaged either (nor a reason for --strict to stop).
            self.skipped[OTHER_FILE] += 1
            return
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
        if found.unstated:
            self._unstated.setdefault(item.key, []).extend(found.unstated)
        indexes = self._by_file.setdefault(item.key, [])
        for entry in found.entries:
            indexes.append(len(self._candidates))
            self._candidates.append(_Candidate(entry, uid_only))
        self.found += len(found.entries)

    def _strava(self, item: Item) -> None:
        from ..formats import strava

        folder = posixpath.dirname(item.key[1])
        for row in strava.rows(item.data, item.label, self.options):
            key = None
            if row.filename:
                key = (item.key[0], posixpath.normpath(posixpath.join(folder, row.filename)))
            self._rows.append(_StravaRow(key, row.sport, row.outcome, row.name, row.rpe))
            self.found += not isinstance(row.outcome, str)

    def candidates(self) -> list[_Candidate]:
        """The entries read, with each Strava row merged into its activity file's run.

        A file that states no sport takes the row's: its activities skipped as "sport not
        stated" become runs when the row's type is a running one (counted by the row's
        sport otherwise). Call it before reading `skipped`.
        """
        extra: list[_Candidate] = []
        for row in self._rows:
            if row.file_key is not None and row.file_key in self._by_file:
                # The file was read (and counted): the row only names it and its effort.
                for index in self._by_file[row.file_key]:
                    entry = self._candidates[index].entry
                    self._candidates[index].entry = _merged(entry, row)
                unstated = self._unstated.pop(row.file_key, [])
                if unstated and row.sport is not None:
                    self._state_sport(unstated, row, extra)
            elif isinstance(row.outcome, str):
                self.skipped[row.outcome] += 1
            else:
                extra.append(_Candidate(row.outcome, False))
        return self._candidates + extra

    def _state_sport(self, unstated: list[Entry], row: _StravaRow, extra: list[_Candidate]) -> None:
        self.skipped[UNSTATED] -= len(unstated)
        if self.skipped[UNSTATED] <= 0:
            del self.skipped[UNSTATED]
        if row.sport == "run":
            extra.extend(_Candidate(_merged(entry, row), False) for entry in unstated)
            self.found += len(unstated)
        else:
            self.skipped[row.sport or ""] += len(unstated)


def _merged(entry: Entry, row: _StravaRow) -> Entry:
    """The file's entry with the row's name (as notes) and effort where it has none."""
    changes: dict[str, Any] = {}
    if row.name and not entry.notes:
        changes["notes"] = row.name
    if row.rpe is not None and getattr(entry, "rpe", None) is None:
        changes["rpe"] = row.rpe
    return dataclasses.replace(entry, **changes)


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
