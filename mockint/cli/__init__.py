"""The `mockint` command: a click group, one module per command.

Every command's errors end here: a UserError becomes one line on stderr and a
non-zero exit; anything unexpected becomes one line too (MOCKINT_DEBUG=1 shows the
traceback), because a nervous candidate should never be shown a stack trace.
"""

from __future__ import annotations

import os
import sys

import click

from mockint.cli.analyze import analyze
from mockint.cli.ask import ask
from mockint.cli.common import HelpGroup
from mockint.cli.debrief import debrief
from mockint.cli.devices import devices
from mockint.cli.doctor import doctor
from mockint.cli.followup import followup
from mockint.cli.models import models
from mockint.cli.practice import practice
from mockint.cli.progress import progress
from mockint.cli.questions import questions
from mockint.cli.roles import roles
from mockint.cli.review import review
from mockint.cli.sessions import sessions
from mockint.cli.stories import stories
from mockint.cli.web import web
from mockint.engines import Engines
from mockint.errors import UserError


class MockintGroup(HelpGroup):
    """A click group that turns errors into one clear line."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"mockint: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("\nmockint: interrupted.", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # the last line of defence; the message says how to see more
            if os.environ.get("MOCKINT_DEBUG"):
                raise
            click.echo(
                f"mockint: unexpected error: {type(exc).__name__}: {exc} (run again with MOCKINT_DEBUG=1 for details)",
                err=True,
            )
            ctx.exit(1)


@click.group(cls=MockintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mockint")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """mockint: an offline mock interviewer for your second-round interview."""
    ctx.ensure_object(Engines)  # tests pass scripted engines as `obj`; everyone else gets the real ones


for command in (
    practice, questions, roles, sessions, review, progress, analyze,
    debrief, stories, ask, followup, devices, doctor, models, web,
):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="mockint")  # standalone mode: always ends in SystemExit
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
    except BrokenPipeError:  # `mockint sessions | head` closed the pipe early: not an error worth a line
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    # Leave without interpreter teardown. llama.cpp can crash (SIGSEGV) while its native
    # objects are freed during shutdown, seen after Ctrl-C; every turn is already committed
    # to SQLite, so there is nothing left to clean up that the OS does not.
    os._exit(code)
