"""A zip inside a zip is read from a spool, never held whole in memory."""

from __future__ import annotations

import os
import tracemalloc
import zipfile
from pathlib import Path

from runjournal.formats import archive

LEAF = 4 << 20  # 12 leaves of 4 MiB: a 48 MiB inner zip, past SPOOL_MAX (on disk)
LEAVES = 12


def test_a_nested_zip_is_not_held_in_memory(tmp_path: Path) -> None:
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED) as z:
        for n in range(LEAVES):
            z.writestr(f"activities/{n}.bin", os.urandom(LEAF))
    outer = tmp_path / "export.zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as z:
        z.write(inner, "inner.zip")
    inner.unlink()
    (source,) = archive.plan([str(outer)])
    sizes = []
    tracemalloc.start()
    try:
        with archive.Zips() as zips:
            for part in archive.read(source, zips):
                assert isinstance(part, archive.Item), part
                sizes.append(len(part.data))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sizes == [LEAF] * LEAVES
    # the spool's memory part and a leaf at a time, not the 48 MiB inner zip (twice)
    assert peak < archive.SPOOL_MAX + 3 * LEAF, f"peak {peak / (1 << 20):.1f} MiB"
