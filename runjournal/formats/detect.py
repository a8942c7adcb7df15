"""Which format a file is, from its first bytes (already un-gzipped), never its name."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from .found import Unreadable

# What `--format` accepts, and the module that reads each (runjournal JSON and another
# journal are read by the import service itself: they hold entries, not activities).
READERS = {
    "fit": "fit",
    "gpx": "gpx",
    "tcx": "tcx",
    "strava": "strava",
    "strong": "strong",
    "hevy": "hevy",
    "runjournal": None,
    "journal": None,
}
ALIASES = {"json": "runjournal", "db": "journal", "sqlite": "journal", "csv": None}
FORMATS = tuple(READERS)
# Readers that another branch may not have landed yet: looked for, not required.
_OPTIONAL = ("strong", "hevy")


def parse_format(text: str) -> str:
    """The format `--format` names, or ValueError with the accepted names."""
    value = text.strip().lower()
    value = ALIASES.get(value, value) or ""
    if value not in READERS:
        raise ValueError(f"'{text}' is not a format runjournal reads; use {', '.join(FORMATS)}")
    return value


def reader(fmt: str) -> ModuleType:
    """The module under formats/ that reads `fmt` (imported now: its library with it)."""
    module = READERS.get(fmt)
    if module is None:
        raise KeyError(fmt)
    try:
        return importlib.import_module(f"{__package__}.{module}")
    except ModuleNotFoundError as error:
        if error.name != f"{__package__}.{module}":
            raise
        raise Unreadable(f"this version of runjournal cannot read {fmt} files yet") from None


def detect(head: bytes) -> str | None:
    """The format of a file whose content starts with `head`, or None."""
    if head.startswith(b"SQLite format 3\x00"):
        return "journal"
    if len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT":
        return "fit"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<"):
        if b"<gpx" in head or b":gpx" in head:
            return "gpx"
        if b"TrainingCenterDatabase" in head:
            return "tcx"
        return None
    if text[:1] in (b"{", b"["):
        return "runjournal"
    first_line = text.split(b"\n", 1)[0]
    if b"Activity ID" in first_line and b"Activity Type" in first_line:
        return "strava"
    for fmt in _OPTIONAL:
        try:
            module = reader(fmt)
        except Unreadable:
            continue
        if module.looks_like(head):
            return fmt
    return None


def is_export_path(path: str) -> bool:
    """Is PATH what `import FILE` read before other apps' files: a runjournal JSON?

    (And a name that cannot be used at all, which that import reports as it always has.)
    """
    if path == "-":
        return True
    try:
        file = Path(path).expanduser()
        if not file.exists():
            return True
        if file.is_dir():
            return False
        if not file.is_file():  # a pipe or a device: never opened (it may never answer);
            return True  # the export's reader refuses it with a clear error
        with open(file, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return True
    fmt = detect(head)
    # Content no reader recognises, in a file named .json: its JSON error says more than
    # "not a format runjournal reads" (an empty export, a broken one, another encoding).
    return fmt == "runjournal" or (fmt is None and file.suffix.lower() == ".json")
