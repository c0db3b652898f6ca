"""`mockint ask`: in-depth questions for the candidate to ask their interviewers."""

from __future__ import annotations

import json

import click
from rich.markup import escape
from rich.table import Table

from mockint.cli.common import console, first_round_notes
from mockint.prep.ask import questions_to_ask
from mockint.roles import resolve_role


@click.command()
@click.option("--role", "role_text", required=True, help="The role, e.g. 'product manager' or any job title.")
@click.option("--notes", type=click.Path(dir_okay=False), help="Notes from your first round (a text file).")
@click.option("--debrief", "debrief_ref", metavar="ID|last", help="A saved first-round debrief (see mockint debrief).")
@click.option("--count", "-n", default=8, show_default=True, type=click.IntRange(1, 30), help="How many questions.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def ask(role_text, notes, debrief_ref, count, as_json):
    """Questions to ask your interviewer: in depth, easy to answer, none you asked in the first round."""
    match = resolve_role(role_text)
    notes_text = first_round_notes(notes, debrief_ref)
    chosen = questions_to_ask(match.role, match.title, notes_text, count)
    if as_json:
        click.echo(json.dumps({"role": match.title, "role_key": match.role.key,
                               "questions": [q.model_dump(mode="json") for q in chosen]}, indent=2))
        return
    out = console()
    out.print(f"[bold]Questions to ask in your {escape(match.title)} interview[/]")
    # A grid, so a long question wraps under its own text, not under its number.
    listing = Table.grid(padding=(0, 1))
    listing.add_column(justify="right")
    listing.add_column()
    for i, q in enumerate(chosen, 1):
        listing.add_row("", "")
        listing.add_row(f"{i}.", f"{escape(q.text)}\n[dim]{q.topic.replace('_', ' ')} · "
                                 f"{q.answer.replace('_', '/')} · {escape(q.why)}[/]")
    out.print(listing)
    if len(chosen) < count:
        out.print(f"\n[dim]{len(chosen)} questions: the rest overlapped with what you already asked.[/]")
