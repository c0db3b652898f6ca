"""Which part of a question an answer leaves aside: the signals that catch an answer drifting to a
neighbouring question.

A drifting answer stays on the question's topic and answers an easier question beside it: asked how
they share a child's progress "with parents who don't speak much English", the candidate tells how they
share progress with parents. The whole question and the answer are close in meaning, so closeness alone
passes it. Two readings look at the parts instead:
- **the question without each part**: the ask is said again with one part taken out (a word, a run of
  words, or a clause from "who", "when", "if"... to its end). When the answer comes closer to a question
  without a part than to the whole question, that part is the one it never took up;
- **each word of the ask looked for in the answer**: every content word's vector in context (word
  pieces from the sentence model) against the closest word piece of the answer, so "the cannula" can
  meet "treatment" and a word the answer never comes near shows.
They are features of the learned on-question head (learned_on_question.py), measured in
tests/data/feedback_eval/README.md (stop 43).
"""

from __future__ import annotations

import re

import numpy as np

from mockint.feedback.learned_star import SentenceEncoder
from mockint.feedback.on_question import asks, main_ask

# Words that frame an interview ask or hold a sentence together: taking them out changes nothing the
# answer has to address.
NOT_CONTENT = frozenset("""a an the of to in on at for with by from and or but if then so as is are was were be been being
do does did done doing have has had having i me my you your yours we our us they them their he she his her it its this
that these those there here what which who whom whose when where why how would could should will shall can may might
must about into over under up down out off again than too very just also any some each every all both more most other
such only own same tell describe walk talk through give example time times one someone something thing things way
ways""".split())
# Words that start a part of an ask that can be taken out whole to the next comma ("...parents | who don't speak
# much English", "...your caseload | when three urgent referrals come in").
CLAUSE_STARTS = frozenset("if but who which that when while with without on in at after before from for because even "
                          "although where whose during".split())
TOKEN = re.compile(r"[A-Za-z0-9'£%\-]+|[,;:.?]")
WORD_CHAR = re.compile(r"[A-Za-z0-9'\-]")
FEATURES = 13  # 8 from the question without each part, 5 from the ask's words looked for in the answer


def parts_of(question: str) -> str:
    """The text whose parts are taken out in turn: the main ask (on_question.py), or the question when it
    has none."""
    return main_ask(asks(question)) or question


def question_without_parts(ask: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Each removable part of `ask` with the ask said without it, and the ask's content words."""
    tokens = TOKEN.findall(ask)
    content = [i for i, t in enumerate(tokens) if t.lower() not in NOT_CONTENT and re.match(r"[A-Za-z0-9£]", t)]
    spans = {(i, i + 1) for i in content}
    i = 0
    while i < len(tokens):  # runs of adjacent content words ("three urgent referrals")
        j = i
        while i in content and j + 1 in content:
            j += 1
        if j > i:
            spans.add((i, j + 1))
        i = j + 1
    for i, token in enumerate(tokens):  # a clause to the next comma, when something is left around it
        if token.lower() in CLAUSE_STARTS and i > 2:
            end = i + 1
            while end < len(tokens) and tokens[end] not in ",;:.?":
                end += 1
            if any(k in content for k in range(i, end)) and end - i < len(tokens) - 3:
                spans.add((i, end))
    pairs = []
    for start, end in sorted(spans):
        rest = " ".join(tokens[:start] + tokens[end:])
        pairs.append((" ".join(tokens[start:end]), rest.replace(" ,", ",").replace(" ?", "?").replace(" .", ".")))
    return pairs, [tokens[i].lower() for i in content]


def without_part_features(ask: str, sentences: list[str], answer: str, encoder: SentenceEncoder) -> list[float]:
    """How much closer the answer comes to the ask with a part taken out (centre of the answer, and its
    closest sentence), how well its sentences cover the parts, and how many content words it shares."""
    pairs, content = question_without_parts(ask)
    if not pairs:
        return [0.0] * 8
    vectors = encoder.vectors(sentences)
    centre = vectors.mean(0)
    centre /= np.linalg.norm(centre) + 1e-9
    whole = encoder.vectors([ask])[0]
    without = encoder.vectors([rest for _, rest in pairs])
    parts = encoder.vectors([part for part, _ in pairs])
    gain = without @ centre - whole @ centre
    gain_closest = (vectors @ without.T).max(0) - (vectors @ whole).max()
    cover = (vectors @ parts.T).max(0)
    answer_starts = {w[:5] for w in re.sub(r"[^a-z0-9 ]", " ", answer.lower()).split()}
    shared = np.array([w[:5] in answer_starts for w in content] or [True])
    return [float(gain.max()), float(gain_closest.max()), float(cover.min()), float(cover[int(gain.argmax())]),
            float(gain.mean()), float(shared.mean()), float((~shared).sum()), float(whole @ centre)]


def content_pieces(ask: str, offsets: list[tuple[int, int]]) -> np.ndarray:
    """Which word pieces of `ask` belong to a content word (not a framing or function word)."""
    keep = []
    for start, end in offsets:
        while start > 0 and WORD_CHAR.match(ask[start - 1]):
            start -= 1
        while end < len(ask) and WORD_CHAR.match(ask[end]):
            end += 1
        word = ask[start:end].lower()
        keep.append(bool(re.match(r"[a-z0-9£]", word)) and word not in NOT_CONTENT)
    return np.array(keep, dtype=bool)


def word_cover_features(ask: str, sentences: list[str], encoder: SentenceEncoder) -> list[float]:
    """How close each content word of the ask comes to some word of the answer, in context: the mean,
    the lowest, the two lowest, the share below 0.5, and the median."""
    ask = " ".join(ask.split())
    offsets, ask_vectors = encoder.token_vectors(ask)
    keep = content_pieces(ask, offsets)
    said = [encoder.token_vectors(s)[1] for s in sentences if s.strip()]
    if not keep.any() or not said:
        return [0.0] * 5
    closest = (ask_vectors[keep] @ np.vstack(said).T).max(1)
    return [float(closest.mean()), float(closest.min()), float(np.sort(closest)[:2].mean()),
            float((closest < 0.5).mean()), float(np.median(closest))]


def part_features(ask: str, sentences: list[str], answer: str, encoder: SentenceEncoder) -> list[float]:
    """The FEATURES columns the on-question head adds for these readings."""
    return without_part_features(ask, sentences, answer, encoder) + word_cover_features(ask, sentences, encoder)


def texts_to_encode(ask: str) -> list[str]:
    """The texts the first reading encodes for `ask`, so they can be encoded while the answer is spoken."""
    pairs, _ = question_without_parts(ask)
    return [ask] + [rest for _, rest in pairs] + [part for part, _ in pairs]
