"""Reading a runjournal export (or a bare list of entries) as a stream of entries."""

from __future__ import annotations

import contextlib
import io
import math
import stat
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..domain.advisor import STATUSES
from ..domain.checklist import MAX_LABEL, ChecklistItem, check_label
from ..domain.entries import Entry
from ..domain.entry_json import entry_from_dict
from ..domain.errors import InputError
from ..domain.parse import check_text, parse_date
from ..domain.settings import Settings
from .export import FORMAT_NAME, FORMAT_VERSION
from .jsonstream import JsonStream

MAX_ID = 100  # a checklist item's id: 'my-' and a slug of its label
MAX_POSITION = 10_000


class ExportReader:
    """Walks an export object (or a bare list), yielding validated entries as they come."""

    def __init__(self, stream: JsonStream, file: str, today: date) -> None:
        self.stream = stream
        self.file = file
        self.today = today
        self.head: dict[str, Any] = {}
        self.position = 0

    def entries(self) -> Iterator[Entry]:
        """The export's entries, validated one at a time as the stream reaches them."""
        stream = self.stream
        first = stream.peek()
        if first == "[":
            yield from self._entry_list()
        elif first == "{":
            for key in stream.object_keys():
                if key == "entries":
                    if "entries" in self.head:
                        raise InputError("entries", "appears twice in the export")
                    self.head["entries"] = True
                    if "format" in self.head:
                        self._check_head()
                    if stream.peek() != "[":
                        stream.value()
                        raise InputError("entries", "must be a list of entry objects")
                    yield from self._entry_list()
                else:
                    self.head[key] = stream.value()
            self._check_head()
        else:
            stream.value()  # a syntax error is reported as such, before this message
            raise InputError(
                "file", f"{self.file} holds neither a runjournal export nor a list of entries"
            )
        stream.end()

    def _entry_list(self) -> Iterator[Entry]:
        for obj in self.stream.array_items():
            self.position += 1
            try:
                yield entry_from_dict(obj, self.today)
            except InputError as error:
                raise InputError(f"entry {self.position}, {error.field}", error.message) from None

    def _check_head(self) -> None:
        if self.head.get("format") != FORMAT_NAME:
            raise InputError(
                "file", f'{self.file} is not a runjournal export (no "format": "runjournal")'
            )
        version = self.head.get("version")
        # bool is an int to Python: "version": true is not version 1.
        if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version:
            raise InputError("version", "must be a whole number, the export's version (1)")
        if version > FORMAT_VERSION:
            raise InputError(
                "version", f"{version} is newer than this runjournal reads ({FORMAT_VERSION})"
            )

    def rest(self) -> tuple[list[ChecklistItem], list[tuple[str, str]], Settings | None]:
        """The checklist and settings of an export, once `entries()` has run to its end."""
        if "format" not in self.head:
            return [], [], None
        items, ticks = _checklist(self.head.get("checklist") or {}, self.today)
        return items, ticks, _settings(self.head.get("settings"))


def _settings(raw: Any) -> Settings | None:
    """The export's settings: an object of short texts or numbers; bad values fall back."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise InputError("settings", "must be an object of setting names and values")
    for key, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise InputError(f"settings, {shown_key(key)}", "must be text or a number")
        if isinstance(value, float) and not math.isfinite(value) or len(str(value)) > 200:
            raise InputError(f"settings, {shown_key(key)}", "is not a value any setting takes")
    return Settings.from_stored({k: str(v) for k, v in raw.items()})


def shown_key(key: str) -> str:
    """A key of the file, cut short for an error message."""
    return key if len(key) <= 40 else key[:39] + "…"


def _text(obj: dict[str, Any], key: str, where: str, *, most: int) -> str:
    """A required text field of a checklist object, at most `most` characters."""
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}, {key}", "is missing or not text")
    if len(value) > most:
        raise InputError(f"{where}, {key}", f"is longer than {most} characters")
    return check_text(value, field=f"{where}, {key}")


def _objects(raw: dict[str, Any], key: str, what: str) -> list[dict[str, Any]]:
    values = raw.get(key)
    if values is None:
        return []
    if not isinstance(values, list):
        raise InputError(f"checklist, {key}", f"must be a list of {what}")
    for n, value in enumerate(values, start=1):
        if not isinstance(value, dict):
            raise InputError(f"checklist {key[:-1]} {n}", f"must be one of {what}")
    return values


def _checklist(raw: Any, today: date) -> tuple[list[ChecklistItem], list[tuple[str, str]]]:
    if not isinstance(raw, dict):
        raise InputError("checklist", "must be an object with items and ticks")
    items = []
    for n, item in enumerate(_objects(raw, "items", "{id, status, label, position}"), start=1):
        where = f"checklist item {n}"
        position = item.get("position", 0)
        if isinstance(position, bool) or not isinstance(position, int):
            raise InputError(f"{where}, position", "must be a whole number")
        if not 0 <= position <= MAX_POSITION:
            raise InputError(f"{where}, position", f"must be 0 to {MAX_POSITION}")
        status = item.get("status")
        if status not in STATUSES:
            raise InputError(f"{where}, status", f"must be one of {', '.join(STATUSES)}")
        try:
            label = check_label(_text(item, "label", where, most=MAX_LABEL))
        except InputError as error:
            raise InputError(f"{where}, label", error.message) from None
        items.append(ChecklistItem(_text(item, "id", where, most=MAX_ID), status, label, position))
    ticks = []
    for n, tick in enumerate(_objects(raw, "ticks", "{date, item_id}"), start=1):
        where = f"checklist tick {n}"
        text = _text(tick, "date", where, most=10)
        day = parse_date(text, today, field=f"{where}, date", allow_future=True)
        ticks.append((day.isoformat(), _text(tick, "item_id", where, most=MAX_ID)))
    return items, ticks


class _Tee:
    """Standard input read once, copied to a spool as it is read (for the second pass)."""

    def __init__(self, source: IO[str], spool: IO[bytes]) -> None:
        self.source = source
        self.spool = spool

    def read(self, size: int = -1) -> str:
        """Up to `size` characters of the source, copied to the spool on the way."""
        text = self.source.read(size)
        self.spool.write(text.encode("utf-8", "surrogatepass"))
        return text


class ExportFile:
    """An export to read twice: once to check all of it, once to write it.

    Standard input is copied to a private temporary file while the first pass reads
    it, so a slow pipe never holds the journal's lock and junk (`/dev/zero`) is refused
    at its first bad character, not after it has filled a disk.
    """

    def __init__(self, file: str, first: IO[str], spool: IO[bytes] | None) -> None:
        self.file = file
        self.first: IO[str] | _Tee = first if spool is None else _Tee(first, spool)
        self._handle = first
        self._spool = spool

    def read_again(self) -> IO[str]:
        """The same text from its beginning (after the first pass read it all)."""
        if self._spool is None:
            self._handle.seek(0)
            return self._handle
        self._spool.seek(0)
        return io.TextIOWrapper(self._spool, encoding="utf-8", errors="surrogatepass")


@contextlib.contextmanager
def open_export(file: str) -> Iterator[ExportFile]:
    """The export at `file` (`-`: standard input), ready to be read twice.

    A named pipe or a device is refused rather than waited on: opening a pipe that has
    no writer blocks for ever, and a device may never end.
    """
    if file == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        source = sys.stdin if buffer is None else io.TextIOWrapper(buffer, encoding="utf-8-sig")
        with tempfile.TemporaryFile() as spool:
            yield ExportFile(file, source, spool)
        return
    path = Path(file).expanduser()
    try:
        kind = path.stat().st_mode
    except FileNotFoundError:
        raise InputError("FILE", f"{file} does not exist") from None
    except OSError as error:
        raise InputError("FILE", f"cannot read {file}: {error.strerror}") from None
    if stat.S_ISDIR(kind):
        raise InputError("FILE", f"{file} is a folder, not an export file")
    if not stat.S_ISREG(kind):
        raise InputError(
            "FILE", f"{file} is not a regular file; to import from a pipe, use `import - < {file}`"
        )
    try:
        # utf-8-sig: an export re-saved by a Windows editor starts with a BOM.
        handle = open(path, encoding="utf-8-sig")  # noqa: SIM115
    except OSError as error:
        raise InputError("FILE", f"cannot read {file}: {error.strerror}") from None
    with handle:
        yield ExportFile(file, handle, None)
