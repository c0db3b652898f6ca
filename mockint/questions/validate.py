"""Decide whether a generated question is fit to ask, as pure functions.

A small local model's drafts are mostly chatter, echoes of the prompt, yes/no questions,
duplicates or shallow ("How do you handle stress?"). Every model draft passes
`check_question` (form, and depth as specificity) and then fit.py (meaning: does it belong
to the job) before the candidate sees it; bank questions are vetted content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockint.text import content_words as text_content_words
from mockint.text import stem, words

MIN_WORDS, MAX_WORDS = 6, 60

# A question whose main clause opens with one of these is answered by yes or no.
YES_NO_OPENERS = {
    "do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "will", "should",
    "shall", "have", "has", "had", "may", "might", "must", "am", "isn't", "aren't", "don't",
    "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "haven't", "hasn't",
}
WH_WORDS = {"what", "how", "why", "when", "where", "which", "who", "whom", "whose"}
# Imperative openers an interviewer uses instead of a wh-word ("Walk me through ...?").
IMPERATIVE_OPENERS = {
    "tell", "walk", "describe", "explain", "give", "talk", "take", "share", "imagine", "suppose", "say",
    "picture", "compare", "design", "outline", "estimate", "plan", "sketch",
}
# What makes a question second-round is specificity: a concrete situation, a decision, evidence.
# These words ask for exactly that; a question with none of them needs more concrete content.
DEPTH_MARKERS = re.compile(
    r"\b(trade-?offs?|measur\w*|metrics?|numbers?|evidence|specific\w*|exactly|decid\w*|decisions?|"
    r"prioriti\w*|risks?|costs?|results?|outcomes?|impact|fail\w*|mistakes?|wrong|conflict|disagree\w*|"
    r"instead|alternatives?|rather than|step by step|walk me through|take me through|talk me through|"
    r"time (?:you|when)|changed?)\b",
    re.IGNORECASE,
)
# A question names at least this many specific things (words beyond the generic ones every
# interview question uses); with a depth marker, fewer will do. "How do you handle stress?" names one.
MIN_SPECIFIC_WORDS, MIN_SPECIFIC_WITH_MARKER = 5, 2
# Things a model says that no interviewer would.
CHATTER = re.compile(
    r"(as an ai|language model|i'm sorry|i am sorry|\bhere is\b|\bhere's\b|\bhere are\b|\bsure[,!]|certainly|"
    r"interview question|second[- ]round|first[- ]round question|competency:|kind:|question:|answer:|"
    r"example question|\bassistant:|\buser:|<\||http|www\.|please make yourself)",
    re.IGNORECASE,
)
STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from",
    "you", "your", "yours", "i", "me", "my", "we", "our", "it", "its", "this", "that", "these", "those",
    "is", "are", "was", "were", "be", "been", "do", "did", "does", "have", "has", "had", "what", "how",
    "why", "when", "where", "which", "who", "about", "as", "so", "if", "then", "there", "their", "they",
    "would", "could", "should", "can", "will", "time", "tell", "walk", "through", "describe",
}
# Words any interview question may use; they say nothing about whether it fits the role.
GENERIC = {
    "decide", "decision", "example", "situation", "specific", "team", "work", "job", "role", "people",
    "happened", "result", "results", "outcome", "measure", "measured", "impact", "approach", "handle",
    "trade", "trade-off", "trade-offs", "step", "exactly", "first", "last", "next", "time", "times",
    "way", "thing", "things", "something", "make", "made", "take", "took", "give", "gave", "use", "used",
    "want", "need", "think", "know", "help", "better", "best", "most", "more", "new", "good", "important",
    "problem", "issue", "change", "changed", "learn", "learned", "would", "could", "did", "done", "weigh",
    "imagine", "suppose", "design", "prioritize", "priorities", "situation", "specific", "particular",
    "one", "own", "not", "someone", "anyone", "everyone", "other", "another", "also", "still", "well",
    "really", "very", "much", "many", "lot", "any", "all", "each", "both", "even", "just", "only",
    "kind", "person", "day", "days", "year", "years", "hard", "difficult", "tough", "right", "wrong",
}
GENERIC_STEMS = {stem(w) for w in GENERIC | {"handle", "deal", "feel", "like", "work", "stress", "favourite", "favorite",
                                              "job", "career", "goal", "strength", "weakness", "motivate", "enjoy"}}
NEAR_DUPLICATE = 0.5  # Jaccard overlap of content words at which two questions are "the same question"


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one candidate question."""

    ok: bool
    text: str  # the cleaned text (what would be shown)
    reason: str = ""  # why it was rejected; empty when ok


def clean_question(raw: str) -> str:
    """Strip list numbering, quotes and labels, and cut everything after the first question mark."""
    text = raw.strip().replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    text = re.sub(r"^\s*(?:[-*\u2022]|\d+[.)]|q\d*[:.)]|question\s*\d*\s*[:.-])\s*", "", text, flags=re.IGNORECASE)
    text = text.strip().strip('"').strip("'").strip()
    if "?" in text:
        text = text[: text.index("?") + 1]
    return re.sub(r"\s+", " ", text).strip()


def content_words(text: str) -> set[str]:
    """Words that carry meaning in a question, for comparing questions."""
    return text_content_words(text, STOPWORDS)


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of two texts' content words (0 to 1)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def main_clause(text: str) -> str:
    """The clause that carries the question: what follows the last sentence break or semicolon."""
    parts = re.split(r"(?<=[.;:!])\s+|\s+[-\u2013\u2014]\s+", text.rstrip("?"))
    return parts[-1] if parts else text


def is_yes_no(text: str) -> bool:
    """True for questions answerable by yes or no ("Did you ...?"), but not for choices ("X or Y?")."""
    clause_words = words(main_clause(text))
    if not clause_words:
        return False
    if clause_words[:3] in (["would", "you", "like"], ["do", "you", "want"], ["could", "you", "please"]):
        return True  # an invitation ("Would you like to explain how...?") is still answered by yes
    if clause_words[0] in YES_NO_OPENERS:
        # "Would you pick A or B, and why?" asks for a choice and a reason, not a yes.
        return not ({"or", "why", "how"} & set(clause_words[1:]))
    return False


def looks_like_question(text: str) -> bool:
    """A wh-question or an interviewer's imperative, addressed to the candidate."""
    ws = words(text)
    if not ws:
        return False
    has_wh = bool(WH_WORDS & set(ws))
    clause = words(main_clause(text))
    opens_imperative = ws[0] in IMPERATIVE_OPENERS or (bool(clause) and clause[0] in IMPERATIVE_OPENERS)
    addressed = bool({"you", "your", "yourself", "you've", "you'd", "you're"} & set(ws))
    return (has_wh or opens_imperative) and addressed


def specific_words(text: str) -> set[str]:
    """The words of a question that name something particular, beyond what every question says."""
    return {w for w in content_words(text) if w not in GENERIC and stem(w) not in GENERIC_STEMS}


def is_deep(text: str) -> bool:
    """Whether a question is concrete enough for a second round: specific content, or a depth marker and some."""
    n = len(specific_words(text))
    return n >= MIN_SPECIFIC_WORDS or (n >= MIN_SPECIFIC_WITH_MARKER and bool(DEPTH_MARKERS.search(text)))


def is_garbled(text: str) -> bool:
    """Repeated words, stray symbols or non-text: the marks of a small model losing its way."""
    ws = words(text)
    if any(ws[i] == ws[i + 1] == ws[i + 2] for i in range(len(ws) - 2)):
        return True
    letters = sum(c.isalpha() for c in text)
    return letters < 0.6 * len(text) or bool(re.search(r"[{}\[\]<>|#@$^~`\\]", text))


# An interviewer's request ("Tell me about a time you lost a customer, and how you handled it.")
# is a question whether it ends with "?" or with a full stop.
REQUEST = re.compile(r"^(?:tell me|walk me|take me|talk me|talk about|describe|give me|share|explain)\b", re.IGNORECASE)


def check_question(raw: str, *, asked: list[str] = (), prompt_texts: list[str] = ()) -> Verdict:
    """Check one candidate question against the rules; `asked` is the session so far."""
    text = clean_question(raw)
    n = len(words(text))
    if not text.endswith("?") and not (text.endswith(".") and (REQUEST.match(text) or REQUEST.match(main_clause(text)))):
        return Verdict(False, text, "not a question or a request")
    if n < MIN_WORDS:
        return Verdict(False, text, f"too short ({n} words)")
    if n > MAX_WORDS:
        return Verdict(False, text, f"too long ({n} words)")
    if CHATTER.search(text):
        return Verdict(False, text, "chatter, not a question")
    if is_garbled(text):
        return Verdict(False, text, "garbled")
    if is_yes_no(text):
        return Verdict(False, text, "yes/no question")
    if not looks_like_question(text):
        return Verdict(False, text, "not a question to the candidate")
    if not is_deep(text):
        return Verdict(False, text, "too shallow for a second round")
    for seen in prompt_texts:
        if overlap(text, seen) >= NEAR_DUPLICATE or text.lower() == seen.lower():
            return Verdict(False, text, "echo of the prompt")
    if repeats(text, asked):
        return Verdict(False, text, "near-duplicate of an earlier question")
    return Verdict(True, text)


def repeats(text: str, asked: list[str]) -> bool:
    """Whether a question asks again what one already asked this session does."""
    # Word overlap, not shared openers: two "Tell me about a time you..." questions can differ.
    return any(overlap(text, seen) >= NEAR_DUPLICATE for seen in asked)
