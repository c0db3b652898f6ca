"""Speaking time, words per minute and long pauses, from Whisper's word timings."""

from __future__ import annotations

import math

from mockint.domain import Pause, Transcript, Word
from mockint.feedback.thresholds import PAUSE_SECONDS, WORD_MAX_BASE_SECONDS, WORD_MAX_SECONDS_PER_CHAR


def _finite(*values: float) -> bool:
    return all(isinstance(v, (int, float)) and math.isfinite(v) for v in values)


def speaking_seconds(transcript: Transcript) -> float | None:
    """Seconds from the first word to the last: the transcript's own figure, else the words'."""
    given = transcript.duration_seconds
    if given is not None and _finite(given) and given > 0:
        return round(float(given), 2)
    timed = [w for w in transcript.words if _finite(w.start, w.end)]
    if not timed:
        return None
    seconds = max(w.end for w in timed) - min(w.start for w in timed)
    return round(seconds, 2) if _finite(seconds) and seconds > 0 else None


def words_per_minute(word_count: int, seconds: float | None) -> float | None:
    """Speaking rate over the speaking time; None for typed answers."""
    if not seconds or word_count <= 0:
        return None
    rate = word_count * 60 / seconds
    return round(rate, 1) if _finite(rate) else None


def plausible_end(word: Word) -> float:
    """When the word really ended: its end, unless Whisper stretched it over a silence."""
    letters = sum(c.isalnum() for c in word.text)
    return min(word.end, word.start + WORD_MAX_BASE_SECONDS + WORD_MAX_SECONDS_PER_CHAR * letters)


def find_pauses(words: list[Word], threshold: float = PAUSE_SECONDS) -> list[Pause]:
    """Silences longer than the threshold between consecutive words, with the word before each."""
    pauses = []
    for before, after in zip(words, words[1:]):
        if not _finite(before.start, before.end, after.start):
            continue
        end = plausible_end(before)
        gap = after.start - end
        if _finite(gap) and round(gap, 2) > threshold:  # decided on the figure the candidate is shown
            word = before.text.strip().strip(".,;:!?\"'…") or before.text.strip()
            pauses.append(Pause(start=round(end, 2), end=round(after.start, 2), seconds=round(gap, 2),
                                after_word=word))
    return pauses
