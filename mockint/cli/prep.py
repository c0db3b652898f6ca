"""`mockint debrief`: preparing the second interview around the practice."""

from __future__ import annotations

import json
import sys

import click
from rich.markup import escape
from rich.table import Table

from mockint.cli.common import console, read_text_file
from mockint.errors import UserError


def _table(title: str, *columns: str) -> Table:
    """A titled table with the given columns."""
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    return table


# ---- first-round notes from a file and/or a debrief (used by practice and questions too) ----


def debrief_notes(ref: str) -> str:
    """A saved debrief rendered as first-round notes; UserError if it has nothing in it."""
    from mockint.prep.debrief import Debrief, is_empty, render_notes
    from mockint.store import Store

    debrief = Debrief.model_validate(Store().load_debrief(ref))
    if is_empty(debrief):
        raise UserError(f"Debrief {debrief.id} is empty. Fill one in with: mockint debrief")
    return render_notes(debrief)


def first_round_notes(notes_path: str | None, debrief_ref: str | None) -> str | None:
    """The first-round notes for the planner: a notes file, a saved debrief, or both together."""
    parts = []
    if notes_path:
        parts.append(read_text_file(notes_path, "notes"))
    if debrief_ref:
        parts.append(debrief_notes(debrief_ref))
    return "\n\n".join(parts) or None


# ---- mockint debrief ------------------------------------------------------------------


@click.command()
@click.option("--role", "role_text", help="The role the first interview was for (optional).")
@click.option("--list", "list_all", is_flag=True, help="List saved debriefs.")
@click.option("--show", "show_ref", metavar="ID|last", help="Show a saved debrief as the notes the planner reads.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with --list or --show).")
def debrief(role_text, list_all, show_ref, as_json):
    """Walk through your first interview and save notes that shape the second-round questions."""
    from mockint.store import Store

    store = Store()
    if list_all:
        _list_debriefs(store, as_json)
    elif show_ref:
        _show_debrief(store, show_ref, as_json)
    else:
        _walk_through(store, role_text)


def _walk_through(store, role_text: str | None) -> None:
    """Ask each debrief step in turn, saving each answer the moment it ends."""
    from mockint.prep.debrief import Debrief, load_steps, render_notes
    from mockint.roles import resolve_role
    from mockint.text_channel import TextChannel

    out = console()
    steps = load_steps()
    if not role_text and sys.stdin.isatty():
        role_text = click.prompt("Which role was the interview for? (Enter to skip)", default="", show_default=False)
    match = resolve_role(role_text) if role_text and role_text.strip() else None
    role = f": {match.title}" if match else ""
    out.print(f"[bold]First-round debrief{escape(role)}[/]")
    out.print("[dim]Answer each question in a few lines; an empty line ends an answer. "
              "/skip moves on, /quit stops. Each answer is saved as soon as it ends.[/]")
    channel = TextChannel()
    debrief_id, answered, action = None, 0, "answer"
    for position, step in enumerate(steps, 1):
        event = None
        while event is None or event.action == "repeat":
            out.print(f"\n[bold cyan]{position}/{len(steps)} · {escape(step.title)}[/]\n{escape(step.prompt)}")
            if step.hint:
                out.print(f"[dim]{escape(step.hint)}[/]")
            event = channel.listen(f"debrief-{position}")
        text = event.answer.text.strip() if event.answer else ""
        if text:
            if debrief_id is None:
                debrief_id = store.start_debrief(match.title if match else None, match.role.key if match else None)
            store.save_debrief_step(debrief_id, step.key, position, text)
            answered += 1
        action = event.action
        if action in ("quit", "end", "interrupt"):
            break
    if debrief_id is None:
        raise UserError("Nothing was typed, so no debrief was saved. Run mockint debrief again when you're ready.")
    if action == "interrupt":
        out.print(f"\nStopped. Debrief {debrief_id} is saved with {answered} answer(s): "
                  f"mockint debrief --show {debrief_id}")
        sys.exit(130)
    store.end_debrief(debrief_id)
    saved = Debrief.model_validate(store.load_debrief(debrief_id))
    out.print(f"\n[bold]Saved debrief {debrief_id}[/] ({answered} of {len(steps)} questions answered). "
              "The planner will read it as these notes:\n")
    click.echo(render_notes(saved))
    out.print(f"Use it: [bold]mockint practice --debrief {debrief_id}[/] · mockint questions --role ROLE "
              f"--debrief {debrief_id} · mockint ask --role ROLE --debrief {debrief_id}")


def _list_debriefs(store, as_json: bool) -> None:
    from mockint.prep.debrief import STEP_KEYS

    rows = store.list_debriefs()
    if as_json:
        click.echo(json.dumps({"debriefs": rows}, indent=2))
        return
    out = console()
    if not rows:
        out.print("No debriefs yet. After your first interview, run: mockint debrief")
        return
    table = _table("First-round debriefs (newest first)", "id", "date", "role", "answered")
    for r in rows:
        table.add_row(str(r["id"]), r["started_at"][:16].replace("T", " "), escape(r["role"] or "-"),
                      f"{r['steps']} of {len(STEP_KEYS)}")
    out.print(table)
    out.print("[dim]Show one: mockint debrief --show ID · use one: mockint practice --debrief ID[/]")


def _show_debrief(store, ref: str, as_json: bool) -> None:
    from mockint.prep.debrief import Debrief, render_notes

    saved = Debrief.model_validate(store.load_debrief(ref))
    if as_json:
        click.echo(json.dumps({**saved.model_dump(mode="json"), "notes": render_notes(saved)}, indent=2))
    else:
        click.echo(render_notes(saved), nl=False)
