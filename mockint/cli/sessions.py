"""`mockint sessions` and `mockint review`: what was practised, and how it went."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.table import Table

from mockint.cli.common import console
from mockint.errors import UserError
from mockint.review import FORMATS, render_review, review_text
from mockint.store import Store


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def sessions(as_json):
    """List saved sessions, newest first."""
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


SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".txt": "text"}


def write_output(path: str, content: str) -> Path:
    """Write a review to the file the user named, failing with one clear line."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise UserError(f"{target} is a folder: give a file name, e.g. {target / 'review.html'}")
    try:
        target.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Cannot write {target} ({exc.strerror}). Choose another place with --output.") from None
    return target


@click.command()
@click.argument("session_ref", metavar="ID|last", default="last")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="text (default), md, html (one self-contained page) or json. With --output, taken from the "
                   "file's extension if not given.")
@click.option("--output", "-o", type=click.Path(dir_okay=True), help="Write the review to this file.")
def review(session_ref, fmt, output):
    """Review a saved session: every question, your answer and the feedback."""
    session = Store().load_session(session_ref)
    fmt = fmt or (SUFFIXES.get(Path(output).suffix.lower(), "text") if output else "text")
    if output:
        target = write_output(output, render_review(session, fmt))
        click.echo(f"Wrote the {fmt} review of session {session.id} to {target}")  # unwrapped: paths get copied
    elif fmt == "text":
        console().print(review_text(session))
    else:
        click.echo(render_review(session, fmt), nl=False)
