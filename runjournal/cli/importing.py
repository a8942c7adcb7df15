"""`runjournal import PATH...`: runjournal exports and other apps' files (SPEC §6, §7)."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from ..domain import parse as p
from ..domain.errors import InputError
from ..formats.detect import is_export_path
from ..text import shown
from .base import Context, choice, cli, pass_ctx
from .render import json_text

# Only an import that has run this long shows a bar: a quick one just prints its line.
BAR_AFTER_S = 0.5


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", metavar="F", help="Read every file as F: fit, gpx, tcx, "
              "strava, strong, hevy, runjournal (JSON) or journal (.db).")  # fmt: skip
@click.option("--as-run", is_flag=True, help="Take activities that state no sport as runs.")
@click.option("--rpe", metavar="N", help="Effort 1-10 for workouts whose file has none.")
@click.option("--weight-unit", metavar="kg|lb", help="Unit of weights in files that state none.")
@click.option("--dry-run", is_flag=True, help="Read and count everything; write nothing.")
@click.option("--strict", is_flag=True, help="Stop at any unreadable file, writing nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@pass_ctx
def import_(
    ctx: Context,
    paths: tuple[str, ...],
    fmt: str | None,
    as_run: bool,
    rpe: str | None,
    weight_unit: str | None,
    dry_run: bool,
    strict: bool,
    as_json: bool,
) -> None:
    """Bring in a runjournal export, another journal, or other apps' files, all or nothing.

    PATH is a file, a folder (searched through), a zip (a Strava or Garmin export; zips
    inside are opened too) or - for a runjournal JSON export on standard input. FIT,
    GPX and TCX activities become runs; Strava's activities.csv names them; Strong and
    Hevy workouts with leg exercises become leg days. What is already in the journal is
    skipped.
    """
    plain = not (fmt or as_run or rpe or weight_unit or dry_run or strict or as_json)
    if plain and len(paths) == 1 and is_export_path(paths[0]):
        _import_export(ctx, paths[0])
        return
    from ..services.import_files import ImportOptions, import_paths

    options = ImportOptions(
        format=fmt,
        as_run=as_run,
        rpe=p.parse_rpe(rpe) if rpe else None,
        weight_unit=choice("weight-unit", weight_unit, ("kg", "lb")) if weight_unit else None,
        dry_run=dry_run,
        strict=strict,
    )
    bar = _Bar() if sys.stderr.isatty() else None
    try:
        with ctx.journal() as journal:
            summary = import_paths(journal, paths, ctx.today, options, progress=bar)
    except InputError as error:  # names a file: its control characters shown escaped
        raise InputError(error.field, shown(error.message)) from None
    finally:
        if bar is not None:
            bar.close()
    if as_json:
        click.echo(json_text(summary.to_dict(), indent=2))
    else:
        click.echo(shown(summary.text()))
    if dry_run:
        click.echo("Dry run: nothing was written.", err=True)


def _import_export(ctx: Context, file: str) -> None:
    from collections import Counter

    from ..services.importing import import_file

    skips: Counter[str] = Counter()
    with ctx.journal() as journal:
        added, _ = import_file(journal, file, ctx.today, skips)
    conflicts = skips["check-in conflict"]
    click.echo(
        f"Imported {added} entr{'y' if added == 1 else 'ies'}; skipped "
        f"{skips['already in the journal']} already in the journal"
        + (
            f" and {conflicts} check-in{'s' if conflicts != 1 else ''} for dates that "
            "already have one (a conflict: the journal's own kept)"
            if conflicts
            else ""
        )
        + "."
    )


class _Bar:
    """A progress bar on stderr (files done of total, entries found, time left).

    rich comes with Textual; it is imported only once an import has run long enough to
    need a bar, so that a quick import (and every other command) starts as fast as ever.
    """

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, progress: Any) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < BAR_AFTER_S:
                return
            if progress.files_done >= progress.files_total:
                return
            self._start(progress.files_total)
        self.bar.update(
            self.task,
            completed=progress.files_done,
            total=progress.files_total,
            found=progress.entries_found,
        )

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("Importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files, {task.fields[found]} entries found,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("import", total=total, found=0)

    def close(self) -> None:
        """Take the bar off the terminal."""
        if self.bar is not None:
            self.bar.stop()
