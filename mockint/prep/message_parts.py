"""What a follow-up message is made of, as a reader sees it: greeting, sentences, sign-off, and what it refers to.

Pure functions over the text of a draft, used by the checker (mockint.prep.followup_check):
splitting a draft into its parts, finding phrases from a lexicon, telling words in capitals
from acronyms, and deciding whether the message names anything specific from the interview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mockint.text import content_words, split_sentences, stem

VOWELS = set("AEIOUY")
# A word in capitals at least this common in English (Zipf scale: 4 is once per 100,000 words)
# is a word said loudly; rarer ones ("HVAC", "ACLS", "PALS") are acronyms.
SHOUT_MIN_ZIPF = 4.0
# Words of three letters or fewer in capitals are acronyms unless listed as shouting.
SHORT_WORD_LETTERS = 3
# A greeting ("Good morning Dr Ama Owusu,") or a sign-off line ("With warm regards,") has at most this many words.
SHORT_LINE_WORDS = 5
NAME_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sister", "chef", "principal", "dear", "hi",
               "hello", "hey", "sir", "madam", "coach", "nurse", "charge", "matron", "captain", "officer"}
# A name of a thing mid-sentence: "HubSpot", "NEWS2", "Kafka", "qPCR" (never the sentence's first word).
NAMED_THING = re.compile(r"(?<=[\w,;:] )(?:[A-Z][\w&.'-]*[A-Z0-9][\w&.'-]*|[A-Z][a-z][\w&'-]*|[a-z]+[A-Z][\w.-]*)")
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


@dataclass(frozen=True)
class Message:
    """A draft split the way a reader sees it: subject, greeting, body sentences, sign-off."""

    subject: str
    greeting: str
    sentences: tuple[str, ...]
    sign_off: str

    @property
    def body(self) -> str:
        return " ".join(self.sentences)


def parse_message(text: str, parts: dict) -> Message:
    """The parts of a draft: a "Subject:" line, a greeting line, the sentences, and a closing line."""
    lines = [line.strip() for line in text.replace("\u2019", "'").splitlines() if line.strip()]
    subject = ""
    if lines and lines[0].lower().startswith("subject:"):
        subject = lines.pop(0)[len("subject:"):].strip()
    greeting = ""
    if lines and (re.match(parts["greeting"], lines[0], re.IGNORECASE) or _short_line(lines[0], ",:")):
        first, comma, rest = lines[0].partition(",")
        # "Dear Dr. Ibrahim, Ms. Lowell and Mr. Chen," is all greeting; "Hi Priya, thanks for ..." is not.
        if not comma or lines[0].rstrip().endswith((",", ":")) or not re.search(r"[.!?]", rest):
            greeting, lines[0] = lines[0], ""
        else:
            greeting, lines[0] = first + ",", rest.strip()
    sign_off = ""
    closing = re.compile(parts["sign_off"], re.IGNORECASE)
    for k in range(len(lines) - 1, max(len(lines) - 4, 0), -1):
        # "Best regards," or any short line ending in a comma ("Warmly,") closes the message.
        if closing.match(lines[k]) or _short_line(lines[k], ","):
            sign_off, lines = " ".join(lines[k:]), lines[:k]
            break
    else:
        # A bare name on the last line signs the message too ("Dana").
        if len(lines) > 1 and (re.fullmatch(parts["bare_name"], lines[-1]) or _short_line(lines[-1], "")):
            sign_off = lines.pop()
    body = "\n".join(line for line in lines if line)
    sentences = tuple(s.text for s in split_sentences(body, line_breaks=True))
    return Message(subject, greeting, sentences, sign_off)


def _short_line(line: str, endings: str) -> bool:
    """A greeting or sign-off line: a few words ending in one of `endings` (when empty: not ending a sentence)."""
    words = line.split()
    if not 0 < len(words) <= SHORT_LINE_WORDS:
        return False
    return line.endswith(tuple(endings)) if endings else not line.endswith((".", "!", "?", ":", ";"))


# ---- phrases ------------------------------------------------------------------------


def _phrase(phrase: str) -> re.Pattern[str]:
    """A lexicon entry as a pattern: "re:" entries are regular expressions, the rest literal ("*" ends a stem)."""
    if phrase.startswith("re:"):
        return re.compile(phrase[3:], re.IGNORECASE)
    body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
    ending = r"\w*" if phrase.endswith("*") else ""
    # Word boundaries only where the phrase starts or ends with a letter ("please!" ends with "!").
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase.rstrip("*")[-1:].isalnum() else ""
    return re.compile(start + body + ending + end, re.IGNORECASE)


@lru_cache(maxsize=128)
def _compiled(names: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [_phrase(n) for n in names]


def first_phrase(sentence: str, phrases: list[str]) -> str:
    """The earliest of the phrases found in the sentence, as written there; empty if none."""
    found = [m for m in (p.search(sentence) for p in _compiled(tuple(phrases))) if m]
    return min(found, key=lambda m: m.start()).group() if found else ""


# ---- capitals -----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def is_common_word(word: str) -> bool:
    """Whether a word is common English (so in capitals it is shouted, not an acronym)."""
    from wordfreq import zipf_frequency  # loads its word list on first use: only the checker needs it

    return zipf_frequency(word.lower(), "en", wordlist="small") >= SHOUT_MIN_ZIPF


def shouted_words(sentence: str, acronyms: set[str], short_words: set[str], named: set[str] = frozenset()) -> list[str]:
    """Words in capitals that are words, not acronyms: "REALLY", "SO", "DREAM JOB", but not "HVAC" or "NEWS2".

    A common word in capitals right before a word in `named` ("RICE scoring", "SMART goals")
    names a method, so it is an acronym too.
    """
    tokens = re.findall(r"[A-Za-z0-9][A-Za-z0-9/&'.-]*[A-Za-z0-9]|[A-Za-z]", sentence)
    loud: list[str] = []
    previous_loud = False
    for i, token in enumerate(tokens):
        word = token.rstrip(".").removesuffix("'S").removesuffix("'s")
        if not (len(word) >= 2 and word.isalpha() and word.isupper()) or word in acronyms:
            previous_loud = False
            continue
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        common = len(word) > SHORT_WORD_LETTERS and is_common_word(word) and following not in named
        # A run of capitals that started loud stays loud: "DREAM JOB", "THANK YOU SO MUCH".
        previous_loud = word in short_words or common or previous_loud
        if previous_loud:
            loud.append(word)
    return loud


# ---- what the message refers to -------------------------------------------------------


def title_words(text: str, nouns: str) -> set[str]:
    """Stems of the words naming the job ("the data analyst role"): they are not a specific from the talk."""
    found = re.findall(rf"\b(?:the|this|a|an|your)\s+((?:[\w&'/-]+\s+){{0,5}}?)(?:{nouns})\b", text, re.IGNORECASE)
    return {stem(w) for phrase in found for w in re.findall(r"[\w'-]+", phrase)}


def _names(message: Message) -> set[str]:
    """Lower-case words of the greeting and the sign-off: the people, not the content."""
    return set(re.findall(r"[a-z][a-z'-]*", (message.greeting + " " + message.sign_off).lower()))


def specific_anchors(message: Message, spec: dict) -> list[str]:
    """What in the message is specific to this interview: things said near a mention of the conversation, and names
    of things (products, places, acronyms) that are not the job title, a person, a date or the company they join."""
    title = title_words(message.body, spec["job_nouns"])
    skip = set(spec["generic"]) | _names(message) | CALENDAR | NAME_TITLES
    cues = re.compile(spec["conversation_cues"], re.IGNORECASE)
    anchors = []
    for sentence in message.sentences:
        # A reason ("... because I love selling") is about the candidate, not the conversation: it ends a segment.
        for segment in re.split(r"[,;:()]| - | – | — |\bbecause\b", sentence):
            if not cues.search(segment):
                continue
            words = content_words(cues.sub(" ", segment), extra_stopwords=skip)
            anchors += [w for w in sorted(words) if stem(w) not in title and not w.isdigit()]
        for match in NAMED_THING.finditer(sentence):
            word, before = match.group().rstrip(".'"), sentence[:match.start()].split()
            previous = before[-1].lower().strip(",.;:") if before else ""
            if word.lower() in skip or word == "I" or stem(word) in title or previous in spec["company_before"]:
                continue
            if previous.rstrip(".") in NAME_TITLES:
                continue  # a person's name after "Ms." or "Dr."
            anchors.append(word)
    return anchors
