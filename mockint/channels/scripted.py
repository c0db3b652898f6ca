"""Written answers from a file, one per question: rehearsing answers prepared in advance.

The file holds the answers in the order of the questions, separated by a line of three
dashes (`---`), so an answer may have paragraphs; a file without such a line is split at
blank lines, as typed answers are. An answer that is just `/skip` or `/quit` does that.
When the answers run out the session ends, as at the end of piped input.
"""

from __future__ import annotations

import re
from typing import TextIO

from mockint.channels.base import TYPED_COMMANDS, Reply
from mockint.domain import Answer, Question

SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)
BLANK_LINES = re.compile(r"\n\s*\n")


def split_answers(text: str) -> list[str]:
    """The answers in a file's text: blocks between `---` lines, else between blank lines."""
    blocks = SEPARATOR.split(text) if SEPARATOR.search(text) else BLANK_LINES.split(text)
    return [block.strip() for block in blocks if block.strip()]


class ScriptedChannel:
    """Each question gets the next written answer, shown under it as if typed."""

    mode = "text"

    def __init__(self, answers: list[str], echo: TextIO | None = None):
        self.answers = list(answers)
        self.echo = echo
        self.help = f"Answers come from your file: {len(self.answers)} of them, one per question."

    def ask(self, question: Question) -> None:
        """Nothing to do: the view has shown the question."""

    def listen(self, key: str) -> Reply:
        """The next answer in the file, a command written in its place, or the end when none are left."""
        if not self.answers:
            return Reply("end")
        text = self.answers.pop(0)
        command = TYPED_COMMANDS.get(text.lower())
        if command:
            return Reply(command)
        if self.echo is not None:
            self.echo.write("".join(f"> {line}".rstrip() + "\n" for line in text.splitlines()))
            self.echo.flush()
        return Reply("answer", Answer(text=text, mode="text"))
