"""Writing a whole journal out as JSON (re-importable, SPEC §6) or CSV."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from ..domain.entries import Entry, to_dict
from ..domain.errors import InputError
from ..store import Journal
from .csv_rows import csv_lines

FORMAT_NAME = "runjournal"
FORMAT_VERSION = 1
ALL_KINDS: list[Any] = ["run", "leg", "checkin"]


def export_dict(entry: Entry) -> dict[str, Any]:
    """An entry as the export writes it: its history object plus its uid."""
    return {**to_dict(entry), "uid": entry.uid}


class TextSink(Protocol):
    """Where an export's text goes: a file, standard output, or a wrapper of it."""

    def write(self, text: str, /) -> int:
        """Write `text`; return how much was written."""
        ...


def write_export(
    journal: Journal, fmt: str, path: Path | None, stdout: TextSink | None = None
) -> int:
    """Write the journal to `path` (atomically) or `stdout` (default: sys.stdout); return
    the entry count.

    `path` is written through, never replaced: a symbolic link keeps pointing where
    it did and the file it names is replaced atomically; a named pipe or a terminal
    (`/dev/stdout`, `/dev/null`) is written into as a stream. A socket or a block
    device is refused.
    """
    if path is None:
        return _write(journal, fmt, stdout or sys.stdout)
    path = path.expanduser()
    try:
        mode: int | None = path.stat().st_mode  # through links
    except FileNotFoundError:
        mode = None  # a new file, or a link to one
    except OSError as error:
        raise InputError("output", f"cannot use {path}: {error.strerror}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError(
            "output", f"{path} is a folder; give a file name, e.g. {path}/journal.json"
        )
    if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        with open(path, "w", encoding="utf-8", newline="") as stream:
            return _write(journal, fmt, stream)
    if mode is not None and not stat.S_ISREG(mode):
        raise InputError("output", f"{path} is not a regular file, a pipe or a terminal")
    if path.is_symlink():
        path = path.resolve()  # the link stays; the file it names is the one replaced
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


def _write(journal: Journal, fmt: str, out: TextSink) -> int:
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
