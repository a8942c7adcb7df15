"""What `import` is pointed at, walked: the exact sources, items and refusals."""

from __future__ import annotations

import gzip
import io
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest

from runjournal.formats.archive import Item, Source, Zips, plan, read
from runjournal.formats.found import Unreadable
from runjournal.formats.limits import gunzip


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _read(source: Source) -> list[Any]:
    with Zips() as zips:
        return [
            (got[0], str(got[1])) if isinstance(got, tuple) else got for got in read(source, zips)
        ]


def test_standard_input_is_one_named_source() -> None:
    stdin = Source("standard input", None, container="-", rel="-", named=True)
    assert list(plan(["-", "-"])) == [stdin, stdin]


def test_a_missing_path_is_looked_up_by_the_name_given(tmp_path: Path) -> None:
    with pytest.raises(LookupError) as missing:
        list(plan([str(tmp_path / "nope.json")]))
    assert missing.value.args == (str(tmp_path / "nope.json"), "does not exist")


def test_a_path_under_a_file_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    given = str(tmp_path / "plain" / "x.json")
    with pytest.raises(LookupError) as refused:
        list(plan([given]))
    assert refused.value.args == (given, "cannot be read: Not a directory")


def test_a_folder_is_walked_sorted_and_a_file_named_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "inX"  # a name ending in X: only the slash is trimmed
    (folder / "sub").mkdir(parents=True)
    for rel in ("b.json", "a.json", "sub/c.json"):
        (folder / rel).write_text("[]", encoding="utf-8")
    assert list(plan([f"{folder}/", str(folder / "a.json")])) == [
        Source(f"{folder}/a.json", folder / "a.json", container=str(folder), rel="a.json"),
        Source(f"{folder}/b.json", folder / "b.json", container=str(folder), rel="b.json"),
        Source(
            f"{folder}/sub/c.json", folder / "sub/c.json", container=str(folder), rel="sub/c.json"
        ),
        Source(str(folder / "a.json"), folder / "a.json", container=str(folder), rel="a.json",
               named=True),
    ]  # fmt: skip


def test_a_zip_lists_its_members_and_a_damaged_zip_is_one_file(tmp_path: Path) -> None:
    good = tmp_path / "export.zip"
    good.write_bytes(_zip({"dir/": b"", "dir/a.gpx": b"<gpx/>", "b.json": b"[]"}))
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 and nothing a zip holds")
    assert list(plan([str(good), str(bad)])) == [
        Source(f"{good}/dir/a.gpx", good, member="dir/a.gpx", container=str(good),
               rel="dir/a.gpx"),
        Source(f"{good}/b.json", good, member="b.json", container=str(good), rel="b.json"),
        Source(str(bad), bad, container=str(tmp_path), rel="bad.zip", named=True),
    ]  # fmt: skip


def test_a_file_is_one_plain_item_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    data = b"[" + b" " * 6000 + b"]"  # longer than the head read first
    path.write_bytes(data)
    source = Source("big.json", path, container=str(tmp_path), rel="big.json", named=True)
    assert _read(source) == [Item(source, "big.json", (str(tmp_path), "big.json"), data, True)]


def test_a_journal_file_is_read_only_as_far_as_its_head(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table t (x)")
        conn.executemany("insert into t values (?)", [("x" * 100,)] * 200)
    conn.close()
    data = path.read_bytes()
    assert len(data) > 8192
    source = Source("j.db", path, container=str(tmp_path), rel="j.db", named=True)
    assert _read(source) == [Item(source, "j.db", (str(tmp_path), "j.db"), data[:4096], True)]


def test_a_gzipped_file_is_inflated_and_no_longer_plain(tmp_path: Path) -> None:
    path = tmp_path / "a.json.gz"
    path.write_bytes(gzip.compress(b"[1]") + gzip.compress(b"[2]"))
    source = Source("a.json.gz", path, container=str(tmp_path), rel="a.json.gz", named=True)
    assert _read(source) == [Item(source, "a.json.gz", source.key, b"[1][2]", False)]


def test_damaged_gzip_data_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.gz"
    path.write_bytes(gzip.compress(b"[1, 2, 3]" * 100)[:-20])
    source = Source("a.gz", path, container=str(tmp_path), rel="a.gz", named=True)
    got = _read(source)
    assert got == [("a.gz", "damaged gzip data (Compressed file ended before the end-of-stream "
                             "marker was reached)")]  # fmt: skip
    with pytest.raises(Unreadable) as damaged:
        gunzip(gzip.compress(b"[]")[:-3], "x")
    assert str(damaged.value) == got[0][1]


def test_members_of_zips_in_zips_are_labelled_and_keyed(tmp_path: Path) -> None:
    inner = _zip({"in.gpx": b"<gpx/>"})
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip({"a/inner.zip": inner, "gz.zip.gz": gzip.compress(inner)}))
    source = Source(f"{path}/a/inner.zip", path, member="a/inner.zip", container=str(path),
                    rel="a/inner.zip")  # fmt: skip
    label = f"{path}/a/inner.zip"
    assert _read(source) == [Item(source, f"{label}/in.gpx", (label, "in.gpx"), b"<gpx/>")]
    gz = Source(f"{path}/gz.zip.gz", path, member="gz.zip.gz", container=str(path),
                rel="gz.zip.gz")  # fmt: skip
    label = f"{path}/gz.zip.gz"
    assert _read(gz) == [Item(gz, f"{label}/in.gpx", (label, "in.gpx"), b"<gpx/>")]


def _nested(levels: int) -> bytes:
    data = b"<gpx/>"
    name = "leaf.gpx"
    for level in range(levels):
        data, name = _zip({name: data}), f"z{level}.zip"
    return data


@pytest.mark.parametrize(
    ("gzipped", "levels", "last"),
    [
        (False, 5, "z3.zip/z2.zip/z1.zip/z0.zip/leaf.gpx"),  # zips on disk: copied out
        (False, 6, "z4.zip/z3.zip/z2.zip/z1.zip/z0.zip"),
        (True, 4, "z2.zip/z1.zip/z0.zip/leaf.gpx"),  # a gzipped zip: read in memory
        (True, 5, "z3.zip/z2.zip/z1.zip/z0.zip"),
    ],
)
def test_zips_in_zips_open_four_deep_and_no_deeper(
    tmp_path: Path, gzipped: bool, levels: int, last: str
) -> None:
    path = tmp_path / "deep.zip"
    if gzipped:
        path.write_bytes(gzip.compress(_nested(levels)))
        source = Source("deep", path, container=str(tmp_path), rel="deep.zip", named=True)
    else:
        path.write_bytes(_nested(levels))
        [source] = plan([str(path)])
    [item] = _read(source)
    assert item.label == f"{'deep' if gzipped else path}/{last}"
    assert item.data[:4] == (b"PK\x03\x04" if last.endswith(".zip") else b"<gpx")
    assert item.plain is False


def test_a_missing_member_and_a_damaged_inner_zip(tmp_path: Path) -> None:
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip({"bad.zip": b"PK\x03\x04 nothing", "ok.json": b"[]"}))
    missing = Source("outer/nope", path, member="nope", container=str(path), rel="nope")
    assert _read(missing) == [
        ("outer/nope", "cannot be read: \"There is no item named 'nope' in the archive\"")
    ]
    bad = Source("outer/bad.zip", path, member="bad.zip", container=str(path), rel="bad.zip")
    assert _read(bad) == [("outer/bad.zip", "damaged zip (File is not a zip file)")]


def test_one_zips_reads_members_of_two_zips_in_turn(tmp_path: Path) -> None:
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    first.write_bytes(_zip({"a.json": b"[1]"}))
    second.write_bytes(_zip({"b.json": b"[2]"}))
    sources = list(plan([str(first), str(second), str(first)]))
    with Zips() as zips:
        got = [item.data for source in sources for item in read(source, zips)]  # type: ignore[union-attr]
    assert got == [b"[1]", b"[2]", b"[1]"]


def test_an_encrypted_member_is_refused_by_name(tmp_path: Path) -> None:
    data = bytearray(_zip({"secret.gpx": b"<gpx/>", "zip.zip": _zip({"s.gpx": b"x"})}))
    # zipfile writes no encrypted members: set the flag in both headers of the first.
    for header, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.index(header) + offset] |= 0x1
    path = tmp_path / "e.zip"
    path.write_bytes(bytes(data))
    [source, _] = plan([str(path)])
    assert _read(source) == [(f"{path}/secret.gpx", "encrypted; runjournal cannot read it")]


def test_folders_inside_an_inner_zip_are_skipped_not_the_end(tmp_path: Path) -> None:
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip({"in.zip": _zip({"d/": b"", "d/a.gpx": b"<gpx/>"})}))
    [source] = plan([str(path)])
    assert [item.label for item in _read(source)] == [f"{path}/in.zip/d/a.gpx"]


def test_a_long_reason_is_cut_at_120_characters(tmp_path: Path) -> None:
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip({"ok.json": b"[]"}))
    name = "n" * 200
    missing = Source("outer/n", path, member=name, container=str(path), rel=name)
    [(label, why)] = _read(missing)
    assert why == "cannot be read: " + f"\"There is no item named '{name}' in the archive\""[:120]


def test_bad_members_of_an_inner_zip_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    inner = bytearray(_zip({"secret.gpx": b"<gpx/>", "torn.gpx": b"<gpx/>", "ok.json": b"[]"}))
    inner[6] |= 0x1  # the first member's local header says encrypted...
    inner[inner.index(b"PK\x01\x02") + 8] |= 0x1  # ...and so does its directory entry
    torn = inner.index(b"PK\x03\x04", 4)
    inner[torn : torn + 4] = b"XX\x03\x04"  # the second member's header is torn
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip({"in.zip": bytes(inner)}))
    [source] = plan([str(path)])
    label = f"{path}/in.zip"
    got = _read(source)
    assert got[:2] == [
        (f"{label}/secret.gpx", "encrypted; runjournal cannot read it"),
        (f"{label}/torn.gpx", "cannot be read: Bad magic number for file header"),
    ]
    assert [item.label for item in got[2:]] == [f"{label}/ok.json"]
