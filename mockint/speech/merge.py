"""One piece's two transcriptions merged: the plain pass's words with the filler pass's "um"s and "uh"s.

Whisper drops "um" and "uh" unless its prompt is full of them, and that prompt costs
accuracy on the other words (8.1% against 6.9% word error on ../shared/audio). So each
piece is decoded twice: plainly, for the words, and after FILLER_PROMPT, for the fillers.
The two word lists are aligned; where they agree the filler pass's spelling is kept
(its punctuation goes with its fillers: "was, um, getting"), where they differ the plain
word wins, and a filler only the filler pass heard is put in where it heard it, also
where the plain pass heard a word there instead (a filler throws the plain pass off:
"Uh, we cut the latency" came out as "We can't relate and see"), before that word.
"""

from __future__ import annotations

import re

from mockint.domain import Word
from mockint.speech.wer import align

HARD_FILLER = re.compile(r"^(u+h*m+|u+h+|e+r+m+|e+r+|a+h+|h+m+|m+)$")


def word_key(word: Word) -> str:
    """A word as the alignment compares it: lower case, letters, digits and apostrophes."""
    return "".join(c for c in word.text.lower() if c.isalnum() or c == "'")


def merge_fillers(plain: list[Word], prompted: list[Word]) -> list[Word]:
    """The plain pass's words, spelled as the filler pass wrote them where they agree, with its fillers added."""
    plain_keys, prompted_keys = [word_key(w) for w in plain], [word_key(w) for w in prompted]
    _, pairs = align(plain_keys, prompted_keys)
    merged, i, j = [], 0, 0
    for ours, theirs in pairs:
        if ours is not None and theirs is not None:
            if ours != theirs and HARD_FILLER.match(theirs) and not HARD_FILLER.match(ours):
                merged.append(prompted[j])  # the plain pass heard a word where the filler was: keep both
            merged.append(prompted[j] if ours == theirs else plain[i])
            i, j = i + 1, j + 1
        elif ours is not None:
            merged.append(plain[i])
            i += 1
        else:
            if HARD_FILLER.match(theirs):
                merged.append(prompted[j])
            j += 1
    return merged


def text_of(words: list[Word]) -> str:
    """The text of merged words (faster-whisper's words carry their own punctuation)."""
    return " ".join(w.text for w in words)
