"""Questions for the candidate to ask the interviewer, from templates bound to the role and the first round.

The templates in prompts/prep/ask.toml are written to be answered yes/no or by choosing
between options, and are filled with the role's own competencies and with what the
candidate talked about in the first round. Questions the candidate already asked in the
first round (found in their notes or debrief) are left out by word overlap; questions they
wished they had asked come first. No model is needed: the wording is curated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from mockint.domain import Role
from mockint.data import data_path, load_toml
from mockint.questions.notes import extract_topics
from mockint.questions.reported import AUXILIARIES, WH, to_first_person
from mockint.questions.validate import STOPWORDS, is_yes_no, words

# The order topics are offered in: what only this candidate can ask first, then the role.
TOPIC_ORDER = ["first_round", "role", "first_months", "responsibilities", "challenges", "culture", "growth"]
# Words every question about a job shares; two questions are not "the same" because of them.
GENERIC = {"team", "role", "job", "company", "work", "like", "people", "here", "day", "look", "looks", "new",
           "usually", "mostly", "mainly", "more", "much", "many", "any", "kind", "sort", "way", "things", "thing",
           "first", "round", "interview", "question", "questions", "think", "get", "one", "some", "also", "part",
           "other", "already", "own", "start", "itself", "right", "now", "day-to-day", "whether", "there"}
# Two questions are the same when they share this many content words, and this share of the shorter one's.
# Against what the candidate already asked the bar is lower: asking it twice costs more than
# missing one suggestion.
SAME_MIN_SHARED, SAME_SHARE, ASKED_SHARE = 2, 0.5, 0.3
# A first-round topic longer than this reads badly inside a question.
MAX_TOPIC_WORDS = 9

# Headings and lines that mark the questions the candidate asked, or wished they had.
ASKED_HEADING = re.compile(r"\b(?:my questions|questions i asked|i asked(?: them| him| her| the interviewers?)?|"
                           r"questions (?:to|for) (?:them|him|her|the interviewers?))\b", re.IGNORECASE)
WISH_HEADING = re.compile(r"\b(?:wish i(?: had|'d)? asked|next time|should have asked|want(?:ed)? to ask|"
                          r"would (?:also )?(?:like to )?ask)\b", re.IGNORECASE)
ASKED_LINE = re.compile(r"^(?:i asked(?: them| him| her| the interviewers?)?|my question was)\b[\s:]*(?:about\s+)?",
                        re.IGNORECASE)
WISH_LINE = re.compile(r"^(?:i wish i(?: had|'d) asked|i should have asked|next time,? i(?:'ll| will)? ask)\b"
                       r"[\s:]*(?:about\s+)?", re.IGNORECASE)
# What went well: those topics stood out, so they are the ones to bring back.
WENT_WELL = re.compile(r"\b(?:went (?:well|great|fine)|landed|liked|impressed|(?:were|was) (?:interested|keen))\b",
                       re.IGNORECASE)
# Topics that are the interviewer's standard checks, not strengths worth bringing back.
NOT_A_STRENGTH = re.compile(r"^(?:why|whether)\b|\b(?:salary|leav\w*|weakness\w*|notice period|relocat\w*|"
                            r"motivat\w*|expectations?)\b", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)]|#+)\s*")


class AskQuestion(BaseModel):
    """One question for the candidate to ask the interviewer."""

    text: str
    topic: str
    answer: Literal["yes_no", "choice", "open"]
    why: str = ""
    source: Literal["template", "role", "notes"] = "template"


@dataclass
class FirstRound:
    """What the first round's notes say that matters for choosing questions to ask."""

    asked: list[str]  # questions the candidate asked the interviewers
    wished: list[str]  # questions they wish they had asked
    topics: list[str]  # things they talked about, first person, best first


def read_first_round(notes: str | None) -> FirstRound:
    """The candidate's asked and wished-for questions, and their talking points, from notes text."""
    asked: list[str] = []
    wished: list[str] = []
    section = None
    for raw in (notes or "").splitlines():
        line = BULLET.sub("", raw).strip()
        if not line:
            continue
        heading = raw.lstrip().startswith("#") or line.endswith(":")
        if heading:
            section = "wish" if WISH_HEADING.search(line) else "asked" if ASKED_HEADING.search(line) else None
            continue
        if WISH_LINE.match(line):
            wished.append(_tidy(WISH_LINE.sub("", line)))
        elif ASKED_LINE.match(line):
            asked.append(_tidy(ASKED_LINE.sub("", line)))
        elif section == "wish":
            wished.append(_tidy(line))
        elif section == "asked":
            asked.append(_tidy(line))
    topics = [to_first_person(t.topic) for t in sorted(extract_topics(notes), key=_standing_out)
              if not t.struggled and not NOT_A_STRENGTH.search(t.topic)]
    topics = [t for i, t in enumerate(topics) if len(t.split()) <= MAX_TOPIC_WORDS and t not in topics[:i]]
    return FirstRound(asked=[a for a in asked if a], wished=[w for w in wished if w], topics=topics)


def _standing_out(topic) -> int:
    """Sort key: what went well first, then what the candidate talked about, then what they were asked."""
    if WENT_WELL.search(topic.sentence):
        return 0
    return 2 if re.search(r"\basked\b", topic.sentence, re.IGNORECASE) else 1


def _tidy(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] if text else ""


def _content(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOPWORDS and w not in GENERIC and len(w) > 2}


def same_question(a: str, b: str, share: float = SAME_SHARE) -> bool:
    """Whether two questions ask the same thing: enough shared content words, by share of the shorter one."""
    wa, wb = _content(a), _content(b)
    shared = len(wa & wb)
    return shared >= SAME_MIN_SHARED and shared / max(1, min(len(wa), len(wb))) >= share


def answer_type(text: str) -> Literal["yes_no", "choice", "open"]:
    """How the interviewer can answer a question: by choosing ("X or Y?"), yes or no, or openly."""
    if re.match(r"(?:could|can|would) you (?:please )?(?:tell|explain|describe|walk|talk)\b", text, re.IGNORECASE):
        return "open"  # a polite request for an explanation, not a yes/no question
    if re.search(r"\bor\b", text, re.IGNORECASE) and text.rstrip().endswith("?"):
        return "choice"
    return "yes_no" if is_yes_no(text) else "open"


def as_question(phrase: str) -> str:
    """A wished-for question as something to say: "how success is measured" -> "Could you tell me how ...?"."""
    phrase = phrase.strip().rstrip(".?! ")
    ws = words(phrase)
    if not ws:
        return ""
    direct = ws[0] in AUXILIARIES or (ws[0] in WH and len(ws) > 1 and ws[1] in AUXILIARIES)
    if direct:
        return phrase[:1].upper() + phrase[1:] + "?"
    if ws[0] in WH or ws[0] in {"whether", "if"}:
        return f"Could you tell me {phrase[:1].lower() + phrase[1:]}?"
    return f"Could you tell me about {phrase[:1].lower() + phrase[1:] if not phrase[:2].isupper() else phrase}?"


def _competency_pairs(role: Role) -> list[tuple[str, str]]:
    """Pairs of different competencies of the role, each competency used before any repeats."""
    comps = role.competencies or ["the core work"]
    if len(comps) == 1:
        return [(comps[0], "everything around it")]
    return [(comps[i % len(comps)], comps[(i + 1) % len(comps)]) for i in range(0, 2 * len(comps), 2)]


def _fill(template: str, role_title: str, pair: tuple[str, str], topic: str | None) -> str | None:
    """A template with its placeholders filled, or None when it needs a topic there is none of."""
    if "{topic}" in template and not topic:
        return None
    return template.format(role=role_title, c1=pair[0], c2=pair[1], topic=topic or "")


def candidates(role: Role, role_title: str, first_round: FirstRound) -> dict[str, list[AskQuestion]]:
    """Every question that could be suggested, grouped by topic, in preference order."""
    data = load_toml(data_path("prep", "ask.toml"))
    pairs = _competency_pairs(role)
    groups: dict[str, list[AskQuestion]] = {topic: [] for topic in TOPIC_ORDER}
    uses = 0
    for number, spec in enumerate(data.get("question", [])):
        # Each template with a topic gets the next first-round topic, so several topics are covered.
        topic = first_round.topics[number % len(first_round.topics)] if first_round.topics else None
        text = _fill(spec["text"], role_title, pairs[uses % len(pairs)], topic)
        if "{c1}" in spec["text"]:
            uses += 1
        if text:
            groups.setdefault(spec["topic"], []).append(
                AskQuestion(text=text, topic=spec["topic"], answer=spec["answer"], why=spec.get("why", "")))
    specific = data.get("roles", {}).get(role.key, {}).get("questions", [])
    groups["role"] = [AskQuestion(text=q["text"], topic="role", answer=q["answer"], why=q.get("why", ""),
                                  source="role") for q in specific]
    return groups


def questions_to_ask(role: Role, role_title: str, notes: str | None, count: int) -> list[AskQuestion]:
    """Up to `count` questions to ask: wished-for ones first, then one per topic in turn, none already asked."""
    first_round = read_first_round(notes)
    chosen: list[AskQuestion] = []

    def fresh(text: str) -> bool:
        return not (any(same_question(text, asked, ASKED_SHARE) for asked in first_round.asked)
                    or any(same_question(text, q.text) for q in chosen))

    for wish in first_round.wished:
        text = as_question(wish)
        if len(chosen) < count and fresh(text):
            chosen.append(AskQuestion(text=text, topic="your notes", answer=answer_type(text),
                                      why="You wished you had asked this in the first round.", source="notes"))
    groups = candidates(role, role_title, first_round)
    queues = {topic: list(groups.get(topic, [])) for topic in TOPIC_ORDER}
    while len(chosen) < count and any(queues.values()):
        for topic in TOPIC_ORDER:
            while queues[topic]:
                question = queues[topic].pop(0)
                if fresh(question.text):
                    chosen.append(question)
                    break
            if len(chosen) >= count:
                break
    return chosen
