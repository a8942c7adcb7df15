"""What every command shares: the click group, the context, option bundles, helpers."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, NoReturn, TypeVar

import click

from .. import __version__
from ..domain.entries import KIND_NAMES, Entry, Kind, parse_kind
from ..domain.errors import InputError
from ..domain.settings import Settings
from ..locations import journal_path
from ..services.day import local_today
from ..services.journal import session
from ..store import Journal
from ..text import shown, summary
from .app import open_app

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    """What every command needs: where the journal is, and what day it is."""

    def __init__(self, db: str | None, today: date | None = None) -> None:
        self.path = journal_path(db)
        self.today = today or local_today()
        # Only a date read from the wall clock moves on at midnight in the app; one
        # handed in (tests, `demo --date`) stays put.
        self.clock = None if today else local_today

    @contextlib.contextmanager
    def journal(self) -> Iterator[Journal]:
        """The open journal for one command; afterwards, the day's backup if it is due.

        The first command of each day keeps a copy, as the app does, so people who only
        use the command line get backups too. It runs only after the command succeeded:
        a command that failed has already said the one thing that matters.
        """
        warnings: list[str] = []
        with session(self.path, self.today, warn=warnings) as journal:
            yield journal
        # After success only: a refused command says one thing, its `error:` line.
        for warning in warnings:
            click.echo(f"warning: {shown(warning)}", err=True)


pass_ctx = click.make_pass_decorator(Context)


def fail(field: str, message: str) -> NoReturn:
    raise InputError(field, message)


class PipeClosed(Exception):
    """The reader of our output went away (`runjournal history | head`)."""


# Each top-level command and the module of this package that registers it. A command's
# module is imported only when that command runs (or help lists them all), so
# `runjournal advise` does not pay for the importers, the exports and the edit forms.
COMMAND_MODULES = {
    "advise": "day",
    "backup": "journal",
    "checkin": "entries",
    "checklist": "day",
    "config": "journal",
    "delete": "entries",
    "demo": "journal",
    "edit": "entries",
    "export": "journal",
    "history": "history",
    "import": "importing",
    "log": "entries",
    "stats": "stats",
}


class _Group(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__package__}.{COMMAND_MODULES[cmd_name]}")
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        # Click turns a closed pipe into a silent exit(1); it is not an error, so it is
        # taken out of click's hands here and answered with 0 in `run`.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise PipeClosed from None


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db", metavar="PATH", help="Journal file (default: $RUNJOURNAL_DB, else your data folder)."
)
@click.version_option(__version__, prog_name="runjournal")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """A workout journal for runners who also lift.

    Run without a command to open the app. Log leg days and runs, check in your
    soreness, and ask what today is for.

    \b
    Examples:
      runjournal log leg --duration 60 --rpe 9 --exercise "back squat 5x5@100kg"
      runjournal log run --distance 8km --duration 52:30 --type easy
      runjournal checkin --soreness 5
      runjournal advise
    """
    # `run(argv, today=...)` hands a fixed date in as the context object, so tests
    # pass time as an argument instead of patching the clock.
    ctx.obj = Context(db, ctx.obj if isinstance(ctx.obj, date) else None)
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj.path, ctx.obj.today, demo=False, clock=ctx.obj.clock)


def options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options as one decorator, listed in the order --help shows them."""

    def decorate(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return decorate


common_options = options(
    # the options every entry has
    click.option("--date", "day", metavar="D", help="YYYY-MM-DD, today or yesterday."),
    click.option("--time", metavar="HH:MM", help="Time of day, e.g. 07:30."),
    click.option("--notes", metavar="TEXT", help="Free text, up to 2,000 characters."),
)


def run_options(required: bool) -> Callable[[F], F]:
    """The options of a run: all required for `log run`, all optional for `edit run`."""
    return options(
        click.option(
            "--distance",
            required=required,
            metavar="X",
            help="5, 5km, 3.1mi or 800m (a bare number is in the `units` setting, km by default).",
        ),
        click.option(
            "--duration",
            required=required,
            metavar="T",
            help="52:30, 1:05:00, 45m, 1h05m or minutes.",
        ),
        click.option(
            "--type",
            "run_type",
            metavar="TYPE",
            help="recovery, easy (default), long, tempo, hills, intervals, race.",
        ),
        click.option("--rpe", metavar="N", help="Effort 1-10."),
        click.option("--hr", metavar="BPM", help="Average heart rate, 30-250."),
        common_options,
    )


def leg_options(required: bool) -> Callable[[F], F]:
    """The options of a leg day: as for runs, required only when logging."""
    return options(
        click.option(
            "--duration",
            required=required,
            metavar="MIN",
            help="Minutes, 1-600 (or 1h05m, 45:00...).",
        ),
        click.option("--rpe", required=required, metavar="N", help="Effort 1-10."),
        click.option("--to-failure/--not-to-failure", default=None, help="Sets taken to failure."),
        click.option(
            "--exercise",
            "exercises",
            multiple=True,
            metavar="SPEC",
            help='"NAME SETSxREPS[@WEIGHT]", e.g. "back squat 5x5@100kg" (a bare weight is in '
            "the `weight_units` setting, kg by default). Repeat.",
        ),
        common_options,
    )


def describe(entry: Entry, settings: Settings) -> str:
    """An entry as the confirmation lines show it: date, time and summary, in the
    user's units (shown as text: an exercise's name may hold anything)."""
    what = summary(entry, settings.units, settings.weight_units)
    return shown(f"{entry.date}{' ' + entry.time if entry.time else ''}, {what}")


def choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    """`value` as one of `allowed` (any case), else an input error naming `field`."""
    if value.strip().lower() not in allowed:
        fail(field, f"'{value}' is not one of {', '.join(allowed)}")
    return value.strip().lower()


def entry_id(kind: str, text: str) -> tuple[Kind, int]:
    """The kind and id of an entry as typed on the command line."""
    parsed = parse_kind(kind)
    try:
        number = int(text)
    except ValueError:
        fail("id", f"'{text}' is not an entry id; ids are numbers, see `runjournal history`")
    if not 1 <= number <= 2**63 - 1:  # SQLite's integers; anything else is no entry
        fail("id", f"{text} is not an entry id; ids are numbers from 1, see `runjournal history`")
    return parsed, number


def load_entry(journal: Journal, kind: Kind, number: int) -> Entry:
    """The entry to edit or delete, or an input error when there is none."""
    entry = journal.get(kind, number)
    if entry is None:
        fail("id", f"there is no {KIND_NAMES[kind]} with id {number}; see `runjournal history`")
    return entry
