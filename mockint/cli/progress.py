"""`mockint progress`: how pace, fillers, STAR and length have moved across sessions."""

from __future__ import annotations

import json
from datetime import datetime

import click
from rich import box
from rich.table import Table

from mockint.cli.common import console, open_store

MARKS = {"improving": "[green]✓[/]", "worse": "[red]✗[/]", "steady": "[dim]=[/]"}
WORDS = {"improving": "better", "worse": "worse", "steady": "about the same"}
NAMES = {"words_per_minute": "pace", "fillers_per_100_words": "fillers", "star_completeness": "STAR",
         "too_long": "too-long answers", "too_short": "too-short answers"}


def shown(metric: str, value: float | None) -> str | None:
    """A metric's value as the table shows it."""
    if value is None:
        return None
    if metric == "words_per_minute":
        return f"{value:.0f}"
    if metric == "fillers_per_100_words":
        return f"{value:.1f}"
    if metric == "star_completeness":
        return f"{value:.0%}"
    return str(value)


def cell(row: dict, metric: str) -> str:
    """A value with, from the second session on, a mark saying whether it beat the sessions before."""
    text = shown(metric, row[metric]) if row["answers"] else None
    if text is None:
        return "[dim]–[/]"
    trend = row["trend"].get(metric)
    return f"{text} {MARKS[trend['trend']]}" if trend else text


def progress_table(report: dict) -> Table:
    """The progress report as a compact table (fits 80 columns), oldest session first."""
    table = Table(title="Your progress, oldest session first", title_justify="left", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("date")
    table.add_column("role", max_width=18, overflow="ellipsis", no_wrap=True)
    table.add_column("answers", justify="right", min_width=7)
    table.add_column("wpm", justify="right")
    table.add_column("fillers", justify="right", min_width=7)
    table.add_column("STAR", justify="right")
    table.add_column("long", justify="right")
    table.add_column("short", justify="right")
    for r in report["sessions"]:
        date = datetime.fromisoformat(r["date"]).astimezone().strftime("%d %b")
        table.add_row(str(r["id"]), date, r["role"], str(r["answers"]),
                      *(cell(r, m) for m in ("words_per_minute", "fillers_per_100_words", "star_completeness",
                                             "too_long", "too_short")))
    return table


def latest_line(report: dict) -> str | None:
    """One sentence on how the latest session compares with the ones before it."""
    last = report["sessions"][-1]
    said = []
    for metric, trend in last["trend"].items():
        if trend and trend["trend"] != "steady":
            said.append(f"{NAMES[metric]} {WORDS[trend['trend']]}")
    if not any(last["trend"].values()):
        return None
    return (f"Session {last['id']} against your earlier ones: " + ", ".join(said) + "."
            if said else f"Session {last['id']} was about the same as your earlier ones.")


@click.command()
@click.option("--json", "as_json", is_flag=True, help='Print {"sessions": [...]} as JSON.')
def progress(as_json):
    """Your progress across sessions: pace, fillers, STAR completeness, length, and the trend."""
    from mockint.progress import progress_report

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
