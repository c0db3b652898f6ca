"""`mockint sessions`: what was practised, newest first."""

from __future__ import annotations

import json

import click
from rich.markup import escape

from mockint.cli.common import console, open_store, titled_table


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def sessions(as_json):
    """List saved sessions, newest first."""
    rows = open_store().list_sessions()
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json") for r in rows], indent=2))
        return
    out = console()
    if not rows:
        out.print("No sessions yet. Start one with: mockint practice")
        return
    table = titled_table("Sessions (newest first)", "id", "started", "role", "mode", "answered")
    for r in rows:
        table.add_row(str(r.id), r.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), escape(r.role), r.mode,
                      f"{r.answered} of {r.turns}")
    out.print(table)
    out.print("[dim]Review one: mockint review ID (or: mockint review last)[/]")
