"""Answering a saved question again: which question, and the question as it is asked the second time."""

from __future__ import annotations

import re

from mockint.domain import Question, RetryOf, Session, Turn
from mockint.errors import UserError

RETRY_REF = re.compile(r"\s*(\d+|last|latest)\s*:\s*(\d+)\s*", re.IGNORECASE)


def parse_retry_ref(ref: str) -> tuple[str, int]:
    """(session ref, 1-based question number) from "3:2" or "last:1"; UserError otherwise."""
    match = RETRY_REF.fullmatch(ref or "")
    if not match or int(match.group(2)) < 1:
        raise UserError(f"'{ref}' is not SESSION:QUESTION, e.g. --retry 3:2 for question 2 of session 3 "
                        "(the numbers shown by: mockint review 3).")
    return match.group(1), int(match.group(2))


def retry_question(original: Session, number: int) -> tuple[Turn, Question, RetryOf]:
    """The saved turn to retry, the question to ask again (marked as a retry) and the link back to it."""
    turn = next((t for t in original.turns if t.index + 1 == number), None)
    if turn is None:
        have = f"questions 1 to {len(original.turns)}" if original.turns else "no questions"
        raise UserError(f"Session {original.id} has no question {number} (it has {have}). "
                        f"See them with: mockint review {original.id}")
    question = turn.question.model_copy(update={"source": "retry"})
    return turn, question, RetryOf(session_id=original.id, question=number)
