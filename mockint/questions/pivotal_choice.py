"""Which sentence of an answer makes the choice the answer turned on, without saying why: learned from labelled answers.

The rules (answer_gaps.py) find a choice by its words ("I decided", "I'd go with") and a reason by "because". But
candidates often make the pivotal choice in passing ("on that bench I also dropped the hole diameter from a hundred
and ten to ninety millimetres") among steps that each come with a reason; on two fresh sets (39 and 40) 9 of 12 such
answers got no follow-up, and on the next two none of the 12 had its decision asked about. Here each sentence is
scored by a logistic head on what it means (the sentence model's vector) and a few word signals: a choice said, a
reason in it or opening the next sentence, a contrast with what was not done, where it stands, how many reasons the
answer gives elsewhere. The head is learned from the decision anchors of the labelled follow-up sets
(`scripts/train_followups.py` writes `feedback/weights/pivotal_choice.json`); its surest sentence feeds the gap heads
(learned_gap.py) and is the sentence a decision follow-up names (anchors.py). Without the weights it reads nothing:
the gap heads then see no pivotal sentence (both its numbers 0), and a decision follow-up names what the rules pick.
"""

from __future__ import annotations

import re

import numpy as np

from mockint.feedback.linear import load_heads
from mockint.feedback.meaning import SentenceEncoder
from mockint.questions.answer_gaps import CHOICE, CONTRAST, PLAN, REASON, STRONG_REASON
from mockint.text import split_sentences

MODEL_NAME = "pivotal_choice"
# A choice, however it is said: a pick, a switch, a stop or a go-ahead ("we took the indie's offer", "I'd go straight
# to theatre"), or a step set against what was not done ("not just sit in the café", "rather than drill cuttings").
CHOICE_SAID = re.compile(
    r"\b(?:I|we)(?:'d| would| will|'ll)?\s+(?:\w+ly\s+|just\s+|then\s+|also\s+|actually\s+)?(?:go|went|going) "
    r"(?:with|for|ahead|straight)\b|"
    r"\b(?:I|we)(?:'d| would| will|'ll)?\s+(?:\w+ly\s+|just\s+|then\s+|also\s+|actually\s+)?(?:switch|switched|swap|"
    r"swapped|drop|dropped|move|moved|cancel|cancell?ed|canceled|pull|pulled|stop|stopped|recommend|recommended|chose|"
    r"choose|opt|opted|pick|picked|settle|settled|decide|decided|took|take|put|changed|change|replace|replaced|scrap|"
    r"scrapped|postpone|postponed|hold|held|declined|decline|refuse|refused|rejected|reject|accept|accepted|agreed|"
    r"split|gave|give|let|called|call|made the call|made a call|limit|limited|cap|capped|raise|raised|lower|lowered|"
    r"cut|reduce|reduced|increase|increased)\b|"
    r"\b(?:rather than|instead of|instead|not just|over the)\b|,\s+not (?:a|an|the|to|by|on|in|at)\b|"
    r"\bthe (?:call|decision|choice) was\b|\bin the end\b", re.IGNORECASE)
# A reason, or a purpose, said with the step: "so the lids seal", "to avoid a second callout".
REASON_SAID = re.compile(REASON.pattern + r"|\bso (?:that|it|they|we|I|there|nobody|no one|the)\b|"
                         r"\bto (?:stop|avoid|keep|make sure|protect|give|get|save|reduce)\b", re.IGNORECASE)
# The next sentence opening with the reason: "Because the lower one was the only like-for-like sale."
REASON_NEXT = re.compile(r"\W*(?:because|cause|that's because|the reason|it was because|since)\b", re.IGNORECASE)
SIGNALS = 11  # word signals per sentence (sentence_signals)
REASONS_CAP = 5  # reasons given elsewhere, counted up to this: beyond it the answer plainly explains itself


def sentence_signals(sentences: list[str]) -> np.ndarray:
    """The word signals of each sentence (one row each): what the head weighs beside each sentence's meaning."""
    reasons = sum(bool(STRONG_REASON.search(s)) for s in sentences)
    rows = []
    for i, sentence in enumerate(sentences):
        after = sentences[i + 1] if i + 1 < len(sentences) else ""
        choice, said, next_says = (bool(CHOICE_SAID.search(sentence)), bool(REASON_SAID.search(sentence)),
                                   bool(REASON_NEXT.match(after)))
        unexplained = choice and not (said or next_says)
        rows.append([choice, said, next_says, unexplained, unexplained and reasons >= 2, bool(CONTRAST.search(sentence)),
                     bool(STRONG_REASON.search(sentence)), i / max(len(sentences) - 1, 1),
                     min(reasons, REASONS_CAP) / REASONS_CAP, bool(PLAN.search(sentence)), bool(CHOICE.search(sentence))])
    return np.array(rows, dtype=np.float32).reshape(len(sentences), SIGNALS)


def sentence_rows(sentences: list[str], encoder: SentenceEncoder) -> np.ndarray:
    """One feature row per sentence: its meaning and its word signals. Training and reading both call this."""
    if not sentences:
        return np.zeros((0, 0), dtype=np.float32)
    return np.hstack([encoder.vectors(sentences), sentence_signals(sentences)]).astype(np.float32)


def choice_chances(answer: str, encoder: SentenceEncoder | None) -> list[tuple[str, float]]:
    """Each sentence of the answer with how likely it is the choice the answer made without a reason; [] when the
    head or the sentence model is missing (or was fitted on other features)."""
    heads = load_heads(MODEL_NAME)
    sentences = [s.text for s in split_sentences(answer)]
    if heads is None or encoder is None or not sentences or "choice" not in heads:
        return []
    rows = sentence_rows(sentences, encoder)
    if rows.shape[1] != len(heads["choice"].weights):
        return []
    return list(zip(sentences, heads["choice"].probability(rows).tolist()))


def answer_signals(chances: list[float]) -> list[float]:
    """What the gap heads read of the sentence chances: the surest sentence, and how far it stands above the next."""
    ranked = sorted(chances, reverse=True) + [0.0, 0.0]
    return [ranked[0], ranked[0] - ranked[1]]


def pivotal_sentence(answer: str, encoder: SentenceEncoder | None, least: float) -> str | None:
    """The sentence likeliest to make the answer's unexplained choice, when its chance is at least `least`."""
    chances = choice_chances(answer, encoder)
    if not chances:
        return None
    sentence, chance = max(chances, key=lambda pair: pair[1])
    return sentence if chance >= least else None
