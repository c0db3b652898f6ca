"""`mockint debrief`, `stories`, `ask` and `followup`: preparing the second interview around the practice."""

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
@click.option("--round", "round_number", type=click.IntRange(1, 2), default=1, metavar="1|2",
              help="2 for a second-round interview: also who you met, what you discussed and what excited you.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with --list or --show).")
def debrief(role_text, list_all, show_ref, round_number, as_json):
    """Walk through an interview you had (--round 2 for the second) and save notes for practice and follow-up."""
    from mockint.store import Store

    store = Store()
    if list_all:
        _list_debriefs(store, as_json)
    elif show_ref:
        _show_debrief(store, show_ref, as_json)
    else:
        _walk_through(store, role_text, round_number)


def _walk_through(store, role_text: str | None, round_number: int = 1) -> None:
    """Ask each debrief step in turn, saving each answer the moment it ends."""
    from mockint.prep.debrief import ROUND_NAMES, Debrief, load_steps, render_notes
    from mockint.roles import resolve_role
    from mockint.text_channel import TextChannel

    out = console()
    steps = load_steps(round_number)
    if not role_text and sys.stdin.isatty():
        role_text = click.prompt("Which role was the interview for? (Enter to skip)", default="", show_default=False)
    match = resolve_role(role_text) if role_text and role_text.strip() else None
    role = f": {match.title}" if match else ""
    out.print(f"[bold]{ROUND_NAMES[round_number]} debrief{escape(role)}[/]")
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
    if round_number == 2:
        out.print(f"Thank them: [bold]mockint followup --debrief {debrief_id}[/]")


def _list_debriefs(store, as_json: bool) -> None:
    from mockint.prep.debrief import Debrief

    rows = store.list_debriefs()
    if as_json:
        click.echo(json.dumps({"debriefs": rows}, indent=2))
        return
    out = console()
    if not rows:
        out.print("No debriefs yet. After your first interview, run: mockint debrief")
        return
    table = _table("Debriefs (newest first)", "id", "date", "round", "role", "answered")
    for r in rows:
        saved = Debrief.model_validate(store.load_debrief(r["id"]))
        table.add_row(str(r["id"]), r["started_at"][:16].replace("T", " "), str(saved.round), escape(r["role"] or "-"),
                      f"{r['steps']} of {len(saved.step_keys)}")
    out.print(table)
    out.print("[dim]Show one: mockint debrief --show ID · use one: mockint practice --debrief ID[/]")


def _show_debrief(store, ref: str, as_json: bool) -> None:
    from mockint.prep.debrief import Debrief, render_notes

    saved = Debrief.model_validate(store.load_debrief(ref))
    if as_json:
        click.echo(json.dumps({**saved.model_dump(mode="json"), "notes": render_notes(saved)}, indent=2))
    else:
        click.echo(render_notes(saved), nl=False)


# ---- mockint stories ------------------------------------------------------------------

STAR_LETTERS = {"situation": "S", "task": "T", "action": "A", "result": "R"}
STATUS_MARKS = {"kept": "[green]✓ kept[/]", "partly": "[yellow]~ partly[/]", "missed": "[red]✗ missed[/]"}


@click.group()
def stories():
    """Your bank of work stories: add them, see what they show, practise telling them from memory."""


@stories.command("add")
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--title", help="A short name for the story (default: from the file name).")
def stories_add(file, title):
    """Save a story from a text file and show its STAR analysis."""
    from pathlib import Path

    from mockint.prep.stories import describe
    from mockint.store import Store

    text = read_text_file(file, "story").strip()
    title = (title or Path(file).stem.replace("_", " ").replace("-", " ").capitalize()).strip()
    if not title:
        raise UserError("The title is empty. Give the story a short name: --title 'Billing export outage'.")
    store = Store()
    story_id = store.add_story(title, text)
    analysis = describe(store.load_story(story_id))
    out = console()
    out.print(f"Saved story {story_id}: [bold]{escape(title)}[/] ({analysis.words} words).")
    _print_star_line(out, analysis)
    out.print(f"Practise telling it from memory: [bold]mockint stories practice {story_id}[/]")


def _print_star_line(out, analysis) -> None:
    """The story's STAR parts and competencies in two lines, and what to add if a part is missing."""
    parts = " · ".join(f"{name.capitalize()} {'✓' if analysis.star[name] else '✗'}" for name in STAR_LETTERS)
    measured = " (the result has a number)" if analysis.result_quantified else ""
    out.print(f"STAR: {parts}{measured}")
    missing = [name for name in STAR_LETTERS if not analysis.star[name]]
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
    from mockint.prep.stories import describe
    from mockint.store import Store

    rows = Store().list_stories()
    analyses = [(row, describe(row)) for row in rows]
    if as_json:
        click.echo(json.dumps({"stories": [
            {**a.model_dump(mode="json"), "attempts": row["attempts"], "best_score": row["best_score"],
             "last_score": row["last_score"], "created_at": row["created_at"]}
            for row, a in analyses
        ]}, indent=2))
        return
    out = console()
    if not rows:
        out.print("No stories yet. Write one in a text file and add it: mockint stories add story.txt --title 'Title'")
        return
    table = _table("Your stories", "id", "title", "STAR", "covers", "practised")
    for row, a in analyses:
        star = "".join(letter if a.star[name] else "·" for name, letter in STAR_LETTERS.items())
        star += " #" if a.result_quantified else ""
        practised = f"{row['attempts']}× best {row['best_score']}%" if row["attempts"] else "-"
        table.add_row(str(a.id), escape(a.title), star, escape(", ".join(c.name for c in a.competencies[:4])),
                      practised)
    out.print(table)
    out.print("[dim]STAR: the parts present (# = a measured result). Details: mockint stories show ID[/]")


@stories.command("show")
@click.argument("story_ref", metavar="ID|last")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stories_show(story_ref, as_json):
    """Show a story, its STAR evidence, its competencies and how your retellings went."""
    from mockint.prep.stories import describe
    from mockint.store import Store

    store = Store()
    row = store.load_story(story_ref)
    analysis = describe(row)
    attempts = store.story_attempts(row["id"])
    if as_json:
        click.echo(json.dumps({**analysis.model_dump(mode="json"), "text": row["text"], "attempts": attempts},
                              indent=2))
        return
    out = console()
    out.print(f"[bold]Story {row['id']}: {escape(row['title'])}[/]\n")
    out.print(escape(row["text"]))
    out.print()
    _print_star_line(out, analysis)
    for name in STAR_LETTERS:
        for sentence in analysis.star[name]:
            out.print(f"  [cyan]{name}:[/] {escape(sentence)}")
    for c in analysis.competencies:
        where = f" ({', '.join(c.roles)})" if c.roles else ""
        out.print(f"  [magenta]{escape(c.name)}[/]{escape(where)}: {escape(', '.join(c.cues))}")
    if attempts:
        scores = ", ".join(f"{a['score']}%" for a in attempts)
        out.print(f"\nRetold {len(attempts)} time(s): {scores}")


@stories.command("practice")
@click.argument("story_ref", metavar="ID|last")
@click.option("--text", "mode", flag_value="text", help="Type the story.")
@click.option("--voice", "mode", flag_value="voice", help="Tell it out loud (microphone).")
def stories_practice(story_ref, mode):
    """Tell a saved story from memory, then see which key points and STAR parts you kept."""
    from mockint.cli.practice import default_mode, make_channel
    from mockint.config import Settings
    from mockint.domain import Question, QuestionKind
    from mockint.interview import as_event
    from mockint.prep.stories import compare
    from mockint.store import Store

    out = console()
    store = Store()
    row = store.load_story(story_ref)
    settings = Settings.load()
    mode, channel, _ = make_channel(mode or default_mode(settings), settings, store, out)
    question = Question(text=f"Tell me about {row['title']}.", kind=QuestionKind.behavioral)
    how = "Say it out loud; a pause of a couple of seconds ends it." if mode == "voice" else \
        "Type it; an empty line ends it."
    out.print(f"[bold]Tell the story \"{escape(row['title'])}\" from memory[/], as you would in the interview.")
    out.print(f"[dim]{how}[/]")
    channel.ask(question)
    event = as_event(channel.listen(f"story-{row['id']}"))
    retold = event.answer.text.strip() if event.answer else ""
    if not retold:
        raise UserError("Nothing was told, so there is nothing to compare. Try again when you're ready.")
    result = compare(row["text"], retold, row["title"])
    previous = [a["score"] for a in store.story_attempts(row["id"])]
    store.save_story_attempt(row["id"], retold, mode, result.score, result.model_dump(mode="json"))
    _print_comparison(out, result, previous)
    if event.action == "interrupt":
        sys.exit(130)


def _print_comparison(out, result, previous: list[int]) -> None:
    """Key points kept and missed, STAR parts in each telling, and the score against earlier tries."""
    out.print(f"\n[bold]Coverage {result.score}%[/]: {result.count('kept')} key points kept, "
              f"{result.count('partly')} partly, {result.count('missed')} missed "
              f"({result.retold_words} words told, {result.saved_words} saved).")
    for check in result.points:
        missing = f" [dim](not said: {escape(', '.join(check.missing))})[/]" if check.missing else ""
        out.print(f"  {STATUS_MARKS[check.status]}  {escape(check.point.text)}{missing}")
    table = _table("STAR parts", "part", "saved story", "your retelling")
    for part, seen in result.star.items():
        table.add_row(part, "✓" if seen["saved"] else "✗", "✓" if seen["retold"] else "[red]✗[/]")
    out.print(table)
    if previous:
        out.print(f"Earlier tries: {', '.join(f'{s}%' for s in previous)}. Best before: {max(previous)}%.")
    out.print("[dim]Saved as an attempt. See all: mockint stories show ID[/]")


# ---- mockint ask ----------------------------------------------------------------------


@click.command()
@click.option("--role", "role_text", required=True, help="The role, e.g. 'product manager' or any job title.")
@click.option("--notes", type=click.Path(dir_okay=False), help="Notes from your first round (a text file).")
@click.option("--debrief", "debrief_ref", metavar="ID|last", help="A saved first-round debrief (see mockint debrief).")
@click.option("--count", "-n", default=8, show_default=True, type=click.IntRange(1, 30))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def ask(role_text, notes, debrief_ref, count, as_json):
    """Questions to ask your interviewer: in depth, easy to answer, none you asked in the first round."""
    from mockint.prep.ask import questions_to_ask
    from mockint.roles import resolve_role

    match = resolve_role(role_text)
    notes_text = first_round_notes(notes, debrief_ref)
    chosen = questions_to_ask(match.role, match.title, notes_text, count)
    if as_json:
        click.echo(json.dumps({"role": match.title, "role_key": match.role.key,
                               "questions": [q.model_dump(mode="json") for q in chosen]}, indent=2))
        return
    out = console()
    out.print(f"[bold]Questions to ask in your {escape(match.title)} interview[/]")
    for i, q in enumerate(chosen, 1):
        out.print(f"\n{i}. {escape(q.text)}")
        out.print(f"   [dim]{q.topic.replace('_', ' ')} · {q.answer.replace('_', '/')} · {escape(q.why)}[/]")
    if len(chosen) < count:
        out.print(f"\n[dim]{len(chosen)} questions: the rest overlapped with what you already asked.[/]")


# ---- mockint followup -----------------------------------------------------------------

MESSAGE_TYPES = {"thank-you": "thank_you", "nudge": "nudge"}


@click.command()
@click.argument("session_ref", metavar="[SESSION_ID|last]", required=False)
@click.option("--debrief", "debrief_ref", metavar="ID|last", help="The debrief of the interview to thank them for.")
@click.option("--to", "to_name", help="Who the message is to, e.g. 'Ms Alvarez' (default: the first person you met).")
@click.option("--from", "sender", help="Your name, to sign the message.")
@click.option("--check", "check_file", type=click.Path(dir_okay=False), help="Check a draft you wrote instead.")
@click.option("--type", "message_type", type=click.Choice(sorted(MESSAGE_TYPES)),
              help="With --check: a thank-you or a nudge (default: a nudge when --last-sent is given).")
@click.option("--interview-date", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="With --check: the interview's date.")
@click.option("--last-sent", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="With --check: when you last wrote to them.")
@click.option("--send-date", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="With --check: when you mean to send it "
              "(default: today, when another date is given).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def followup(session_ref, debrief_ref, to_name, sender, check_file, message_type, interview_date, last_sent, send_date,
             as_json):
    """Draft a thank-you from your debrief of the interview, or check a draft (exit 1 when it has problems)."""
    if check_file and (session_ref or debrief_ref):
        raise UserError("Give either a session or debrief to draft from or --check FILE, not both.")
    if check_file:
        dates = _send_dates(interview_date, last_sent, send_date)
        if _check_draft(read_text_file(check_file, "draft"), MESSAGE_TYPES.get(message_type), dates, as_json):
            sys.exit(1)
    elif session_ref or debrief_ref:
        _draft(session_ref, debrief_ref, to_name, sender, as_json)
    else:
        raise UserError("Say which interview to thank them for (mockint followup --debrief last), "
                        "or check a draft: mockint followup --check FILE.")


def _send_dates(interview, last_sent, send):
    """The dates given on the command line, checked for order; None when none was given."""
    from datetime import date

    from pydantic import ValidationError

    from mockint.prep.send_timing import SendDates

    if not (interview or last_sent or send):
        return None
    day = lambda value: value.date() if value else None  # noqa: E731
    try:
        return SendDates(interview=day(interview), last_sent=day(last_sent), send=day(send) or date.today())
    except ValidationError as exc:
        raise UserError(f"Check the dates: {exc.errors()[0]['msg'].removeprefix('Value error, ')}.") from None


def _check_draft(text: str, message_type: str | None, dates, as_json: bool) -> bool:
    """Print the problems in a draft; True when there are any."""
    from mockint.prep.followup_check import check_message, guess_message_type

    kind = message_type or guess_message_type(text, dates)
    problems = check_message(text, kind, dates)
    if as_json:
        click.echo(json.dumps({"type": kind, "problems": [p.model_dump() for p in problems]}, indent=2))
        return bool(problems)
    out = console()
    read_as = kind.replace("_", "-")
    if not problems:
        out.print(f"[green]No problems found[/] in this {read_as}: it thanks, it is specific, and nothing in it is "
                  "exaggerated, desperate, entitled, condescending, negative, pushy or shouted.")
        return False
    from rich.padding import Padding

    out.print(f"[bold]{len(problems)} problem(s)[/] in this {read_as}:")
    for p in problems:
        # The kind and what set it off on one line, then the sentence and the advice indented under it.
        where = f" · \"{escape(p.match)}\"" if p.match and p.text else ""
        out.print(f"\n[red]{p.kind.replace('_', ' ')}[/]{where}")
        out.print(Padding(escape(p.text or "(the whole message)"), (0, 0, 0, 2), expand=False))
        out.print(Padding(f"[dim]{escape(p.advice)}[/]", (0, 0, 0, 2), expand=False))
    return True


def _draft(session_ref: str | None, debrief_ref: str | None, to_name: str | None, sender: str | None,
           as_json: bool) -> None:
    from mockint.prep.debrief import Debrief
    from mockint.prep.followup import InterviewFacts, draft_followup, facts_from_debrief
    from mockint.prep.followup_check import check_message
    from mockint.roles import load_role
    from mockint.store import Store

    store = Store()
    session = store.load_session(session_ref) if session_ref else None
    facts = facts_from_debrief(Debrief.model_validate(store.load_debrief(debrief_ref))) if debrief_ref \
        else InterviewFacts()
    competencies = []
    if session:
        try:
            competencies = load_role(session.role_key).competencies
        except UserError:
            pass  # a role file removed since the session: the placeholder just says less
    draft = draft_followup(facts, to_name, sender, session, competencies[0] if competencies else "")
    problems = [p for p in check_message(f"Subject: {draft.subject}\n\n{draft.message}") if p.kind != "placeholder"]
    if as_json:
        click.echo(json.dumps({**draft.model_dump(mode="json"), "problems": [p.model_dump() for p in problems]},
                              indent=2))
        return
    out = console()
    click.echo(f"Subject: {draft.subject}\n\n{draft.message}\n")
    if draft.placeholders:
        out.print(f"[yellow]Fill in the {len(draft.placeholders)} part(s) in \\[brackets] with what happened in your "
                  "interview before you send it.[/]" + ("" if debrief_ref else
                                                       " A debrief fills them in: mockint debrief --round 2"))
    example = draft.practice_example
    if example:
        out.print(f"[dim]From your practice (session {example['session']}, question {example['turn']}), a result you "
                  f"could use if you told this story in the interview: \"{escape(example['result'])}\"[/]")
    out.print(f"[bold]When to send it:[/] {escape(draft.send)}")
    out.print("\n[bold]A nudge for later[/] (only if there is no reply):\n")
    click.echo(draft.nudge)
    for p in problems:
        out.print(f"[yellow]Check this sentence ({p.kind}): {escape(p.text)}[/]")
