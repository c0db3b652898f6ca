"""Where fillers and long pauses fall in an answer's transcript, so every format can mark them in place.

Fillers come with character offsets from the analyzer. Pauses come with times, so each
is placed after the timed word it follows, found in the text by matching words in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mockint.domain import Pause, Turn, Word

TRAILING = re.compile(r"[,.;:!?…\"')\]]*")


def answer_text(turn: Turn) -> str:
    """The text the feedback's character offsets point into (the analyzed transcript when there is one)."""
    if turn.feedback is not None and turn.feedback.transcript:
        return turn.feedback.transcript
    return turn.answer.text if turn.answer else ""


def word_ends(text: str, words: list[Word]) -> list[int | None]:
    """Where each timed word ends in the transcript text, found in order; None where it cannot be found."""
    ends: list[int | None] = []
    cursor = 0
    lowered = text.lower()
    for word in words:
        needle = word.text.strip().lower()
        at = lowered.find(needle, cursor) if needle else -1
        if at < 0:
            ends.append(None)
            continue
        cursor = at + len(needle)
        ends.append(cursor)
    return ends


def pause_points(text: str, words: list[Word], pauses: list[Pause]) -> list[tuple[int, Pause]]:
    """Where each long pause falls in the transcript: after the word it follows (and its punctuation).

    A pause is found by the word that starts as it ends: its start may have been moved
    back from the end Whisper gave the word before (a word stretched over the silence).
    """
    ends = word_ends(text, words)
    points = []
    for pause in pauses:
        after = min(range(1, len(words)), key=lambda j: abs(words[j].start - pause.end), default=None)
        if after is None or abs(words[after].start - pause.end) > 0.05 or ends[after - 1] is None:
            continue  # the word cannot be placed; the pause still shows in the feedback list
        at = ends[after - 1]
        at += TRAILING.match(text, at).end() - at
        points.append((at, pause))
    return points


@dataclass(frozen=True)
class Piece:
    """A stretch of the transcript: plain text, a filler, or a long pause at that point."""

    kind: str  # "text", "filler" or "pause"
    text: str = ""
    pause: Pause | None = None


def transcript_pieces(turn: Turn) -> list[Piece]:
    """The answer cut into plain text, fillers and pauses, in reading order, for highlighting."""
    text = answer_text(turn)
    fb = turn.feedback
    if fb is None:
        return [Piece("text", text)]
    marks: list[tuple[int, int, str, Pause | None]] = [
        (h.start_char, h.end_char, "filler", None)
        for h in fb.fillers.hits
        if 0 <= h.start_char < h.end_char <= len(text)
    ]
    words = turn.answer.words if turn.answer else []
    marks += [(at, at, "pause", p) for at, p in pause_points(text, words, fb.pauses)]
    marks.sort(key=lambda m: (m[0], m[1]))
    pieces: list[Piece] = []
    cursor = 0
    for start, end, kind, pause in marks:
        if start < cursor:  # overlaps what is already placed: a pause moves after it, a filler is dropped
            if kind != "pause":
                continue
            start = cursor
        if start > cursor:
            pieces.append(Piece("text", text[cursor:start]))
        if kind == "filler":
            pieces.append(Piece("filler", text[start:end]))
            cursor = end
        else:
            pieces.append(Piece("pause", pause=pause))
            cursor = start
    pieces.append(Piece("text", text[cursor:]))
    return [p for p in pieces if p.kind != "text" or p.text]


def marked_answer(turn: Turn, text: Callable[[str], str], filler: Callable[[str], str],
                  pause: Callable[[Pause], str]) -> str:
    """The answer in some markup: plain stretches, fillers and pauses each through their own formatter."""
    out = []
    for piece in transcript_pieces(turn):
        if piece.kind == "filler":
            out.append(filler(piece.text))
        elif piece.kind == "pause":
            out.append(pause(piece.pause))
        else:
            out.append(text(piece.text))
    return "".join(out)
