"""Commands that add, change and remove entries: log, checkin, edit, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..domain import parse as p
from ..domain.edit import edited
from ..domain.entries import KIND_NAMES, build_checkin, build_leg_day, build_run, parse_exercise
from ..domain.settings import Settings
from ..services.day import day_view
from ..text import run_warning, status_words
from .base import (
    Context,
    cli,
    describe,
    entry_id,
    fail,
    leg_options,
    load_entry,
    pass_ctx,
    run_options,
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
    """Log a run: --distance and --duration are required (a bare distance is in the
    `units` setting's unit)."""
    with ctx.journal() as journal:
        settings = journal.settings()
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
            units=settings.units,
        )
        stored = journal.add(run)
        advice = day_view(journal, run.date).advice
    click.echo(f"Logged run {stored.id}: {describe(stored, settings)}.")
    warning = run_warning(advice, run.type, run.duration_s, run.rpe, ctx.today)
    if warning:
        # Logged all the same (it is a journal of what was done), and said where a
        # script's output does not swallow it.
        click.echo(f"warning: {warning} Logged anyway; see `runjournal advise`.", err=True)


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
    """Log a leg day: --duration and --rpe are required (bare weights are in the
    `weight_units` setting's unit)."""
    with ctx.journal() as journal:
        settings = journal.settings()
        leg = build_leg_day(
            today=ctx.today,
            duration=duration,
            rpe=rpe,
            to_failure=bool(to_failure),
            exercises=exercises,
            date=day,
            time=time,
            notes=notes,
            weight_units=settings.weight_units,
        )
        stored = journal.add(leg)
    click.echo(f"Logged leg day {stored.id}: {describe(stored, settings)}.")


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
    click.echo(f"Advice for {stored.date}: {status_words(view.advice)}.")


@cli.group(invoke_without_command=False)
def edit() -> None:
    """Fix an entry: KIND ID and the options to change (as for `log`)."""


@edit.command("run")
@click.argument("text_id", metavar="ID")
@run_options(required=False)
@pass_ctx
def edit_run(
    ctx: Context,
    text_id: str,
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
    _, number = entry_id("run", text_id)

    def changes(settings: Settings) -> dict[str, Any]:
        return (
            {"distance_m": p.parse_distance(distance, unit=settings.units)}
            if distance is not None
            else {}
        )

    _apply_edit(
        ctx, "run", number, _run_changes(duration, run_type, rpe, hr), day, time, notes, changes
    )


def _run_changes(
    duration: str | None, run_type: str | None, rpe: str | None, hr: str | None
) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if duration is not None:
        changes["duration_s"] = p.check_run_duration(p.parse_duration(duration))
    if run_type is not None:
        changes["type"] = p.parse_run_type(run_type)
    if rpe is not None:
        changes["rpe"] = p.parse_rpe(rpe) if rpe.strip() else None
    if hr is not None:
        changes["hr"] = p.parse_hr(hr) if hr.strip() else None
    return changes


@edit.command("leg")
@click.argument("text_id", metavar="ID")
@leg_options(required=False)
@pass_ctx
def edit_leg(
    ctx: Context,
    text_id: str,
    duration: str | None,
    rpe: str | None,
    to_failure: bool | None,
    exercises: tuple[str, ...],
    day: str | None,
    time: str | None,
    notes: str | None,
) -> None:
    """Change a leg day's fields; any --exercise replaces the whole list."""
    _, number = entry_id("leg", text_id)
    changes: dict[str, Any] = {}
    if duration is not None:
        changes["duration_s"] = p.check_leg_duration(p.parse_duration(duration))
    if rpe is not None:
        changes["rpe"] = p.parse_rpe(rpe)
    if to_failure is not None:
        changes["to_failure"] = to_failure

    def weights(settings: Settings) -> dict[str, Any]:
        if not exercises:
            return {}
        unit = settings.weight_units
        return {"exercises": tuple(parse_exercise(s, weight_unit=unit) for s in exercises)}

    _apply_edit(ctx, "leg", number, changes, day, time, notes, weights)


@edit.command("checkin")
@click.argument("text_id", metavar="ID")
@click.option("--soreness", metavar="N", help="Leg soreness 0-10.")
@click.option("--date", "day", metavar="D", help="YYYY-MM-DD, today or yesterday.")
@click.option("--notes", metavar="TEXT", help="Free text, up to 2,000 characters.")
@pass_ctx
def edit_checkin(
    ctx: Context, text_id: str, soreness: str | None, day: str | None, notes: str | None
) -> None:
    """Change a check-in's soreness, date or notes."""
    _, number = entry_id("checkin", text_id)
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
    with_settings: Callable[[Settings], dict[str, Any]] = lambda _: {},
) -> None:
    """Apply an edit; `with_settings` parses what depends on the units settings."""
    if day is not None:
        changes["date"] = p.parse_date(day, ctx.today)
    if time is not None:
        changes["time"] = p.parse_time(time)
    if notes is not None:
        changes["notes"] = p.check_notes(notes)
    with ctx.journal() as journal:
        settings = journal.settings()
        changes.update(with_settings(settings))
        if not changes:
            fail("options", f"nothing to change; see `runjournal edit {kind} --help`")
        stored = journal.update(edited(load_entry(journal, kind, number), changes, ctx.today))
    click.echo(f"Updated {KIND_NAMES[kind]} {number}: {describe(stored, settings)}.")


@cli.command()
@click.argument("kind", metavar="KIND")
@click.argument("text_id", metavar="ID")
@pass_ctx
def delete(ctx: Context, kind: str, text_id: str) -> None:
    """Delete one entry (KIND is run, leg or checkin; ID from `history`)."""
    parsed, number = entry_id(kind, text_id)
    with ctx.journal() as journal:
        entry = load_entry(journal, parsed, number)
        journal.delete(parsed, number)
        settings = journal.settings()
    click.echo(f"Deleted {KIND_NAMES[parsed]} {number} ({describe(entry, settings)}).")
