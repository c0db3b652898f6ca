"""`mockint sessions` and `mockint review`: what was practised, and how it went."""

from __future__ import annotations

import json

import click
from rich.table import Table

from mockint.cli.common import console


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def sessions(as_json):
    """List saved sessions, newest first."""
    from mockint.store import Store

    rows = Store().list_sessions()
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    out = console()
    if not rows:
        out.print("No sessions yet. Start one with: mockint practice")
        return
    table = Table(title="Sessions (newest first)", title_justify="left")
    for column in ("id", "started", "role", "mode", "answered"):
        table.add_column(column)
    for r in rows:
        table.add_row(str(r["id"]), r["started_at"][:16].replace("T", " "), r["role"], r["mode"],
                      f"{r['answered']} of {r['turns']}")
    out.print(table)
    out.print("[dim]Review one: mockint review ID (or: mockint review last)[/]")


@click.command()
@click.argument("session_ref", metavar="ID|last", default="last")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def review(session_ref, fmt):
    """Review a saved session: every question, your answer and the feedback."""
    from mockint.report import review_json, review_text
    from mockint.store import Store

    session = Store().load_session(session_ref)
    if fmt == "json":
        click.echo(json.dumps(review_json(session), indent=2))
    else:
        console().print(review_text(session))
