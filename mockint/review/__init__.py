"""Showing answers and sessions back to the candidate: the terminal, Markdown, HTML and JSON.

  facts     what every format shares: labels, the feedback as plain facts and a one-line headline
  marks     where fillers and long pauses fall in a transcript
  terminal  rich: the feedback panel, a whole session
  trends    rich: a retry beside its original, progress across sessions
  markdown  the review as Markdown
  html      the review as one self-contained page (style.css beside it, charts from charts)
  charts    the inline SVG charts
"""

from __future__ import annotations

import io
import json

from rich.console import Console

from mockint.domain import Session
from mockint.review.html import review_html
from mockint.review.markdown import review_markdown
from mockint.review.facts import feedback_headline
from mockint.review.terminal import render_feedback, review_text
from mockint.review.trends import compare_attempts, latest_line, progress_table

FORMATS = ["text", "md", "html", "json"]

__all__ = [
    "FORMATS", "compare_attempts", "feedback_headline", "latest_line", "progress_table", "render_feedback",
    "render_review", "review_html", "review_json", "review_markdown", "review_text",
]


def review_json(session: Session) -> dict:
    """The review contract: id, role and the turns in order, each with question, answer, feedback."""
    return session.model_dump(mode="json")


def render_review(session: Session, fmt: str, width: int | None = None) -> str:
    """The review of a session as a string in one of FORMATS (text is plain, `width` columns wide)."""
    if fmt == "json":
        return json.dumps(review_json(session), indent=2) + "\n"
    if fmt == "md":
        return review_markdown(session)
    if fmt == "html":
        return review_html(session)
    # A recording console writing to nowhere: its text is exported, never shown.
    plain = Console(record=True, width=width or 100, no_color=True, highlight=False, file=io.StringIO())
    plain.print(review_text(session))
    return plain.export_text()
