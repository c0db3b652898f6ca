"""Feedback and reviews in the terminal with rich: the feedback panel, its one-line headline, a whole session.

Tables of how figures moved (a retry, progress across sessions) are in trends.py.

The candidate's own words are always added as plain Text, never as markup, so an
answer containing "[bold]" or "[/]" prints as typed.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mockint.domain import STAR_PARTS, Feedback, Session
from mockint.text import shorten
from mockint.feedback.length import words_said
from mockint.feedback.thresholds import (
    FILLER_TIP_PER_100,
    PACE_FAST_WPM,
    PACE_MIN_SECONDS,
    PACE_SLOW_WPM,
    QUOTE_WORDS,
)
from mockint.review.facts import (
    LENGTH_WORDS, ON_QUESTION_UNFLAGGED, feedback_headline, question_meta, started, turn_label,
)

GOOD, NOTE, DIM = "green", "yellow", "dim"
MAX_PAUSES_SHOWN = 3


# ---- One answer's feedback ------------------------------------------------------


def _quote(text: str) -> str:
    return f"\u201c{shorten(text, QUOTE_WORDS)}\u201d"


def length_line(fb: Feedback) -> Text:
    """How long the answer was, the verdict, and the target."""
    words, verdict = fb.length.target_words, fb.length.verdict
    measured = words_said(fb.word_count) + (f" in {fb.duration_seconds:.0f} s" if fb.duration_seconds else "")
    target = f"target {words[0]}\u2013{words[1]} words"
    if fb.duration_seconds is not None:
        target += f", {fb.length.target_seconds[0]}\u2013{fb.length.target_seconds[1]} s"
    style = GOOD if verdict == "ok" else NOTE
    return Text.assemble((measured, "bold"), " \u00b7 ", (LENGTH_WORDS[verdict], style), f" ({target})")


def pace_line(fb: Feedback) -> Text | None:
    """Words a minute and the long pauses, for spoken answers; None for typed ones."""
    if fb.words_per_minute is None:
        return None
    wpm, line = fb.words_per_minute, Text()
    measurable = (fb.duration_seconds or 0) >= PACE_MIN_SECONDS
    style = GOOD if not measurable or PACE_SLOW_WPM <= wpm <= PACE_FAST_WPM else NOTE
    line.append(f"{wpm:.0f} words a minute", style)
    if measurable:
        line.append(f" (easy to follow: {PACE_SLOW_WPM}\u2013{PACE_FAST_WPM})", DIM)
    if fb.pauses:
        shown = sorted(fb.pauses, key=lambda p: -p.seconds)[:MAX_PAUSES_SHOWN]
        where = ", ".join(f"{p.seconds:.1f} s after \u201c{p.after_word}\u201d" for p in shown)
        line.append(f" \u00b7 {len(fb.pauses)} long pause{'s' if len(fb.pauses) > 1 else ''}: {where}")
    else:
        line.append(" \u00b7 no long pauses")
    return line


def fillers_line(fb: Feedback) -> Text:
    """Each filler with its count, and the rate."""
    f = fb.fillers
    if not f.total:
        return Text("none", GOOD)
    counts = ", ".join(f"{name} \u00d7{n}" for name, n in f.counts.items())
    style = NOTE if f.per_100_words >= FILLER_TIP_PER_100 else GOOD
    rate = f"{f.total} in all, {f.per_100_words:.1f} per 100 words"
    return Text.assemble((counts, "bold"), " \u2014 ", (rate, style))


def rambling_line(fb: Feedback) -> Text:
    """Whether the answer rambles, and the signals worth watching."""
    if fb.rambling.is_rambling:
        return Text.assemble(("yes", NOTE), f": {', '.join(fb.rambling.signals)}")
    if fb.rambling.signals:
        return Text.assemble(("no", GOOD), (f" (watch: {', '.join(fb.rambling.signals)})", DIM))
    return Text("no, it stays on track", GOOD)


def star_table(fb: Feedback) -> Table:
    """Each STAR part, found or not, with the sentence that best shows it (one no other part shows)."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    quotes = fb.star.headline_quotes()
    for name, part in fb.star.parts():
        mark = Text("\u2713", GOOD) if part.present else Text("\u2717", NOTE)
        quote = quotes[name]
        evidence = Text(_quote(quote), "italic") if quote else Text("not found", DIM)
        table.add_row(name.capitalize(), mark, evidence)
    return table


def details_table(fb: Feedback) -> Table:
    """What was found in the answer, one labelled row per signal."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_row("Length", length_line(fb))
    pace = pace_line(fb)
    if pace is not None:
        table.add_row("Pace", pace)
    table.add_row("Fillers", fillers_line(fb))
    table.add_row("Rambling", rambling_line(fb))
    if fb.star.applicable:
        table.add_row("STAR", star_table(fb))
        own = fb.ownership
        if fb.star.action.present:
            said = f"\u201cI\u201d \u00d7{own.i}, \u201cwe\u201d \u00d7{own.we} in what was done"
            table.add_row("Ownership", Text(said))
        table.add_row("Result", Text("quantified", GOOD) if fb.result_quantified else Text("no number in it", NOTE)
                      if fb.star.result.present else Text("missing", NOTE))
    else:
        table.add_row("STAR", Text("not applicable to this kind of question", DIM))
    for label, row in question_rows(fb):
        table.add_row(label, row)
    return table


def question_rows(fb: Feedback) -> list[tuple[str, Text]]:
    """Rows for whether the answer addressed the question and which talking points it covered."""
    rows: list[tuple[str, Text]] = []
    if fb.on_question is not None:
        rows.append(("Question", Text(ON_QUESTION_UNFLAGGED, DIM) if fb.on_question.addressed else Text.assemble(
            ("not answered: ", NOTE), (_quote(fb.on_question.missed or ""), "italic"),
            (f" (no mention of {fb.on_question.never_mentioned()})" if fb.on_question.unmentioned else "", NOTE))))
    if fb.talking_points:
        points = Table.grid(padding=(0, 1))
        for point in fb.talking_points:
            said = Text(_quote(point.sentence), "italic") if point.sentence else Text("not found in your words", DIM)
            points.add_row(Text("\u2713", GOOD) if point.covered else Text("\u2717", NOTE), Text(point.point), said)
        rows.append(("Points", points))
    return rows


def tips_block(fb: Feedback) -> Group:
    """The numbered tips, then the interviewer's note if there is one."""
    lines: list[RenderableType] = [Text("Tips", "bold")]
    for n, tip in enumerate(fb.tips, 1):
        lines.append(Text(f"{n}. {tip}"))
    if fb.comment:
        lines.append(Text.assemble(("Interviewer's note: ", "bold"), fb.comment))
    return Group(*lines)


def render_feedback(fb: Feedback) -> RenderableType:
    """The feedback on one answer as a rich panel: what was found, then what to do about it."""
    if fb.nothing_said:
        body: RenderableType = tips_block(fb)
    else:
        body = Group(details_table(fb), Text(""), tips_block(fb))
    return Panel(body, title="Feedback", subtitle=feedback_headline(fb), title_align="left",
                 subtitle_align="left", expand=False)


# ---- A whole session ------------------------------------------------------------


def review_text(session: Session) -> RenderableType:
    """The whole session for the terminal: every question, what was said, and the feedback."""
    parts: list[RenderableType] = [
        Text(f"Session {session.id} · {session.role} · {session.mode} · {started(session)}", style="bold")
    ]
    for turn in session.turns:
        body: list[RenderableType] = [Text(turn.question.text, style="bold")]
        body.append(Text(" · ".join(value for _, value in question_meta(turn)), style="dim"))
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
        parts.append(Panel(Group(*body), title=turn_label(turn), title_align="left"))
    if not session.turns:
        parts.append(Text("No questions were answered in this session."))
    else:
        parts.append(Text(f"Practise one again: mockint practice --retry {session.id}:N", style="dim"))
    return Group(*parts)
