"""The QuestionPlanner with scripted LLM replies (validation, retry, fallback) and with the real model."""

import random

from mockint.domain import QuestionKind
from mockint.questions.planner import OPENERS, QuestionPlanner
from mockint.questions.validate import check_question, overlap, repeats
from mockint.roles import resolve_role
from tests.fakes import ScriptedLLM

# One fixed opener per kind makes scripted completions read as whole questions.
FIXED = {kind: [options[0]] for kind, options in OPENERS.items()}
NOTES = "They asked about the payments migration I led in 2023. I struggled to explain how I measured the rollout's success."


def planner(replies, notes=None, role="software engineer", **kw):
    llm = ScriptedLLM(replies)
    return QuestionPlanner(resolve_role(role), notes, llm, rng=random.Random(3), openers=FIXED, **kw), llm


def test_a_good_completion_is_used_with_its_kind_competency_and_reason():
    p, llm = planner([" a rate limiter for a public API, and which trade-offs would you accept"])
    (q,) = p.questions(1)
    assert q.text == "How would you design a rate limiter for a public API, and which trade-offs would you accept?"
    assert q.source == "llm" and q.kind == QuestionKind.technical
    assert q.competency in p.role.competencies and q.reason
    assert "Software Engineer" in llm.prompts[0] and llm.prompts[0].endswith("Question: How would you design")


def test_bad_completions_are_retried_then_replaced_from_the_bank():
    p, llm = planner(["", " the thing.", " it: here is a sample answer"])  # empty, a statement, chatter
    (q,) = p.questions(1)
    assert len(llm.prompts) == 3  # three attempts, then the fallback
    assert q.source == "bank" and q.text in [b.text for b in p.role.bank]
    assert [r.reason for r in p.stats.rejections][:2] == ["no question mark", "no question mark"]
    assert p.stats.from_llm == 0 and p.stats.from_fallback == 1


def test_a_retry_that_passes_is_taken():
    p, llm = planner(["", " a schema migration for a table with a billion rows, and how would you roll it back"])
    (q,) = p.questions(1)
    assert q.source == "llm" and len(llm.prompts) == 2 and "billion rows" in q.text


def test_duplicates_within_a_session_are_rejected():
    same = " a rate limiter for a public API, and which trade-offs would you accept"
    p, _ = planner([same] * 4)
    slots = p.plan(6)
    first = p.write(slots[0])
    second = p.write(slots[0])  # same slot again: the model repeats itself
    assert first.source == "llm" and second.source == "bank"
    assert "near-duplicate of an earlier question" in [r.reason for r in p.stats.rejections]
    assert overlap(first.text, second.text) < 0.5


def test_notes_drive_a_first_round_question_that_names_the_topic():
    p, _ = planner([""] * 30, notes=NOTES)
    questions = list(p.questions(5))
    first_round = [q for q in questions if q.kind == QuestionKind.first_round]
    assert first_round, "with notes, at least one question goes back to the first round"
    assert "how you measured the rollout's success" in first_round[0].text  # the struggle comes first
    assert first_round[0].source == "template" and "first round" in first_round[0].reason


def test_a_long_fallback_session_asks_distinct_bank_questions_of_every_kind():
    p, _ = planner([""] * 200)
    questions = list(p.questions(12))
    assert len(questions) == 12
    bank = {q.text for q in p.role.bank}
    asked = []
    for q in questions:
        assert q.text in bank and not repeats(q.text, asked), q.text
        asked.append(q.text)
    assert {q.kind for q in questions} >= {QuestionKind.technical, QuestionKind.behavioral,
                                           QuestionKind.situational, QuestionKind.culture}


def test_instant_first_question_does_not_wait_for_the_model():
    p, llm = planner([" a cache for a read-heavy service, and what would you measure"], instant_first=True)
    questions = p.questions(2)
    first = next(questions)
    assert first.source == "bank" and llm.prompts == []
    assert next(questions).source == "llm"


def test_free_text_role_uses_the_nearest_bank_and_the_candidates_title():
    p, llm = planner([" the cleaning schedule for a busy clinic, and what would you trade off"], role="pediatric dental hygienist")
    (q,) = p.questions(1)
    assert "Pediatric Dental Hygienist" in llm.prompts[0]
    assert p.role.key == "allied_health"


def test_real_embedded_model_writes_valid_questions(embedded_llm):
    """The 135M model through the whole planner: every question shown is valid, some are its own."""
    p = QuestionPlanner(resolve_role("data scientist"), NOTES, embedded_llm, rng=random.Random(7))
    questions = list(p.questions(6))
    assert len(questions) == 6
    asked = []
    for q in questions:
        assert check_question(q.text, asked=asked).ok, q.text
        asked.append(q.text)
    assert any(q.kind == QuestionKind.first_round for q in questions)
    assert p.stats.from_llm + p.stats.from_fallback == 6
    # Structure, not luck: whatever the model does, attempts are bounded.
    assert len(p.stats.rejections) <= 3 * 6
