"""An incremental JSON reader: a 100,000-entry export never sits in memory whole."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import IO, Any

from ..domain.errors import InputError

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_CHUNK_CHARS = 1 << 16

# Bounds the reader keeps itself, whatever the file holds. An entry is three levels
# deep (entry, exercises, exercise) and a few kilobytes long; the checklist object,
# read whole, holds every tick ever made.
MAX_DEPTH = 20
MAX_VALUE_CHARS = 64 << 20
# A whole number longer than this is no field's value (int64 has 19 digits): it is read
# as infinity, which every field refuses by name, instead of as a 5,000-digit int
# (which Python refuses with a ValueError of its own, or SQLite with an OverflowError).
MAX_INT_DIGITS = 20


def _bounded_int(text: str) -> int | float:
    if len(text) - text.startswith("-") > MAX_INT_DIGITS:
        return -math.inf if text.startswith("-") else math.inf
    return int(text)


def _depth(value: Any) -> int:
    """How deeply `value` nests lists and objects, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


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
        self._decoder = json.JSONDecoder(parse_int=_bounded_int)
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
        """Decode the next whole value: at most MAX_VALUE_CHARS long, MAX_DEPTH deep."""
        if self.peek() == "":
            raise self._error("the file ends too soon", self._pos)
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
            except RecursionError:
                raise self._too_deep() from None
            except json.JSONDecodeError as error:
                if len(self._buf) - self._pos > MAX_VALUE_CHARS:
                    raise self._error(
                        f"a value longer than {MAX_VALUE_CHARS >> 20} MB", self._pos
                    ) from None
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
            # Counting brackets is quick; the walk runs only on what might be too deep.
            span = self._buf[self._pos : end]
            if span.count("[") + span.count("{") > MAX_DEPTH and _depth(value) > MAX_DEPTH:
                raise self._too_deep()
            self._pos = end
            return value

    def _too_deep(self) -> InputError:
        return self._error(f"lists or objects nested more than {MAX_DEPTH} deep", self._pos)

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
