"""Later questions that push on what the candidate already said: harder as the session goes.

Three kinds, as a second-round interviewer uses them once a candidate has warmed up:
- a twist: an earlier scenario with one constraint changed (the bank question's `twist`);
- a challenge: a claim the candidate made (earlier in this session, or in round one) questioned;
- "what would you do differently" about a story they told.
Each is built from the candidate's own words (whole clauses only) and fixed wording in
prompts/templates/later.toml; none is written by a model. Pure functions of what was heard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockint.domain import Question, QuestionKind
from mockint.questions.note_cues import MAX_PHRASE_WORDS
from mockint.questions.notes import first_clause, to_second_person
from mockint.questions.templates import toml_template
from mockint.text import split_sentences


@dataclass(frozen=True)
class Heard:
    """One answered question of this session, as the planner is told of it."""

    question: Question
    answer: str


# A claim worth challenging: the candidate says they did something, or decided something.
CLAIM = re.compile(
    r"^(?:so\s+|and\s+|then\s+|in the end\s*,?\s+|overall\s*,?\s+)?(?P<claim>(?:I|we)\s+(?:\w+ly\s+)?"
    r"(?P<verb>cut|reduced|increased|grew|improved|saved|raised|lowered|doubled|halved|tripled|shortened|sped up|"
    r"brought|delivered|shipped|launched|built|led|ran|won|closed|hit|achieved|decided|chose|picked|went with|"
    r"convinced|persuaded|stopped|fixed|resolved|prevented|caught|trained|hired|created|designed|rolled out|"
    r"moved|migrated|replaced|removed|introduced|set up|turned around)\b" + r"(?:[^.;!?\n]|\.(?=\d))+)",
    re.IGNORECASE,
)
CHANGE_VERBS = re.compile(r"^(?:cut|reduced|increased|grew|improved|saved|raised|lowered|doubled|halved|tripled|"
                          r"shortened|sped up|brought|hit|achieved|turned around)$", re.IGNORECASE)
DECISION_VERBS = re.compile(r"^(?:decided|chose|picked|went with)$", re.IGNORECASE)
RESULT_VERBS = re.compile(r"^(?:delivered|shipped|launched|won|closed|hit|achieved|turned|cut|reduced|increased|grew|"
                          r"improved|saved|raised|lowered|doubled|halved|tripled|shortened|brought)$", re.IGNORECASE)
HAS_NUMBER = re.compile(r"\d|\b(?:half|double|twice|percent)\b", re.IGNORECASE)
# "Tell me about a production incident you owned ...": the story the question asked for.
STORY_OPENER = re.compile(
    r"^(?:tell me about|describe|walk me through|give me an example of|think of|talk me through)\s+"
    r"(?:a|an|one)\s+(?P<story>[^:?,]+)",
    re.IGNORECASE,
)
# A scenario is said as a statement; an earlier question that opened with a question word has none.
NOT_A_SCENARIO = re.compile(r"^(?:how|what|why|which|when|where|who|tell|walk|talk|describe|give|take|explain|"
                            r"do|does|did|is|are|can|could|would|should)\b", re.IGNORECASE)


def claims(answer: str) -> list[tuple[str, str]]:
    """The claims in an answer, each as (clause addressed to the candidate, kind: see claim_kind)."""
    found = []
    for sentence in split_sentences(answer):
        for part in re.split(r"\s*(?:;|,\s+(?:and|but|so)\s+|\s+but\s+)\s*", sentence.text):
            match = CLAIM.match(part.strip())
            if not match:
                continue
            clause = first_clause(match.group("claim"))
            if not clause or len(clause.split()) < 4 or len(clause.split()) > MAX_PHRASE_WORDS:
                continue
            second = to_second_person(clause)
            found.append((second, claim_kind(second)))
    # Claims with a number or a decision are the ones worth challenging first.
    return sorted(found, key=lambda c: {"number": 0, "decision": 1, "result": 2, "action": 3}[c[1]])


def claim_kind(clause: str) -> str:
    """What kind of claim a clause addressed to the candidate makes: number, decision, result or action."""
    verb = re.sub(r"^(?:you|your team)\s+(?:\w+ly\s+)?", "", clause, flags=re.IGNORECASE).split(" ")[0]
    if CHANGE_VERBS.match(verb) and HAS_NUMBER.search(clause):
        return "number"
    if DECISION_VERBS.match(verb):
        return "decision"
    return "result" if RESULT_VERBS.match(verb) else "action"


def challenge(claim: str, kind: str, where: str = "earlier") -> str:
    """A question that challenges a claim: where it was made, the claim, and what would prove it."""
    templates = toml_template("later.toml")["challenge"]
    return f"{templates[where].format(claim=claim)} {templates[kind]}"


def story_name(question_text: str) -> str:
    """The story an earlier question asked for, as "the X you told me about", or "" if it cannot be named."""
    match = STORY_OPENER.match(question_text)
    if not match:
        return ""
    story = re.split(r"\s+(?:and|which|where|that was|such as)\s+", match.group("story").strip(), maxsplit=1)[0]
    story = re.sub(r"^time\s+(?:you|when)\b", "the time you", story, flags=re.IGNORECASE)
    if not story.lower().startswith("the time"):
        story = f"the {story}"
    return story if 2 <= len(story.split()) <= 14 else ""


def differently(question_text: str) -> str:
    """ "Going back to <the story>: knowing what you know now, what would you do differently, and why?" """
    story = story_name(question_text)
    if not story:
        return ""
    templates = toml_template("later.toml")["differently"]
    return f"{templates['lead'].format(story=story)} {templates['ask']}"


def scenario_of(question_text: str) -> str:
    """The situation an earlier question set up (the part before its colon), or "" if it had none."""
    if ":" not in question_text:
        return ""
    scenario = question_text.split(":", 1)[0].strip()
    if NOT_A_SCENARIO.match(scenario) or len(scenario.split()) > 40:
        return ""
    first = scenario.split()[0]
    return scenario if len(first) > 1 and first.isupper() else scenario[0].lower() + scenario[1:]


def twist(question: Question) -> str:
    """An earlier scenario with one constraint changed, said so the candidate knows which one."""
    scenario = scenario_of(question.text)
    if not question.twist or not scenario:
        return ""
    return f"{toml_template('later.toml')['twist']['lead'].format(scenario=scenario)} {question.twist}"


def note_claims(topics: list) -> list[str]:
    """What the candidate claimed in round one (notes.NoteTopic objects in), as clauses to them: what they said,
    and topics that are claims. An answer the panel put right ("I said I ask the family. Agnes said no") is no
    claim to defend: asking "why was that the right call?" of it would be wrong."""
    return [t.said for t in topics if t.said and t.trouble != "corrected"] + [t.topic for t in topics if t.form == "claim"]


def push(heard: list[Heard], note_claims: list[str], used: set[str]) -> tuple[str, str] | None:
    """The hardest fair question to ask next from what was heard, as (text, kind), or None.

    A twist on an answered scenario comes first, then a challenge of a claim the candidate
    made (this session, then round one), then "what would you do differently" about a story.
    `used` holds what was already pushed on, so nothing is pushed on twice.
    """
    answered = [h for h in heard if h.answer.strip() and h.question.kind != QuestionKind.follow_up]
    for h in reversed(answered):
        text = twist(h.question)
        if text and h.question.text not in used:
            used.add(h.question.text)
            return text, "twist"
    for h in reversed(answered):
        for claim, kind in claims(h.answer):
            if claim not in used:
                used.add(claim)
                return challenge(claim, kind), "challenge"
    for claim in note_claims:
        if claim not in used:
            used.add(claim)
            return challenge(claim, claim_kind(claim), "first_round"), "challenge"
    for h in reversed(answered):
        if h.question.kind in (QuestionKind.behavioral, QuestionKind.first_round) and "story:" + h.question.text not in used:
            text = differently(h.question.text)
            if text:
                used.add("story:" + h.question.text)
                return text, "differently"
    return None
