"""Moving a whole journal out (export) and in (import), as SPEC §6 describes."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from .domain.checklist import ChecklistItem, check_label
from .domain.entries import Entry, entry_from_dict, to_dict
from .domain.errors import InputError
from .domain.settings import Settings
from .output import csv_lines
from .store.journal import Journal

FORMAT_NAME = "runjournal"
FORMAT_VERSION = 1
ALL_KINDS: list[Any] = ["run", "leg", "checkin"]


def export_dict(entry: Entry) -> dict[str, Any]:
    return {**to_dict(entry), "uid": entry.uid}


def write_export(journal: Journal, fmt: str, path: Path | None) -> int:
    """Write the journal to `path` (atomically) or stdout; return the entry count."""
    if path is None:
        return _write(journal, fmt, sys.stdout)
    path = path.expanduser()
    if path.is_dir():
        raise InputError(
            "output", f"{path} is a folder; give a file name, e.g. {path}/journal.json"
        )
    if not path.parent.is_dir():
        raise InputError("output", f"the folder {path.parent} does not exist")
    # Written next to the target and renamed over it, so a failed export never leaves
    # half a file where a good one was.
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            count = _write(journal, fmt, handle)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count


def _write(journal: Journal, fmt: str, out: IO[str]) -> int:
    count = 0
    # Oldest first: an import then numbers entries in the order they happened.
    entries = journal.history(ALL_KINDS, oldest_first=True)
    if fmt == "csv":

        def counted(source: Iterator[Entry]) -> Iterator[Entry]:
            nonlocal count
            for entry in source:
                count += 1  # entries, not lines: notes may hold line breaks
                yield entry

        for line in csv_lines(counted(entries), with_uid=True):
            out.write(line)
        return count
    head = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": journal.settings().as_dict(),
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "entries": [')
    for entry in entries:
        out.write(
            ("\n    " if count == 0 else ",\n    ")
            + json.dumps(export_dict(entry), ensure_ascii=False)
        )
        count += 1
    checklist = {
        "items": [item.to_dict() for item in journal.checklist_items()],
        "ticks": journal.all_ticks(),
    }
    out.write(
        ("\n  ]" if count else "]")
        + ',\n  "checklist": '
        + json.dumps(checklist, ensure_ascii=False)
        + "\n}\n"
    )
    return count


def import_file(journal: Journal, file: str, today: date) -> tuple[int, int]:
    """Import an export (or a bare list of entries): all or nothing; (added, skipped).

    The file is read as a stream: each entry is decoded, validated and written in turn,
    so a 100,000-entry export never sits in memory whole, and the first bad entry (or
    a truncated file) rolls back everything this import wrote.
    """
    # Decided before any entry lands: settings travel only into a journal nobody uses yet.
    restoring = journal.is_empty() and not journal.has_stored_settings()
    with _open(file) as handle:
        reader = _ExportReader(JsonStream(handle, file), file, today)
        # One transaction around both calls: the checklist and settings come after the
        # entries in an export, so they are only known once the entries are written.
        # The store's own write transaction (BEGIN IMMEDIATE, so a read-then-write never
        # fails on another process's commit); import_all nests inside it as a savepoint.
        with journal.transaction():
            added, skipped = journal.import_all(reader.entries())
            items, ticks, settings = reader.rest()
            journal.import_all(
                (), items=items, ticks=ticks, settings=settings if restoring else None
            )
    return added, skipped


class _ExportReader:
    """Walks an export object (or a bare list), yielding validated entries as they come."""

    def __init__(self, stream: JsonStream, file: str, today: date) -> None:
        self.stream = stream
        self.file = file
        self.today = today
        self.head: dict[str, Any] = {}
        self.position = 0

    def entries(self) -> Iterator[Entry]:
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
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise InputError(
                "version", f"{version!r} is not an export version this runjournal reads (1)"
            )

    def rest(self) -> tuple[list[ChecklistItem], list[tuple[str, str]], Settings | None]:
        """The checklist and settings of an export, once `entries()` has run to its end."""
        if "format" not in self.head:
            return [], [], None
        items, ticks = _checklist(self.head.get("checklist") or {})
        settings = None
        if isinstance(self.head.get("settings"), dict):
            settings = Settings.from_stored({k: str(v) for k, v in self.head["settings"].items()})
        return items, ticks, settings


def _checklist(raw: Any) -> tuple[list[ChecklistItem], list[tuple[str, str]]]:
    if not isinstance(raw, dict):
        raise InputError("checklist", "must be an object with items and ticks")
    items = []
    for n, item in enumerate(raw.get("items") or [], start=1):
        try:
            items.append(
                ChecklistItem(
                    str(item["id"]),
                    str(item["status"]),
                    check_label(str(item["label"])),
                    int(item.get("position", 0)),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise InputError(f"checklist item {n}", "needs id, status and label") from None
    ticks = []
    for n, tick in enumerate(raw.get("ticks") or [], start=1):
        try:
            date.fromisoformat(tick["date"])
            ticks.append((str(tick["date"]), str(tick["item_id"])))
        except (KeyError, TypeError, ValueError):
            raise InputError(
                f"checklist tick {n}", "needs a date (YYYY-MM-DD) and an item_id"
            ) from None
    return items, ticks


@contextlib.contextmanager
def _open(file: str) -> Iterator[IO[str]]:
    if file == "-":
        yield sys.stdin
        return
    try:
        # utf-8-sig: an export re-saved by a Windows editor starts with a BOM.
        handle = open(Path(file).expanduser(), encoding="utf-8-sig")  # noqa: SIM115
    except FileNotFoundError:
        raise InputError("FILE", f"{file} does not exist") from None
    except IsADirectoryError:
        raise InputError("FILE", f"{file} is a folder, not an export file") from None
    except OSError as error:
        raise InputError("FILE", f"cannot read {file}: {error.strerror}") from None
    with handle:
        yield handle


# Reading JSON as a stream ----------------------------------------------------------

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_CHUNK_CHARS = 1 << 16


class JsonStream:
    """Just enough of an incremental JSON reader to walk one big array lazily.

    Containers are entered one token at a time; every other value is decoded whole by
    the standard library's `raw_decode` from a buffer that is refilled in chunks, so
    memory holds one chunk and one value, never the file. No new dependency.
    """

    def __init__(self, handle: IO[str], name: str, chunk_chars: int = _CHUNK_CHARS) -> None:
        self._handle = handle
        self._name = name
        self._chunk = chunk_chars
        self._decoder = json.JSONDecoder()
        self._buf = ""
        self._pos = 0
        self._eof = False
        # Where the buffer starts in the file, for "line L, column C" in errors.
        self._lines_before = 0
        self._column_before = 0

    def _fill(self, at_least: int = 0) -> bool:
        """Read more text into the buffer; False at the end of the file."""
        if self._eof:
            return False
        done = self._buf[: self._pos]
        newlines = done.count("\n")
        if newlines:
            self._lines_before += newlines
            self._column_before = len(done) - done.rfind("\n") - 1
        else:
            self._column_before += len(done)
        try:
            more = self._handle.read(max(self._chunk, at_least))
        except UnicodeDecodeError:
            raise InputError(
                "FILE", f"{self._name} is not UTF-8 text; import reads JSON exports"
            ) from None
        except OSError as error:
            raise InputError("FILE", f"cannot read {self._name}: {error.strerror}") from None
        self._buf = self._buf[self._pos :] + more
        self._pos = 0
        self._eof = not more
        return bool(more)

    def _error(self, what: str, pos: int) -> InputError:
        before = self._buf[:pos]
        line = self._lines_before + before.count("\n") + 1
        last = before.rfind("\n")
        column = pos - last if last >= 0 else self._column_before + pos + 1
        return InputError(
            "FILE", f"{self._name} is not valid JSON: {what} (line {line}, column {column})"
        )

    def peek(self) -> str:
        """The next significant character ("" at the end of the file)."""
        while True:
            pos = self._pos = _WHITESPACE.match(self._buf, self._pos).end()  # type: ignore[union-attr]
            if pos < len(self._buf):
                return self._buf[pos]
            if not self._fill():
                return ""

    def _take(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self._error(what, self._pos)
        self._pos += 1

    def value(self) -> Any:
        """Decode the next whole value."""
        if self.peek() == "":
            raise self._error("the file ends too soon", self._pos)
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as error:
                # A value cut by the end of the buffer fails near the end (or as an
                # unterminated string): read more and try again. Anything else is a
                # real mistake in the file, reported where it is.
                unterminated = error.msg.startswith("Unterminated")
                if not self._eof and (unterminated or error.pos >= len(self._buf) - 16):
                    self._fill(at_least=len(self._buf) - self._pos)
                    continue
                if unterminated or error.pos >= len(self._buf):
                    raise self._error("the file ends too soon", len(self._buf)) from None
                raise self._error(error.msg[0].lower() + error.msg[1:], error.pos) from None
            # A number may go on in the next chunk: "12" of "125", "1.5" of "1.5e-3".
            if not self._eof and (
                end == len(self._buf)
                or (isinstance(value, int | float) and len(self._buf) - end <= 2)
            ):
                self._fill(at_least=len(self._buf) - self._pos)
                continue
            self._pos = end
            return value

    def array_items(self) -> Iterator[Any]:
        """The values of the array that starts here, one at a time."""
        self._take("[", "expecting '['")
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield self.value()
            char = self.peek()
            self._pos += 1
            if char == "]":
                return
            if char != ",":
                self._pos -= 1
                what = "the file ends too soon" if char == "" else "expecting ',' or ']'"
                raise self._error(what, self._pos)

    def object_keys(self) -> Iterator[str]:
        """The keys of the object that starts here; the caller reads each value."""
        self._take("{", "expecting '{'")
        if self.peek() == "}":
            self._pos += 1
            return
        while True:
            if self.peek() != '"':
                raise self._error("expecting a property name in double quotes", self._pos)
            key = self.value()
            self._take(":", "expecting ':'")
            yield key
            char = self.peek()
            self._pos += 1
            if char == "}":
                return
            if char != ",":
                self._pos -= 1
                what = "the file ends too soon" if char == "" else "expecting ',' or '}'"
                raise self._error(what, self._pos)

    def end(self) -> None:
        """Insist that nothing but whitespace follows the document."""
        if self.peek() != "":
            raise self._error("extra data after the end", self._pos)
