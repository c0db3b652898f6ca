"""Word error rate, for measuring transcription (tests, benchmarks, evaluation scripts)."""

from __future__ import annotations

import re


def words(text: str) -> list[str]:
    """Lower-case words without punctuation."""
    return re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("-", " ")).split()


def word_error_rate(ref_text: str, hyp_text: str) -> float:
    """Word-level edit distance over the reference length (case and punctuation ignored)."""
    ref, hyp = words(ref_text), words(hyp_text)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        diagonal, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (r != h))
    return row[-1] / max(1, len(ref))
