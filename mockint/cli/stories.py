"""`mockint stories`: a bank of work stories to add, read, and practise telling from memory."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from mockint.channels import default_mode, open_channel
from mockint.cli.meter import LevelMeter
from mockint.cli.common import (
    HelpGroup, console, engines, interactive, mode_option, offer_text_instead, open_store, read_text_file, settings, stopped,
    titled_table,
)
from mockint.domain import STAR_PARTS
from mockint.errors import UserError
from mockint.prep.stories import Comparison, StoryAnalysis, describe
from mockint.prep.story_practice import practise_story

STATUS_MARKS = {"kept": "[green]✓ kept[/]", "partly": "[yellow]~ partly[/]", "missed": "[red]✗ missed[/]"}


@click.group(cls=HelpGroup)
def stories():
    """Your bank of work stories: add them, see what they show, practise telling them from memory."""


@stories.command("add")
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--title", help="A short name for the story (default: from the file name).")
def stories_add(file, title):
    """Save a story from a text file and show its STAR analysis."""
    text = read_text_file(file, "story").strip()
    title = (title or Path(file).stem.replace("_", " ").replace("-", " ").capitalize()).strip()
    if not title:
        raise UserError("The title is empty. Give the story a short name: --title 'Billing export outage'.")
    store = open_store()
    story_id = store.add_story(title, text)
    analysis = describe(store.load_story(story_id))
    out = console()
    out.print(f"Saved story {story_id}: [bold]{escape(title)}[/] ({analysis.words} words).")
    print_star_line(out, analysis)
    out.print(f"Practise telling it from memory: [bold]mockint stories practice {story_id}[/]")


def print_star_line(out: Console, analysis: StoryAnalysis) -> None:
    """The story's STAR parts and competencies in two lines, and what to add if a part is missing."""
    parts = " · ".join(f"{name.capitalize()} {'✓' if analysis.star[name] else '✗'}" for name in STAR_PARTS)
    measured = " (the result has a number)" if analysis.result_quantified else ""
    out.print(f"STAR: {parts}{measured}")
    missing = [name for name in STAR_PARTS if not analysis.star[name]]
    if missing:
        out.print(f"[yellow]Add to it: {', '.join(missing)}. An interviewer will ask for it.[/]")
    elif not analysis.result_quantified:
        out.print("[yellow]Add a number to the result (time saved, % change, money, people).[/]")
    covers = ", ".join(c.name for c in analysis.competencies) or "none recognised"
    out.print(f"Covers: {escape(covers)}")


@stories.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stories_list(as_json):
    """List saved stories with their STAR analysis and the competencies they cover."""
    saved = open_store().list_stories()
    analyses = [(story, describe(story)) for story in saved]
    if as_json:
        click.echo(json.dumps({"stories": [
            {**a.model_dump(mode="json"), "attempts": s.attempts, "best_score": s.best_score,
             "last_score": s.last_score, "created_at": s.created_at.isoformat()}
            for s, a in analyses
        ]}, indent=2))
        return
    out = console()
    if not saved:
        out.print("No stories yet. Write one in a text file and add it: mockint stories add story.txt --title 'Title'")
        return
    table = titled_table("Your stories", "id", "title", "STAR", "covers", "practised")
    for s, a in analyses:
        star = "".join(name[0].upper() if a.star[name] else "·" for name in STAR_PARTS)
        star += " #" if a.result_quantified else ""
        practised = f"{s.attempts}× best {s.best_score}%" if s.attempts else "-"
        table.add_row(str(a.id), escape(a.title), star, escape(", ".join(c.name for c in a.competencies[:4])),
                      practised)
    out.print(table)
    out.print("[dim]STAR: parts present, # = a measured result · details: mockint stories show ID[/]")


@stories.command("show")
@click.argument("story_ref", metavar="ID|last")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stories_show(story_ref, as_json):
    """Show a story, its STAR evidence, its competencies and how your retellings went."""
    store = open_store()
    story = store.load_story(story_ref)
    analysis = describe(story)
    attempts = store.story_attempts(story.id)
    if as_json:
        click.echo(json.dumps({**analysis.model_dump(mode="json"), "text": story.text,
                               "attempts": [a.model_dump(mode="json") for a in attempts]}, indent=2))
        return
    out = console()
    out.print(f"[bold]Story {story.id}: {escape(story.title)}[/]\n")
    out.print(escape(story.text))
    out.print()
    print_star_line(out, analysis)
    for name in STAR_PARTS:
        for sentence in analysis.star[name]:
            out.print(f"  [cyan]{name}:[/] {escape(sentence)}")
    for c in analysis.competencies:
        where = f" ({', '.join(c.roles)})" if c.roles else ""
        out.print(f"  [magenta]{escape(c.name)}[/]{escape(where)}: {escape(', '.join(c.cues))}")
    if attempts:
        scores = ", ".join(f"{a.score}%" for a in attempts)
        out.print(f"\nRetold {len(attempts)} time(s): {scores}")


@stories.command("practice")
@click.argument("story_ref", metavar="ID|last")
@mode_option
def stories_practice(story_ref, mode):
    """Tell a saved story from memory, then see which key points and STAR parts you kept."""
    out = console()
    store = open_store()
    story = store.load_story(story_ref)
    config = settings()
    mode = mode or default_mode(engines(), config, interactive())
    channel = open_channel(mode, engines(), config, store.home / "audio", offer_text_instead(out),
                        LevelMeter(out))
    how = ("Say it out loud; a pause of a couple of seconds ends it." if channel.mode == "voice"
           else "Type it; an empty line ends it. /repeat shows this again, /quit stops.")

    def show() -> None:
        out.print(f"[bold]Tell the story \"{escape(story.title)}\" from memory[/], as you would in the interview.")
        out.print(f"[dim]{how}[/]")

    retelling = practise_story(story, channel, store, show)
    if retelling.comparison is None:
        if retelling.stopped:
            stopped(out, "Nothing was told, so nothing was saved.")
        raise UserError("Nothing was told, so there is nothing to compare. Try again when you're ready.")
    print_comparison(out, retelling.comparison, retelling.previous_scores)
    if retelling.stopped:
        stopped(out, f"Your retelling of story {story.id} is saved: mockint stories show {story.id}")


def print_comparison(out: Console, result: Comparison, previous: list[int]) -> None:
    """Key points kept and missed, STAR parts in each telling, and the score against earlier tries."""
    out.print(f"\n[bold]Coverage {result.score}%[/]: {result.count('kept')} key points kept, "
              f"{result.count('partly')} partly, {result.count('missed')} missed "
              f"({result.retold_words} words told, {result.saved_words} saved).")
    for check in result.points:
        missing = f" [dim](not said: {escape(', '.join(check.missing))})[/]" if check.missing else ""
        out.print(f"  {STATUS_MARKS[check.status]}  {escape(check.point.text)}{missing}")
    table = titled_table("STAR parts", "part", "saved story", "your retelling")
    for part, seen in result.star.items():
        table.add_row(part, "✓" if seen["saved"] else "✗", "✓" if seen["retold"] else "[red]✗[/]")
    out.print(table)
    if previous:
        out.print(f"Earlier tries: {', '.join(f'{s}%' for s in previous)}. Best before: {max(previous)}%.")
    out.print("[dim]Saved as an attempt. See all: mockint stories show ID[/]")
