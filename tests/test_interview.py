"""The session engine driven directly: scripted channel and view, the real analyzer, a real SQLite store."""

from __future__ import annotations

import random

from mockint.channels import Reply
from mockint.domain import Answer, Feedback, Question, QuestionKind, Session
from mockint.feedback import analyze
from mockint.interview import run_session
from mockint.store import Store

STRONG = ("At my last job our checkout failed every Friday under load. I was on call, so my task was to keep it up "
          "through the sale. I profiled it, found a missing index and added it. As a result p99 latency fell from "
          "900 to 200 milliseconds and we had no outage that quarter.")
QUESTIONS = [
    Question(text="Tell me about a time you fixed a production problem under pressure?", kind=QuestionKind.behavioral),
    Question(text="How would you design a rate limiter for a public API?", kind=QuestionKind.technical),
    Question(text="What would you do if a release had to ship with a known bug?", kind=QuestionKind.situational),
]


class ScriptedChannel:
    """Replies from a script, in order, and records what was asked."""

    mode = "text"
    help = "scripted"

    def __init__(self, replies: list[Reply]):
        self.replies = list(replies)
        self.asked: list[str] = []

    def ask(self, question: Question) -> None:
        self.asked.append(question.text)

    def listen(self, key: str) -> Reply:
        return self.replies.pop(0)


class RecordingView:
    """Remembers what the candidate would have seen."""

    def __init__(self):
        self.shown: list[tuple] = []

    def question(self, question, number, total):
        self.shown.append(("question", number, question.text))

    def feedback(self, feedback: Feedback):
        self.shown.append(("feedback", feedback.word_count))

    def notice(self, text):
        self.shown.append(("notice", text))

    def summary(self, session, stopped):
        self.shown.append(("summary", stopped))


def answer(text: str) -> Reply:
    return Reply("answer", Answer(text=text))


def start(store: Store) -> Session:
    return store.start_session(Session(role="Software Engineer", role_key="software_engineer"))


def test_a_session_asks_saves_and_summarises_every_turn(tmp_path):
    store = Store(tmp_path)
    channel = ScriptedChannel([answer(STRONG), Reply("repeat"), Reply("skip"), answer("I would ship it behind a flag.")])
    view = RecordingView()
    result = run_session(start(store), iter(QUESTIONS), 3, channel, view, store, analyze, follow_ups=False)

    assert not result.stopped and result.answered == 2
    assert channel.asked == [QUESTIONS[0].text, QUESTIONS[1].text, QUESTIONS[1].text, QUESTIONS[2].text]
    assert [s for s in view.shown if s[0] == "question"] == [
        ("question", 1, QUESTIONS[0].text), ("question", 2, QUESTIONS[1].text), ("question", 2, QUESTIONS[1].text),
        ("question", 3, QUESTIONS[2].text)]
    assert ("notice", "Skipped.") in view.shown and view.shown[-1] == ("summary", False)
    saved = store.load_session(result.session.id)
    assert [(t.skipped, t.answer.text if t.answer else None) for t in saved.turns] == [
        (False, STRONG), (True, None), (False, "I would ship it behind a flag.")]
    assert saved.turns[0].feedback.star.result.present and saved.ended_at is not None


def test_a_weak_story_gets_one_follow_up_numbered_with_its_main_question(tmp_path):
    store = Store(tmp_path)
    channel = ScriptedChannel([answer("We fixed it."), answer("I restarted the service myself."), Reply("quit")])
    view = RecordingView()
    result = run_session(start(store), iter(QUESTIONS), 3, channel, view, store, analyze, rng=random.Random(1))

    follow_up = result.session.turns[1]
    assert follow_up.question.kind == QuestionKind.follow_up and follow_up.follow_up_of == 0
    assert [s[1] for s in view.shown if s[0] == "question"] == [1, 1, 2]
    assert len(store.load_session(result.session.id).turns) == 2  # /quit with nothing typed saves no turn


def test_ctrl_c_mid_answer_keeps_what_was_said_and_reports_a_stop(tmp_path):
    store = Store(tmp_path)
    channel = ScriptedChannel([answer(STRONG), Reply("interrupt", Answer(text="Half an answer", complete=False))])
    view = RecordingView()
    result = run_session(start(store), iter(QUESTIONS), 3, channel, view, store, analyze, follow_ups=False)

    assert result.stopped and view.shown[-1] == ("summary", True)
    saved = store.load_session(result.session.id)
    assert [t.answer.text for t in saved.turns] == [STRONG, "Half an answer"]
    assert saved.turns[1].answer.complete is False and saved.ended_at is not None


def test_every_saved_turn_is_told_to_the_listener(tmp_path):
    store = Store(tmp_path)
    heard = []
    channel = ScriptedChannel([answer(STRONG), answer("I would weigh the risk."), Reply("end")])
    run_session(start(store), iter(QUESTIONS), 3, channel, RecordingView(), store, analyze, follow_ups=False,
                on_turn=heard.append)
    assert [t.answer.text for t in heard] == [STRONG, "I would weigh the risk."]


def test_each_answer_is_judged_knowing_the_questions_asked_before_it(tmp_path):
    store = Store(tmp_path)
    seen: list[list[str] | None] = []

    def recording_analyze(*args, earlier_questions=None, **kwargs):
        seen.append(earlier_questions)
        return analyze(*args, earlier_questions=earlier_questions, **kwargs)

    channel = ScriptedChannel([answer(STRONG), answer("I'd use a token bucket per key."), answer("Ship it flagged.")])
    run_session(start(store), iter(QUESTIONS), 3, channel, RecordingView(), store, recording_analyze, follow_ups=False)
    assert seen == [[], [QUESTIONS[0].text], [QUESTIONS[0].text, QUESTIONS[1].text]]


def test_a_story_recited_again_for_a_later_question_is_told_which_question_it_belongs_to(tmp_path):
    store = Store(tmp_path)
    channel = ScriptedChannel([answer(STRONG), answer(STRONG), answer("I'd ship it behind a flag and tell support.")])
    result = run_session(start(store), iter(QUESTIONS), 3, channel, RecordingView(), store, analyze, follow_ups=False)
    first, second = result.session.turns[0].feedback, result.session.turns[1].feedback
    assert first.on_question.addressed
    assert not second.on_question.addressed and second.on_question.closer_to == QUESTIONS[0].text
    assert any("earlier question" in tip for tip in second.tips)
    # and it is saved so: the review shows the same tip
    saved = store.load_session(result.session.id).turns[1].feedback
    assert saved.on_question.closer_to == QUESTIONS[0].text
