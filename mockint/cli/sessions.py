"""`mockint sessions` and `mockint review`: what was practised, and how it went."""

from __future__ import annotations

import io
import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from mockint.cli.common import console, open_store
from mockint.errors import UserError


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
    table = Table(title="Sessions (newest first)", title_justify="left")
    for column in ("id", "started", "role", "mode", "answered"):
        table.add_column(column)
    for r in rows:
        table.add_row(str(r.id), r.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), r.role, r.mode,
                      f"{r.answered} of {r.turns}")
    out.print(table)
    out.print("[dim]Review one: mockint review ID (or: mockint review last)[/]")


FORMATS = ["text", "md", "html", "json"]
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".txt": "text"}


def render_review(session, fmt: str, width: int | None = None) -> str:
    """The review of a session as a string in one of FORMATS."""
    from mockint.report import review_html, review_json, review_markdown, review_text

    if fmt == "json":
        return json.dumps(review_json(session), indent=2) + "\n"
    if fmt == "md":
        return review_markdown(session)
    if fmt == "html":
        return review_html(session)
    # A recording console writing to nowhere: its text is exported, never shown.
    plain = Console(record=True, width=width or 100, no_color=True, highlight=False, file=io.StringIO())
    plain.print(review_text(session))
    return plain.export_text()


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
    from mockint.report import review_text

    session = open_store().load_session(session_ref)
    fmt = fmt or (SUFFIXES.get(Path(output).suffix.lower(), "text") if output else "text")
    if output:
        target = write_output(output, render_review(session, fmt))
        click.echo(f"Wrote the {fmt} review of session {session.id} to {target}")  # unwrapped: paths get copied
    elif fmt == "text":
        console().print(review_text(session))
    else:
        click.echo(render_review(session, fmt), nl=False)
