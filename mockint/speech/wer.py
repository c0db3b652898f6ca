"""Word alignment and word error rate, for merging transcripts and measuring them."""

from __future__ import annotations

import re
from collections.abc import Sequence

Pair = tuple[str | None, str | None]


def words(text: str) -> list[str]:
    """Lower-case words without punctuation."""
    return re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("-", " ")).split()


def align(ref: Sequence[str], hyp: Sequence[str]) -> tuple[int, list[Pair]]:
    """Edit distance and the alignment as (reference word or None, hypothesis word or None) pairs."""
    n, m = len(ref), len(hyp)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]))
    pairs: list[Pair] = []
    i, j = n, m
    while i or j:
        if i and j and d[i][j] == d[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            pairs.append((ref[i - 1], hyp[j - 1]))
            i, j = i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + 1:
            pairs.append((ref[i - 1], None))
            i -= 1
        else:
            pairs.append((None, hyp[j - 1]))
            j -= 1
    return d[n][m], pairs[::-1]


def word_error_rate(ref_text: str, hyp_text: str) -> float:
    """Word-level edit distance over the reference length (case and punctuation ignored)."""
    ref = words(ref_text)
    return align(ref, words(hyp_text))[0] / max(1, len(ref))
