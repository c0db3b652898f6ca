"""The story bank's logic: what a story shows, its key points, and how a retelling compares.

A story is analysed as the answer to a behavioral question (mockint.feedback.analyze)
for its STAR parts. Its competencies come from two places: the built-in roles' own
competencies ("system design", "negotiation and closing"), matched by their words, and
the themes behavioral questions ask for (conflict, leadership, failure ...) from the cue
lists in prompts/prep/competencies.toml.

Practice compares a retelling from memory with the saved text. The points that matter
in an interview are the sentences with evidence in them: numbers, named things (tools,
clients, places), what the candidate did and how it ended. A point is kept when most of
its words come back in some part of the retelling and its numbers and names are said.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from mockint.data import data_path, load_toml
from mockint.domain import STAR_PARTS, Feedback, QuestionKind, Story, Transcript
from mockint.feedback.analyze import analyze
from mockint.questions.validate import STOPWORDS
from mockint.roles import list_roles
from mockint.text import split_sentences, stem

STORY_QUESTION = "Tell me about a time: {title}."
# A point is kept when this share of its words comes back, with its numbers and names;
# partly kept from the lower share, or when some of its numbers and names are said.
KEPT_RECALL, PARTLY_RECALL = 0.5, 0.3
# Role competencies of this many content words need all of them in the story; longer ones half.
ALL_WORDS_UP_TO = 2
EXTRA_STOPWORDS = {"not", "also", "just", "very", "really", "all", "one", "out", "into", "than", "them", "him", "her",
                   "his", "she", "he", "were", "had", "been", "after", "before", "over", "under", "because", "some",
                   # the glue of any story, not its content
                   "job", "task", "goal", "make", "made", "kept", "now", "since", "instead", "result", "took", "got",
                   "get", "need", "needed", "want", "wanted", "went", "way", "thing", "things", "lot", "every"}


# ---- words, numbers and names (pure) ----------------------------------------------

WORD = re.compile(r"[A-Za-z][A-Za-z'\-/]*[A-Za-z]|[A-Za-z]")
UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_TOKEN = re.compile(
    r"[$£€]?\d+(?:[.,]\d+)*\s?(?:k|m|bn)?\b%?|\b(?:" + "|".join([*UNITS, *SCALES, "a hundred", "a thousand"]) +
    r")(?:[\s-]+(?:" + "|".join([*UNITS, *SCALES, "and"]) + r"))*\b",
    re.IGNORECASE,
)
SENTENCE_OPENERS = {"last", "next", "after", "during", "before", "while", "once", "later", "eventually", "finally",
                    "first", "then", "instead", "overall", "luckily", "unfortunately", "since", "yesterday"}
NOT_NAMES = {"I", "I'm", "I've", "I'd", "I'll", "OK", "Okay", "Monday", "Tuesday", "Wednesday", "Thursday",
             "Friday", "Saturday", "Sunday"}


def number_values(text: str) -> set[str]:
    """The numbers in a text, normalised so "2 days", "two days" and "2,000"/"2000" compare equal."""
    values: set[str] = set()
    for match in NUMBER_TOKEN.finditer(text):
        raw = match.group().lower().strip()
        if raw[0].isdigit() or raw[0] in "$£€":
            digits = re.sub(r"[^\d.,km%bn]", "", raw)
            scale = 1_000 if digits.rstrip("%").endswith("k") else 1_000_000 if digits.endswith("m") else \
                1_000_000_000 if digits.endswith("bn") else 1
            number = digits.rstrip("%kmbn").replace(",", "")
            try:
                value = float(number) * scale
            except ValueError:
                continue
        else:
            if raw == "one":
                continue  # "no one else", "one of the team": a pronoun far more often than a figure
            value = _words_to_number(re.split(r"[\s-]+", raw))
            if value is None:
                continue
        values.add(str(int(value)) if value.is_integer() else str(value))
    return values


def _words_to_number(words: list[str]) -> float | None:
    """"twenty five" -> 25, "two thousand" -> 2000, "a hundred" -> 100."""
    total = current = 0
    seen = False
    for word in words:
        if word in ("a", "and"):
            current = current or (1 if word == "a" else 0)
            continue
        if word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
            seen = True
    return float(total + current) if seen else None


def names(text: str) -> set[str]:
    """Named things, lower-cased: runs of capitalised words ("northwind logistics"), acronyms, CamelCase.

    A lone capitalised word that opens a sentence is only the sentence's first word.
    """
    found: set[str] = set()
    for sentence in split_sentences(text):
        tokens = sentence.tokens
        # "Grafana", "AWS", and also "iOS" or "eBay": a capital first or inside the word.
        capital = [t.text[:1].isalpha() and any(c.isupper() for c in t.text) and t.text not in NOT_NAMES
                   for t in tokens]
        if tokens and tokens[0].text.lower() in STOPWORDS | EXTRA_STOPWORDS | SENTENCE_OPENERS:
            capital[0] = False  # "Then iOS ...": the opening word is not part of the name
        i = 0
        while i < len(tokens):
            if not capital[i]:
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and capital[j] and text[tokens[j - 1].end:tokens[j].start] == " ":
                j += 1
            word = tokens[i].text
            special = len(word) > 1 and (word.isupper() or any(c.isupper() for c in word[1:]))
            if not (i == 0 and j == 1 and not special):
                found.add(" ".join(t.text for t in tokens[i:j]).lower())
            i = j
    return found


def content_stems(text: str) -> set[str]:
    """The stems of a text's meaningful words (no small words, no numbers)."""
    stops = STOPWORDS | EXTRA_STOPWORDS
    return {stem(w) for w in WORD.findall(text.lower()) if len(w) > 2 and w not in stops and w not in UNITS}


# ---- analysis of a saved story ----------------------------------------------------


class CompetencyMatch(BaseModel):
    """One competency a story shows, and the words that showed it."""

    name: str
    source: Literal["theme", "role"]
    roles: list[str] = []
    cues: list[str] = []


class StoryAnalysis(BaseModel):
    """What `stories list` shows for one story."""

    id: int
    title: str
    words: int
    star: dict[str, list[str]]
    star_complete: float
    result_quantified: bool
    competencies: list[CompetencyMatch]


def analyze_story(text: str, title: str) -> Feedback:
    """The analyzer's feedback on a story, read as the answer to a behavioral question."""
    return analyze(Transcript(text=text), question=STORY_QUESTION.format(title=title), kind=QuestionKind.behavioral)


def star_parts(feedback: Feedback) -> dict[str, list[str]]:
    """Each STAR part's evidence sentences (empty when the part is missing)."""
    return {part: list(getattr(feedback.star, part).evidence) for part in STAR_PARTS}


def _cue_pattern(cue: str) -> re.Pattern[str]:
    body = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+")
    ending = r"[\w-]*" if cue.endswith("*") else ""
    return re.compile(rf"\b{body}{ending}\b", re.IGNORECASE)


def theme_matches(text: str, themes: list[dict]) -> list[CompetencyMatch]:
    """The themes from competencies.toml whose cues a story uses often enough."""
    matches = []
    for theme in themes:
        cues = []
        for cue in theme["cues"]:
            found = _cue_pattern(cue).search(text)
            if found:
                cues.append(found.group().lower())
        if cues and len(set(cues)) >= theme.get("min", 1):
            matches.append(CompetencyMatch(name=theme["name"], source="theme", cues=sorted(set(cues))))
    return matches


def role_matches(text: str, competencies: dict[str, list[str]]) -> list[CompetencyMatch]:
    """The built-in roles' competencies (name -> role titles) whose words the story uses."""
    story = content_stems(text)
    matches = []
    for name, roles in competencies.items():
        wanted = content_stems(name)
        hits = wanted & story
        needed = len(wanted) if len(wanted) <= ALL_WORDS_UP_TO else (len(wanted) + 1) // 2
        if wanted and len(hits) >= needed:
            words = [w for w in re.findall(r"[a-z][a-z/-]*", text.lower()) if stem(w) in hits]
            matches.append(CompetencyMatch(name=name, source="role", roles=roles, cues=sorted(set(words))))
    return matches


def role_competencies() -> dict[str, list[str]]:
    """Every built-in role's competencies, each with the titles of the roles that list it."""
    found: dict[str, list[str]] = {}
    for role in list_roles():
        for competency in role.competencies:
            found.setdefault(competency, []).append(role.title)
    return found


def competencies(text: str) -> list[CompetencyMatch]:
    """The competencies a story covers: themes first (most cues first), then role competencies."""
    themes = load_toml(data_path("prep", "competencies.toml"))["competency"]
    themes = sorted(theme_matches(text, themes), key=lambda m: -len(m.cues))
    roles = sorted(role_matches(text, role_competencies()), key=lambda m: -len(m.cues))
    return themes + roles


def describe(story: Story) -> StoryAnalysis:
    """A saved story with its STAR analysis and competencies."""
    feedback = analyze_story(story.text, story.title)
    return StoryAnalysis(
        id=story.id,
        title=story.title,
        words=feedback.word_count,
        star=star_parts(feedback),
        star_complete=feedback.star.completeness or 0.0,
        result_quantified=feedback.result_quantified,
        competencies=competencies(story.text),
    )


# ---- practice: comparing a retelling with the saved story -------------------------


class KeyPoint(BaseModel):
    """One sentence of the saved story worth remembering, and why."""

    text: str
    kinds: list[Literal["number", "name", "action", "result"]]
    numbers: list[str] = []
    names: list[str] = []


class PointCheck(BaseModel):
    """Whether one key point came back in the retelling."""

    point: KeyPoint
    status: Literal["kept", "partly", "missed"]
    recall: float  # share of the point's words found in the closest part of the retelling
    missing: list[str] = []  # numbers and names of the point that were not said


class Comparison(BaseModel):
    """A retelling compared with the saved story."""

    score: int  # 0-100: key points kept (a partly kept point counts half)
    points: list[PointCheck]
    star: dict[str, dict[str, bool]]  # part -> {"saved": ..., "retold": ...}
    saved_words: int
    retold_words: int

    def count(self, status: str) -> int:
        return sum(p.status == status for p in self.points)


def key_points(text: str, feedback: Feedback) -> list[KeyPoint]:
    """The sentences of a story that carry numbers, names, the candidate's actions or the result."""
    actions, results = feedback.star.action.evidence, feedback.star.result.evidence
    points = []
    for sentence in split_sentences(text):
        kinds = []
        numbers, named = sorted(number_values(sentence.text)), sorted(names(sentence.text))
        if numbers:
            kinds.append("number")
        if named:
            kinds.append("name")
        if any(e in sentence.text or sentence.text in e for e in actions):
            kinds.append("action")
        if any(e in sentence.text or sentence.text in e for e in results):
            kinds.append("result")
        if kinds:
            points.append(KeyPoint(text=sentence.text, kinds=kinds, numbers=numbers, names=named))
    return points


def check_point(point: KeyPoint, windows: list[set[str]], said_numbers: set[str], said_words: set[str],
                weights: dict[str, float]) -> PointCheck:
    """Whether a key point is in the retelling: its words in one stretch of it, its numbers and names anywhere.

    `weights` makes the story's running topic ("export" in every sentence) count less than
    what only this point says ("six weeks", "Grafana").
    """
    wanted = content_stems(point.text)
    total = sum(weights.get(w, 1.0) for w in wanted)
    recall = max((sum(weights.get(x, 1.0) for x in wanted & w) / total for w in windows), default=0.0) \
        if wanted else 0.0
    # A name counts as said when any of its words is ("Northwind" for "Northwind Logistics").
    missing = [n for n in point.numbers if n not in said_numbers] + \
        [n for n in point.names if not set(n.split()) & said_words]
    anchors = len(point.numbers) + len(point.names)
    if recall >= KEPT_RECALL and not missing:
        status = "kept"
    elif recall >= PARTLY_RECALL or (anchors and len(missing) < anchors):
        status = "partly"
    else:
        status = "missed"
    return PointCheck(point=point, status=status, recall=round(recall, 2), missing=missing)


def compare(saved: str, retold: str, title: str) -> Comparison:
    """How much of the saved story, and of its STAR shape, the retelling kept."""
    saved_feedback = analyze_story(saved, title)
    retold_feedback = analyze_story(retold, title)
    sentences = [content_stems(s.text) for s in split_sentences(retold)]
    # A point told in two sentences instead of one still counts: compare with pairs too.
    windows = sentences + [a | b for a, b in zip(sentences, sentences[1:])]
    said_numbers = number_values(retold)
    said_words = {w.lower() for w in re.findall(r"[\w'-]+", retold)}
    saved_sentences = [content_stems(s.text) for s in split_sentences(saved)]
    weights = {w: 1 / sum(w in s for s in saved_sentences) for s in saved_sentences for w in s}
    checks = [check_point(p, windows, said_numbers, said_words, weights) for p in key_points(saved, saved_feedback)]
    score = round(100 * sum(1.0 if c.status == "kept" else 0.5 if c.status == "partly" else 0.0 for c in checks)
                  / len(checks)) if checks else 0
    star = {part: {"saved": getattr(saved_feedback.star, part).present,
                   "retold": getattr(retold_feedback.star, part).present} for part in STAR_PARTS}
    return Comparison(score=score, points=checks, star=star, saved_words=saved_feedback.word_count,
                      retold_words=retold_feedback.word_count)
