"""Rambling decided by a model learned from hand-labelled answers, over the rules' signals.

The rules in rambling.py measure signs of an answer losing its thread and weigh them by hand.
Drift that uses no digression word, and an answer that circles without saying what was done,
show in meaning rather than in words: how close each sentence stays to the question, and to
the sentence before it. One logistic head (`scripts/train_feedback.py`) weighs the rules'
measurements and these closenesses together; the rules' signals still say why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import numpy as np

from mockint.feedback.linear import load_heads
from mockint.feedback.thresholds import DRIFT_FAR_FROM_QUESTION, DRIFT_STAYS_AWAY

if TYPE_CHECKING:
    from mockint.domain import RamblingFeedback, StarFeedback
    from mockint.feedback.meaning import SentenceEncoder


class Facts(Protocol):
    """What is read of rambling.Facts (rambling.py imports this module, so it is not imported here)."""

    text: str
    sentences: list
    star: StarFeedback
    word_count: int
    question: str | None

MODEL_NAME = "rambling"
MEASURES = ("repetition_share", "longest_sentence_words", "fillers_per_100_words", "digressions",
            "commentary_share", "career_steps", "story_hops", "trails_off", "first_action_at", "score")


def closeness(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of every row of `a` with every row of `b` (the encoder's vectors are unit length)."""
    return a @ b.T


def meaning_features(sentences: list[str], question: str | None, encoder: SentenceEncoder) -> list[float]:
    """How close the answer's sentences stay to the question, to each other, and to the answer's centre."""
    vectors = encoder.vectors(sentences)
    row: list[float] = []
    if question:
        to_question = closeness(vectors, encoder.vectors([question]))[:, 0]
        half = len(to_question) // 2
        row += [to_question.mean(), to_question.min(), to_question.max(), (to_question < DRIFT_FAR_FROM_QUESTION).mean(),
                to_question[half:].mean() - to_question[:half + 1].mean()]
    else:
        row += [0.0] * 5
    neighbours = [float(closeness(vectors[i:i + 1], vectors[i + 1:i + 2])[0, 0]) for i in range(len(vectors) - 1)]
    neighbours = neighbours or [1.0]
    centre = vectors.mean(0, keepdims=True)
    centre /= np.linalg.norm(centre) + 1e-9
    to_centre = closeness(vectors, centre)[:, 0]
    row += [float(np.mean(neighbours)), float(np.min(neighbours)), float(to_centre.mean()), float(to_centre.min()),
            float(len(sentences))]
    return row


def answer_features(facts: Facts, verdict: RamblingFeedback, signal_names: tuple[str, ...],
                    encoder: SentenceEncoder) -> np.ndarray:
    """The rules' measurements, which signals fired and their verdict, the story's shape, and the meaning rows."""
    row = [float(verdict.details.get(k, 0.0)) for k in MEASURES]
    row += [float(name in verdict.signals) for name in signal_names]
    star = facts.star
    row += [float(np.log1p(facts.word_count)), float(verdict.is_rambling), float(star.applicable),
            float(star.action.present), float(star.result.present)]
    sentences = [s.text for s in facts.sentences] or [facts.text]
    row += meaning_features(sentences, facts.question, encoder)
    return np.array([row], dtype=np.float32)


def rambling_probability(facts: Facts, verdict: RamblingFeedback, signal_names: tuple[str, ...],
                         encoder: SentenceEncoder | None) -> tuple[float, float] | None:
    """(probability that the answer rambles, the threshold), or None without a sentence model or a fitted model."""
    heads = load_heads(MODEL_NAME)
    if encoder is None or heads is None:
        return None
    head = heads["rambling"]
    return float(head.probability(answer_features(facts, verdict, signal_names, encoder))[0]), head.threshold


def drift_start(sentences: list[str], question: str | None, encoder: SentenceEncoder, after: int = 0) -> int | None:
    """The sentence from which the answer leaves the question and does not come back: the first after
    sentence `after` that is far from the question, with the rest of the answer far on average; or None."""
    if not question or len(sentences) < 3:
        return None
    to_question = closeness(encoder.vectors(sentences), encoder.vectors([question]))[:, 0]
    for i in range(max(1, after + 1), len(sentences) - 1):
        if to_question[i] < DRIFT_FAR_FROM_QUESTION and to_question[i:].mean() < DRIFT_STAYS_AWAY:
            return i
    return None
