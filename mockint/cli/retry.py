"""`mockint practice --retry SESSION:QUESTION`: a saved question asked again, compared with the first try."""

from __future__ import annotations

import re
import sys

from mockint.errors import UserError

RETRY_REF = re.compile(r"\s*(\d+|last|latest)\s*:\s*(\d+)\s*", re.IGNORECASE)
RETRY_PREFIX = re.compile(r"^Retry of session \d+, question \d+(?:: |\.\s*)?")


def parse_retry_ref(ref: str) -> tuple[str, int]:
    """(session ref, 1-based question number) from "3:2" or "last:1"; UserError otherwise."""
    match = RETRY_REF.fullmatch(ref or "")
    if not match or int(match.group(2)) < 1:
        raise UserError(f"'{ref}' is not SESSION:QUESTION, e.g. --retry 3:2 for question 2 of session 3 "
                        "(the numbers shown by: mockint review 3).")
    return match.group(1), int(match.group(2))


def retry_question(original, number: int):
    """The saved turn to retry and the question to ask again, marked as a retry of it."""
    turn = next((t for t in original.turns if t.index + 1 == number), None)
    if turn is None:
        have = f"questions 1 to {len(original.turns)}" if original.turns else "no questions"
        raise UserError(f"Session {original.id} has no question {number} (it has {have}). "
                        f"See them with: mockint review {original.id}")
    earlier_reason = RETRY_PREFIX.sub("", turn.question.reason)  # a retry of a retry names only the last one
    reason = f"Retry of session {original.id}, question {number}" + (f": {earlier_reason}" if earlier_reason else ".")
    return turn, turn.question.model_copy(update={"source": "retry", "reason": reason})


def practise_again(ref: str, mode: str | None, settings, out) -> None:
    """Ask a saved question again, save the attempt as a new session, show it beside the old one."""
    from mockint.cli.practice import default_mode, make_channel
    from mockint.domain import Session
    from mockint.feedback import analyze
    from mockint.interview import Interview
    from mockint.review import compare_attempts
    from mockint.session_view import SessionView
    from mockint.store import Store

    session_ref, number = parse_retry_ref(ref)
    store = Store()
    original = store.load_session(session_ref)
    before, question = retry_question(original, number)
    mode, channel, help_text = make_channel(mode or default_mode(settings), settings, store, out)
    session = store.start_session(
        Session(role=original.role, role_key=original.role_key, mode=mode, notes=original.notes)
    )
    out.print(f"[bold]Retry: question {number} of session {original.id}[/] · {original.role} · {mode}"
              f" · saved as session {session.id}")
    interview = Interview(session, iter([question]), 1, channel, SessionView(out, help_text), store, analyze,
                          follow_ups=False)
    try:
        interview.run()
    except KeyboardInterrupt:
        out.print(f"\nStopped. Session {session.id} is saved: mockint review {session.id}")
        sys.exit(130)
    after = session.turns[0] if session.turns else None
    if after is None or after.feedback is None:
        out.print("No new answer this time, so there is nothing to compare.")
        return
    out.print()
    out.print(compare_attempts(before, after, f"Before (session {original.id})", f"Now (session {session.id})"))
