"""Folders to watch (SPEC §7 `import_folders`): new files there are imported.

The TUI calls `import_new_files` when it opens and every few minutes while it is open
(in a worker thread, with its own `Journal` on the same file). A file is "new" when its
path, size and modification time are not among those already seen, so a file is read
once, however often the folders are looked at, and across restarts (the journal keeps
what was seen, in its `import_seen` table); a file that changes (a sync that was
half-way) is read again. What was seen is remembered for an unreadable file too, so it
is reported once and not every few minutes. Nothing is ever written into the folders:
they are only listed and read.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import InputError
from ..domain.settings import folder_paths

if TYPE_CHECKING:  # the importers are loaded only when there is something to import
    from ..store import Journal
    from .import_files import ImportOptions, ImportSummary

# (size in bytes, modification time in ns): a file with the same path and both of these
# has been read already (the journal keeps them: Journal.seen_files).
Stamp = tuple[int, int]


def list_files(folders: list[Path]) -> Iterator[tuple[Path, Stamp]]:
    """Every file under the folders, with its stamp; hidden files and folders left out.

    Hidden names (`.DS_Store`, macOS's `._x.fit` shadows on a USB drive, a sync tool's
    `.stfolder`) are never activities. Symbolic links to folders are not followed, so
    a link loop cannot make the walk endless. A folder that is missing (a watch not
    plugged in) or unreadable gives nothing.
    """
    for folder in folders:
        for root, dirs, names in os.walk(folder, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    continue
                path = Path(root, name)
                try:
                    stat = path.stat()
                except OSError:
                    continue
                if path.is_file():
                    yield path, (stat.st_size, stat.st_mtime_ns)


def new_files(
    folders: list[Path], seen: dict[str, Stamp], *, journal: Path | None = None
) -> dict[str, Stamp]:
    """The files under `folders` not read before with the stamp they have now.

    The journal itself is never among them, should a watched folder hold it, nor its
    -wal and -shm files, its upgrade copies (`journal.db.v1-....bak`) or its daily
    backups: they change at every write and hold nothing new.
    """
    mine = None if journal is None else _own_files(journal.resolve())
    return {
        str(p): stamp
        for p, stamp in list_files(folders)
        if seen.get(str(p)) != stamp and not (mine and mine(p.resolve()))
    }


def _own_files(journal: Path) -> Callable[[Path], bool]:
    from ..store.backups import backup_folder

    backups = backup_folder(journal)

    def own(path: Path) -> bool:
        beside = path.parent == journal.parent and path.name.startswith(journal.name)
        return beside or backups in path.parents

    return own


def import_new_files(
    journal: Journal,
    folders_setting: str,
    today: date,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary | None:
    """Import the new files of the `import_folders` folders; None when there were none.

    All the new files are imported in one go; should one of them be unreadable (a file
    named to `import_paths` is an error, not a skip), each is then imported on its own,
    so one bad file never holds back the others, and it is listed in the summary's
    `unreadable`. Files already in the journal are skipped as duplicates, as always.
    """
    fresh = new_files(folder_paths(folders_setting), journal.seen_files(), journal=journal.path)
    if not fresh:
        return None
    from .import_files import ImportOptions, import_paths

    options = ImportOptions()
    try:
        summary = import_paths(journal, list(fresh), today, options, cancelled=cancelled)
    except InputError:
        summary = _one_by_one(journal, list(fresh), today, options, cancelled)
    # After the import: a file is remembered once what it held is in the journal (an
    # import stopped half-way leaves its files to be read again next time).
    journal.remember_files(fresh)
    return summary


def _one_by_one(
    journal: Journal,
    paths: list[str],
    today: date,
    options: ImportOptions,
    cancelled: Callable[[], bool] | None,
) -> ImportSummary:
    from .import_files import ImportSummary, import_paths

    total = ImportSummary(files=0, skipped=Counter())
    for path in paths:
        try:
            part = import_paths(journal, [path], today, options, cancelled=cancelled)
        except InputError as error:
            total.files += 1
            # The message names the file already ("PATH: not a format..."): once is enough.
            total.unreadable.append((path, error.message.removeprefix(f"{path}: ")))
            total.skipped["unreadable"] += 1
            continue
        total.files += part.files
        for kind, count in part.added.items():
            total.added[kind] = total.added.get(kind, 0) + count
        total.skipped.update(part.skipped)
        total.unreadable.extend(part.unreadable)
    return total
