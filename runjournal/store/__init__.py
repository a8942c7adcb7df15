"""The journal's storage: the only package that speaks SQL."""

from .errors import JournalError
from .journal import BUSY_TIMEOUT_S, Journal, as_journal_error, new_uid, translate_errors

__all__ = [
    "BUSY_TIMEOUT_S",
    "Journal",
    "JournalError",
    "as_journal_error",
    "new_uid",
    "translate_errors",
]
