"""What the page shows during a session: the engine's View, sent to the browser as messages.

Questions go as plain text (the page puts them in with textContent); feedback and the
summary go as HTML made here from the review's own pieces (the marked transcript and the
feedback table), so the live feedback reads exactly like the review page.
"""

from __future__ import annotations

from mockint.domain import KIND_NAMES, Feedback, Question, QuestionKind, Session, Turn, main_question_numbers
from mockint.review.facts import feedback_headline, turn_label
from mockint.review.html import html_feedback, html_transcript
from mockint.web.channel import Send
from mockint.web.templates import Markup, render


def feedback_fragment(turn: Turn) -> str:
    """One answered turn as the Feedback region shows it: the answer marked up, then the feedback."""
    fb = turn.feedback
    return render(
        "parts/feedback.html", label=turn_label(turn), question=turn.question.text, headline=feedback_headline(fb),
        transcript=Markup(html_transcript(turn)) if turn.answer else "", unfinished=bool(turn.answer)
        and not turn.answer.complete, has_fillers=bool(fb.fillers.hits), details=Markup(html_feedback(fb)),
    )


def summary_fragment(session: Session, stopped: bool) -> str:
    """How the session went: one row per answered question, and where to go next."""
    labels = dict(zip((t.index for t in session.turns), main_question_numbers(session.turns)))
    answered = [
        {"label": labels[t.index], "question": t.question.text,
         "words": t.feedback.word_count, "headline": feedback_headline(t.feedback)}
        for t in session.turns if t.feedback is not None
    ]
    return render("parts/summary.html", session=session, stopped=stopped, answered=answered,
                  skipped=sum(t.skipped for t in session.turns))


class WebView:
    """The session engine's View for one browser tab."""

    def __init__(self, send: Send):
        self.send = send
        self.answered = 0

    def question(self, question: Question, number: int, total: int) -> None:
        follow_up = question.kind == QuestionKind.follow_up
        label = "Follow-up" if follow_up else f"Question {number} of {total} · {KIND_NAMES[question.kind]}"
        self.send({"type": "question", "label": label, "text": question.text, "number": number, "total": total,
                   "follow_up": follow_up})

    def feedback(self, feedback: Feedback) -> None:
        """Nothing here: the feedback is shown with its turn (turn_saved), whose word timings place the pauses."""

    def turn_saved(self, turn: Turn) -> None:
        """A turn was saved: show its feedback, and keep count of what is safe on disk."""
        if turn.answer is not None:
            self.answered += 1
        message = {"type": "saved", "answered": self.answered}
        if turn.feedback is not None:
            message.update(type="feedback", html=feedback_fragment(turn))
        self.send(message)

    def notice(self, text: str) -> None:
        self.send({"type": "notice", "text": text})

    def summary(self, session: Session, stopped: bool) -> None:
        self.send({"type": "summary", "session": session.id, "answered": self.answered, "stopped": stopped,
                   "html": summary_fragment(session, stopped)})
