"""The click group and every failure mapped to a line and an exit code.

The commands themselves live in the modules that `base.COMMAND_MODULES` names; the group
imports one only when its command is asked for.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import date

import click

from ..domain.errors import InputError
from ..store import JournalError, as_journal_error
from ..text import shown
from .base import PipeClosed, cli

_LINE_BREAKS = str.maketrans(
    {
        "\n": "\\n",
        "\r": "\\r",
        "\x0b": "\\v",
        "\x0c": "\\f",
        "\x85": "\\x85",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


_MOST = 600


def say_error(message: str) -> None:
    """Print `error: message` as exactly one line, whatever the input it quotes held.

    Line breaks a user typed are shown escaped (`\\n`), every other control character
    as `shown` escapes it (ESC as `^[`), and bytes that are not text (a file name from
    another encoding) as backslash escapes, so nothing can split it, crash it or reach
    the terminal raw.
    """
    line = shown(message.translate(_LINE_BREAKS))
    line = line.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(line) > _MOST:  # a 100 kB value quoted back helps nobody
        line = line[: _MOST // 2] + " … " + line[-_MOST // 4 :]
    click.echo(f"error: {line}", err=True)


def run(argv: list[str] | None = None, *, today: date | None = None) -> int:
    """Run the CLI on `argv` (default: sys.argv) and return the exit code.

    Args:
        argv: the arguments after `runjournal`.
        today: the local date to act on; None reads the clock.
    """
    try:
        cli.main(args=argv, prog_name="runjournal", standalone_mode=False, obj=today)
    except InputError as error:
        say_error(f"{error}")
        return 2
    except click.exceptions.Exit as done:
        return int(done.exit_code or 0)
    except click.exceptions.Abort:
        say_error("aborted")
        return 2
    except click.exceptions.NoArgsIsHelpError as error:
        # `runjournal log` alone: one line naming the commands, not the whole help page.
        group = error.ctx.command if error.ctx is not None else None
        names = ", ".join(group.list_commands(error.ctx)) if isinstance(group, click.Group) else ""
        path = error.ctx.command_path if error.ctx is not None else "runjournal"
        say_error(f"{path} needs a command: {names} (see `{path} --help`)")
        return 2
    except click.ClickException as error:
        where = getattr(error, "ctx", None)
        hint = f" (see `{where.command_path} --help`)" if where is not None else ""
        say_error(f"{error.format_message()}{hint}")
        return 2
    except JournalError as error:
        say_error(f"{error}")
        return 1
    except sqlite3.Error as error:  # outside Context.journal(): still no traceback
        say_error(f"{as_journal_error(error, 'journal')}")
        return 1
    except (PipeClosed, BrokenPipeError):
        # `runjournal history | head`: the reader left; that is not an error. Point
        # stdout at /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is not a real file (tests): nothing to flush
            pass
        finally:
            os.close(devnull)
        return 0
    except OSError as error:
        # A file the command was pointed at cannot be used (name too long, disk full...).
        where = f" {error.filename}" if error.filename else ""
        say_error(f"cannot use{where}: {error.strerror or error}")
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
