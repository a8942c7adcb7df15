"""Copies of the journal: daily backups, the copy before an upgrade, and the one helper
that makes them all through SQLite's online backup (also used by `runjournal backup`).

Daily automatic backups: one consistent copy of the journal per day, the newest 7 kept.

The copies live in a `backups/` folder next to the journal, named after its whole file
name and the day: `journal.db` is copied to `backups/journal.db-2026-11-24.db`, so two
journals in one folder (`training.db`, `training.sqlite`) never share a backup. Each
copy is a complete, self-contained SQLite file (no `-wal` beside it), readable only by
its owner.

How to restore one:

1. Close runjournal (the app and any command that is still running).
2. Keep the current journal aside in case you change your mind:
   `mv journal.db journal.db.before-restore`, and delete `journal.db-wal` and
   `journal.db-shm` if they exist (left there, SQLite would replay them onto the
   restored file).
3. Copy the backup over the journal: `cp backups/journal.db-2026-11-24.db journal.db`.

Or, to merge a backup's entries into the journal you have now instead of replacing it,
export the backup and import the export (entries already in the journal are skipped)::

    cp backups/journal.db-2026-11-24.db /tmp/old.db
    runjournal --db /tmp/old.db export -o /tmp/old.json
    runjournal import /tmp/old.json
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from .opening import connect_read_only

FOLDER = "backups"
KEEP = 7


def online_copy(
    source: Path | sqlite3.Connection,
    dest: Path,
    finish: Callable[[sqlite3.Connection], None] | None = None,
) -> None:
    """Copy a journal into the file `dest` with SQLite's online backup (`Connection.backup`).

    The copy is consistent even while other connections write. A `source` given as a
    path is read through a read-only connection, so making the copy never changes the
    file being copied; an open connection is copied as it sees the journal. `finish`
    runs on the copy before it is closed.
    """
    reader = connect_read_only(source) if isinstance(source, Path) else source
    try:
        target = sqlite3.connect(dest)
        try:
            reader.backup(target)
            if finish is not None:
                finish(target)
        finally:
            target.close()
    finally:
        if reader is not source:
            reader.close()


def create_new_private(dest: Path) -> None:
    """Create `dest` empty with mode 0600; FileExistsError if there is anything there."""
    fd = os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def backup_before_upgrade(path: Path, old_version: int) -> Path:
    """Copy a journal aside before a migration touches it: journal.db.v1-20261124T0712.bak."""
    stamp = datetime.now().astimezone().strftime("%Y%m%dT%H%M%S")
    dest = path.with_name(f"{path.name}.v{old_version}-{stamp}.bak")
    n = 1
    while True:  # two attempts in one second (a retry, app and CLI together) get two copies
        try:
            create_new_private(dest)
            break
        except FileExistsError:
            n += 1
            dest = path.with_name(f"{path.name}.v{old_version}-{stamp}-{n}.bak")
    online_copy(path, dest)
    return dest


def backup_folder(journal_path: Path) -> Path:
    """Where the daily backups of this journal live."""
    return journal_path.parent / FOLDER


def _pattern(journal_path: Path) -> re.Pattern[str]:
    # Named after the journal's whole name, so two journals in one folder never share or
    # rotate each other's copies. (Copies named by the stem alone, from before, are left
    # where they are: whose they are cannot be told.)
    return re.compile(rf"{re.escape(journal_path.name)}-([0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})\.db")


def list_backups(journal_path: Path) -> list[Path]:
    """The daily backups of this journal, newest first (empty if there are none)."""
    folder = backup_folder(journal_path)
    pattern = _pattern(journal_path)
    try:
        names = [p.name for p in folder.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []
    return [folder / name for name in sorted(names, reverse=True)]


def daily_backup(journal_path: Path, today: date, keep: int = KEEP) -> Path | None:
    """Make today's backup of the journal if there is none yet; keep the newest `keep`.

    Safe while the journal is open elsewhere: the copy goes through SQLite's online
    backup, which only reads, so it is consistent and the journal's content is never
    changed. Call it once the journal has been opened successfully.

    Args:
        journal_path: the journal file.
        today: the local calendar date the backup is for.
        keep: how many daily backups to keep, newest by date (at least 1).

    Returns:
        The path of today's backup (made now or earlier today), or None if it could not
        be made (missing journal, full disk, read-only folder...): the caller may warn,
        but the journal itself is fine. Never raises for a problem on disk.
    """
    folder = backup_folder(journal_path)
    dest = folder / f"{journal_path.name}-{today.isoformat()}.db"
    if not journal_path.is_file():
        return None
    if dest.exists():
        _rotate(journal_path, max(1, keep))
        return dest
    new_folder = not folder.is_dir()
    try:
        _make_folder(folder)
        _copy(journal_path, dest)
    except (OSError, sqlite3.Error):
        if new_folder:  # leave the place as it was found
            with contextlib.suppress(OSError):
                folder.rmdir()
        return None
    _rotate(journal_path, max(1, keep))
    return dest


def _make_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        return  # another process made it a moment ago
    os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask


def _copy(source_path: Path, dest: Path) -> None:
    # Written under a temporary name (mkstemp: mode 0600) and renamed into place, so a
    # crash or a full disk never leaves half a backup under a backup's name.
    import tempfile  # only the first open of a day makes a copy

    fd, temp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        # Read through an ordinary connection, not a read-only one: reading changes
        # nothing, and as the last connection to close it removes the -wal and -shm a
        # read-only one would leave behind, empty, after every first command of a day.
        reader = sqlite3.connect(source_path, timeout=5)
        try:
            online_copy(reader, temp, _check_and_detach)
        finally:
            reader.close()
        os.chmod(temp, 0o600)
        os.replace(temp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _check_and_detach(copy: sqlite3.Connection) -> None:
    # A damaged journal makes no backup: kept for 7 days it would push the last good
    # copies out of the folder.
    verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise sqlite3.DatabaseError(f"the journal fails its check: {verdict}")
    # The copy inherits the journal's WAL flag; a backup is one plain file.
    copy.execute("PRAGMA journal_mode = DELETE")


def _rotate(journal_path: Path, keep: int) -> None:
    for old in list_backups(journal_path)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
