"""`runjournal stats`: weekly volume, load, flags, recovery profile and records (SPEC §8)."""

from __future__ import annotations

import textwrap

import click

from ..domain import parse as p
from ..domain.errors import InputError
from ..services.trends import TrendsView, trends_view
from ..text import cell, lift_record_line, run_record_line, short_distance, shown
from .base import Context, cli, pass_ctx
from .render import json_text

MAX_WEEKS = 520


def _weeks(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise InputError("weeks", f"'{text}' is not a number of weeks, 1 to {MAX_WEEKS}")
    number = p.whole_number(text)
    if not 1 <= number <= MAX_WEEKS:
        raise InputError("weeks", f"{number} is out of range; use 1 to {MAX_WEEKS} weeks")
    return number


@cli.command()
@click.option("--weeks", "weeks_text", default="12", metavar="N", help="Weeks to show (12).")
@click.option("--date", "day", metavar="D", help="The last day to look at (default today).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (SPEC §8).")
@pass_ctx
def stats(ctx: Context, weeks_text: str, day: str | None, as_json: bool) -> None:
    """Weekly distance and load, soft flags, your recovery profile and records."""
    count = _weeks(weeks_text)
    target = p.parse_date(day, ctx.today, allow_future=True) if day else ctx.today
    with ctx.journal() as journal:
        view = trends_view(journal, target, count)
    if as_json:
        click.echo(json_text(view.to_dict(), indent=2))
    else:
        click.echo(render_stats(view))


def render_stats(view: TrendsView) -> str:
    """The weeks as a table that fits 80 columns, then flags, recovery and records."""
    units = view.settings.units
    weight_units = getattr(view.settings, "weight_units", "kg")
    header = (
        f"{'WEEK':<8}  {'STARTS':<10}  {'RUNS':>4} {'DISTANCE':>9} {'TIME':>8} "
        f"{'LONGEST':>8} {'LEGS':>4} {'HARD':>4} {'LOAD':>6} {'SORE':>4}"
    )
    lines = [header]
    for week in view.weeks:
        sore = "–" if week.soreness_mean is None else f"{week.soreness_mean:.1f}"
        lines.append(
            f"{week.week:<8}  {week.start.isoformat():<10}  {week.runs:>4} "
            f"{short_distance(week.distance_m, units):>9} "
            f"{p.format_duration(week.duration_s) if week.duration_s else '–':>8} "
            f"{short_distance(week.longest_m, units):>8} {week.leg_days:>4} "
            f"{week.hard_leg_days:>4} {week.load:>6.0f} {sore:>4}"
        )
    lines += ["", "Load is RPE × minutes (session-RPE), runs and leg days together.", ""]
    lines.append("Flags (rough guides, never a status)")
    lines += [_item(flag.text) for flag in view.flags] or ["  none"]
    lines += ["", "Recovery profile (leg days of the last year followed by daily check-ins)"]
    lines += [_item(row.sentence()) for row in view.profile]
    if view.suggestion is not None:
        lines.append(_item(view.suggestion.text(), "→"))
    lines += ["", "Records"]
    lines += [_item(run_record_line(record, units)) for record in view.runs]
    lines += [_item(shown(lift_record_line(record, weight_units))) for record in view.lifts]
    if not view.runs and not view.lifts:
        lines.append("  none yet: runs of 5 km or more and weighted sets make records")
    return "\n".join(lines)


def _item(text: str, mark: str = "•") -> str:
    """A bullet wrapped to 80 columns; text from the journal shown as text."""
    return textwrap.fill(
        " ".join(cell(text, len(text) + 2).split()),
        width=80,
        initial_indent=f"  {mark} ",
        subsequent_indent="    ",
    )
