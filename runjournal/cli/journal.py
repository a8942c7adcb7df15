"""Commands about the journal as a whole: demo, config, export, backup (import: importing)."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import IO

import click

from ..domain import parse as p
from ..domain.settings import KEYS, Settings
from ..services.journal import refuse_journal_files
from ..text import shown
from .base import Context, choice, cli, fail, open_app, pass_ctx


@cli.command()
@click.option("--date", "day", metavar="D", help="Pretend today is D (YYYY-MM-DD).")
@pass_ctx
def demo(ctx: Context, day: str | None) -> None:
    """Open the app on a throw-away journal with ~12 weeks of history."""
    today = p.parse_date(day, ctx.today, allow_future=True) if day else ctx.today
    open_app(ctx.path, today, demo=True, clock=None if day else ctx.clock)


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
        click.echo(f"{key:<26} {shown(str(value))}")  # an import may have set it


@config.command("set")
@click.argument("key", metavar="KEY")
@click.argument("value", metavar="VALUE")
@pass_ctx
def config_set(ctx: Context, key: str, value: str) -> None:
    Settings().with_value(key, value)  # validate before opening the journal
    with ctx.journal() as journal:
        settings = journal.settings().with_value(key, value)
        journal.save_settings(settings)
    click.echo(f"{key} = {shown(str(getattr(settings, key)))}")


config_set.help = f"Change a setting. KEY is one of: {', '.join(KEYS)}."


@cli.command()
@click.option("--format", "fmt", default="json", metavar="FORMAT", help="json (default) or csv.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@pass_ctx
def export(ctx: Context, fmt: str, output: str | None) -> None:
    """Write the whole journal as JSON (re-importable) or CSV (for spreadsheets)."""
    from ..formats.export import write_export

    fmt = choice("format", fmt, ("json", "csv"))
    if output:
        refuse_journal_files(ctx.path, Path(output), "output")
        with contextlib.suppress(OSError):  # an unusable name is refused by the export
            if Path(output).expanduser().is_fifo():  # opening it waits for the other end
                click.echo(f"Waiting for a reader on the pipe {shown(output)}…", err=True)
    with ctx.journal() as journal:
        try:
            screen = _Shown(sys.stdout) if not output and sys.stdout.isatty() else None
            count = write_export(journal, fmt, Path(output) if output else None, screen)
        except OSError as error:
            if not output or isinstance(error, BrokenPipeError):
                raise
            fail("output", f"cannot write {output}: {error.strerror or error}")
    if output:
        click.echo(f"Exported {count} entries to {shown(click.format_filename(output))}.", err=True)


class _Shown:
    """Standard output on a terminal: each line's control characters shown escaped
    (an export to a file or a pipe is written byte for byte as stored)."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, text: str) -> int:
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            self.out.write(shown(body) + line[len(body) :])
        return len(text)


@cli.command()
@click.argument("file", metavar="FILE")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@pass_ctx
def backup(ctx: Context, file: str, force: bool) -> None:
    """Write a consistent copy of the journal to FILE (safe while the app is open)."""
    dest = Path(file).expanduser()
    refuse_journal_files(ctx.path, dest, "FILE")
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
    source, copy = (shown(click.format_filename(p)) for p in (ctx.path, dest))  # text too
    click.echo(f"Backed up {source} to {copy}.")
