"""Typed answers: read from standard input, an empty line ends an answer.

Works the same at a terminal and with piped input. End of input ends the session but
keeps whatever was typed of the last answer; Ctrl-C does the same.
"""

from __future__ import annotations

import sys
from typing import TextIO

from mockint.channels.base import TYPED_COMMANDS, Reply
from mockint.domain import Answer, Question
from mockint.feedback.meaning import read_question_ahead

HELP = "Type your answer; an empty line ends it. Commands: /skip, /repeat, /quit."


class TextChannel:
    """Questions are shown by the view; answers are typed lines."""

    mode = "text"
    help = HELP

    def __init__(self, stdin: TextIO | None = None, prompt_out: TextIO | None = None):
        self.stdin = stdin or sys.stdin
        # Show a prompt marker only when a person is typing, not when input is piped.
        self.prompt_out = prompt_out if prompt_out is not None else (sys.stdout if self.stdin.isatty() else None)

    def ask(self, question: Question) -> None:
        """The view has shown the question; what the feedback needs of it is encoded while the answer is typed."""
        read_question_ahead(question.text, question.talking_points)

    def listen(self, key: str) -> Reply:
        """Read lines until an empty line (the answer), a command, or the end of input."""
        lines: list[str] = []

        def typed(complete: bool = True) -> Answer | None:
            text = "\n".join(lines).strip()
            return Answer(text=text, mode="text", complete=complete) if text else None

        try:
            while True:
                if self.prompt_out and not lines:  # a prompt marks where the answer starts, not every line
                    self.prompt_out.write("> ")
                    self.prompt_out.flush()
                line = self.stdin.readline()
                if line == "":  # end of input: keep the partly typed answer
                    return Reply("end", typed(complete=False))
                stripped = line.strip()
                command = TYPED_COMMANDS.get(stripped.lower())
                if command:
                    return Reply(command, typed(complete=False) if command != "repeat" else None)
                if not stripped:
                    if lines:
                        return Reply("answer", typed())
                    continue  # blank lines before the answer starts are not an answer
                lines.append(line.rstrip("\n"))
        except KeyboardInterrupt:
            return Reply("interrupt", typed(complete=False))
