"""The command line: parse, call the services, print. No Textual here.

Each module registers its commands on the group in `base`; importing them here makes
the whole command line. `runjournal.cli:main` is the installed entry point.
"""

from . import day, entries, history, importing, journal  # noqa: F401  (they register commands)
from .base import cli
from .main import main, run

__all__ = ["cli", "main", "run"]
