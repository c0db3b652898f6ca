"""Pull the specific things worth probing out of free-text first-round notes.

A second-round interviewer reads the first round's notes and goes back to what was
thin: the project the candidate talked about, the question they struggled with. We
find those sentences and the topic phrase in each, so that a question can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Cues that the candidate found something hard; these topics are probed first.
STRUGGLE = re.compile(
    r"\b(struggl\w*|rambl\w*|couldn'?t|could not|didn'?t know|did not know|went badly|badly|weak\w*|forgot|"
    r"blank\w*|stumbl\w*|vague|nervous|lost (?:my|the) (?:thread|focus)|wasn'?t sure|not sure|unsure|"
    r"too long|hesitat\w*|mess(?:ed)? up|no numbers|no good answer|wish I had)\b",
    re.IGNORECASE,
)
# Phrases that introduce what was discussed; the topic is what follows them.
TOPIC_CUES = re.compile(
    r"\b(?:asked(?: me)?(?: about| to| for| on)?|questions? (?:about|on)|talked (?:about|through)|"
    r"discussed|mentioned|described|presented|explained|went through|walked (?:them|him|her) through|"
    r"focused on|dug into|probed|spoke about|covered)\s+(?P<topic>[^.;!?\n]+)",
    re.IGNORECASE,
)
# What a candidate struggled with: "I struggled to explain how I measured X" -> "how I measured X".
STRUGGLE_TOPIC = re.compile(
    r"\b(?:struggled|had trouble|found it hard|couldn'?t|could not|didn'?t know how|did not know how|wasn'?t sure how|"
    r"rambled|stumbled|blanked)\s+(?:to\s+|when\s+(?:asked|talking)\s+(?:about\s+)?|"
    r"(?:with|on|over|about|through)\s+)?(?:(?:explain|describe|answer|say|show|talk about|justify|give)\s+)?"
    r"(?P<topic>[^.;!?\n]+)",
    re.IGNORECASE,
)
PRONOUNS = [
    (r"\bI am\b", "you are"), (r"\bI was\b", "you were"), (r"\bI'm\b", "you're"), (r"\bI've\b", "you've"), (r"\bI'd\b", "you'd"), (r"\bI'll\b", "you'll"),
    (r"\bI\b", "you"), (r"\bmy\b", "your"), (r"\bmyself\b", "yourself"), (r"\bme\b", "you"),
    (r"\bmine\b", "yours"), (r"\bour\b", "your team's"), (r"\bwe\b", "your team"),
]
MAX_TOPIC_WORDS = 12


@dataclass(frozen=True)
class NoteTopic:
    """One thing from the first round worth probing."""

    sentence: str  # the note as the candidate wrote it
    topic: str  # the topic phrase, rephrased to address the candidate ("the migration you led")
    struggled: bool  # the candidate said this went badly


def split_sentences(text: str) -> list[str]:
    """Sentences and bullet lines of the notes."""
    pieces = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip(" -*\u2022\t") for p in pieces if len(p.strip(" -*\u2022\t").split()) >= 3]


def to_second_person(phrase: str) -> str:
    """Rewrite the candidate's "I/my" as the interviewer's "you/your"."""
    for pattern, repl in PRONOUNS:
        phrase = re.sub(pattern, repl, phrase, flags=re.IGNORECASE)
    return phrase


def topic_phrase(sentence: str) -> str:
    """The topic a sentence is about: what follows a cue like "asked about", else the sentence itself."""
    match = TOPIC_CUES.search(sentence) or STRUGGLE_TOPIC.search(sentence)
    phrase = match.group("topic") if match else sentence
    # Cut at a clause that turns to how it went ("..., and I said", "but I couldn't").
    phrase = re.split(r",|\b(?:but|and then|and I|which I|where I|when I|because)\b", phrase, maxsplit=1)[0]
    # "rate limiting went badly" -> "rate limiting": the topic, not the verdict on it.
    verdict = STRUGGLE.search(phrase)
    if verdict and verdict.start() > 0:
        phrase = re.sub(r"\s+(?:went|was|were|felt|seemed|got|is|are)\s*$", "", phrase[: verdict.start()].rstrip())
    phrase = phrase.strip(" ,:-\"'")
    tokens = phrase.split()
    if len(tokens) > MAX_TOPIC_WORDS:
        phrase = " ".join(tokens[:MAX_TOPIC_WORDS])
    return to_second_person(phrase)


def extract_topics(notes: str | None) -> list[NoteTopic]:
    """The probe-worthy topics in the notes, struggles first, duplicates removed."""
    if not notes or not notes.strip():
        return []
    topics: list[NoteTopic] = []
    seen: set[str] = set()
    for sentence in split_sentences(notes):
        if not (TOPIC_CUES.search(sentence) or STRUGGLE.search(sentence)):
            continue
        phrase = topic_phrase(sentence)
        key = phrase.lower()
        if len(phrase.split()) < 2 or key in seen:
            continue
        seen.add(key)
        topics.append(NoteTopic(sentence=sentence, topic=phrase, struggled=bool(STRUGGLE.search(sentence))))
    if not topics:
        # Notes with no cue words still say something: probe their longest sentences.
        for sentence in sorted(split_sentences(notes), key=len, reverse=True)[:2]:
            topics.append(NoteTopic(sentence=sentence, topic=topic_phrase(sentence), struggled=False))
    return sorted(topics, key=lambda t: not t.struggled)
