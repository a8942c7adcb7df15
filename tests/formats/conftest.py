"""Fixtures shared by the tests of other apps' files and our own."""

from __future__ import annotations

import locale
from collections.abc import Iterator

import pytest


@pytest.fixture
def ascii_locale() -> Iterator[None]:
    """A person whose locale says ASCII (LANG=C): files are still read and written as UTF-8."""
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        yield
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
