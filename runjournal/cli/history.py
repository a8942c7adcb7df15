"""`runjournal history`: entries, newest first, as a table, JSON or CSV."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from typing import Any

import click

from ..domain import parse as p
from ..domain.entries import Entry, parse_kind, to_dict
from ..formats.csv_rows import csv_lines
from ..text import shown
from .base import Context, choice, cli, fail, pass_ctx
from .render import history_table, json_text


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
    fmt = choice("format", fmt, ("table", "json", "csv"))
    with ctx.journal() as journal:
        settings = journal.settings()

        def read() -> Iterator[Entry]:
            found: Iterator[Entry] = journal.history(kinds, since=first, until=last)
            return found if limit is None else itertools.islice(found, limit)

        entries = read()
        if fmt == "json":
            _echo_json_list(to_dict(e) for e in entries)
        elif fmt == "csv":
            _echo_csv(csv_lines(entries, with_uid=False))
        else:
            head = next(entries, None)
            if head is None:
                click.echo("No entries yet. Try `runjournal log run --distance 5 --duration 30`.")
                return
            # Two streaming passes (widths, then lines), as JSON streams: 300,000
            # entries never sit in memory, and the columns line up as if they did.
            for line in history_table(read, settings, _terminal_width()):
                click.echo(line)


def _echo_csv(lines: Iterator[str]) -> None:
    """CSV exactly as `export --format csv` writes it, on a pipe or in a file.

    Written to stdout directly: click.echo strips escape sequences when stdout is not a
    terminal, which would make the same note two texts. On a terminal, what a cell
    holds is shown escaped (ESC as ^[), line ends kept.
    """
    on_terminal = sys.stdout.isatty()
    for line in lines:
        if on_terminal:
            body = line.removesuffix("\r\n")
            line = shown(body) + line[len(body) :]
        sys.stdout.write(line)
    sys.stdout.flush()


def _terminal_width() -> int | None:
    """The terminal's width (or $COLUMNS), or None when the table goes to a pipe or a
    file and no width was asked for: then nothing is cut."""
    import os
    import shutil  # only the table needs these

    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        return None
    return shutil.get_terminal_size((80, 24)).columns


def _echo_json_list(items: Iterator[dict[str, Any]]) -> None:
    """Print a JSON list one item at a time, so large histories stream."""
    first = True
    for item in items:
        click.echo(("[\n  " if first else ",\n  ") + json_text(item), nl=False)
        first = False
    click.echo("[]" if first else "\n]")


def _kinds(kind: str) -> list[Any]:
    if kind.strip().lower() == "all":
        return ["run", "leg", "checkin"]
    return [parse_kind(kind)]
