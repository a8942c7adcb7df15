"""A real full disk for the tests of running out of space: a small tmpfs of its own.

Mounting needs root and mount(8); where either is missing the test is skipped, never
faked. The file system is unmounted whatever the test does.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """`folder` (made here) on a tmpfs of `size` ("64k"), empty."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root?)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Write zeros into `folder/filler` until the disk has no room left."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError as error:  # ENOSPC: the disk is full
        if error.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)
