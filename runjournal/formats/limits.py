"""The inflation limits (SPEC §7): a stream is read in chunks and refused as it grows.

No member or stream may inflate past 1 GiB, nor past 100 times its packed size once it
is over 10 MB. Headers are checked too, but never trusted alone: the count is of the
bytes that actually came out.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from typing import Protocol

from .found import Unreadable

MAX_INFLATED = 1 << 30  # 1 GiB: no member or stream may inflate past this
RATIO_FLOOR = 10 * 1000 * 1000  # past 10 MB, a member may not exceed RATIO x its packed size
RATIO = 100
CHUNK = 1 << 20


class Readable(Protocol):
    """Anything with `read(size)`: a file, a gzip or zip member stream, stdin."""

    def read(self, size: int = -1, /) -> bytes:
        """Up to `size` bytes; b"" at the end."""
        ...


class Writable(Protocol):
    """Anything with `write(data)`: a spooled temporary file."""

    def write(self, data: bytes, /) -> int:
        """Write `data`."""
        ...


def read_some(handle: Readable, size: int) -> bytes:
    """Up to `size` bytes of `handle`; a damaged stream is `Unreadable`."""
    try:
        return handle.read(size)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as error:
        raise Unreadable(f"damaged ({reason(error)})") from None


def read_limited(handle: Readable, packed: int, name: str, total: int = 0) -> bytes:
    """Everything `handle` gives, in chunks, refused past the inflation limits.

    `packed` is the stored size the stream inflates from (0: unknown, as on stdin);
    `total` the bytes of it already read.
    """
    parts: list[bytes] = []
    while chunk := read_some(handle, CHUNK):
        total += len(chunk)
        check_inflation(total, packed, name)
        parts.append(chunk)
    return b"".join(parts)


def copy_limited(handle: Readable, out: Writable, packed: int, name: str, total: int = 0) -> None:
    """`read_limited`, written to `out` chunk by chunk instead of held."""
    while chunk := read_some(handle, CHUNK):
        total += len(chunk)
        check_inflation(total, packed, name)
        out.write(chunk)


def check_inflation(total: int, packed: int, name: str) -> None:
    """Refuse a stream that has inflated past 1 GiB, or 100x its packed size past 10 MB."""
    if total > MAX_INFLATED:
        raise Unreadable("refused: it would inflate past 1 GiB")
    if total > RATIO_FLOOR and packed and total > RATIO * packed:
        raise Unreadable(f"refused: it inflates to more than {RATIO} times its packed size")


def reason(error: BaseException) -> str:
    """A library's error as a short clause for a message."""
    text = str(error) or type(error).__name__
    return text.split(" -- ")[0][:120]


def gunzip(data: bytes, name: str) -> bytes:
    """The content of a gzip stream (several members are joined, as gzip does)."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        try:
            return read_limited(stream, len(data), name)
        except Unreadable as error:
            if "damaged" in str(error):
                raise Unreadable(f"damaged gzip data ({str(error)[9:-1]})") from None
            raise
