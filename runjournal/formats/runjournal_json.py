"""Reading a runjournal export (or a bare list of entries) as a stream of entries."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..domain.checklist import ChecklistItem, check_label
from ..domain.entries import Entry, entry_from_dict
from ..domain.errors import InputError
from ..domain.settings import Settings
from .export import FORMAT_NAME, FORMAT_VERSION
from .jsonstream import JsonStream


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
def open_text(file: str) -> Iterator[IO[str]]:
    """The export file (or standard input for `-`) as text, with its errors as input errors."""
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
