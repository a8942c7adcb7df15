"""The command line: parse, call the services, print. No Textual here.

`runjournal.cli:main` is the installed entry point. `runjournal` alone (or with only
`--db PATH`) opens the app straight away: that door skips click and the modules of the
commands, so the app starts as fast as Textual allows. Everything else goes through the
click group in `base`, whose commands the modules imported by `commands` register.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; map every failure to `error: ...` and exit code 2 (input) or 1 (journal)."""
    sys.exit(run(argv))


def run(argv: list[str] | None = None, *, today: date | None = None) -> int:
    """Run the CLI on `argv` (default: sys.argv) and return the exit code.

    Args:
        argv: the arguments after `runjournal`.
        today: the local date to act on; None reads the clock.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    db = _app_only(args)
    if db is not None:
        from ..locations import journal_path
        from ..services.day import local_today
        from .app import open_app

        # A date handed in (tests) stays put; the wall clock moves on at midnight.
        clock = None if today else local_today
        open_app(journal_path(db or None), today or local_today(), demo=False, clock=clock)
        return 0
    from .commands import run as run_command

    return run_command(args, today=today)


def _app_only(args: list[str]) -> str | None:
    """The `--db` value ("" when none) when `args` only open the app, else None."""
    if not args:
        return ""
    if len(args) == 2 and args[0] == "--db" and args[1]:
        return args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > 5:
        return args[0][5:]
    return None


def __getattr__(name: str) -> Any:
    # `from runjournal.cli import cli`: the click group, built on first use.
    if name == "cli":
        from .commands import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["cli", "main", "run"]
