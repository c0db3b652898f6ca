"""The QuestionPlanner: notes probes first, bank questions harder later, pushes on what was said, model drafts checked."""

import random

from mockint.domain import Question, QuestionKind
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


def test_a_good_free_draft_is_used_with_its_kind_competency_and_reason():
    p, llm = planner([" a rate limiter for a public API serving three regions, and which trade-offs would you accept"],
                     free_writing=True)
    (q,) = p.questions(1)
    assert q.text == ("How would you design a rate limiter for a public API serving three regions, "
                      "and which trade-offs would you accept?")
    assert q.source == "llm" and q.kind == QuestionKind.technical
    assert q.competency in p.role.competencies and q.reason
    assert "Software Engineer" in llm.prompts[0] and llm.prompts[0].endswith("Question: How would you design")


def test_bad_free_drafts_are_retried_then_replaced_from_the_bank():
    p, llm = planner(["", " the thing.", " a bridge to cross the finish line without any kind of machinery"],
                     free_writing=True)
    (q,) = p.questions(1)
    assert len(llm.prompts) == 3  # three attempts, then the bank
    assert q.source == "bank" and q.text in [b.text for b in p.role.bank]
    reasons = [r.reason for r in p.stats.rejections]
    assert reasons[1] == "not a question or a request"
    assert reasons[2] == "does not belong to the Software Engineer family"  # a meaning check, not one shared word
    assert p.stats.from_llm == 0 and p.stats.from_fallback == 1


def test_the_embedded_models_size_writes_nothing_freely_and_a_server_does():
    small = QuestionPlanner(resolve_role("software engineer"), None, ScriptedLLM([]))
    assert small.free_writing  # a scripted model has no file: treated like a server
    assert not QuestionPlanner(resolve_role("software engineer"), None, None).free_writing


def test_duplicates_within_a_session_are_rejected():
    same = " a rate limiter for a public API serving three regions, and which trade-offs would you accept"
    p, _ = planner([same] * 4, free_writing=True)
    slots = p.plan(6)
    first = p.write(slots[0])
    second = p.write(slots[0])  # same slot again: the model repeats itself
    assert first.source == "llm" and second.source == "bank"
    assert "near-duplicate of an earlier question" in [r.reason for r in p.stats.rejections]
    assert overlap(first.text, second.text) < 0.5


def test_notes_give_a_first_probe_of_what_went_badly():
    p, _ = planner([], notes=NOTES, free_writing=False)
    first = next(p.questions(5))
    assert first.kind == QuestionKind.first_round and first.source == "template"
    assert first.text.startswith("In your first interview we talked about the payments migration you led in 2023, "
                                 "and you didn't have the figures to hand.")
    assert "first round" in first.reason
    assert first.story is False  # the figures asked for are no story, so the answer gets no STAR panel


def test_later_bank_questions_are_harder_and_a_long_session_never_repeats():
    p, _ = planner([], free_writing=False)
    questions = list(p.questions(12))
    assert len(questions) == 12
    bank = {q.text for q in p.role.bank}
    asked = []
    for q in questions:
        assert q.text in bank and not repeats(q.text, asked), q.text
        asked.append(q.text)
    levels = [q.level for q in questions]
    assert levels[:6].count("hard") <= 1 and levels[6:].count("hard") >= 4
    assert {q.kind for q in questions} >= {QuestionKind.technical, QuestionKind.behavioral,
                                           QuestionKind.situational, QuestionKind.culture}


def test_later_questions_push_on_what_the_candidate_said():
    p, _ = planner([], free_writing=False)
    questions = p.questions(5)
    story = Question(text="Tell me about a release you rescued: what did you do?", kind=QuestionKind.behavioral)
    for _ in range(3):
        next(questions)
    p.hear(story, "I led the rollout. We cut checkout errors by 40% in two weeks.")
    pushed = next(questions)  # the fourth question pushes
    assert pushed.text == ("Earlier you said your team cut checkout errors by 40% in two weeks. How did you measure "
                           "that, and what else could explain the change?")
    assert pushed.level == "hard" and pushed.source == "template"


def test_instant_first_question_does_not_wait_for_the_model():
    p, llm = planner([" a cache for a read-heavy service with a strict latency budget, and what would you measure"],
                     free_writing=True, instant_first=True)
    questions = p.questions(2)
    first = next(questions)
    assert first.source == "bank" and llm.prompts == []
    assert next(questions).source == "llm"


def test_a_tailored_question_keeps_the_vetted_content():
    match = resolve_role("hospice nurse")
    assert not match.exact and match.role.key == "registered_nurse"
    p = QuestionPlanner(match, None, ScriptedLLM([]), rng=random.Random(1), free_writing=False, tailoring=True)
    original = p._from_bank(p.plan(1)[0])
    adapted = original.text.rstrip("?") + " in a hospice?"  # the vetted question, said for the title
    p.llm = ScriptedLLM(["Tell me about the weather in Paris, and what you would change about it?", adapted])
    p.rng = random.Random(1)
    p.asked = []
    p._bank_drawn = 0  # the same draw again
    (q,) = p.questions(1)
    assert q.source == "tailored" and q.text == adapted
    assert p.stats.rejections and p.stats.rejections[0].reason.startswith("lost the vetted question")


def test_a_family_override_keeps_the_candidates_title():
    match = resolve_role("flight attendant", family="hospitality_manager")
    assert match.title == "Flight Attendant" and match.role.key == "hospitality_manager"


def test_real_embedded_model_through_the_planner_shows_only_checked_or_vetted_questions(embedded_llm):
    """The 135M model with the default strategy: nothing it wrote reaches the candidate unchecked."""
    p = QuestionPlanner(resolve_role("veterinary nurse"), NOTES, embedded_llm, rng=random.Random(7))
    assert not p.free_writing and not p.tailoring  # by measurement: too small to write or tailor
    questions = list(p.questions(6))
    assert len(questions) == 6 and {q.source for q in questions} <= {"bank", "template"}
    assert questions[0].kind == QuestionKind.first_round
    for q in questions:
        assert check_question(q.text).ok or q.source == "bank", q.text


def test_real_embedded_model_drafts_are_judged_when_it_is_made_to_write(embedded_llm):
    """Forced to write and tailor, the 135M model's drafts pass only through the checks; attempts are bounded."""
    p = QuestionPlanner(resolve_role("veterinary nurse"), None, embedded_llm, rng=random.Random(7),
                        free_writing=True, tailoring=True, llm_attempts=1)
    questions = list(p.questions(2))
    assert len(questions) == 2
    for q in questions:
        if q.source in ("llm", "tailored"):
            assert check_question(q.text).ok, q.text
    assert len(p.stats.rejections) <= 2 * (1 + 2)


def test_a_real_session_feeds_the_planner_and_the_fourth_question_challenges_a_claim(tmp_path):
    """The session engine with the planner's hook: what the candidate said comes back, challenged."""
    from mockint.feedback import analyze
    from mockint.interview import run_session
    from mockint.store import Store
    from tests.test_interview import RecordingView, ScriptedChannel, answer, start

    claim = ("At my last job checkout failed every Friday. I was on call and my task was to keep it up. I profiled "
             "it and added a missing index. We cut p99 latency from 900 to 200 milliseconds that quarter.")
    p, _ = planner([], free_writing=False)
    store = Store(tmp_path)
    channel = ScriptedChannel([answer(claim)] * 8)
    run_session(start(store), p.questions(4), 4, channel, RecordingView(), store, analyze, follow_ups=False,
                on_turn=p.on_turn)
    assert channel.asked[3] == ("Earlier you said your team cut p99 latency from 900 to 200 milliseconds that quarter. "
                                "How did you measure that, and what else could explain the change?")
