"""The command line: parse, call the domain and the store, print. No Textual here."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from . import __version__
from .domain import parse as p
from .domain.entries import (
    KIND_NAMES,
    Entry,
    build_checkin,
    build_leg_day,
    build_run,
    parse_exercise,
    parse_kind,
    validate,
)
from .domain.errors import InputError
from .domain.settings import KEYS, Settings
from .locations import journal_path
from .output import csv_lines, history_table, render_advice, render_checklist
from .store import Journal, JournalError, as_journal_error, translate_errors
from .today import day_view, local_today

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    """What every command needs: where the journal is, and what day it is."""

    def __init__(self, db: str | None, today: date | None = None) -> None:
        self.path = journal_path(db)
        self.today = today or local_today()

    @contextlib.contextmanager
    def journal(self) -> Iterator[Journal]:
        """The open journal for one command; afterwards, the day's backup if it is due.

        The first command of each day keeps a copy, as the app does, so people who only
        use the command line get backups too. It runs only after the command succeeded:
        a command that failed has already said the one thing that matters.
        """
        # A statement that fails after the journal opened (locked past the busy timeout,
        # disk full, a damaged page) is still a journal problem, named by its path.
        with Journal.open(self.path) as journal, translate_errors(self.path):
            yield journal
        from .store.backups import backup_folder, daily_backup

        if daily_backup(self.path, self.today) is None:
            click.echo(
                f"warning: today's backup could not be written to "
                f"{click.format_filename(backup_folder(self.path))}",
                err=True,
            )


pass_ctx = click.make_pass_decorator(Context)


def fail(field: str, message: str) -> NoReturn:
    raise InputError(field, message)


class _PipeClosed(Exception):
    """The reader of our output went away (`runjournal history | head`)."""


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        # Click turns a closed pipe into a silent exit(1); it is not an error, so it is
        # taken out of click's hands here and answered with 0 in `run`.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed from None


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
        _open_app(ctx.obj.path, ctx.obj.today, demo=False)


def _open_app(path: Path, today: date, *, demo: bool) -> None:
    # Imported here so that every other command starts without loading Textual.
    from .tui.launch import launch

    launch(path, today, demo=demo)


@cli.command()
@click.option("--date", "day", metavar="D", help="Pretend today is D (YYYY-MM-DD).")
@pass_ctx
def demo(ctx: Context, day: str | None) -> None:
    """Open the app on a throw-away journal with ~12 weeks of history."""
    today = p.parse_date(day, ctx.today, allow_future=True) if day else ctx.today
    _open_app(ctx.path, today, demo=True)


# Logging -------------------------------------------------------------------------


def options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options as one decorator, listed in the order --help shows them."""

    def decorate(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return decorate


common_options = options(
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
            help="5, 5km, 3.1mi or 800m (km by default).",
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
            help='"NAME SETSxREPS[@WEIGHT]", e.g. "back squat 5x5@100kg". Repeat.',
        ),
        common_options,
    )


@cli.group()
def log() -> None:
    """Add a run or a leg day."""


@log.command("run")
@run_options(required=True)
@pass_ctx
def log_run(
    ctx: Context,
    distance: str,
    duration: str,
    run_type: str | None,
    rpe: str | None,
    hr: str | None,
    day: str | None,
    time: str | None,
    notes: str | None,
) -> None:
    """Log a run: --distance and --duration are required."""
    run = build_run(
        today=ctx.today,
        distance=distance,
        duration=duration,
        type=run_type,
        rpe=rpe,
        hr=hr,
        date=day,
        time=time,
        notes=notes,
    )
    with ctx.journal() as journal:
        stored = journal.add(run)
        advice = day_view(journal, ctx.today).advice
        units = journal.settings().units
    click.echo(f"Logged run {stored.id}: {describe(stored, units)}.")
    if run.date == ctx.today and advice.discourages(run.type):
        click.echo(f"Note: today's advice is {advice.status}; see `runjournal advise`.")


@log.command("leg")
@leg_options(required=True)
@pass_ctx
def log_leg(
    ctx: Context,
    duration: str,
    rpe: str,
    to_failure: bool | None,
    exercises: tuple[str, ...],
    day: str | None,
    time: str | None,
    notes: str | None,
) -> None:
    """Log a leg day: --duration and --rpe are required."""
    leg = build_leg_day(
        today=ctx.today,
        duration=duration,
        rpe=rpe,
        to_failure=bool(to_failure),
        exercises=exercises,
        date=day,
        time=time,
        notes=notes,
    )
    with ctx.journal() as journal:
        stored = journal.add(leg)
        units = journal.settings().units
    click.echo(f"Logged leg day {stored.id}: {describe(stored, units)}.")


@cli.command()
@click.option(
    "--soreness",
    required=True,
    metavar="N",
    help="Leg soreness 0-10 (0 none, 5 sore, 8+ too sore to walk).",
)
@click.option("--date", "day", metavar="D", help="YYYY-MM-DD, today or yesterday.")
@click.option("--notes", metavar="TEXT", help="Free text, up to 2,000 characters.")
@pass_ctx
def checkin(ctx: Context, soreness: str, day: str | None, notes: str | None) -> None:
    """Record today's leg soreness (a second check-in replaces the first)."""
    entry = build_checkin(today=ctx.today, soreness=soreness, date=day, notes=notes)
    with ctx.journal() as journal:
        replaced = journal.checkin_on(entry.date) is not None
        stored = journal.add(entry)
        view = day_view(journal, entry.date)
    verb = "Replaced" if replaced else "Recorded"
    click.echo(f"{verb} check-in for {stored.date}: soreness {entry.soreness}/10.")
    click.echo(f"Advice for {stored.date}: {view.advice.status}.")


# Advice and checklist ------------------------------------------------------------


def _target_day(ctx: Context, day: str | None) -> date:
    return p.parse_date(day, ctx.today, allow_future=True) if day else ctx.today


@cli.command()
@click.option("--date", "day", metavar="D", help="The day to advise on (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (SPEC §3).")
@pass_ctx
def advise(ctx: Context, day: str | None, as_json: bool) -> None:
    """Say what today (or D) is for, and why."""
    target = _target_day(ctx, day)
    with ctx.journal() as journal:
        view = day_view(journal, target)
    if as_json:
        click.echo(json.dumps(view.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_advice(view, ctx.today))


@cli.group(invoke_without_command=True)
@click.option("--date", "day", metavar="D", help="The day (default today).")
@click.option("--json", "as_json", is_flag=True, help='Print [{"id","label","done"}].')
@click.pass_context
def checklist(click_ctx: click.Context, day: str | None, as_json: bool) -> None:
    """Show the warm-up checklist; `tick ID` / `untick ID` mark items."""
    if click_ctx.invoked_subcommand is not None:
        return
    ctx: Context = click_ctx.obj
    target = _target_day(ctx, day)
    with ctx.journal() as journal:
        view = day_view(journal, target)
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in view.checklist], ensure_ascii=False, indent=2))
    else:
        click.echo(render_checklist(view))


def _tick(ctx: Context, item_id: str, day: str | None, done: bool) -> None:
    target = _target_day(ctx, day)
    with ctx.journal() as journal:
        view = day_view(journal, target)
        ids = [c.id for c in view.checklist]
        if item_id not in ids:
            fail(
                "id",
                f"'{item_id}' is not on the {view.advice.status} checklist for "
                f"{target}; use one of {', '.join(ids)}",
            )
        journal.set_tick(target, item_id, done)
        view = day_view(journal, target)
    done_count = sum(c.done for c in view.checklist)
    click.echo(
        f"{'Ticked' if done else 'Unticked'} {item_id} "
        f"({done_count}/{len(view.checklist)} done for {target})."
    )


@checklist.command()
@click.argument("item_id", metavar="ID")
@click.option("--date", "day", metavar="D", help="The day (default today).")
@pass_ctx
def tick(ctx: Context, item_id: str, day: str | None) -> None:
    """Mark a checklist item done."""
    _tick(ctx, item_id, day, True)


@checklist.command()
@click.argument("item_id", metavar="ID")
@click.option("--date", "day", metavar="D", help="The day (default today).")
@pass_ctx
def untick(ctx: Context, item_id: str, day: str | None) -> None:
    """Mark a checklist item not done."""
    _tick(ctx, item_id, day, False)


# History, edit, delete -----------------------------------------------------------


@cli.command()
@click.option("--kind", default="all", metavar="KIND", help="run, leg, checkin or all.")
@click.option("--since", metavar="D", help="Only entries on or after D.")
@click.option("--until", metavar="D", help="Only entries on or before D.")
@click.option("--format", "fmt", default="table", metavar="FORMAT", help="table, json or csv.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N entries.")
@pass_ctx
def history(
    ctx: Context, kind: str, since: str | None, until: str | None, fmt: str, limit: int | None
) -> None:
    """List entries, newest first."""
    kinds = _kinds(kind)
    first = p.parse_date(since, ctx.today, field="since", allow_future=True) if since else None
    last = p.parse_date(until, ctx.today, field="until", allow_future=True) if until else None
    if first and last and first > last:
        fail("since", f"{first} is after --until {last}")
    fmt = _choice("format", fmt, ("table", "json", "csv"))
    with ctx.journal() as journal:
        units = journal.settings().units
        entries: Iterator[Entry] = journal.history(kinds, since=first, until=last)
        if limit is not None:
            entries = (e for n, e in zip(range(limit), entries, strict=False))
        if fmt == "json":
            _echo_json_list(history_dict(e) for e in entries)
        elif fmt == "csv":
            for line in csv_lines(entries, with_uid=False):
                click.echo(line, nl=False)
        else:
            rows = list(entries)
            if not rows:
                click.echo("No entries yet. Try `runjournal log run --distance 5 --duration 30`.")
            else:
                click.echo(history_table(rows, units))


def history_dict(entry: Entry, *, with_uid: bool = False) -> dict[str, Any]:
    from .domain.entries import to_dict

    data = to_dict(entry)
    if with_uid:
        data["uid"] = entry.uid
    return data


def _echo_json_list(items: Iterator[dict[str, Any]]) -> None:
    """Print a JSON list one item at a time, so large histories stream."""
    first = True
    for item in items:
        click.echo(("[\n  " if first else ",\n  ") + json.dumps(item, ensure_ascii=False), nl=False)
        first = False
    click.echo("[]" if first else "\n]")


def _kinds(kind: str) -> list[Any]:
    if kind.strip().lower() == "all":
        return ["run", "leg", "checkin"]
    return [parse_kind(kind)]


def _choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    if value.strip().lower() not in allowed:
        fail(field, f"'{value}' is not one of {', '.join(allowed)}")
    return value.strip().lower()


def _entry_id(kind: str, entry_id: str) -> tuple[Any, int]:
    parsed = parse_kind(kind)
    try:
        number = int(entry_id)
    except ValueError:
        fail("id", f"'{entry_id}' is not an entry id; ids are numbers, see `runjournal history`")
    if not 1 <= number <= 2**63 - 1:  # SQLite's integers; anything else is no entry
        fail(
            "id", f"{entry_id} is not an entry id; ids are numbers from 1, see `runjournal history`"
        )
    return parsed, number


@cli.group(invoke_without_command=False)
def edit() -> None:
    """Fix an entry: KIND ID and the options to change (as for `log`)."""


def _load_for_edit(journal: Journal, kind: Any, entry_id: int) -> Entry:
    entry = journal.get(kind, entry_id)
    if entry is None:
        fail("id", f"there is no {KIND_NAMES[kind]} with id {entry_id}; see `runjournal history`")
    return entry


@edit.command("run")
@click.argument("entry_id", metavar="ID")
@run_options(required=False)
@pass_ctx
def edit_run(
    ctx: Context,
    entry_id: str,
    distance: str | None,
    duration: str | None,
    run_type: str | None,
    rpe: str | None,
    hr: str | None,
    day: str | None,
    time: str | None,
    notes: str | None,
) -> None:
    """Change a run's fields; `--rpe ""` clears the effort, `--hr ""` the heart rate."""
    _, number = _entry_id("run", entry_id)
    changes: dict[str, Any] = {}
    if distance is not None:
        changes["distance_m"] = p.parse_distance(distance)
    if duration is not None:
        changes["duration_s"] = p.check_run_duration(p.parse_duration(duration))
    if run_type is not None:
        changes["type"] = p.parse_run_type(run_type)
    if rpe is not None:
        changes["rpe"] = p.parse_rpe(rpe) if rpe.strip() else None
    if hr is not None:
        changes["hr"] = p.parse_hr(hr) if hr.strip() else None
    _apply_edit(ctx, "run", number, changes, day, time, notes)


@edit.command("leg")
@click.argument("entry_id", metavar="ID")
@leg_options(required=False)
@pass_ctx
def edit_leg(
    ctx: Context,
    entry_id: str,
    duration: str | None,
    rpe: str | None,
    to_failure: bool | None,
    exercises: tuple[str, ...],
    day: str | None,
    time: str | None,
    notes: str | None,
) -> None:
    """Change a leg day's fields; any --exercise replaces the whole list."""
    _, number = _entry_id("leg", entry_id)
    changes: dict[str, Any] = {}
    if duration is not None:
        changes["duration_s"] = p.check_leg_duration(p.parse_duration(duration))
    if rpe is not None:
        changes["rpe"] = p.parse_rpe(rpe)
    if to_failure is not None:
        changes["to_failure"] = to_failure
    if exercises:
        changes["exercises"] = tuple(parse_exercise(spec) for spec in exercises)
    _apply_edit(ctx, "leg", number, changes, day, time, notes)


@edit.command("checkin")
@click.argument("entry_id", metavar="ID")
@click.option("--soreness", metavar="N", help="Leg soreness 0-10.")
@click.option("--date", "day", metavar="D", help="YYYY-MM-DD, today or yesterday.")
@click.option("--notes", metavar="TEXT", help="Free text, up to 2,000 characters.")
@pass_ctx
def edit_checkin(
    ctx: Context, entry_id: str, soreness: str | None, day: str | None, notes: str | None
) -> None:
    """Change a check-in's soreness, date or notes."""
    _, number = _entry_id("checkin", entry_id)
    changes: dict[str, Any] = {}
    if soreness is not None:
        changes["soreness"] = p.parse_soreness(soreness)
    _apply_edit(ctx, "checkin", number, changes, day, None, notes)


def _apply_edit(
    ctx: Context,
    kind: Any,
    number: int,
    changes: dict[str, Any],
    day: str | None,
    time: str | None,
    notes: str | None,
) -> None:
    if day is not None:
        changes["date"] = p.parse_date(day, ctx.today)
    if time is not None:
        changes["time"] = p.parse_time(time)
    if notes is not None:
        changes["notes"] = p.check_notes(notes)
    if not changes:
        fail("options", f"nothing to change; see `runjournal edit {kind} --help`")
    with ctx.journal() as journal:
        entry = _load_for_edit(journal, kind, number)
        updated = validate(dataclasses.replace(entry, **changes), ctx.today)
        stored = journal.update(updated)
        units = journal.settings().units
    click.echo(f"Updated {KIND_NAMES[kind]} {number}: {describe(stored, units)}.")


@cli.command()
@click.argument("kind", metavar="KIND")
@click.argument("entry_id", metavar="ID")
@pass_ctx
def delete(ctx: Context, kind: str, entry_id: str) -> None:
    """Delete one entry (KIND is run, leg or checkin; ID from `history`)."""
    parsed, number = _entry_id(kind, entry_id)
    with ctx.journal() as journal:
        entry = _load_for_edit(journal, parsed, number)
        journal.delete(parsed, number)
        units = journal.settings().units
    click.echo(f"Deleted {KIND_NAMES[parsed]} {number} ({describe(entry, units)}).")


def describe(entry: Entry, units: str) -> str:
    from .output import summary

    return f"{entry.date}{' ' + entry.time if entry.time else ''}, {summary(entry, units)}"


# Settings ------------------------------------------------------------------------


@cli.group()
def config() -> None:
    """Show or change profile settings."""


@config.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_ctx
def config_show(ctx: Context, as_json: bool) -> None:
    """Print every setting and its value."""
    with ctx.journal() as journal:
        settings = journal.settings()
    if as_json:
        click.echo(json.dumps(settings.as_dict(), indent=2))
        return
    for key, value in settings.as_dict().items():
        click.echo(f"{key:<26} {value}")


@config.command("set")
@click.argument("key", metavar="KEY")
@click.argument("value", metavar="VALUE")
@pass_ctx
def config_set(ctx: Context, key: str, value: str) -> None:
    Settings().with_value(key, value)  # validate before opening the journal
    with ctx.journal() as journal:
        settings = journal.settings().with_value(key, value)
        journal.save_settings(settings)
    click.echo(f"{key} = {getattr(settings, key)}")


config_set.help = f"Change a setting. KEY is one of: {', '.join(KEYS)}."


# Whole journal -------------------------------------------------------------------


@cli.command()
@click.option("--format", "fmt", default="json", metavar="FORMAT", help="json (default) or csv.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@pass_ctx
def export(ctx: Context, fmt: str, output: str | None) -> None:
    """Write the whole journal as JSON (re-importable) or CSV (for spreadsheets)."""
    from .transfer import write_export

    fmt = _choice("format", fmt, ("json", "csv"))
    if output:
        _refuse_journal_files(ctx, Path(output), "output")
    with ctx.journal() as journal:
        try:
            count = write_export(journal, fmt, Path(output) if output else None)
        except OSError as error:
            if not output or isinstance(error, BrokenPipeError):
                raise
            fail("output", f"cannot write {output}: {error.strerror or error}")
    if output:
        click.echo(f"Exported {count} entries to {click.format_filename(output)}.", err=True)


@cli.command("import")
@click.argument("file", metavar="FILE")
@pass_ctx
def import_(ctx: Context, file: str) -> None:
    """Add the entries of an export (or a JSON list of entries); all or nothing."""
    from .transfer import import_file

    with ctx.journal() as journal:
        added, skipped = import_file(journal, file, ctx.today)
    click.echo(
        f"Imported {added} entr{'y' if added == 1 else 'ies'}; skipped {skipped} "
        "already in the journal."
    )


@cli.command()
@click.argument("file", metavar="FILE")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@pass_ctx
def backup(ctx: Context, file: str, force: bool) -> None:
    """Write a consistent copy of the journal to FILE (safe while the app is open)."""
    dest = Path(file).expanduser()
    _refuse_journal_files(ctx, dest, "FILE")
    try:
        if dest.is_dir():
            fail("FILE", f"{dest} is a folder; give a file name, e.g. {dest / 'journal-backup.db'}")
        if dest.exists() and not force:
            fail("FILE", f"{dest} already exists; choose another name or pass --force")
        if not dest.parent.is_dir():
            fail("FILE", f"the folder {dest.parent} does not exist")
        with ctx.journal() as journal:
            if dest.exists():
                dest.unlink()
            journal.backup_to(dest)
    except OSError as error:  # name too long, no permission, disk full
        fail("FILE", f"cannot write {dest}: {error.strerror or error}")
    click.echo(f"Backed up {click.format_filename(ctx.path)} to {click.format_filename(dest)}.")


def _refuse_journal_files(ctx: Context, dest: Path, field: str) -> None:
    """Writing an export or a backup over the journal (or its WAL) would destroy it."""
    try:
        target = dest.expanduser().resolve()
        journal = ctx.path.expanduser().resolve()
    except (OSError, RuntimeError):
        return  # an unusable name fails later with its own message
    siblings = {journal, *(journal.with_name(journal.name + end) for end in ("-wal", "-shm"))}
    if target in siblings:
        fail(field, f"{dest} is the journal itself; choose another file name")


# Entry point ---------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; map every failure to `error: ...` and exit code 2 (input) or 1 (journal)."""
    sys.exit(run(argv))


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


def say_error(message: str) -> None:
    """Print `error: message` as exactly one line, whatever the input it quotes held.

    Line breaks a user typed are shown escaped, and bytes that are not text (a file
    name from another encoding) as backslash escapes, so nothing can split or crash it.
    """
    line = message.translate(_LINE_BREAKS)
    line = line.encode("utf-8", "backslashreplace").decode("utf-8")
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
    except (_PipeClosed, BrokenPipeError):
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
