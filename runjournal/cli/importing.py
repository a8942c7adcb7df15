"""`runjournal import PATH...`: runjournal exports and other apps' files (SPEC §6, §7)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from ..domain import parse as p
from ..domain.errors import InputError
from .base import Context, choice, cli, pass_ctx

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
    if plain and len(paths) == 1 and _is_export(paths[0]):
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
        click.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(shown(summary.text()))
    if dry_run:
        click.echo("Dry run: nothing was written.", err=True)


def _is_export(path: str) -> bool:
    """Is PATH what `import FILE` read before other apps' files: a runjournal JSON?

    (And a name that cannot be used at all, which that import reports as it always has.)
    """
    if path == "-":
        return True
    from ..formats.detect import detect

    try:
        file = Path(path).expanduser()
        if not file.exists():
            return True
        if file.is_dir():
            return False
        with open(file, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return True
    fmt = detect(head)
    # Content no reader recognises, in a file named .json: its JSON error says more than
    # "not a format runjournal reads" (an empty export, a broken one, another encoding).
    return fmt == "runjournal" or (fmt is None and file.suffix.lower() == ".json")


def _import_export(ctx: Context, file: str) -> None:
    from ..services.importing import import_file

    with ctx.journal() as journal:
        added, skipped = import_file(journal, file, ctx.today)
    click.echo(
        f"Imported {added} entr{'y' if added == 1 else 'ies'}; skipped {skipped} "
        "already in the journal."
    )


def shown(text: str) -> str:
    """Control characters of a file name as caret escapes (`\\x1b` as `^[`), never raw."""
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 or code == 0x7F:
            out.append("^" + chr(code ^ 0x40))
        elif 0x80 <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(char)
    return "".join(out)


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
