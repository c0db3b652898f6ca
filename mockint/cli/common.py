"""What the commands share: the console, the engines, the store, input files and first-round notes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mockint.config import Settings
from mockint.engines import Engines
from mockint.errors import UserError
from mockint.prep.debrief import is_empty, render_notes
from mockint.roles import RoleMatch, choose_family
from mockint.store import Store

STOPPED_EXIT = 130  # the shell's code for "ended by Ctrl-C"


class HelpGroup(click.Group):
    """A command group whose help lists each command's whole first sentence, wrapped, not cut with '...'."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=200)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def console() -> Console:
    """The console everything is printed to; plain text when output is piped."""
    return Console(highlight=False, soft_wrap=False)


def engines() -> Engines:
    """The engines of this invocation (tests put scripted ones in the click context)."""
    return click.get_current_context().find_object(Engines) or Engines()


def settings() -> Settings:
    """The settings of this invocation: config.toml and MOCKINT_<NAME> variables, type-checked."""
    return engines().settings()


def open_store() -> Store:
    """The candidate's store; if its file was damaged and recovered, say so on stderr first."""
    store = engines().store(None)
    if store.recovery is not None:
        click.echo(f"mockint: {store.recovery.describe(store.path)}", err=True)
    return store


def interactive() -> bool:
    """Whether a person is typing (not piped input), so mockint may ask them things."""
    return sys.stdin.isatty()


def offer_text_instead(out: Console) -> Callable[[Exception], bool]:
    """When voice cannot work: at a terminal, say why and offer to type instead; with piped input, don't."""
    def offer(problem: Exception) -> bool:
        if not interactive():
            return False
        out.print(f"[yellow]{problem}[/]")
        return click.confirm("Continue in text mode instead?", default=True)
    return offer


def titled_table(title: str, *columns: str) -> Table:
    """A table with a title on its left and the given columns, as every listing prints."""
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    return table


def stopped(out: Console, what: str) -> NoReturn:
    """End the command after Ctrl-C, saying what was saved (everything was)."""
    out.print(f"\nStopped. {what}")
    sys.exit(STOPPED_EXIT)


def read_text_file(path: str | Path, what: str) -> str:
    """Read a UTF-8 text file the user named, failing with one clear line."""
    path = Path(path).expanduser()
    if not path.exists():
        raise UserError(f"The {what} file {path} does not exist.")
    if path.is_dir():
        raise UserError(f"The {what} path {path} is a folder; pass a text file.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"The {what} file {path} is not UTF-8 text. Save it as plain text and try again.") from None
    except OSError as exc:
        raise UserError(f"Cannot read the {what} file {path}: {exc.strerror}.") from None
    if not text.strip():
        raise UserError(f"The {what} file {path} is empty.")
    # NUL bytes and other control characters decode as UTF-8 but are not writing: a PDF, an image, a zip.
    control = sum(ch < " " and ch not in "\n\r\t\f" for ch in text)
    if "\x00" in text or control > len(text) // 20:
        raise UserError(f"The {what} file {path} is not plain text (it looks like a binary file). "
                        "Copy your notes into a .txt file and try again.")
    return text


def first_round_notes(notes_path: str | None, debrief_ref: str | None) -> str | None:
    """The first-round notes for the planner: a notes file, a saved debrief, or both together."""
    parts = []
    if notes_path:
        parts.append(read_text_file(notes_path, "notes"))
    if debrief_ref:
        debrief = open_store().load_debrief(debrief_ref)
        if is_empty(debrief):
            raise UserError(f"Debrief {debrief.id} is empty. Fill one in with: mockint debrief")
        parts.append(render_notes(debrief))
    return "\n\n".join(parts) or None


def mode_option(function):
    """--text / --voice: how the candidate answers (default: voice if there is a microphone)."""
    function = click.option("--voice", "mode", flag_value="voice", help="Speak your answers (microphone).")(function)
    return click.option("--text", "mode", flag_value="text", help="Type your answers.")(function)



class ServerUrl(click.ParamType):
    """An OpenAI-compatible server's address, checked like the llm_url setting."""

    name = "URL"

    def convert(self, value, param, ctx):
        from mockint.llm.urls import normalise_url

        try:
            return normalise_url(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def llm_url_option(function):
    """--llm-url: a bigger model through an OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM)."""
    return click.option(
        "--llm-url", type=ServerUrl(),
        help="An OpenAI-compatible server to write the questions, e.g. http://127.0.0.1:11434/v1 (Ollama); "
             "the local model stands in if it fails. Also MOCKINT_LLM_URL.",
    )(function)


def family_option(function):
    """--family: the job family whose questions to use, whatever the title matched."""
    return click.option(
        "--family", metavar="KEY",
        help="Use this job family's questions (a key or title from `mockint roles`), e.g. --family legal.",
    )(function)


def family_line(match: RoleMatch, doubted: bool = False) -> str:
    """The line that tells the candidate which family's questions they get, and how to change it.

    `doubted`: the first-round notes read like another job than the family (QuestionPlanner.doubted)."""
    if match.exact:
        return f"Interviewing as {match.title}, questions from {match.role.title}."
    if doubted:
        return (f"Interviewing as {match.title}, questions from General: your notes do not read like "
                f"{match.role.title}. Its questions: --family {match.role.key}; others: mockint roles.")
    also = f" (close: {', '.join(r.key for r in match.also[:3])})" if match.also else ""
    sources = f"{match.role.title} and General" if match.mixed else match.role.title
    return (f"Interviewing as {match.title}, questions from {sources}{also}. "
            f"Another family: --family KEY (mockint roles lists them).")


def confirm_family(match: RoleMatch, out: Console) -> RoleMatch:
    """At a terminal, let the candidate keep the matched family or name another; the match they settle on."""
    if match.exact or not interactive():
        return match
    while True:
        answer = click.prompt(f"Questions from {match.role.title}. Enter to keep, or type another family",
                              default="", show_default=False).strip()
        if not answer:
            return match
        try:
            return match.model_copy(update={"role": choose_family(answer), "also": []})
        except UserError as exc:
            out.print(f"[yellow]{escape(str(exc))}[/]")
