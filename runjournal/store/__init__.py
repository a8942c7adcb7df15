"""The journal's storage: the only package that speaks SQL.

Import from here: `Journal` and its errors. Opening a journal that is up to date uses
plain sqlite3; sqlite-utils is loaded only to run a migration (or for `Journal.db`).
"""

from .connection import BUSY_TIMEOUT_S
from .errors import JournalError, as_journal_error, translate_errors
from .journal import Journal, new_uid

__all__ = [
    "BUSY_TIMEOUT_S",
    "Journal",
    "JournalError",
    "as_journal_error",
    "new_uid",
    "translate_errors",
]
