"""What every channel shares: the protocol, its one reply type, and the candidate's commands.

A channel carries questions to the candidate and answers back, typed or spoken. Whatever
it is, it replies with a Reply: an action and whatever was answered so far, so a session,
a debrief and a story retelling all handle "skip", "repeat" and "quit" the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from mockint.domain import Answer, Mode, Question

# answer: an answer was given; skip/repeat/quit: the candidate asked for it; end: the input
# ended (piped text ran out); interrupt: Ctrl-C. Any partial answer rides along with the action.
Action = Literal["answer", "skip", "repeat", "quit", "end", "interrupt"]
STOPS: frozenset[Action] = frozenset({"quit", "end", "interrupt"})

# Typed commands; a spoken channel recognises the same actions from short utterances.
TYPED_COMMANDS: dict[str, Action] = {"/skip": "skip", "/repeat": "repeat", "/quit": "quit", "/q": "quit"}


@dataclass(frozen=True)
class Reply:
    """What came back from the candidate: what they want, and what they answered (if anything)."""

    action: Action
    answer: Answer | None = None

    @property
    def said(self) -> Answer | None:
        """The answer when it has any words in it, else None."""
        return self.answer if self.answer is not None and self.answer.text.strip() else None

    @property
    def stops(self) -> bool:
        """Whether the candidate wants to stop (quit, end of input, Ctrl-C)."""
        return self.action in STOPS


class Channel(Protocol):
    """How a question reaches the candidate and their answer comes back."""

    mode: Mode
    help: str  # how to answer, shown once at the start

    def ask(self, question: Question) -> None:
        """Put the question to the candidate (a spoken channel says it; a typed one has nothing to do)."""

    def listen(self, key: str) -> Reply:
        """The candidate's reply to the question just asked; `key` names any recording it saves."""


def ask_and_listen(channel: Channel, question: Question, key: str, show: Callable[[], None]) -> Reply:
    """Show and ask a question, and again each time the candidate asks for it to be repeated."""
    while True:
        show()
        channel.ask(question)
        reply = channel.listen(key)
        if reply.action != "repeat":
            return reply
