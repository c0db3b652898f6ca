"""Which of a question's talking points the answer covered, and the sentence that covered each.

A point counts as covered by the sentence that carries most of its content words (by
stem, or by a shared five-letter start: "measured" meets "measurable"), when that is at
least half of them. It is a reading of the candidate's own words, so it prefers saying
"not found in your answer" over crediting a point for one shared word: talking points
often come with keyword traps ("cost" said, but not "total cost including maintenance").

Measured on the dev split of tests/data/feedback_eval/talking_points.jsonl this agrees
with the hand labels on 57% of points (44 of 77; marking nothing covered agrees on 53%):
writers cover points in their own words ("I put it in his words" for "the result in plain
business terms"), which neither shared stems nor en_core_web_md word vectors (60%, best
threshold chosen on the same data) can see. See the analyzer's notes in the README.
"""

from __future__ import annotations

from mockint.domain import TalkingPointCoverage
from mockint.text import STOPWORDS, Sentence, stem, words
from mockint.feedback.thresholds import POINT_MIN_SHARE, STEM_PREFIX

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


def cover_points(points: list[str], sentences: list[Sentence]) -> list[TalkingPointCoverage]:
    """Each talking point with whether the answer covered it and the sentence that did."""
    read = [(s.text, set(point_stems(s.text))) for s in sentences]
    result = []
    for point in points:
        wanted = point_stems(point)
        best_share, best_text = 0.0, None
        for text, stems in read:
            share = share_covered(wanted, stems)
            if share > best_share:
                best_share, best_text = share, text
        covered = best_share >= POINT_MIN_SHARE and (len(wanted) == 1 or best_share * len(wanted) >= 2)
        result.append(TalkingPointCoverage(point=point, covered=covered, sentence=best_text if covered else None))
    return result
