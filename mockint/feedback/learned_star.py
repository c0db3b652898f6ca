"""STAR parts read by a model learned from hand-labelled clauses, on top of the rules' cues.

The rules in star.py mark each clause's cues (a past-tense "I" verb, goal wording, an
outcome...) and decide its parts; they were tuned on one set of answers and miss what they
were not shown (a result with no cue word, "it fell to me" as a task). Here each clause is
described by those cues, the cues of the clauses around it, and its meaning (the sentence
model's vector of the clause), and one logistic head per part, fitted on clauses labelled by
hand (`scripts/train_feedback.py`), gives the probability that the clause tells that part.
An answer has a part when one of its clauses reaches the head's threshold.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from mockint.domain import STAR_PARTS
from mockint.feedback.linear import load_heads



class SentenceEncoder(Protocol):
    """What is needed of the sentence model (meaning.SentenceEncoder, which imports star.py, which imports this)."""

    def vectors(self, texts: list[str]) -> np.ndarray: ...

    def token_vectors(self, text: str) -> tuple[list[tuple[int, int]], np.ndarray]: ...

# The clauses handed in are star.Unit objects after star.label_parts; star.py imports this
# module, so they are typed by what is read of them (`Clauses`) rather than by importing star.
Clauses = list

MODEL_NAME = "star"
RULE_PARTS = slice(16, 20)  # the columns of cue_features that are the rules' own parts, in STAR_PARTS order


def cue_features(units: Clauses) -> np.ndarray:
    """One row per clause: the rules' cues and parts (after label_parts), and where it stands in the story."""
    count = len(units)
    first_action = next((i for i, u in enumerate(units) if u.action), None)
    last_action = max((i for i, u in enumerate(units) if u.action), default=None)
    rows = []
    for i, unit in enumerate(units):
        row = [unit.action is not None, unit.action == "i", unit.progressive, unit.present_action is not None,
               unit.task, unit.anchor, unit.past, unit.outcome == "own", unit.outcome == "other", unit.ending,
               unit.position, i == 0, i == count - 1,
               first_action is not None and i < first_action, last_action is not None and i > last_action,
               first_action is None]
        row += [part in unit.parts for part in STAR_PARTS]
        rows.append([float(x) for x in row])
    return np.array(rows, dtype=np.float32).reshape(count, -1)


def with_context(cues: np.ndarray) -> np.ndarray:
    """Each clause's cues beside those of the clause before, the clause after, and any clause before it."""
    blank = np.zeros((1, cues.shape[1]), dtype=cues.dtype)
    before = np.vstack([blank, cues[:-1]])
    after = np.vstack([cues[1:], blank])
    so_far = np.cumsum(np.vstack([blank, cues[:-1]]), axis=0) > 0
    return np.hstack([cues, before, after, so_far.astype(cues.dtype)])


def clause_features(units: Clauses, encoder: SentenceEncoder) -> np.ndarray:
    """The full feature rows the heads were fitted on: cues with context, then the clause's vector."""
    return np.hstack([with_context(cue_features(units)), encoder.vectors([u.clause.text for u in units])])


def part_probabilities(units: Clauses, encoder: SentenceEncoder | None) -> dict[str, np.ndarray] | None:
    """For each STAR part, the probability that each clause tells it; None when there is no
    sentence model or no fitted model (the rules' parts stand)."""
    heads = load_heads(MODEL_NAME)
    if encoder is None or heads is None or not units:
        return None
    features = clause_features(units, encoder)
    return {part: heads[part].probability(features) for part in STAR_PARTS}


def thresholds() -> dict[str, float]:
    """Each head's threshold (the probability at which a clause is said to tell the part)."""
    heads = load_heads(MODEL_NAME) or {}
    return {part: head.threshold for part, head in heads.items()}
