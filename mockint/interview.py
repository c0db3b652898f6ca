"""The session orchestrator: the one place that knows the order of things.

Ask a question, take the answer (typed or spoken, through a Channel), analyze it,
save the turn at once, show the feedback, maybe ask one follow-up, then the next
question, which was prepared in the background while the candidate answered.
Engines know nothing of sessions; this module knows nothing of how they work.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from mockint.domain import Answer, Feedback, Question, Session, Transcript, Turn, utc_now
from mockint.questions.followups import choose_follow_up

Action = Literal["answer", "skip", "repeat", "quit", "end", "interrupt"]


@dataclass
class AnswerEvent:
    """What came back from the candidate: an answer, or a command, with any text typed so far."""

    action: Action
    answer: Answer | None = None


class Channel(Protocol):
    """How a question reaches the candidate and their answer comes back (text or voice)."""

    def ask(self, question: Question) -> None: ...

    def listen(self, turn_key: str) -> AnswerEvent | Answer | None: ...


class View(Protocol):
    """What the candidate sees on screen during a session."""

    def question(self, question: Question, number: int, total: int) -> None: ...

    def feedback(self, feedback: Feedback) -> None: ...

    def notice(self, text: str) -> None: ...

    def summary(self, session: Session) -> None: ...


class SessionSink(Protocol):
    """Where turns are saved (the Store)."""

    def save_turn(self, session_id: int, turn: Turn) -> None: ...

    def end_session(self, session_id: int) -> None: ...


Analyzer = Callable[..., Feedback]


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
        except BaseException as exc:  # re-raised on the main thread, where the CLI reports it
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


def as_event(result: AnswerEvent | Answer | None) -> AnswerEvent:
    """Normalise what a channel returns: an Answer means answered, None means nothing was said."""
    if isinstance(result, AnswerEvent):
        return result
    if result is None:
        return AnswerEvent("skip")
    return AnswerEvent("answer", result)


class Interview:
    """Runs one practice session from the first question to the summary."""

    def __init__(
        self,
        session: Session,
        questions: Iterator[Question],
        total: int,
        channel: Channel,
        view: View,
        store: SessionSink,
        analyze: Analyzer,
        *,
        follow_ups: bool = True,
        rng: random.Random | None = None,
    ):
        self.session = session
        self.prefetch = Prefetcher(questions)
        self.total = total
        self.channel = channel
        self.view = view
        self.store = store
        self.analyze = analyze
        self.follow_ups = follow_ups
        self.rng = rng or random.Random()

    def run(self) -> Session:
        """Ask every question; returns the session. Ctrl-C propagates after the current turn is saved."""
        try:
            number = 0
            while (question := self.prefetch.get()) is not None:
                number += 1
                outcome, turn = self._turn(question, number)
                if outcome in ("quit", "end"):
                    break
                if turn and turn.feedback and self.follow_ups:
                    follow_up = choose_follow_up(question, turn.feedback, self.rng)
                    if follow_up is not None:
                        outcome, _ = self._turn(follow_up, number, follow_up_of=turn.index)
                        if outcome in ("quit", "end"):
                            break
        finally:
            self.prefetch.close()
            self.session.ended_at = utc_now()
            self.store.end_session(self.session.id)
        self.view.summary(self.session)
        return self.session

    def _turn(self, question: Question, number: int, follow_up_of: int | None = None) -> tuple[Action, Turn | None]:
        """Ask one question until it is answered, skipped or the session ends; save the turn."""
        index = len(self.session.turns)
        started = utc_now()
        while True:
            self.view.question(question, number, self.total)
            self.channel.ask(question)
            event = as_event(self.channel.listen(f"{self.session.id}-{index + 1}"))
            if event.action != "repeat":
                break
        answer = event.answer if event.answer and event.answer.text.strip() else None
        if answer is None and event.action == "interrupt":
            raise KeyboardInterrupt
        if answer is None and event.action in ("quit", "end"):
            return "end", None
        turn = Turn(
            index=index,
            question=question,
            answer=answer,
            skipped=event.action == "skip",
            follow_up_of=follow_up_of,
            started_at=started,
        )
        if answer is not None and not turn.skipped:
            turn.feedback = self.analyze(
                Transcript(text=answer.text, words=answer.words, duration_seconds=answer.duration_seconds),
                question=question.text,
                kind=question.kind,
                talking_points=question.talking_points,
            )
        turn.ended_at = utc_now()
        self.session.turns.append(turn)
        self.store.save_turn(self.session.id, turn)  # committed now: Ctrl-C from here on loses nothing
        if event.action == "interrupt":
            raise KeyboardInterrupt
        if turn.feedback is not None:
            self.view.feedback(turn.feedback)
        elif turn.skipped:
            self.view.notice("Skipped.")
        return event.action, turn

