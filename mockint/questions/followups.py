"""Choose one short follow-up after a weak answer, as a second-round interviewer would.

Pure decision logic on the analyzer's Feedback: which gap is the biggest, and which
probe asks about exactly that gap. At most one follow-up per main question is the
orchestrator's rule; this module only says whether one is due and what it is.
"""

from __future__ import annotations

import random
import re

from mockint.domain import STORY_KINDS, Feedback, Question, QuestionKind
from mockint.questions.templates import toml_template

VERY_SHORT_WORDS = 25  # under this, any answer gets a "more detail" probe
MAX_QUOTE_WORDS = 8
NUMBER = re.compile(r"\d|\b(?:percent|half|double|twice|tripled?|dozens?|hundreds?|thousands?|millions?)\b", re.I)


def find_gap(question: Question, feedback: Feedback) -> str | None:
    """The biggest gap in an answer, as a key of follow_ups.toml, or None if it was solid."""
    if feedback.nothing_said:
        return None
    if feedback.word_count < VERY_SHORT_WORDS or feedback.length.verdict == "too_short":
        return "too_short"
    story = question.kind in STORY_KINDS or feedback.star.applicable
    if story and not feedback.star.result.present:
        return "no_result"
    if feedback.ownership.we > 0 and feedback.ownership.i == 0:
        return "only_we"
    if story and not feedback.result_quantified:
        return "not_quantified"
    if question.kind in (QuestionKind.technical, QuestionKind.situational) and not NUMBER.search(feedback.transcript):
        return "no_numbers"
    return None


def quote_for(feedback: Feedback) -> str | None:
    """A few of the candidate's own words about the result, to quote back to them."""
    evidence = feedback.star.result.evidence
    if not evidence:
        return None
    words = evidence[0].strip().rstrip(".!").split()
    return " ".join(words[:MAX_QUOTE_WORDS]) + (" ..." if len(words) > MAX_QUOTE_WORDS else "")


def choose_follow_up(question: Question, feedback: Feedback, rng: random.Random | None = None) -> Question | None:
    """The follow-up to ask after this answer, or None when the answer needs none."""
    if question.kind == QuestionKind.follow_up:
        return None
    gap = find_gap(question, feedback)
    if gap is None:
        return None
    rng = rng or random.Random()
    options = toml_template("follow_ups.toml")[gap]
    quote = quote_for(feedback)
    usable = [t for t in options if "{quote}" not in t or quote]
    text = rng.choice(usable or options).format(quote=quote or "")
    return Question(
        text=text,
        kind=QuestionKind.follow_up,
        competency=question.competency,
        reason=f"follow-up: the answer {GAP_REASONS[gap]}",
        source="follow_up",
    )


GAP_REASONS = {
    "too_short": "was very short, so the interviewer asks for the detail",
    "no_result": "never said how it ended",
    "not_quantified": "gave a result without a number",
    "only_we": "said \"we\" but never \"I\"",
    "no_numbers": "had no numbers to back it up",
}
