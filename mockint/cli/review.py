"""`mockint review`: a saved session, every question, the answer and its feedback, in a chosen format."""

from __future__ import annotations

from pathlib import Path

import click

from mockint.cli.common import console, open_store
from mockint.errors import UserError
from mockint.review import FORMATS, render_review, review_text

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
    session = open_store().load_session(session_ref)
    fmt = fmt or (SUFFIXES.get(Path(output).suffix.lower(), "text") if output else "text")
    if output:
        target = write_output(output, render_review(session, fmt))
        click.echo(f"Wrote the {fmt} review of session {session.id} to {target}")  # unwrapped: paths get copied
    elif fmt == "text":
        console().print(review_text(session))
    else:
        click.echo(render_review(session, fmt), nl=False)
