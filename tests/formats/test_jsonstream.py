"""The streaming JSON reader: its bounds, its error positions at any chunk size, its reads."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import pytest

from runjournal.domain.errors import InputError
from runjournal.formats import jsonstream
from runjournal.formats.jsonstream import JsonStream


def _stream(text: str, chunk: int = 1 << 16) -> JsonStream:
    return JsonStream(io.StringIO(text), "f.json", chunk_chars=chunk)


def _error(call: Any) -> str:
    with pytest.raises(InputError) as refused:
        call()
    assert refused.value.field == "FILE"
    prefix = "f.json is not valid JSON: "
    assert refused.value.message.startswith(prefix)
    return refused.value.message[len(prefix) :]


def _items(stream: JsonStream) -> list[Any]:
    return list(stream.array_items())


def _keys(stream: JsonStream) -> list[str]:
    keys = []
    for key in stream.object_keys():
        keys.append(key)
        stream.value()
    return keys


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("9" * 20, 10**20 - 1),
        ("-" + "9" * 20, -(10**20 - 1)),
        ("9" * 21, math.inf),
        ("-" + "9" * 21, -math.inf),
    ],
)
def test_whole_numbers_past_twenty_digits_read_as_infinity(text: str, digits: float) -> None:
    assert _items(_stream(f"[{text}]")) == [digits]


NESTED_20 = "[" * 20 + "]" * 20


@pytest.mark.parametrize(
    "text",
    [
        NESTED_20,
        f"[{NESTED_20[1:-1]}, []]",  # 21 brackets, 20 deep
        '{"a": ' * 19 + "[]" + "}" * 19,
    ],
)
def test_twenty_levels_deep_is_read(text: str) -> None:
    assert _stream(text).value() is not None


@pytest.mark.parametrize(
    "text",
    [
        "[" * 21 + "]" * 21,
        '{"a": ' * 21 + "1" + "}" * 21,
        f"[1, {'[' * 21}{']' * 21}]",
        "[" * 100_000 + "]" * 100_000,  # deeper than Python's recursion limit
    ],
)
def test_deeper_than_twenty_is_refused_where_the_value_starts(text: str) -> None:
    assert _error(_stream(text).value) == (
        "lists or objects nested more than 20 deep (line 1, column 1)"
    )


@pytest.mark.parametrize(
    ("call", "text", "what"),
    [
        (_items, "{}", "expecting '[' (line 1, column 1)"),
        (_keys, " []", "expecting '{' (line 1, column 2)"),
        (_keys, '{"a" 1}', "expecting ':' (line 1, column 6)"),
        (_keys, '{"a": 1', "the file ends too soon (line 1, column 8)"),
        (_keys, '{"a": 1 "b": 2}', "expecting ',' or '}' (line 1, column 9)"),
        (_items, "[1, 2", "the file ends too soon (line 1, column 6)"),
        (_items, "[1 2]", "expecting ',' or ']' (line 1, column 4)"),
        (_items, "\nx", "expecting '[' (line 2, column 1)"),
        (_items, "[1,\n 2,\n  x]", "expecting value (line 3, column 3)"),
        (_items, '[1, 2,\n "abc", 3, 4, 5 x]', "expecting ',' or ']' (line 2, column 17)"),
        (_items, "[1, 2, 3, 4, 5, 6, x]", "expecting value (line 1, column 20)"),
    ],
)
@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 1 << 16])
def test_errors_say_where_at_any_chunk_size(call: Any, text: str, what: str, chunk: int) -> None:
    assert _error(lambda: call(_stream(text, chunk))) == what


@pytest.mark.parametrize("text", ["{}", "{ }", " {\n}"])
def test_an_empty_object_has_no_keys(text: str) -> None:
    stream = _stream(text + " ")
    assert _keys(stream) == []
    stream.end()


def test_a_long_list_is_read_a_chunk_at_a_time() -> None:
    handle = io.StringIO("[1, 2, " + "3, " * 10_000 + '"x"]')
    stream = JsonStream(handle, "f.json", chunk_chars=16)
    items = stream.array_items()
    assert (next(items), next(items)) == (1, 2)
    assert handle.tell() <= 64  # not the whole file
    strings = io.StringIO('["ab", "cd", ' + '"ef", ' * 10_000 + "1]")
    stream = JsonStream(strings, "f.json", chunk_chars=16)
    assert next(stream.array_items()) == "ab"
    assert strings.tell() <= 64


def test_a_value_longer_than_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonstream, "MAX_VALUE_CHARS", 2 << 20)
    fits = '["' + "a" * (1 << 20) + '", "' + "b" * (1 << 20) + '"]'
    assert [len(s) for s in _items(_stream(fits, 1 << 10))] == [1 << 20, 1 << 20]
    too_long = '[1, "' + "a" * (3 << 20)
    assert _error(lambda: _items(_stream(too_long, 1 << 10))) == (
        "a value longer than 2 MB (line 1, column 5)"
    )


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b'["caf\xe9"]')
    with path.open(encoding="utf-8") as handle, pytest.raises(InputError) as refused:
        _items(JsonStream(handle, "x.json"))
    assert (refused.value.field, refused.value.message) == (
        "FILE", "x.json is not UTF-8 text; import reads JSON exports"
    )  # fmt: skip


def test_a_file_that_cannot_be_read() -> None:
    with open("/proc/self/mem", encoding="utf-8") as handle, pytest.raises(InputError) as refused:
        _items(JsonStream(handle, "mem"))
    assert (refused.value.field, refused.value.message) == (
        "FILE", "cannot read mem: Input/output error"
    )  # fmt: skip
