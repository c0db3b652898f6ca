"""Practising a saved story: tell it from memory, then compare the telling with the saved version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mockint.channels.base import Channel, ask_and_listen
from mockint.domain import Question, QuestionKind, Story
from mockint.prep.stories import Comparison, compare
from mockint.store import Store


@dataclass
class Retelling:
    """One practice of a story: what was told (None if nothing), its comparison, and whether Ctrl-C ended it."""

    text: str | None
    comparison: Comparison | None
    previous_scores: list[int]
    stopped: bool


def practise_story(story: Story, channel: Channel, store: Store, show: Callable[[], None]) -> Retelling:
    """Ask for the story, compare the telling with the saved one, and save the attempt at once."""
    question = Question(text=f"Tell me about {story.title}.", kind=QuestionKind.behavioral)
    reply = ask_and_listen(channel, question, f"story-{story.id}", show)
    stopped = reply.action == "interrupt"
    if reply.said is None:
        return Retelling(None, None, [], stopped)
    told = reply.said.text.strip()
    result = compare(story.text, told, story.title)
    previous = [a.score for a in store.story_attempts(story.id)]
    store.save_story_attempt(story.id, told, channel.mode, result.score, result.model_dump(mode="json"))
    return Retelling(told, result, previous, stopped)
