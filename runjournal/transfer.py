"""Moving a whole journal out (export) and in (import), as SPEC §6 describes."""

from __future__ import annotations

import json
import os
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
    entries = journal.history(ALL_KINDS)
    if fmt == "csv":
        for line in csv_lines(entries, with_uid=True):
            out.write(line)
            count += line.count("\n")
        return max(0, count - 1)
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
    """Import an export (or a bare list of entries): all or nothing; (added, skipped)."""
    data = _load(file)
    settings: Settings | None = None
    items: list[ChecklistItem] = []
    ticks: list[tuple[str, str]] = []
    if isinstance(data, dict):
        if data.get("format") != FORMAT_NAME:
            raise InputError(
                "file", f'{file} is not a runjournal export (no "format": "runjournal")'
            )
        if not isinstance(data.get("version"), int) or data["version"] > FORMAT_VERSION:
            raise InputError(
                "version",
                f"{data.get('version')!r} is not an export version this runjournal reads (1)",
            )
        raw_entries = data.get("entries", [])
        items, ticks = _checklist(data.get("checklist") or {})
        if isinstance(data.get("settings"), dict) and journal.is_empty():
            # Restoring into a new journal brings the settings along; merging into a
            # journal in use never overrides the settings someone already chose.
            settings = Settings.from_stored({k: str(v) for k, v in data["settings"].items()})
    elif isinstance(data, list):
        raw_entries = data
    else:
        raise InputError("file", f"{file} holds neither a runjournal export nor a list of entries")
    if not isinstance(raw_entries, list):
        raise InputError("entries", "must be a list of entry objects")
    return journal.import_all(
        _validated(raw_entries, today), items=items, ticks=ticks, settings=settings
    )


def _validated(raw: list[Any], today: date) -> Iterator[Entry]:
    for position, obj in enumerate(raw, start=1):
        try:
            yield entry_from_dict(obj, today)
        except InputError as error:
            raise InputError(f"entry {position}, {error.field}", error.message) from None


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


def _load(file: str) -> Any:
    try:
        if file == "-":
            return json.load(sys.stdin)
        with open(Path(file).expanduser(), encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise InputError("FILE", f"{file} does not exist") from None
    except IsADirectoryError:
        raise InputError("FILE", f"{file} is a folder, not an export file") from None
    except UnicodeDecodeError:
        raise InputError("FILE", f"{file} is not UTF-8 text; import reads JSON exports") from None
    except json.JSONDecodeError as error:
        raise InputError(
            "FILE", f"{file} is not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    except OSError as error:
        raise InputError("FILE", f"cannot read {file}: {error.strerror}") from None
