"""`mockint progress`: how pace, fillers, STAR and length have moved across sessions."""

from __future__ import annotations

import json

import click

from mockint.cli.common import console, open_store
from mockint.progress import progress_report
from mockint.review import latest_line, progress_table


@click.command()
@click.option("--json", "as_json", is_flag=True, help='Print {"sessions": [...]} as JSON.')
def progress(as_json):
    """Your progress across sessions: pace, fillers, STAR completeness, length, and the trend."""
    store = open_store()
    report = progress_report([store.load_session(r.id) for r in store.list_sessions()])
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    out = console()
    if not report["sessions"]:
        out.print("No sessions yet, so no progress to show. Start with: mockint practice")
        return
    out.print(progress_table(report))
    out.print("[dim]wpm: words a minute (spoken answers); fillers: per 100 words; STAR: parts found in story "
              "answers; long/short: answers outside the target length.[/]")
    if len(report["sessions"]) == 1:
        out.print("One session so far: from your second session on, each figure shows ✓ better, ✗ worse or "
                  "= about the same as the sessions before it.")
        return
    out.print("[dim]✓ better than your sessions before it, ✗ worse, = about the same.[/]")
    if line := latest_line(report):
        out.print(line)
