"""`mockint practice`: a mock second-round interview, typed or spoken, or one saved question again."""

from __future__ import annotations

import random
from contextlib import nullcontext

import click
from rich.console import Console
from rich.markup import escape

from mockint.channels import default_mode, open_channel
from mockint.channels.scripted import split_answers
from mockint.cli.meter import LevelMeter
from mockint.cli.common import (
    STOPPED_EXIT, confirm_family, console, engines, family_line, family_option, first_round_notes, interactive,
    llm_url_option, mode_option, offer_text_instead, open_store, read_text_file, settings,
)
from mockint.cli.view import TerminalView
from mockint.config import Settings
from mockint.domain import Session
from mockint.errors import UserError
from mockint.feedback import analyze
from mockint.feedback.meaning import load_in_background
from mockint.interview import run_session
from mockint.llm.fallback import credit_writer
from mockint.questions import QuestionPlanner, quotable
from mockint.review import compare_attempts
from mockint.retry import parse_retry_ref, retry_question
from mockint.roles import list_roles, resolve_role
from mockint.store import Store


def choose_role_interactively(out: Console) -> str:
    """Ask a candidate at a terminal which role they are interviewing for."""
    titles = ", ".join(r.title for r in list_roles())
    out.print(f"[dim]Built-in roles: {titles}. Any other job title works too.[/]")
    return click.prompt("Which role is your second interview for?").strip()


def session_channel(mode: str | None, config: Settings, store: Store, out: Console, written: str | None = None):
    """The channel for this session: written answers if given, the asked-for mode, else voice if possible;
    text when voice cannot work."""
    if written is not None:
        if mode == "voice":
            raise UserError("--answers-file gives written answers; leave out --voice to rehearse them.")
        mode = "text"
    if mode is None:
        mode = default_mode(engines(), config, interactive())
        if mode == "text" and interactive():
            out.print("[dim]No microphone found, so this session is typed. `mockint doctor` says what is missing.[/]")
    return open_channel(mode, engines(), config, store.home / "audio", offer_text_instead(out),
                        LevelMeter(out), written)


@click.command()
@click.option("--role", "role_text", help="The role, e.g. 'data scientist' or any job title.")
@mode_option
@click.option("--count", "-n", type=click.IntRange(1, 30),
              help="Main questions.  [default: 5, or one per answer in --answers-file]")
@click.option("--notes", type=click.Path(dir_okay=False), help="Notes from your first round (a text file).")
@click.option("--debrief", "debrief_ref", metavar="ID|last",
              help="A saved first-round debrief, used like notes (see `mockint debrief`).")
@click.option("--model", help="A GGUF model file to write the questions (default: models/).")
@llm_url_option
@click.option("--input-device", help="Microphone: name substring or index (see `mockint devices`).")
@click.option("--output-device", help="Speaker: name substring or index.")
@click.option("--follow-ups/--no-follow-ups", default=True, help="Probe a weak answer once (the default).")
@click.option("--seed", type=int, hidden=True, help="Fix the randomness (for tests).")
@click.option("--retry", metavar="SESSION:QUESTION",
              help="Answer a saved question again and compare, e.g. 3:2 (numbers as in `mockint review`).")
@family_option
@click.option("--answers-file", type=click.Path(dir_okay=False),
              help="Rehearse answers written in advance: one per question, in order, separated by lines of "
                   "--- (or by blank lines). No follow-ups.")
def practice(role_text, mode, count, notes, debrief_ref, model, llm_url, input_device, output_device, follow_ups, seed,
             retry, family, answers_file):
    """Practise a second-round interview: questions, your answers, feedback, saved."""
    out = console()
    config = settings()
    if llm_url:
        config.llm_url = llm_url
    if input_device:
        config.input_device = input_device
    if output_device:
        config.output_device = output_device
    written = read_text_file(answers_file, "answers") if answers_file else None
    if retry:
        return practise_again(retry, mode, config, out, written)
    if not role_text:
        if not interactive():
            raise UserError("Say which role to practise for: mockint practice --role 'software engineer'.")
        role_text = choose_role_interactively(out)
    match = resolve_role(role_text, family)
    if not family:
        match = confirm_family(match, out)
    notes_text = first_round_notes(notes, debrief_ref)
    llm = engines().language_model(model, config)
    store = open_store()
    rng = random.Random(seed)
    channel = session_channel(mode, config, store, out, written)
    if written is not None:
        follow_ups = False  # the file answers the main questions; a follow-up would take the next one's answer
        count = count or min(len(split_answers(written)), 30)
    count = count or 5
    # Load the model here, before anything is on screen: llama-cpp-python silences a load by
    # pointing the process's stdout and stderr at /dev/null for a moment, which would swallow
    # a question printed at the same time if the load ran in the background.
    with out.status("Loading the question model...") if out.is_terminal else nullcontext():
        llm.warm_up()
    session = store.start_session(
        Session(role=match.title, role_key=match.role.key, mode=channel.mode, notes=notes_text, model=llm.name)
    )
    out.print(f"[bold]Second-round practice: {escape(match.title)}[/] · {count} questions · {channel.mode}"
              f" · session {session.id}")
    planner = QuestionPlanner(match, notes_text, llm, rng=rng, instant_first=True)
    out.print(f"[dim]{escape(family_line(match, planner.doubted))}[/]")
    if notes_text:
        out.print("[dim]Your first-round notes shape some of the questions.[/]")
    load_in_background()  # the feedback reads meaning: STAR, rambling, talking points
    if follow_ups:
        quotable.load_in_background()  # the follow-ups' quotes are read by the parser
    result = run_session(session, credit_writer(planner.questions(count), llm), count, channel,
                         TerminalView(out, channel.help), store, analyze, follow_ups=follow_ups, rng=rng,
                         on_turn=planner.on_turn)
    if result.stopped:
        raise SystemExit(STOPPED_EXIT)


def practise_again(ref: str, mode: str | None, config: Settings, out: Console, written: str | None = None) -> None:
    """Ask a saved question again, save the attempt as a new session, show it beside the old one."""
    session_ref, number = parse_retry_ref(ref)
    store = open_store()
    original = store.load_session(session_ref)
    before, question, retry_of = retry_question(original, number)
    channel = session_channel(mode, config, store, out, written)
    session = store.start_session(Session(role=original.role, role_key=original.role_key, mode=channel.mode,
                                          notes=original.notes, retry_of=retry_of))
    out.print(f"[bold]Retry: question {number} of session {original.id}[/] · {original.role} · {channel.mode}"
              f" · saved as session {session.id}")
    load_in_background()  # the feedback reads meaning: STAR, rambling, talking points
    result = run_session(session, iter([question]), 1, channel, TerminalView(out, channel.help), store, analyze,
                         follow_ups=False)
    if result.stopped:
        raise SystemExit(STOPPED_EXIT)
    after = session.turns[0] if session.turns else None
    if after is None or after.feedback is None:
        out.print("No new answer this time, so there is nothing to compare.")
        return
    out.print()
    out.print(compare_attempts(before, after, f"Before (session {original.id})", f"Now (session {session.id})"))
