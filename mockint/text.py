"""Words, sentences and stems: the text utilities every package shares.

Words and sentences keep their character offsets so that feedback can quote and mark
the candidate's own words. Typed answers arrive with or without punctuation; Whisper
transcripts arrive with punctuation and capitals ("Umm, so I..."); notes and messages
arrive as lines. Everything here works on plain strings and never fails on any input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# A number with separators ("2,000", "3.5"), or letters and digits with inner apostrophes
# or hyphens ("didn't", "well-designed", "p99", "COVID-19"), with an optional "%".
WORD = re.compile(r"\d+(?:[.,]\d+)+%?|[^\W_]+(?:['’\-][^\W_]+)*%?")
HAS_WORD = re.compile(r"[^\W_]")
# A sentence ends at . ! ? (or an ellipsis) followed by space, or at a line break between
# paragraphs. Decimal points ("3.5") are not followed by space, so they never split.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n\s*\n|\n(?=\s*[-*•]\s)")
# With line_breaks=True (notes, messages), every line is a sentence of its own.
LINE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\s*\n\s*")
BULLET = re.compile(r"^(?:[-*•]|\d+[.)])\s+")
ABBREVIATIONS = {"e.g.", "i.e.", "etc.", "vs.", "mr.", "mrs.", "ms.", "dr.", "approx.", "st."}
# "no." stands for "number" only before one ("item no. 5"); "I said no. I put it on the defect list" is two sentences.
NUMBER_SIGN = "no."


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


def names_any(title: str, starts: list[str] | tuple[str, ...]) -> bool:
    """Whether one of the lower-case word starts ("conveyanc", "soc", "tram driver") begins a word of a typed job
    title: "Social Worker", not "Associate". Punctuation between words counts as a space ("Sister - A&E")."""
    lowered = " ".join(re.findall(r"[a-z0-9&+-]+", title.lower()))
    return any(re.search(r"(?<![a-z0-9])" + re.escape(start), lowered) for start in starts)


def tokenize(text: str) -> list[Token]:
    """The words of a text with their character offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def word_count(text: str) -> int:
    """How many words the candidate said or typed, counted as a reader would: the pieces
    between spaces that have a letter or digit in them (a lone dash is not a word)."""
    return sum(1 for piece in text.split() if HAS_WORD.search(piece))


def split_sentences(text: str, line_breaks: bool = False) -> list[Sentence]:
    """Sentences with offsets; a run without any end punctuation is one sentence.

    By default a single line break is not a sentence end (a transcript or an answer typed
    across lines); with `line_breaks`, every line is one (notes, messages, lists), and a
    leading bullet or list number is left out of the sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in (LINE_END if line_breaks else SENTENCE_END).finditer(text):
        end = match.start()
        last_word = text[start:end].rsplit(None, 1)[-1].lower() if text[start:end].strip() else ""
        if last_word in ABBREVIATIONS or last_word == NUMBER_SIGN and text[match.end():match.end() + 1].isdigit():
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
        if line_breaks and (bullet := BULLET.match(stripped)):
            a += bullet.end()
            stripped = stripped[bullet.end():]
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


def shorten(text: str, max_words: int) -> str:
    """The first `max_words` words of a text, with an ellipsis if it was cut."""
    parts = text.split()
    return text.strip() if len(parts) <= max_words else " ".join(parts[:max_words]) + " …"

# Function words: they say nothing about what a text is about.
STOPWORDS = frozenset("""
a an the and or but nor so yet of to in on for with at by from into onto about as than then if when while where
which who whom whose what why how that this these those there here it its it's is are was were be been being am
i me my mine myself we us our ours you your yours he him his she her hers they them their theirs do did does done
have has had having will would shall should can could may might must not no yes all any both each every some such
own same other another also just only very too more most much many one out up down over under again once
""".split())
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 16)  # Snowball is pure Python; a long answer repeats its words
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a word, so "monitored" meets "monitoring" and "patients" meets "patient"."""
    return _STEMMER.stemWord(word.lower().replace("’", "'").removesuffix("'s").strip("'"))


def words(text: str) -> list[str]:
    """The lower-case words of a text, keeping inner apostrophes and hyphens ("didn't", "follow-up")."""
    return re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", text.lower().replace("’", "'"))


def content_words(text: str, extra_stopwords: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """The words of a text that carry meaning: no function words, nothing under three letters."""
    return {w for w in words(text) if len(w) > 2 and w not in STOPWORDS and w not in extra_stopwords}
