"""Problems with the journal file itself (exit code 1), as opposed to bad input."""


class JournalError(Exception):
    """The journal cannot be used: foreign, damaged, newer, locked or not writable."""
