"""Walking the candidate through a debrief of their interview, saving each answer as it ends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mockint.channels.base import Channel, ask_and_listen
from mockint.domain import Question, QuestionKind
from mockint.prep.debrief import Step
from mockint.store import Store


@dataclass
class DebriefRun:
    """How a walk-through ended: the saved debrief (None if nothing was typed), answers, and Ctrl-C."""

    debrief_id: int | None
    answered: int
    stopped: bool


def walk_through(steps: list[Step], channel: Channel, store: Store, show_step: Callable[[int, Step], None],
                 role: str | None = None, role_key: str | None = None) -> DebriefRun:
    """Ask each step in turn; the debrief is saved at the first answer and each answer as it ends."""
    debrief_id, answered, stopped = None, 0, False
    for position, step in enumerate(steps, 1):
        prompt = Question(text=step.prompt, kind=QuestionKind.first_round)
        reply = ask_and_listen(channel, prompt, f"debrief-{position}", lambda: show_step(position, step))
        if reply.said is not None:
            if debrief_id is None:
                debrief_id = store.start_debrief(role, role_key)
            store.save_debrief_step(debrief_id, step.key, position, reply.said.text.strip())
            answered += 1
        if reply.stops:  # /quit or the end of input still ends the debrief; Ctrl-C leaves it open
            stopped = reply.action == "interrupt"
            break
    if debrief_id is not None and not stopped:
        store.end_debrief(debrief_id)
    return DebriefRun(debrief_id, answered, stopped)
