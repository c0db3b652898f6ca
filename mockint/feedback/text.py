"""Words and sentences of an answer, with the character offsets that quotes point back to.

Typed answers arrive with or without punctuation; Whisper transcripts arrive with
punctuation and capitals ("Umm, so I..."). Everything here works on plain strings and
never fails on any input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockint.feedback.thresholds import MIN_CLAUSE_WORDS

# A number with separators ("2,000", "3.5"), or letters and digits with inner apostrophes
# or hyphens ("didn't", "well-designed", "p99", "COVID-19"), with an optional "%".
WORD = re.compile(r"\d+(?:[.,]\d+)+%?|[^\W_]+(?:['’\-][^\W_]+)*%?")
HAS_WORD = re.compile(r"[^\W_]")
# A sentence ends at . ! ? (or an ellipsis) followed by space, or at a line break between
# paragraphs. Decimal points ("3.5") are not followed by space, so they never split.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n\s*\n|\n(?=\s*[-*•]\s)")
ABBREVIATIONS = {"e.g.", "i.e.", "etc.", "vs.", "mr.", "mrs.", "ms.", "dr.", "approx.", "no.", "st."}


@dataclass(frozen=True)
class Token:
    """One word of the answer and where it is."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or, for a very long one, one clause) and where it is."""

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]


def tokenize(text: str) -> list[Token]:
    """The words of a text with their character offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def word_count(text: str) -> int:
    """How many words the candidate said or typed, counted as a reader would: the pieces
    between spaces that have a letter or digit in them (a lone dash is not a word)."""
    return sum(1 for piece in text.split() if HAS_WORD.search(piece))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; a run without any end punctuation is one sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        end = match.start()
        last_word = text[start:end].rsplit(None, 1)[-1].lower() if text[start:end].strip() else ""
        if last_word in ABBREVIATIONS:
            continue
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    sentences = []
    for a, b in spans:
        chunk = text[a:b]
        stripped = chunk.strip()
        if not stripped:
            continue
        a += len(chunk) - len(chunk.lstrip())
        b = a + len(stripped)
        tokens = _tokens_in(text, a, b)
        if tokens:
            sentences.append(Sentence(stripped, a, b, tokens))
    return sentences


def _tokens_in(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start() + start, m.end() + start) for m in WORD.finditer(text[start:end]))


def gap_before(text: str, tokens: list[Token] | tuple[Token, ...], i: int) -> str:
    """The characters between token i and the one before it (the whole prefix for the first)."""
    return text[tokens[i - 1].end : tokens[i].start] if i > 0 else text[: tokens[i].start]


def gap_after(text: str, tokens: list[Token] | tuple[Token, ...], i: int) -> str:
    """The characters between token i and the next one (the whole tail for the last)."""
    return text[tokens[i].end : tokens[i + 1].start] if i + 1 < len(tokens) else text[tokens[i].end :]


def shorten(text: str, words: int) -> str:
    """The first `words` words of a text, with an ellipsis if it was cut."""
    parts = text.split()
    return text.strip() if len(parts) <= words else " ".join(parts[:words]) + " …"


# Where a sentence may be cut into clauses: before a coordinating word that starts a new
# subject ("..., and she calmed down"), or before a subject pronoun starting a new clause
# in unpunctuated typing ("...was anxious i felt it was my job").
CLAUSE_JOINERS = {"and", "but", "so", "then", "which", "eventually", "finally", "afterwards"}
SUBJECT_STARTS = {"i", "we", "he", "she", "they", "it", "you", "the", "my", "our", "his", "her", "their", "this",
                  "that", "there", "everyone", "nobody", "someone"}
NOT_BEFORE_NEW_SUBJECT = CLAUSE_JOINERS | {
    "that", "because", "when", "while", "if", "as", "where", "who", "what", "how", "why", "whether", "until",
    "before", "after", "since", "than", "or", "said", "say", "think", "thought", "knew", "know", "guess", "felt",
    "hope", "told", "realised", "realized", "noticed", "saw", "once", "though", "although", "unless", "whom",
    "tell", "ask", "asked", "show", "showed", "let", "made", "make", "help", "helped", "believe", "believed",
    "sure", "means", "meant", "knowing", "feel", "seeing", "saying",
}


def clauses(sentence: Sentence, text: str, max_words: int, skip: frozenset[int] = frozenset()) -> list[Sentence]:
    """A sentence cut into clauses when it is longer than max_words; else the sentence itself.

    Tokens starting at an offset in `skip` (fillers) are looked through: "and, uh, it
    was" starts a new clause just like "and it was".
    """
    tokens = sentence.tokens
    if len(tokens) <= max_words:
        return [sentence]
    kept = [i for i, t in enumerate(tokens) if t.start not in skip]
    cuts = [0]
    for n in range(1, len(kept) - 1):
        i = kept[n]
        word, prev, nxt = tokens[i].lower, tokens[kept[n - 1]].lower, tokens[kept[n + 1]].lower
        gap = gap_before(text, tokens, i)
        joiner = word in CLAUSE_JOINERS and nxt in SUBJECT_STARTS
        new_subject = (word in {"i", "we", "he", "she", "they"} and prev not in NOT_BEFORE_NEW_SUBJECT
                       and not gap.strip() and kept[n - 1] == i - 1)
        punctuated = any(c in gap for c in ";:")
        if (joiner or new_subject or punctuated) and i - cuts[-1] >= MIN_CLAUSE_WORDS:
            cuts.append(i)
    if len(tokens) - cuts[-1] < MIN_CLAUSE_WORDS and len(cuts) > 1:
        cuts.pop()
    parts = []
    for a, b in zip(cuts, cuts[1:] + [len(tokens)]):
        start, end = tokens[a].start, tokens[b - 1].end
        parts.append(Sentence(text[start:end], start, end, tokens[a:b]))
    return parts
