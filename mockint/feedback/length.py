"""Answer length against the target for its kind of question."""

from __future__ import annotations

from mockint.domain import LengthFeedback, QuestionKind
from mockint.feedback.thresholds import DEFAULT_LENGTH_TARGET, LENGTH_TARGETS


def targets(kind: QuestionKind | None) -> tuple[tuple[int, int], tuple[int, int]]:
    """(min, max) words and (min, max) seconds for this kind of question."""
    return LENGTH_TARGETS.get(kind, DEFAULT_LENGTH_TARGET) if kind else DEFAULT_LENGTH_TARGET


def judge_length(word_count: int, seconds: float | None, kind: QuestionKind | None) -> LengthFeedback:
    """The verdict: spoken answers are judged on speaking time, typed ones on words.

    Time is what the interviewer lives through when the answer is spoken (and Whisper
    can miss words); for typed text words are all there is.
    """
    target_words, target_seconds = targets(kind)
    if word_count == 0:
        verdict = "empty"
    else:
        value, (low, high) = (seconds, target_seconds) if seconds is not None else (word_count, target_words)
        verdict = "too_short" if value < low else "too_long" if value > high else "ok"
    return LengthFeedback(verdict=verdict, word_count=word_count, seconds=seconds,
                          target_words=target_words, target_seconds=target_seconds)


def words_said(count: int) -> str:
    """A word count as the candidate reads it: "1 word", "37 words"."""
    return f"{count} word" if count == 1 else f"{count} words"
