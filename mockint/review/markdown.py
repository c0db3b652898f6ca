"""The review as Markdown: clean enough to paste into notes, with the candidate's text made inert."""

from __future__ import annotations

import re

from mockint.domain import Feedback, Session, Turn
from mockint.review.facts import (
    answer_mode,
    feedback_facts,
    point_rows,
    question_meta,
    seconds_label,
    star_rows,
    started,
    summary_facts,
    turn_label,
)
from mockint.review.marks import marked_answer

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """User text made inert in Markdown: the characters that would start emphasis, links, HTML or tables."""
    return MD_SPECIAL.sub(r"\\\1", text)


def md_quote(text: str) -> str:
    """Text as a Markdown blockquote, blank lines kept inside the quote."""
    return "\n".join(f"> {line}".rstrip() for line in text.splitlines() or [""])


def md_answer(turn: Turn) -> str:
    """The answer with fillers in bold and long pauses marked where they happened."""
    return marked_answer(turn, md_escape, lambda t: f"**{md_escape(t)}**",
                         lambda p: f" *⏸ {seconds_label(p.seconds)}*")


def review_markdown(session: Session) -> str:
    """The session as clean Markdown: a heading, then each question, the answer quoted, the feedback."""
    lines = [f"# Session {session.id}: {md_escape(session.role)} ({answer_mode(session)}, {started(session)})", ""]
    if session.model:
        lines.append(f"- **Questions written by:** `{session.model.replace('`', '')}`")
    lines += [f"- **{k}:** {v}" for k, v in summary_facts(session)] if session.turns else []
    lines.append("")
    if not session.turns:
        lines += ["No questions were answered in this session.", ""]
    for turn in session.turns:
        lines += [f"## {turn_label(turn)}", "", f"**{md_escape(turn.question.text)}**", ""]
        lines += [f"- *{k}:* {md_escape(v)}" for k, v in question_meta(turn)]
        lines.append("")
        if turn.answer is None:
            lines += ["*Skipped.*" if turn.skipped else "*No answer.*", ""]
            continue
        title = "### Your answer" + ("" if turn.answer.complete else " (unfinished)")
        lines += [title, "", md_quote(md_answer(turn)), ""]
        if turn.answer.audio:
            lines += [f"Recording: `{turn.answer.audio.replace('`', '')}`", ""]
        if turn.feedback is not None:
            lines += md_feedback(turn.feedback)
    return "\n".join(lines).rstrip() + "\n"


def md_feedback(fb: Feedback) -> list[str]:
    """The feedback section of one answer, in Markdown."""
    lines = ["### Feedback", "", "| | |", "|---|---|"]
    lines += [f"| {label} | {md_escape(value)} |" for label, value in feedback_facts(fb)]
    lines.append("")
    star = list(star_rows(fb))
    if star:
        lines += [f"**STAR: {fb.star.completeness:.0%}**", ""]
        for name, present, evidence in star:
            quotes = "; ".join(f"“{md_escape(e)}”" for e in evidence)
            lines.append(f"- {'✓' if present else '✗'} **{name}**: {quotes if present and quotes else 'not found'}")
        lines.append("")
    points = list(point_rows(fb))
    if points:
        lines += [f"**Talking points: {sum(c for _, c, _ in points)} of {len(points)}**", ""]
        for point, present, sentence in points:
            said = f"“{md_escape(sentence)}”" if present and sentence else "not found in your words"
            lines.append(f"- {'✓' if present else '✗'} **{md_escape(point)}**: {said}")
        lines.append("")
    if fb.tips:
        lines += ["**Tips**", ""] + [f"{i}. {md_escape(tip)}" for i, tip in enumerate(fb.tips, 1)] + [""]
    if fb.comment:
        lines += [f"*{md_escape(fb.comment)}*", ""]
    return lines
