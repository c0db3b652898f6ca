"""Which of a question's talking points the answer covered, and the sentence that covered each.

A point counts as covered by the sentence that carries most of its content words (by
stem, or by a shared five-letter start: "measured" meets "measurable"), when that is at
least half of them. It is a reading of the candidate's own words, so it prefers saying
"not found in your answer" over crediting a point for one shared word: talking points
often come with keyword traps ("cost" said, but not "total cost including maintenance").

Candidates cover points in their own words ("I took the handset off him" for "stopping the
PCA"), which shared stems cannot see, so a sentence whose meaning is close enough to the
point's (all-MiniLM-L6-v2 vectors, feedback/meaning.py; POINT_MIN_SIMILARITY), and closer to
it than to the question's other points, covers it too. That finds twice as many covered points
as shared words alone on the blind sets, and credits more keyword traps: a sentence that names
a point's words without its substance ("the contractors I'd leave to the fire marshal" for
"missing people reported to the fire marshal") can be close enough in meaning. Blocking
sentences that share part of the point's words lost more right answers than it saved.
See thresholds.py for how each number was chosen and the eval README for the figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from mockint.domain import TalkingPointCoverage
from mockint.feedback.thresholds import POINT_MIN_MARGIN, POINT_MIN_SHARE, POINT_MIN_SIMILARITY, STEM_PREFIX
from mockint.text import STOPWORDS, Sentence, stem, words

if TYPE_CHECKING:
    from mockint.feedback.meaning import SentenceEncoder

# Words in talking points that say how good an answer should be, not what it is about.
GENERIC = {"specific", "specifically", "clear", "clearly", "real", "concrete", "named", "name", "such", "example",
           "examples", "including", "include", "way", "ways", "things", "thing", "something", "done", "made",
           "given", "used", "candidate", "candidate's", "whether"}


def point_stems(text: str) -> list[str]:
    """Stems of the words that say what a point or a sentence is about."""
    return [stem(w) for w in words(text) if len(w) > 2 and w not in STOPWORDS and w not in GENERIC]


def meets(a: str, stems: set[str]) -> bool:
    """Whether a stem meets one of `stems`, exactly or by a shared start of STEM_PREFIX letters."""
    if a in stems:
        return True
    prefix = a[:STEM_PREFIX]
    return len(a) >= STEM_PREFIX and any(len(b) >= STEM_PREFIX and b[:STEM_PREFIX] == prefix for b in stems)


def share_covered(point: list[str], sentence: set[str]) -> float:
    """Share of a point's content stems that a sentence carries."""
    return sum(meets(s, sentence) for s in point) / len(point) if point else 0.0


def says_point(closeness: np.ndarray, index: int) -> bool:
    """Whether the sentence closest in meaning to point `index` says that point: close enough to it,
    and closer to it than to any other point (a sentence on the question's topic is near them all)."""
    sentence = closeness[int(closeness[:, index].argmax())]
    others = np.delete(sentence, index)
    return bool(sentence[index] >= POINT_MIN_SIMILARITY and
                (not len(others) or sentence[index] - others.max() >= POINT_MIN_MARGIN))


def cover_points(points: list[str], sentences: list[Sentence],
                 encoder: SentenceEncoder | None = None) -> list[TalkingPointCoverage]:
    """Each talking point with whether the answer covered it and the sentence that did (by shared
    words, or with `encoder` by meaning)."""
    read = [(s.text, set(point_stems(s.text))) for s in sentences]
    closeness = None  # sentences x points, cosine of their meanings
    if encoder is not None and read and points:
        closeness = encoder.vectors([text for text, _ in read]) @ encoder.vectors(points).T
    result = []
    for index, point in enumerate(points):
        wanted = point_stems(point)
        best_share, best_text = 0.0, None
        for text, stems in read:
            share = share_covered(wanted, stems)
            if share > best_share:
                best_share, best_text = share, text
        covered = best_share >= POINT_MIN_SHARE and (len(wanted) == 1 or best_share * len(wanted) >= 2)
        if not covered and closeness is not None and says_point(closeness, index):
            covered, best_text = True, read[int(closeness[:, index].argmax())][0]
        result.append(TalkingPointCoverage(point=point, covered=covered, sentence=best_text if covered else None))
    return result
