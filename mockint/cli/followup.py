"""`mockint followup`: a thank-you drafted from a debrief of the interview, or a check of a draft."""

from __future__ import annotations

import json
import sys
from datetime import date

import click
from pydantic import ValidationError
from rich.markup import escape
from rich.padding import Padding

from mockint.cli.common import console, open_store, read_text_file
from mockint.errors import UserError
from mockint.prep.followup import checked_draft
from mockint.prep.followup_check import Problem, check_message, guess_message_type
from mockint.prep.send_timing import SendDates

MESSAGE_TYPES = {"thank-you": "thank_you", "nudge": "nudge"}
PROBLEMS_EXIT = 1  # like a linter: the draft has problems
DATE = click.DateTime(["%Y-%m-%d"])


@click.command()
@click.argument("session_ref", metavar="[SESSION_ID|last]", required=False)
@click.option("--debrief", "debrief_ref", metavar="ID|last", help="The debrief of the interview to thank them for.")
@click.option("--to", "to_name", help="Who the message is to, e.g. 'Ms Alvarez' (default: the first person you met).")
@click.option("--from", "sender", help="Your name, to sign the message.")
@click.option("--check", "check_file", type=click.Path(dir_okay=False), help="Check a draft you wrote instead.")
@click.option("--type", "message_type", type=click.Choice(sorted(MESSAGE_TYPES)),
              help="With --check: a thank-you or a nudge (default: a nudge when --last-sent is given).")
@click.option("--interview-date", type=DATE, metavar="YYYY-MM-DD", help="With --check: the interview's date.")
@click.option("--last-sent", type=DATE, metavar="YYYY-MM-DD", help="With --check: when you last wrote to them.")
@click.option("--send-date", type=DATE, metavar="YYYY-MM-DD",
              help="With --check: when you mean to send it (default: today, when another date is given).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def followup(session_ref, debrief_ref, to_name, sender, check_file, message_type, interview_date, last_sent, send_date,
             as_json):
    """Draft a thank-you from your debrief of the interview, or check a draft (exit 1 when it has problems)."""
    if check_file and (session_ref or debrief_ref):
        raise UserError("Give either a session or debrief to draft from or --check FILE, not both.")
    if check_file:
        dates = send_dates(interview_date, last_sent, send_date)
        if check_draft(read_text_file(check_file, "draft"), MESSAGE_TYPES.get(message_type), dates, as_json):
            sys.exit(PROBLEMS_EXIT)
    elif session_ref or debrief_ref:
        show_draft(session_ref, debrief_ref, to_name, sender, as_json)
    else:
        raise UserError("Say which interview to thank them for (mockint followup --debrief last), "
                        "or check a draft: mockint followup --check FILE.")


def send_dates(interview, last_sent, send) -> SendDates | None:
    """The dates given on the command line, checked for order; None when none was given."""
    if not (interview or last_sent or send):
        return None
    day = lambda value: value.date() if value else None  # noqa: E731
    try:
        return SendDates(interview=day(interview), last_sent=day(last_sent), send=day(send) or date.today())
    except ValidationError as exc:
        raise UserError(f"Check the dates: {exc.errors()[0]['msg'].removeprefix('Value error, ')}.") from None


def check_draft(text: str, message_type: str | None, dates: SendDates | None, as_json: bool) -> bool:
    """Print the problems in a draft; True when there are any."""
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
    out.print(f"[bold]{len(problems)} problem(s)[/] in this {read_as}:")
    for problem in problems:
        print_problem(out, problem)
    return True


def print_problem(out, problem: Problem) -> None:
    """The kind and what set it off on one line, then the sentence and the advice indented under it."""
    where = f" · \"{escape(problem.match)}\"" if problem.match and problem.text else ""
    out.print(f"\n[red]{problem.kind.replace('_', ' ')}[/]{where}")
    out.print(Padding(escape(problem.text or "(the whole message)"), (0, 0, 0, 2), expand=False))
    out.print(Padding(f"[dim]{escape(problem.advice)}[/]", (0, 0, 0, 2), expand=False))


def show_draft(session_ref: str | None, debrief_ref: str | None, to_name: str | None, sender: str | None,
               as_json: bool) -> None:
    """Draft the thank-you and the nudge from the debrief (and a practice session's suggestion), and print them."""
    store = open_store()
    session = store.load_session(session_ref) if session_ref else None
    debrief = store.load_debrief(debrief_ref) if debrief_ref else None
    draft, problems = checked_draft(debrief, session, to_name, sender)
    if as_json:
        click.echo(json.dumps({**draft.model_dump(mode="json"), "problems": [p.model_dump() for p in problems]},
                              indent=2))
        return
    out = console()
    click.echo(f"Subject: {draft.subject}\n\n{draft.message}\n")
    if draft.placeholders:
        how = "" if debrief_ref else " A debrief fills them in: mockint debrief --round 2"
        out.print(f"[yellow]Fill in the {len(draft.placeholders)} part(s) in \\[brackets] with what happened in your "
                  f"interview before you send it.{how}[/]")
    example = draft.practice_example
    if example:
        out.print(f"[dim]From your practice (session {example['session']}, question {example['turn']}), a result you "
                  f"could use if you told this story in the interview: \"{escape(example['result'])}\"[/]")
    out.print(f"[bold]When to send it:[/] {escape(draft.send)}")
    out.print("\n[bold]A nudge for later[/] (only if there is no reply):\n")
    click.echo(draft.nudge)
    for p in problems:
        out.print(f"[yellow]Check this sentence ({p.kind}): {escape(p.text)}[/]")
