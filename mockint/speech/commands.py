"""Spoken commands in a voice session: "could you repeat the question", "skip this one", "let's stop here".

A command is recognised only when it is the whole utterance (politeness and fillers
around it aside), never from inside a longer answer: "I would skip this one step and
ship" is an answer. The caller also checks the utterance is short (the speech lasted at
most COMMAND_MAX_SPEECH_SECONDS), so a long answer that ends "...next question" is kept.
"""

from __future__ import annotations

import re
from typing import Literal

Command = Literal["repeat", "skip", "quit"]
COMMAND_MAX_SPEECH_SECONDS = 6.0

# Words people wrap a command in: "Sorry, um, could you repeat the question, please?"
AROUND = {
    "um", "umm", "uh", "uhm", "er", "erm", "hmm", "mm", "ah", "oh", "sorry", "okay", "ok", "so", "well", "actually",
    "excuse", "me", "please", "hey", "yeah", "yes", "right", "alright", "thanks", "thank", "you", "just", "now",
    "then", "again", "for", "today", "i'm", "i", "think", "maybe", "but", "and",
}
_YOU = r"(?:could|can|would|will) you(?: please)?"
_WE = r"(?:(?:could|can|shall|may) (?:we|i)|let's|let us|i'?d like to|i would like to|i want to|i'll|we'll)"
PATTERNS: list[tuple[Command, re.Pattern]] = [
    ("repeat", re.compile(
        rf"(?:{_YOU} )?(?:repeat|rephrase|reread|read|say)(?: the| that| this| your)?(?: question| it| that)?(?: again)?"
        r"|(?:what|pardon|come again|what was the question|one more time)"
        rf"|(?:{_YOU} )?(?:ask|give)(?: me)? (?:the|that) question again"
        r"|i did(?:n't| not) (?:catch|hear|get|understand) (?:that|it|the question)"
    )),
    ("skip", re.compile(
        rf"(?:{_WE} )?(?:skip|pass(?: on)?)(?: on)?(?: this| that| the)?(?: one| question)?"
        rf"|(?:{_WE} |{_YOU} )?(?:go to |move on to |have |ask |give me )?(?:the )?next(?: one| question)"
        rf"|(?:{_WE} )?move on(?: to the next(?: one| question)?)?"
    )),
    ("quit", re.compile(
        rf"(?:{_WE} )?(?:stop|end|finish|quit)(?: the| this)?(?: interview| session| practice)?(?: here| there| now)?"
        r"|that's (?:all|enough) for (?:today|now)"
    )),
]


def _words(text: str) -> list[str]:
    """Lower-case words, apostrophes kept ("let's"), everything else dropped."""
    return re.sub(r"[^a-z' ]+", " ", text.lower().replace("’", "'")).split()


def spoken_command(transcript: str) -> Command | None:
    """The command a short utterance is ("repeat", "skip" or "quit"), or None for an answer."""
    words = _words(transcript)
    if not words or len(words) > 14:
        return None
    # Peel off what surrounds the command, from both ends, but never the command itself.
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            inner = " ".join(words[start:end])
            for command, pattern in PATTERNS:
                if pattern.fullmatch(inner):
                    return command
            if end - 1 > start and words[end - 1] not in AROUND:
                break
        if words[start] not in AROUND:
            return None
    return None
