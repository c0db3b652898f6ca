"""The review as one self-contained HTML page: inline CSS, inline SVG charts, recordings embedded.

Nothing is fetched, so the page opens offline, can be mailed to a coach and prints
cleanly. Every piece of the candidate's text is escaped. The look is in style.css,
beside this module, read once and inlined into every page.
"""

from __future__ import annotations

import base64
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path

from mockint.domain import Feedback, Pause, Session, Turn
from mockint.review.charts import session_charts
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
from mockint.speech.audiofile import AUDIO_TYPES


@cache
def stylesheet() -> str:
    """The page's CSS, from the package file style.css."""
    return files("mockint.review").joinpath("style.css").read_text(encoding="utf-8")


def html_transcript(turn: Turn) -> str:
    """The answer with fillers in <mark> and a badge where each long pause fell; all text escaped."""

    def badge(pause: Pause) -> str:
        secs = seconds_label(pause.seconds)
        return f'<span class="pause" title="pause of {secs}" aria-label="pause of {secs}">{secs}</span>'

    return marked_answer(turn, escape, lambda t: f'<mark class="filler" title="filler">{escape(t)}</mark>', badge)


def html_audio(path_text: str) -> str:
    """The recording as an <audio> player with the file embedded, or a line saying it is gone."""
    path = Path(path_text).expanduser()
    mime = AUDIO_TYPES.get(path.suffix.lower())
    try:
        data = path.read_bytes() if mime else None
    except OSError:
        data = None
    if not data:
        why = "is not a format a browser plays" if not mime and path.is_file() else "is no longer on disk"
        return f'<p class="missing">The recording {escape(str(path))} {why}, so it cannot be played here.</p>'
    encoded = base64.b64encode(data).decode("ascii")
    return f'<audio controls preload="metadata" src="data:{mime};base64,{encoded}"></audio>'


def html_feedback(fb: Feedback) -> str:
    """One answer's feedback: the facts table, STAR with evidence, and the tips."""
    rows = []
    for label, value in feedback_facts(fb):
        cls = ""
        if label == "Length":
            cls = ' class="verdict-ok"' if fb.length.verdict == "ok" else ' class="verdict-bad"'
        rows.append(f"<tr><th>{escape(label)}</th><td{cls}>{escape(value)}</td></tr>")
    parts = ["<h3>Feedback</h3>", f'<table class="facts">{"".join(rows)}</table>']
    star = list(star_rows(fb))
    if star:
        parts.append(f"<h3>STAR: {fb.star.completeness:.0%}</h3><ul class=\"star\">")
        for name, present, evidence in star:
            quotes = "<br>".join(f"<q>{escape(e)}</q>" for e in evidence) if present else "not found"
            parts.append(f'<li class="{"yes" if present else "no"}"><b>{name}</b>: {quotes}</li>')
        parts.append("</ul>")
    points = list(point_rows(fb))
    if points:
        covered = sum(c for _, c, _ in points)
        parts.append(f"<h3>Talking points: {covered} of {len(points)}</h3><ul class=\"star\">")
        for point, present, sentence in points:
            said = f"<q>{escape(sentence)}</q>" if present and sentence else "not found in your words"
            parts.append(f'<li class="{"yes" if present else "no"}"><b>{escape(point)}</b>: {said}</li>')
        parts.append("</ul>")
    if fb.tips:
        parts.append("<h3>Tips</h3><ol class=\"tips\">" + "".join(f"<li>{escape(t)}</li>" for t in fb.tips) + "</ol>")
    if fb.comment:
        parts.append(f'<p class="meta"><i>{escape(fb.comment)}</i></p>')
    return "".join(parts)


def html_turn(turn: Turn) -> str:
    """One question, the answer (marked up, with its recording) and its feedback, as an <article>."""
    meta = "".join(f"<p class=\"meta\"><b>{escape(k)}:</b> {escape(v)}</p>" for k, v in question_meta(turn))
    parts = [
        f'<article id="q{turn.index + 1}"><header><div class="label">{escape(turn_label(turn))}</div>',
        f'<p class="question">{escape(turn.question.text)}</p>{meta}</header>',
    ]
    if turn.answer is None:
        parts.append(f'<p class="skipped">{"Skipped." if turn.skipped else "No answer."}</p></article>')
        return "".join(parts)
    parts.append("<h3>Your answer" + ("" if turn.answer.complete else " (unfinished)") + "</h3>")
    parts.append(f'<blockquote class="transcript">{html_transcript(turn)}</blockquote>')
    if turn.answer.audio:
        parts.append(html_audio(turn.answer.audio))
    if turn.feedback is not None:
        parts.append(html_feedback(turn.feedback))
    parts.append("</article>")
    return "".join(parts)


def legend(session: Session) -> str:
    """A line explaining the marks in the transcripts, when there are any."""
    said = []
    if any(t.feedback and t.feedback.fillers.hits for t in session.turns):
        said.append("<mark>highlighted</mark> words are fillers")
    if any(t.feedback and t.feedback.pauses for t in session.turns):
        said.append('a badge like <span class="pause">3.0 s</span> marks a long pause where it happened')
    return '<p class="legend">' + '; '.join(said) + '.</p>' if said else ''


def review_html(session: Session) -> str:
    """The session as one self-contained HTML page: summary, charts, every answer marked up, feedback."""
    glance = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in summary_facts(session))
    figures = "".join(
        f"<figure><figcaption>{escape(title)}<small>{escape(note)}</small></figcaption>{svg}</figure>"
        for title, note, svg in session_charts(session)
    )
    turns = "".join(html_turn(t) for t in session.turns) or '<p class="skipped">No questions were answered.</p>'
    title = f"Session {session.id}: {session.role}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · mockint review</title>
<style>
{stylesheet()}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p class="sub">{escape(started(session))} · {answer_mode(session)} answers · {len(session.turns)} question(s)</p>
<dl class="glance">{glance}</dl>
</header>
<section><h2>How the answers went</h2><div class="charts">{figures}</div></section>
<section><h2>Questions and answers</h2>
{legend(session)}
{turns}
</section>
<footer>Written by mockint on this computer; nothing here was sent anywhere.
Practise a question again: <code>mockint practice --retry {session.id}:N</code></footer>
</body>
</html>
"""
