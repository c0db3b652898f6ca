"""Filler words: hard ones (um, uh, hmm...) always, soft ones (like, you know...) only as fillers.

Soft fillers are ordinary words most of the time ("I like Python", "sounds like",
"so that", "right now", "the kind of impact"), so each has a rule saying when it is
working as a filler. The rules look at the word's neighbours and the punctuation around
it, which Whisper writes where the speaker paused ("I was, like, four engineers").
They prefer missing a filler to accusing the candidate of one they did not use.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from mockint.domain import FillerFeedback, FillerHit, Word
from mockint.text import Token, gap_after, gap_before, tokenize

# Hard fillers and their elongations, each with the name it is counted under.
HARD_FILLERS = [
    (re.compile(r"u+h*m+"), "um"),  # um, umm, uhm, uum
    (re.compile(r"u+h+"), "uh"),  # uh, uhh
    (re.compile(r"e+r+m+"), "erm"),  # erm, ermm
    (re.compile(r"e+r+"), "er"),  # er, err
    (re.compile(r"a+h+"), "ah"),  # ah, ahh
    (re.compile(r"h+m+"), "hmm"),  # hm, hmm, hmmm
]

HARD_FILLER_STARTS = {"u", "e", "a", "h"}  # every hard filler starts with one of these: a cheap first check
SUBJECT_PRONOUNS = {"i", "we", "you", "they", "he", "she", "it's", "that's", "there's", "i'm", "we're", "they're"}
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "hundred", "dozens", "hundreds", "thousands",
}
# "like" right after these is a verb or part of a comparison: "would like", "sounds like".
LIKE_NOT_FILLER_AFTER = {
    "would", "i'd", "we'd", "you'd", "feel", "feels", "felt", "look", "looks", "looked", "sound", "sounds",
    "sounded", "seem", "seems", "seemed", "something", "anything", "nothing", "more", "less", "much", "just",
}
# "like" straight after a subject, a negation or an auxiliary is the verb "to like".
LIKE_VERB_AFTER = {"i", "you", "we", "they", "people", "not", "don't", "didn't", "doesn't", "never", "really", "also",
                   "to", "do", "did", "does", "always"}
# "kind of" / "sort of" after these is a noun phrase: "the kind of impact", "what sort of".
KIND_OF_DETERMINERS = {
    "a", "an", "the", "this", "that", "these", "those", "what", "which", "any", "some", "every", "each", "no",
    "same", "one", "other", "another", "his", "her", "their", "our", "my", "your", "its", "right", "wrong",
    "different", "new", "all", "first", "best", "only", "certain", "particular", "similar", "last", "whole",
    "exact", "main", "usual", "specific", "special", "whatever", "worst", "better", "good", "bad", "odd",
}
# "so" right before these is an intensifier or a conjunction, never a filler.
SO_NOT_FILLER_BEFORE = {"that", "much", "many", "far", "long", "well", "little", "few", "to", "on", "called", "forth"}
# "so" after these is a pro-form or part of a phrase: "I think so", "and so on".
SO_NOT_FILLER_AFTER = {"think", "hope", "guess", "said", "say", "believe", "do", "did", "not", "if", "even", "and",
                       "or", "ever", "just", "why", "more"}
# Words that may sit before a filler at the very start of an answer: "Yeah, so, ...".
OPENERS = {"yeah", "yes", "okay", "ok", "right", "well", "so", "oh"}
HEDGE_FOLLOWERS = {"yeah", "yes", "um", "uh", "umm", "uhh", "er", "erm", "like", "basically", "anyway"}


def hard_filler(token: Token, next_word: str | None) -> str | None:
    """The normalised hard filler this token is, or None."""
    if token.text == "ER":  # the emergency room, not a hesitation
        return None
    word = token.lower
    if word[:1] not in HARD_FILLER_STARTS:
        return None
    if word in {"err", "er"} and next_word == "on":  # "err on the side of caution"
        return None
    for pattern, name in HARD_FILLERS:
        if pattern.fullmatch(word):
            return name
    return None


class _Context:
    """Neighbours and punctuation around one token, for the soft-filler rules."""

    def __init__(self, text: str, tokens: list[Token], i: int, answer_start: int):
        self.text, self.tokens, self.i = text, tokens, i
        self.before = gap_before(text, tokens, i)
        self.prev = tokens[i - 1].lower if i > 0 else None
        self.answer_start = answer_start

    def word(self, offset: int) -> str | None:
        j = self.i + offset
        return self.tokens[j].lower if 0 <= j < len(self.tokens) else None

    def after(self, span: int = 1) -> str:
        """Punctuation after the last token of a span starting here."""
        return gap_after(self.text, self.tokens, self.i + span - 1)

    @property
    def clause_start(self) -> bool:
        """First word of the answer, of a sentence, or after a comma or dash."""
        return self.i <= self.answer_start or _pause(self.before, strong=False)

    @property
    def sentence_start(self) -> bool:
        return self.i <= self.answer_start or _pause(self.before, strong=True)


def _pause(gap: str, strong: bool) -> bool:
    marks = ".!?;:…\n" if strong else ".!?;:…\n,—–-("
    return any(c in gap for c in marks)


def _comma(gap: str) -> bool:
    return any(c in gap for c in ",—–…") or "..." in gap or " - " in gap


def soft_filler(ctx: _Context) -> tuple[str, int] | None:
    """The soft filler starting at this token and how many tokens it spans, or None."""
    w, nxt = ctx.word(0), ctx.word(1)
    if w == "like":
        return ("like", 1) if _like_is_filler(ctx) else None
    if w == "you" and nxt == "know":
        stop = ctx.after(2)
        if (_comma(stop) or _pause(stop, strong=True) or ctx.word(2) is None) and ctx.prev not in {
                "do", "did", "don't", "didn't", "if", "as", "whether", "what", "how", "let", "will", "would", "could",
                "to", "might", "may", "should"}:
            return ("you know", 2)
        return None
    if w == "i" and nxt == "mean":
        stop = ctx.after(2)
        if ctx.prev in {"what", "which", "if", "do", "don't", "you"}:
            return None
        if _comma(stop) or (ctx.sentence_start and ctx.word(2) in SUBJECT_PRONOUNS - {"it's"}):
            return ("I mean", 2)
        return None
    if w in {"basically"}:
        return ("basically", 1)
    if w == "literally":
        return None if ctx.prev in {"taken", "translated", "translate", "interpreted", "means", "meant"} else (
            "literally", 1)
    if w == "actually":
        return ("actually", 1) if ctx.clause_start or (_comma(ctx.before) and _comma(ctx.after())) else None
    if w in {"kind", "sort"} and nxt == "of":
        return (f"{w} of", 2) if ctx.prev not in KIND_OF_DETERMINERS else None
    if w == "so":
        return ("so", 1) if _so_is_filler(ctx) else None
    if w == "well":
        if not ctx.clause_start:
            return None
        if _comma(ctx.after()) or nxt in SUBJECT_PRONOUNS or (ctx.sentence_start and nxt in HEDGE_FOLLOWERS):
            return ("well", 1)
        return None
    if w == "right":
        stop = ctx.after()
        if "?" in stop and ctx.prev not in {"all", "that's", "that"}:
            return ("right", 1)
        if ctx.sentence_start and _comma(stop) and ctx.prev not in {"all"}:
            return ("right", 1)
        if _comma(ctx.before) and _comma(stop) and ctx.prev not in {"all"}:
            return ("right", 1)
    return None


def _like_is_filler(ctx: _Context) -> bool:
    """"like" as a filler: set off by a comma, or an approximation before a number."""
    if ctx.prev in LIKE_NOT_FILLER_AFTER | LIKE_VERB_AFTER and not _comma(ctx.before):
        return False  # "would like", "sounds like", "they did not like, and..." (but "just, like, didn't" is one)
    if _comma(ctx.after()) or (ctx.word(1) is None and _comma(ctx.before)):
        return True
    nxt = ctx.word(1)
    return nxt is not None and (nxt[0].isdigit() or nxt in NUMBER_WORDS - {"one"}) and ctx.prev not in {
        "things", "people"}


def _so_is_filler(ctx: _Context) -> bool:
    """"so" opening the answer, or followed by a pause or another filler; never "so that"."""
    nxt = ctx.word(1)
    if (nxt in SO_NOT_FILLER_BEFORE and not _comma(ctx.after())) or (
            ctx.prev in SO_NOT_FILLER_AFTER and not _comma(ctx.before)):
        return False
    if ctx.i <= ctx.answer_start:
        return True
    if _comma(ctx.after()) and not _pause(ctx.after(), strong=True):
        return True
    return nxt in HEDGE_FOLLOWERS


def find_fillers(text: str, words: list[Word] | None = None) -> list[FillerHit]:
    """Every filler in the text, in order, with character offsets (and times when spoken)."""
    tokens = tokenize(text)
    times = word_times(tokens, words or [])
    hits: list[FillerHit] = []
    # The answer "starts" after any hard fillers and openers at its head ("Umm, yeah, so, ...").
    answer_start = 0
    while answer_start < len(tokens) and (
            hard_filler(tokens[answer_start], None) or tokens[answer_start].lower in OPENERS - {"so", "well"}):
        answer_start += 1
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else None
        name = hard_filler(token, nxt)
        if name:
            hits.append(FillerHit(text=token.text, filler=name, kind="hard", start_char=token.start,
                                  end_char=token.end, time=times[i]))
            i += 1
            continue
        soft = soft_filler(_Context(text, tokens, i, answer_start))
        if soft:
            name, span = soft
            end = tokens[i + span - 1].end
            hits.append(FillerHit(text=text[token.start:end], filler=name, kind="soft", start_char=token.start,
                                  end_char=end, time=times[i]))
            i += span
            continue
        i += 1
    return hits


def word_times(tokens: list[Token], words: list[Word]) -> list[float | None]:
    """The start time of each text token, found by walking the timed words in order."""
    times: list[float | None] = [None] * len(tokens)
    if not words:
        return times
    timed: list[tuple[str, float]] = []
    for word in words:
        if not math.isfinite(word.start):
            continue
        plain = word.text.strip()
        if plain.isalpha():  # most words: no need to run the tokenizer
            timed.append((plain.lower(), word.start))
            continue
        for piece in tokenize(word.text):
            timed.append((piece.lower, word.start))
    j = 0
    for i, token in enumerate(tokens):
        # Look a few timed words ahead, so one word the two disagree on does not derail the rest.
        for k in range(j, min(j + 4, len(timed))):
            if timed[k][0] == token.lower:
                times[i] = timed[k][1]
                j = k + 1
                break
    return times


def summarize_fillers(hits: list[FillerHit], word_count: int) -> FillerFeedback:
    """Counts per filler, totals and the rate per 100 words."""
    counts = Counter(h.filler for h in hits)
    hard = sum(1 for h in hits if h.kind == "hard")
    per_100 = round(100 * len(hits) / word_count, 1) if word_count else 0.0
    return FillerFeedback(total=len(hits), hard=hard, soft=len(hits) - hard,
                          counts=dict(counts.most_common()), per_100_words=per_100, hits=hits)
