"""Follow-ups: one short probe of exactly the gap in a weak answer."""

import random

from mockint.domain import Feedback, LengthFeedback, Ownership, Question, QuestionKind, StarFeedback, StarPart
from mockint.questions.followups import choose_follow_up, find_gap

STORY = Question(text="Tell me about a time you cut costs: what did you do and what changed?",
                 kind=QuestionKind.behavioral, competency="ownership")


def feedback(words=120, result=True, quantified=True, i=3, we=1, evidence=("We cut the bill by 30 percent.",)):
    return Feedback(
        word_count=words,
        transcript="x " * words,
        length=LengthFeedback(verdict="ok" if words >= 50 else "too_short", word_count=words,
                              target_words=(50, 300), target_seconds=(25, 150)),
        star=StarFeedback(applicable=True, situation=StarPart(present=True), task=StarPart(present=True),
                          action=StarPart(present=True), result=StarPart(present=result, evidence=list(evidence) if result else [])),
        ownership=Ownership(i=i, we=we),
        result_quantified=quantified,
    )


def test_each_gap_is_found_in_priority_order():
    assert find_gap(STORY, feedback()) is None
    assert find_gap(STORY, feedback(words=12)) == "too_short"
    assert find_gap(STORY, feedback(result=False, quantified=False)) == "no_result"
    assert find_gap(STORY, feedback(i=0, we=5)) == "only_we"
    assert find_gap(STORY, feedback(quantified=False)) == "not_quantified"


def test_the_follow_up_probes_that_gap_and_quotes_the_candidate():
    q = choose_follow_up(STORY, feedback(quantified=False, evidence=("It made the team much faster overall.",)),
                         random.Random(0))
    assert q.kind == QuestionKind.follow_up and q.source == "follow_up"
    assert "number" in q.text.lower() and q.reason == "follow-up: the answer gave a result without a number"
    quoted = choose_follow_up(STORY, feedback(quantified=False, evidence=("It made the team faster.",)), random.Random(1))
    assert quoted.text.startswith('You said "It made the team faster"') or "numbers" in quoted.text
    only_we = choose_follow_up(STORY, feedback(i=0, we=4), random.Random(0))
    assert "your own" in only_we.text or "personally" in only_we.text


def test_no_follow_up_after_a_follow_up_or_a_strong_answer():
    follow = Question(text="How did it end, in numbers, for your team?", kind=QuestionKind.follow_up)
    assert choose_follow_up(follow, feedback(words=5)) is None
    assert choose_follow_up(STORY, feedback()) is None
