"""The `mockint` command: a click group, one module per command group.

Every command's errors end here: a UserError becomes one line on stderr and a
non-zero exit; anything unexpected becomes one line too (MOCKINT_DEBUG=1 shows the
traceback), because a nervous candidate should never be shown a stack trace.
"""

from __future__ import annotations

import os
import sys

import click

from mockint.errors import UserError


class MockintGroup(click.Group):
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
def cli() -> None:
    """mockint: an offline mock interviewer for your second-round interview."""


def _register() -> None:
    from mockint.cli.analyze import analyze
    from mockint.cli.doctor import doctor
    from mockint.cli.practice import practice
    from mockint.cli.prep import ask, debrief, followup, stories
    from mockint.cli.progress import progress
    from mockint.cli.questions import questions, roles
    from mockint.cli.sessions import review, sessions

    for command in (
        practice, questions, roles, sessions, review, progress, analyze,
        debrief, stories, ask, followup, doctor,
    ):
        cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    # Piped output must not die on a closed pipe (`mockint sessions | head`).
    try:
        cli.main(prog_name="mockint")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
