"""The journal's storage: the only package that speaks SQL."""

from .errors import JournalError
from .journal import Journal

__all__ = ["Journal", "JournalError"]
