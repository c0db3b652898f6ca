"""`mockint debrief`: walk through your interview afterwards and save notes that shape the next round."""

from __future__ import annotations

import json

import click
from rich.markup import escape

from mockint.channels import TextChannel
from mockint.cli.common import console, interactive, open_store, stopped, titled_table
from mockint.errors import UserError
from mockint.prep.debrief import STEP_KEYS, load_steps, render_notes
from mockint.prep.debrief_walkthrough import walk_through
from mockint.roles import resolve_role
from mockint.store import Store


@click.command()
@click.option("--role", "role_text", help="The role the first interview was for (optional).")
@click.option("--list", "list_all", is_flag=True, help="List saved debriefs.")
@click.option("--show", "show_ref", metavar="ID|last", help="Show a saved debrief as the notes the planner reads.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with --list or --show).")
def debrief(role_text, list_all, show_ref, as_json):
    """Walk through your first interview and save notes that shape the second-round questions."""
    store = open_store()
    if list_all:
        list_debriefs(store, as_json)
    elif show_ref:
        show_debrief(store, show_ref, as_json)
    else:
        run_debrief(store, role_text)


def run_debrief(store: Store, role_text: str | None) -> None:
    """Ask each debrief step in turn (each answer saved as it ends), then show the notes it makes."""
    out = console()
    steps = load_steps()
    if not role_text and interactive():
        role_text = click.prompt("Which role was the interview for? (Enter to skip)", default="", show_default=False)
    match = resolve_role(role_text) if role_text and role_text.strip() else None
    out.print(f"[bold]First-round debrief{escape(': ' + match.title) if match else ''}[/]")
    out.print("[dim]Answer each question in a few lines; an empty line ends an answer. "
              "/skip moves on, /quit stops. Each answer is saved as soon as it ends.[/]")

    def show_step(position, step) -> None:
        out.print(f"\n[bold cyan]{position}/{len(steps)} · {escape(step.title)}[/]\n{escape(step.prompt)}")
        if step.hint:
            out.print(f"[dim]{escape(step.hint)}[/]")

    run = walk_through(steps, TextChannel(), store, show_step, match.title if match else None,
                       match.role.key if match else None)
    if run.debrief_id is None:
        raise UserError("Nothing was typed, so no debrief was saved. Run mockint debrief again when you're ready.")
    if run.stopped:
        stopped(out, f"Debrief {run.debrief_id} is saved with {run.answered} answer(s): "
                     f"mockint debrief --show {run.debrief_id}")
    out.print(f"\n[bold]Saved debrief {run.debrief_id}[/] ({run.answered} of {len(steps)} questions answered). "
              "The planner will read it as these notes:\n")
    click.echo(render_notes(store.load_debrief(run.debrief_id)))
    out.print(f"Use it: [bold]mockint practice --debrief {run.debrief_id}[/] · mockint questions --role ROLE "
              f"--debrief {run.debrief_id} · mockint ask --role ROLE --debrief {run.debrief_id}")


def list_debriefs(store: Store, as_json: bool) -> None:
    """The saved debriefs, newest first."""
    rows = store.list_debriefs()
    if as_json:
        click.echo(json.dumps({"debriefs": [r.model_dump(mode="json") for r in rows]}, indent=2))
        return
    out = console()
    if not rows:
        out.print("No debriefs yet. After your first interview, run: mockint debrief")
        return
    table = titled_table("First-round debriefs (newest first)", "id", "date", "role", "answered")
    for r in rows:
        table.add_row(str(r.id), r.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), escape(r.role or "-"),
                      f"{r.steps} of {len(STEP_KEYS)}")
    out.print(table)
    out.print("[dim]Show one: mockint debrief --show ID · use one: mockint practice --debrief ID[/]")


def show_debrief(store: Store, ref: str, as_json: bool) -> None:
    """One saved debrief as the notes the planner reads."""
    saved = store.load_debrief(ref)
    if as_json:
        click.echo(json.dumps({**saved.model_dump(mode="json"), "notes": render_notes(saved)}, indent=2))
    else:
        click.echo(render_notes(saved), nl=False)
