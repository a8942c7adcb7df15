"""The day's advice and its warm-up checklist: advise, checklist, tick, untick."""

from __future__ import annotations

from datetime import date

import click

from ..domain import parse as p
from ..services.day import day_view
from ..text import shown, status_words
from .base import Context, cli, fail, pass_ctx
from .render import json_text, render_advice, render_checklist

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
        units = journal.settings().units
    if as_json:
        click.echo(json_text(view.to_dict(), indent=2))
    else:
        click.echo(render_advice(view, ctx.today, units))


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
        click.echo(json_text([c.to_dict() for c in view.checklist], indent=2))
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
                f"'{item_id}' is not on the {status_words(view.advice)} checklist for "
                f"{target}; use one of {', '.join(ids)}",
            )
        journal.set_tick(target, item_id, done)
        view = day_view(journal, target)
    done_count = sum(c.done for c in view.checklist)
    click.echo(
        f"{'Ticked' if done else 'Unticked'} {shown(item_id)} "
        f"({done_count}/{len(view.checklist)} done for {target})."
    )


def _tick_command(name: str, done: bool, help_text: str) -> click.Command:
    """`checklist tick ID` and `checklist untick ID`: one command, two values of done."""

    @checklist.command(name, help=help_text)
    @click.argument("item_id", metavar="ID")
    @click.option("--date", "day", metavar="D", help="The day (default today).")
    @pass_ctx
    def command(ctx: Context, item_id: str, day: str | None) -> None:
        _tick(ctx, item_id, day, done)

    return command


tick = _tick_command("tick", True, "Mark a checklist item done.")
untick = _tick_command("untick", False, "Mark a checklist item not done.")
