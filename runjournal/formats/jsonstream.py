"""An incremental JSON reader: a 100,000-entry export never sits in memory whole."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from ..domain.errors import InputError

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
