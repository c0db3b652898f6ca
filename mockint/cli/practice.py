"""`mockint practice`: a mock second-round interview, typed or spoken."""

from __future__ import annotations

import random
import sys
from contextlib import nullcontext

import click

from mockint.cli.common import console, open_llm
from mockint.cli.prep import first_round_notes
from mockint.config import Settings
from mockint.domain import Session
from mockint.errors import DeviceError, ModelError, UserError


def choose_role_interactively(out) -> str:
    """Ask a candidate at a terminal which role they are interviewing for."""
    from mockint.roles import list_roles

    titles = ", ".join(r.title for r in list_roles())
    out.print(f"[dim]Built-in roles: {titles}. Any other job title works too.[/]")
    return click.prompt("Which role is your second interview for?").strip()


VOICE_HELP = ("Answer out loud and stop when you are done. Say \"could you repeat the question\", "
              "\"skip this one\" or \"let's stop here\" at any time; Ctrl-C ends the session.")


def make_channel(mode: str, settings: Settings, store, out):
    """The text or voice channel; offers text when voice is impossible and someone is at the keyboard."""
    from mockint.text_channel import HELP, TextChannel

    if mode == "voice":
        try:
            from mockint.cli.meter import LevelMeter
            from mockint.speech.voice import VoiceChannel

            channel = VoiceChannel(settings, store.home / "audio", LevelMeter(out))
            channel.prepare()
            return "voice", channel, VOICE_HELP
        except (DeviceError, ModelError) as exc:  # no microphone, or no Whisper model: offer typing
            if not sys.stdin.isatty():
                raise
            out.print(f"[yellow]{exc}[/]")
            if not click.confirm("Continue in text mode instead?", default=True):
                raise
            mode = "text"
    return "text", TextChannel(), HELP


@click.command()
@click.option("--role", "role_text", help="The role, e.g. 'data scientist' or any job title.")
@click.option("--text", "mode", flag_value="text", help="Type your answers.")
@click.option("--voice", "mode", flag_value="voice", help="Speak your answers (microphone and speakers).")
@click.option("--count", "-n", default=5, show_default=True, type=click.IntRange(1, 30), help="Main questions.")
@click.option("--notes", type=click.Path(dir_okay=False), help="Notes from your first round (a text file).")
@click.option("--debrief", "debrief_ref", metavar="ID|last",
              help="A saved first-round debrief, used like notes (see `mockint debrief`).")
@click.option("--model", help="A GGUF model file to write the questions (default: models/).")
@click.option("--input-device", help="Microphone: name substring or index (see `mockint devices`).")
@click.option("--output-device", help="Speaker: name substring or index.")
@click.option("--follow-ups/--no-follow-ups", default=True, show_default=True, help="Probe weak answers once.")
@click.option("--seed", type=int, hidden=True, help="Fix the randomness (for tests).")
@click.option("--retry", metavar="SESSION:QUESTION",
              help="Answer a saved question again and compare, e.g. 3:2 (numbers as in `mockint review`).")
def practice(role_text, mode, count, notes, debrief_ref, model, input_device, output_device, follow_ups, seed, retry):
    """Practise a second-round interview: questions, your answers, feedback, saved."""
    from mockint.feedback import analyze
    from mockint.interview import Interview
    from mockint.questions import QuestionPlanner
    from mockint.roles import resolve_role
    from mockint.session_view import SessionView
    from mockint.store import Store

    out = console()
    settings = Settings.load()
    if input_device:
        settings.input_device = input_device
    if output_device:
        settings.output_device = output_device
    if retry:
        from mockint.cli.retry import practise_again

        return practise_again(retry, mode, settings, out)
    if not role_text:
        if not sys.stdin.isatty():
            raise UserError("Say which role to practise for: mockint practice --role 'software engineer'.")
        role_text = choose_role_interactively(out)
    match = resolve_role(role_text)
    notes_text = first_round_notes(notes, debrief_ref)
    llm = open_llm(model)
    store = Store()
    rng = random.Random(seed)

    if mode is None:
        mode = default_mode(settings)
        if mode == "text" and sys.stdin.isatty():
            out.print("[dim]No microphone found, so this session is typed. `mockint doctor` says what is missing.[/]")
    mode, channel, help_text = make_channel(mode, settings, store, out)
    # Load the model here, before anything is on screen: llama-cpp-python silences a load by
    # pointing the process's stdout and stderr at /dev/null for a moment, which would swallow
    # a question printed at the same time if the load ran in the background.
    with out.status("Loading the question model...") if out.is_terminal else nullcontext():
        llm.warm_up()
    session = store.start_session(
        Session(role=match.title, role_key=match.role.key, mode=mode, notes=notes_text, model=llm.name)
    )
    near = "" if match.exact else f" (questions drawn from: {match.role.title})"
    out.print(f"[bold]Second-round practice: {match.title}[/]{near} · {count} questions · {mode} · session {session.id}")
    if notes_text:
        out.print("[dim]Your first-round notes shape some of the questions.[/]")

    planner = QuestionPlanner(match, notes_text, llm, rng=rng, instant_first=True)
    interview = Interview(
        session, planner.questions(count), count, channel, SessionView(out, help_text), store, analyze,
        follow_ups=follow_ups, rng=rng,
    )
    try:
        interview.run()
    except KeyboardInterrupt:
        answered = sum(t.answer is not None for t in session.turns)
        out.print(f"\nStopped. Session {session.id} is saved with {answered} answer(s): mockint review {session.id}")
        sys.exit(130)


def default_mode(settings: Settings) -> str:
    """Voice when there is a microphone and a person at the terminal, else text."""
    if not sys.stdin.isatty():
        return "text"
    try:
        from mockint.speech.devices import resolve_device

        resolve_device(settings.input_device, kind="input")
        return "voice"
    except (DeviceError, ImportError):
        return "text"
