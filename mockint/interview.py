"""The session engine: the one place that knows the order of things in a practice session.

Ask a question, take the reply (typed or spoken, through a Channel), analyze the answer,
save the turn at once, show the feedback, maybe ask one follow-up, then the next question,
which was prepared in the background while the candidate answered. Every front end (the
terminal, the web app, tests) drives a session through `run_session` with its own
channel, view and store; engines know nothing of sessions, and this module knows nothing
of how they work.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from mockint.channels.base import Channel, Reply, ask_and_listen
from mockint.domain import Feedback, Question, QuestionKind, Session, Transcript, Turn, utc_now
from mockint.questions.followups import choose_follow_up


class View(Protocol):
    """What the candidate sees during a session."""

    def question(self, question: Question, number: int, total: int) -> None:
        """Show a question; `number` counts main questions (a follow-up keeps its main question's)."""

    def feedback(self, feedback: Feedback) -> None:
        """Show the feedback on the answer just given."""

    def notice(self, text: str) -> None:
        """Show a short line (a skipped question, a warning)."""

    def summary(self, session: Session, stopped: bool) -> None:
        """Show how the session went; `stopped` when Ctrl-C ended it early (every answer is saved)."""


class SessionStore(Protocol):
    """Where turns are saved (mockint.store.Store)."""

    def save_turn(self, session_id: int, turn: Turn) -> None: ...

    def end_session(self, session_id: int) -> None: ...


class Analyzer(Protocol):
    """Feedback on one answer (mockint.feedback.analyze)."""

    def __call__(self, transcript: Transcript, question: str | None = None,
                 kind: QuestionKind | None = None, talking_points: list[str] | None = None,
                 earlier_questions: list[str] | None = None) -> Feedback: ...


@dataclass
class SessionResult:
    """How a session ended: the session as saved, and whether Ctrl-C stopped it."""

    session: Session
    stopped: bool = False

    @property
    def answered(self) -> int:
        return sum(t.answer is not None for t in self.session.turns)


class Prefetcher:
    """Keeps the next question ready: a worker writes it while the candidate answers this one."""

    def __init__(self, questions: Iterator[Question]):
        self._questions = questions
        self._next: Question | None = None
        self._error: BaseException | None = None
        self._done = False
        self._thread: threading.Thread | None = None
        self._start()

    def _work(self) -> None:
        try:
            self._next = next(self._questions)
        except StopIteration:
            self._done = True
        except BaseException as exc:  # re-raised on the caller's thread, where the front end reports it
            self._error = exc

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="question-prefetch", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Wait for a question being written to finish, so the model is never freed mid-generation."""
        self._done = True
        if self._thread is not None:
            while self._thread.is_alive():
                try:
                    self._thread.join(timeout=0.2)
                except KeyboardInterrupt:  # a second Ctrl-C while we wait: keep waiting, it is seconds
                    continue

    def get(self) -> Question | None:
        """The next question (waiting for it if need be), starting work on the one after."""
        while self._thread.is_alive():
            self._thread.join(timeout=0.2)  # short joins keep Ctrl-C responsive
        if self._error is not None:
            raise self._error
        if self._done or self._next is None:
            return None
        question, self._next = self._next, None
        self._start()
        return question


class Interview:
    """One practice session's turns, from the first question to the last; saves each as it ends."""

    def __init__(self, session: Session, questions: Iterator[Question], total: int, channel: Channel, view: View,
                 store: SessionStore, analyze: Analyzer, *, follow_ups: bool = True,
                 rng: random.Random | None = None, on_turn: Callable[[Turn], None] | None = None):
        self.session = session
        self.questions = questions
        self.total = total
        self.channel = channel
        self.view = view
        self.store = store
        self.analyze = analyze
        self.follow_ups = follow_ups
        self.rng = rng or random.Random()
        self.on_turn = on_turn  # told of every saved turn (a planner that adapts to the answers listens here)

    def run(self) -> None:
        """Ask every question. Ctrl-C propagates, after the turn under way (if any) is saved."""
        prefetch = Prefetcher(self.questions)
        try:
            number = 0
            while (question := prefetch.get()) is not None:
                number += 1
                reply, turn = self._turn(question, number)
                if reply.stops:
                    return
                if turn and turn.feedback and self.follow_ups:
                    follow_up = choose_follow_up(question, turn.feedback, self.rng)
                    if follow_up is not None:
                        reply, _ = self._turn(follow_up, number, follow_up_of=turn.index)
                        if reply.stops:
                            return
        finally:
            prefetch.close()

    def earlier_questions(self, question: Question) -> list[str]:
        """The questions asked before `question` in this session, follow-ups left out (they are about the
        answer before them): the questions a recited answer may have been prepared for."""
        return [t.question.text for t in self.session.turns
                if t.follow_up_of is None and t.question.source != "follow_up" and t.question.text != question.text]

    def _turn(self, question: Question, number: int, follow_up_of: int | None = None) -> tuple[Reply, Turn | None]:
        """Ask one question until it is answered, skipped or the session ends; save the turn."""
        index = len(self.session.turns)
        started = utc_now()
        reply = ask_and_listen(self.channel, question, f"{self.session.id}-{index + 1}",
                               lambda: self.view.question(question, number, self.total))
        answer = reply.said
        if answer is None and reply.action == "interrupt":
            raise KeyboardInterrupt
        if answer is None and reply.stops:
            return reply, None
        turn = Turn(index=index, question=question, answer=answer, skipped=reply.action == "skip",
                    follow_up_of=follow_up_of, started_at=started)
        if answer is not None and not turn.skipped:
            turn.feedback = self.analyze(answer, question=question.text, kind=question.kind,
                                         talking_points=question.talking_points, story=question.story,
                                         earlier_questions=self.earlier_questions(question))
        turn.ended_at = utc_now()
        self.session.turns.append(turn)
        self.store.save_turn(self.session.id, turn)  # committed now: Ctrl-C from here on loses nothing
        if reply.action == "interrupt":
            raise KeyboardInterrupt
        if turn.feedback is not None:
            self.view.feedback(turn.feedback)
        elif turn.skipped:
            self.view.notice("Skipped.")
        if self.on_turn is not None:
            self.on_turn(turn)
        return reply, turn


def run_session(session: Session, questions: Iterator[Question], total: int, channel: Channel, view: View,
                store: SessionStore, analyze: Analyzer, *, follow_ups: bool = True,
                rng: random.Random | None = None, on_turn: Callable[[Turn], None] | None = None) -> SessionResult:
    """Run a saved session to its end (or to Ctrl-C), close it in the store and show the summary."""
    interview = Interview(session, questions, total, channel, view, store, analyze, follow_ups=follow_ups,
                          rng=rng, on_turn=on_turn)
    stopped = False
    try:
        interview.run()
    except KeyboardInterrupt:
        stopped = True
    finally:
        session.ended_at = utc_now()
        store.end_session(session.id)
    view.summary(session, stopped)
    return SessionResult(session, stopped)
