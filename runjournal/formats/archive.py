"""Walking what `import` is pointed at: files, folders, zips (in zips), gzip, stdin.

Archives are read in place with `zipfile` and `gzip`: nothing is ever extracted, and a
member's name is only a label (and a key for Strava's `Filename` column), never a path
on disk. Every stream is read in chunks and refused as soon as it inflates past the
limits, whatever its headers claim.
"""

from __future__ import annotations

import contextlib
import io
import os
import posixpath
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .found import Unreadable
from .limits import check_inflation, copy_limited, gunzip, read_limited, read_some, reason

__all__ = ["Item", "Source", "Zips", "gunzip", "plan", "read", "read_limited"]

HEAD = 4096
# A zip inside a zip needs random access: it is copied from its archive, chunk by chunk,
# into memory up to this size and beyond it into an anonymous temporary file (named by
# the system, deleted on close, never a member's name), and read from there: it is never
# held whole in memory. (A gzip-compressed zip is the exception: it is inflated in memory.)
SPOOL_MAX = 32 << 20
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
GZIP_MAGIC = b"\x1f\x8b"
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Source:
    """One thing to read: a file on disk, a member of a zip on disk, or standard input.

    `container` and `member` identify where it was found (the folder or zip named on the
    command line, and the path inside it, with `/`), for matching Strava's `Filename`.
    """

    label: str  # what messages call it
    path: Path | None  # the file on disk (None: standard input)
    member: str | None = None  # the member of the zip at `path`
    container: str = ""  # the folder or zip it was found in
    rel: str = ""  # its path inside `container`, with `/`
    named: bool = False  # named on the command line itself (not found inside something)

    @property
    def key(self) -> tuple[str, str]:
        """(container, path inside it): where Strava's `Filename` would point to it."""
        return (self.container, posixpath.normpath(self.rel or "."))

    def open_raw(self) -> IO[bytes]:
        """The bytes as stored (a zip member already inflated by zipfile, with limits)."""
        if self.path is None:
            return sys.stdin.buffer
        return open(self.path, "rb")  # noqa: SIM115  (closed by the caller)


def _packed_size(source: Source) -> int:
    if source.path is None:
        return 0
    with contextlib.suppress(OSError):
        return source.path.stat().st_size
    return 0


def is_zip(head: bytes) -> bool:
    """A zip archive starts with a local file header (or is an empty zip)."""
    return head[:4] in ZIP_MAGIC


def plan(paths: Sequence[str]) -> Iterator[Source]:
    """Every file the PATHs stand for, in a stable order (folders walked, sorted).

    A zip on disk lists its members (read lazily later); zips inside it are opened when
    they are read. Raises `LookupError(path, why)` for a PATH that does not exist or
    cannot be looked at.
    """
    for given in paths:
        if given == "-":
            yield Source("standard input", None, container="-", rel="-", named=True)
            continue
        path = Path(given).expanduser()
        try:
            path.stat()  # a name too long or a folder not readable says so here
        except FileNotFoundError:
            raise LookupError(given, "does not exist") from None
        except OSError as error:
            raise LookupError(given, f"cannot be read: {error.strerror or error}") from None
        if path.is_dir():
            for file in _walk(path):
                rel = file.relative_to(path).as_posix()
                yield from _file_sources(file, f"{given.rstrip('/')}/{rel}", str(path), rel, False)
        elif path.exists():
            yield from _file_sources(path, given, str(path.parent), path.name, True)
        else:
            raise LookupError(given, "does not exist")


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, depth first, sorted; symlinked folders are not followed."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            file = Path(root) / name
            if file.is_file():
                yield file


def _file_sources(
    path: Path, label: str, container: str, rel: str, named: bool
) -> Iterator[Source]:
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:  # reading it again reports the error with the file's name
        yield Source(label, path, container=container, rel=rel, named=named)
        return
    if not is_zip(head):
        yield Source(label, path, container=container, rel=rel, named=named)
        return
    # A zip on disk: its members are the files (a damaged zip is one unreadable file).
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        yield Source(label, path, container=container, rel=rel, named=named)
        return
    for info in infos:
        yield Source(
            f"{label}/{info.filename}",
            path,
            member=info.filename,
            container=str(path),
            rel=info.filename,
        )


@dataclass(frozen=True)
class Item:
    """One leaf file's content, with where it came from."""

    source: Source
    label: str
    key: tuple[str, str]
    data: bytes
    # The file at `source.path` as stored; for an SQLite file `data` is only its head.
    plain: bool = False


class Zips:
    """The zip on disk being read, kept open while its members are read one by one.

    (Opening it again for each member would parse its whole directory each time.)
    """

    def __init__(self) -> None:
        self._path: Path | None = None
        self._zip: zipfile.ZipFile | None = None

    def get(self, path: Path) -> zipfile.ZipFile:
        """The open zip at `path` (the one before it is closed)."""
        if self._zip is None or self._path != path:
            self.close()
            self._zip = zipfile.ZipFile(path)
            self._path = path
        return self._zip

    def close(self) -> None:
        """Close the zip being read, if any."""
        if self._zip is not None:
            self._zip.close()
        self._zip = self._path = None

    def __enter__(self) -> Zips:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read(source: Source, zips: Zips) -> Iterator[Item | tuple[str, Unreadable]]:
    """The leaf files of one source: itself, or the members of the zips it holds.

    Yields `Item`s, or `(label, Unreadable)` for a part that cannot be read; a named
    file that cannot be opened at all raises `Unreadable`.
    """
    try:
        if source.member is None:
            with source.open_raw() as handle:
                head = handle.read(HEAD)
                if source.path is not None and head.startswith(SQLITE_MAGIC):
                    # A journal is opened where it is, read-only: its head is enough here.
                    yield Item(source, source.label, source.key, head, plain=True)
                    return
                content: bytes | IO[bytes] = head + read_limited(
                    handle, _packed_size(source), source.label
                )
        else:
            assert source.path is not None
            archive = zips.get(source.path)
            content = _read_member(archive, archive.getinfo(source.member))
    except Unreadable as error:
        yield (source.label, error)
        return
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError) as error:
        yield (source.label, Unreadable(f"cannot be read: {reason(error)}"))
        return
    plain = source.member is None
    yield from _expand_member(source, source.label, source.key, content, 0, plain)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | IO[bytes]:
    """A member's content: its bytes, or for a zip a spooled copy to read it from."""
    if info.flag_bits & 0x1:
        raise Unreadable("encrypted; runjournal cannot read it")
    packed = max(info.compress_size, 1)
    check_inflation(info.file_size, packed, info.filename)
    with archive.open(info) as member:
        head = read_some(member, HEAD)
        if not is_zip(head):
            return head + read_limited(member, packed, info.filename, len(head))
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX)  # noqa: SIM115
        try:
            spool.write(head)
            copy_limited(member, spool, packed, info.filename, len(head))
        except BaseException:
            spool.close()
            raise
        spool.seek(0)
        return spool


def _expand_member(
    source: Source,
    label: str,
    key: tuple[str, str],
    member: bytes | IO[bytes],
    depth: int,
    plain: bool = False,
) -> Iterator[Item | tuple[str, Unreadable]]:
    """`_expand` for content as `_read_member` gives it (the spool closed after)."""
    if isinstance(member, bytes):
        yield from _expand(source, label, key, member, depth, plain)
        return
    with member:
        if depth >= MAX_DEPTH:  # too deep to open: one leaf, as `_expand` has it
            yield Item(source, label, key, member.read(), False)
        else:
            yield from _expand_zip(source, label, member, depth + 1)


MAX_DEPTH = 4  # zips in zips in zips...: Garmin nests two levels; more is not an export


def _expand(
    source: Source, label: str, key: tuple[str, str], data: bytes, depth: int, plain: bool
) -> Iterator[Item | tuple[str, Unreadable]]:
    if data[:2] == GZIP_MAGIC:
        plain = False
        try:
            data = gunzip(data, label)
        except Unreadable as error:
            yield (label, error)
            return
        except (OSError, EOFError, zlib.error) as error:
            yield (label, Unreadable(f"damaged gzip data ({reason(error)})"))
            return
    if not is_zip(data[:4]) or depth >= MAX_DEPTH:
        yield Item(source, label, key, data, plain and source.path is not None)
        return
    # A zip already in memory (gunzipped, or a damaged zip on disk): read where it is.
    yield from _expand_zip(source, label, io.BytesIO(data), depth + 1)


def _expand_zip(
    source: Source, label: str, stream: IO[bytes], depth: int
) -> Iterator[Item | tuple[str, Unreadable]]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        yield (label, Unreadable(f"damaged zip ({reason(error)})"))
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = f"{label}/{info.filename}"
            try:
                inner = _read_member(archive, info)
            except Unreadable as error:
                yield (name, error)
                continue
            except (OSError, zipfile.BadZipFile, ValueError, RuntimeError) as error:
                yield (name, Unreadable(f"cannot be read: {reason(error)}"))
                continue
            key = (label, posixpath.normpath(info.filename))
            yield from _expand_member(source, name, key, inner, depth)
