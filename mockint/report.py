"""Rendering a saved session for review: JSON (the contract) and the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from mockint.domain import Session
from mockint.feedback import render_feedback
from mockint.session_view import KIND_NAMES


def review_json(session: Session) -> dict:
    """The review contract: id, role and the turns in order, each with question, answer, feedback."""
    return session.model_dump(mode="json")


def review_text(session: Session) -> RenderableType:
    """The whole session for the terminal: every question, what was said, and the feedback."""
    started = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    parts: list[RenderableType] = [
        Text(f"Session {session.id} · {session.role} · {session.mode} · {started}", style="bold")
    ]
    for turn in session.turns:
        q = turn.question
        label = "Follow-up" if turn.follow_up_of is not None else f"Question {turn.index + 1}"
        body: list[RenderableType] = [Text(q.text, style="bold")]
        meta = " · ".join(x for x in (KIND_NAMES[q.kind], q.competency, q.reason) if x)
        body.append(Text(meta, style="dim"))
        if turn.answer is None:
            body.append(Text("Skipped." if turn.skipped else "No answer.", style="italic"))
        else:
            suffix = "" if turn.answer.complete else "  (unfinished)"
            body.append(Text("\nYour answer" + suffix + ":", style="cyan"))
            body.append(Text(turn.answer.text))
            if turn.answer.audio:
                body.append(Text(f"Recording: {turn.answer.audio}", style="dim"))
        if turn.feedback is not None:
            body.append(render_feedback(turn.feedback))
        parts.append(Panel(Group(*body), title=label, title_align="left"))
    if not session.turns:
        parts.append(Text("No questions were answered in this session."))
    return Group(*parts)
