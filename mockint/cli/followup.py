"""`mockint followup`: a thank-you draft for after the interview, or a check of one the candidate wrote."""

from __future__ import annotations

import json

import click
from rich.markup import escape

from mockint.cli.common import console, open_store, read_text_file
from mockint.errors import UserError
from mockint.prep.followup import check_message, draft_followup
from mockint.roles import load_role


@click.command()
@click.argument("session_ref", metavar="SESSION_ID|last", required=False)
@click.option("--to", "to_name", help="Who the message is to, e.g. 'Ms Alvarez'.")
@click.option("--from", "sender", help="Your name, to sign the message.")
@click.option("--check", "check_file", type=click.Path(dir_okay=False), help="Check a draft you wrote instead.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def followup(session_ref, to_name, sender, check_file, as_json):
    """Draft a thank-you message citing your strongest practice answer, or check a draft of your own."""
    if check_file and session_ref:
        raise UserError("Give either a session to draft from or --check FILE, not both.")
    if check_file:
        check_draft(read_text_file(check_file, "draft"), as_json)
    elif session_ref:
        show_draft(session_ref, to_name, sender, as_json)
    else:
        raise UserError("Say which session to draw your example from (mockint followup last), "
                        "or check a draft: mockint followup --check FILE.")


def check_draft(text: str, as_json: bool) -> None:
    problems = check_message(text)
    if as_json:
        click.echo(json.dumps({"problems": [p.model_dump() for p in problems]}, indent=2))
        return
    out = console()
    if not problems:
        out.print("[green]No problems found[/]: nothing exaggerated, desperate, entitled, pushy or shouted.")
        return
    out.print(f"[bold]{len(problems)} problem(s)[/] in this follow-up:")
    for p in problems:
        out.print(f"\n[red]{p.kind}[/] ({escape(p.match)}): {escape(p.text)}")
        out.print(f"  [dim]{escape(p.advice)}[/]")


def show_draft(session_ref: str, to_name: str | None, sender: str | None, as_json: bool) -> None:
    session = open_store().load_session(session_ref)
    try:
        competencies = load_role(session.role_key).competencies
    except UserError:
        competencies = []  # a role file removed since the session: the draft just says less
    draft = draft_followup(session, to_name, sender, fallback_competency=competencies[0] if competencies else "")
    problems = check_message(f"Subject: {draft.subject}\n\n{draft.message}")
    if as_json:
        click.echo(json.dumps({**draft.model_dump(), "problems": [p.model_dump() for p in problems]}, indent=2))
        return
    out = console()
    click.echo(f"Subject: {draft.subject}\n\n{draft.message}\n")
    out.print(f"[bold]When to send it:[/] {draft.send}")
    if draft.example and draft.example["result"]:
        out.print(f"[dim]The example is from session {session.id}, question {draft.example['turn']}: "
                  f"{escape(draft.example['question'])}[/]")
    else:
        out.print("[yellow]No answer in this session had a result worth quoting; add one line about your best "
                  "example yourself.[/]")
    out.print("\n[bold]A nudge for later[/] (only after about a week without a reply):\n")
    click.echo(draft.nudge)
    for p in problems:
        out.print(f"[yellow]Check this sentence ({p.kind}): {escape(p.text)}[/]")
