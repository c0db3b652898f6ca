"""Whether an answer leaves out how its story ended, read from what its closing sentences mean.

The gap heads (learned_gap.py) asked "how did it turn out?" of stories that had said: "He's not been late since",
"Customer happy, no comeback", "She appealed, and the local resolution meeting upheld it". Their outcome words are
many and plain, and the regex and STAR signals the heads read miss them; a veto on the STAR reading of the clause
named fixed 10 such asks and broke 26 (stop 48). This head reads instead what the last three sentences and the whole
answer mean (all-MiniLM-L6-v2 vectors, as feedback/meaning.py computes them) and says how likely the writers of the
labelled sets were to mark the answer's gap as "result". `scripts/train_story_ending.py` fits it on the scripted
follow-up sets and writes `feedback/weights/story_ending.json`; without the weights or the sentence model it says
nothing (None) and the heads decide alone.
"""

from __future__ import annotations

import numpy as np

from mockint.domain import QuestionKind
from mockint.feedback.linear import load_heads
from mockint.feedback.meaning import SentenceEncoder, shared_encoder
from mockint.text import split_sentences

MODEL_NAME = "story_ending"
# The kinds, in the order the stored weights read them (kept here, not shared with the gap heads' list, so that
# neither can change under the other's weights).
KINDS = [QuestionKind.behavioral, QuestionKind.situational, QuestionKind.technical, QuestionKind.culture]
CLOSING = 3  # the sentences read one by one at the end; the rest only in the answer's mean


def ending_features(kind: QuestionKind, answer: str, encoder: SentenceEncoder) -> np.ndarray:
    """One row: the vectors of the last three sentences (blank ones before a shorter answer), the mean vector of all
    its sentences, and the question's kind. Training and reading both call this, so they cannot differ."""
    sentences = [s.text for s in split_sentences(answer)] or [""]
    closing = ([""] * CLOSING + sentences)[-CLOSING:]
    vectors = encoder.vectors(closing + sentences)
    return np.concatenate([*vectors[:CLOSING], vectors[CLOSING:].mean(0), [kind == k for k in KINDS]]).astype(np.float32)


def ending_missing_chance(kind: QuestionKind, answer: str) -> float | None:
    """How likely the answer's gap is its missing ending, or None when the head or the sentence model is missing."""
    heads, encoder = load_heads(MODEL_NAME), shared_encoder()
    head = (heads or {}).get("ending_missing")
    if head is None or encoder is None:
        return None
    row = ending_features(kind, answer, encoder)
    if len(head.weights) != len(row):
        return None  # fitted on other features: say nothing rather than misread
    return float(head.probability(row[None, :])[0])
