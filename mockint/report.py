"""Rendering a saved session for review: JSON (the contract), the terminal, Markdown and HTML.

The HTML page is one self-contained file: inline CSS, inline SVG charts, recordings
embedded as data URIs, nothing fetched, so it opens offline, can be mailed to a coach
and prints cleanly. Every piece of user text is escaped for the format it lands in.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mockint import charts
from mockint.domain import Feedback, Pause, Session, Turn, Word
from mockint.feedback.thresholds import FILLER_TIP_PER_100, PACE_FAST_WPM, PACE_SLOW_WPM
from mockint.progress import answer_metrics, judge, session_metrics
from mockint.domain import KIND_NAMES

STAR_PARTS = ("situation", "task", "action", "result")
VERDICTS = {"empty": "nothing said", "too_short": "too short", "ok": "on target", "too_long": "too long"}
AUDIO_TYPES = {".flac": "audio/flac", ".wav": "audio/wav", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
               ".oga": "audio/ogg", ".opus": "audio/ogg"}


# ---- What every format shares ---------------------------------------------------


def review_json(session: Session) -> dict:
    """The review contract: id, role and the turns in order, each with question, answer, feedback."""
    return session.model_dump(mode="json")


def turn_label(turn: Turn) -> str:
    """How a turn is named everywhere: its number is the one `practice --retry SESSION:TURN` takes."""
    if turn.follow_up_of is not None:
        return f"Question {turn.index + 1} · follow-up to {turn.follow_up_of + 1}"
    return f"Question {turn.index + 1}"


def short_label(turn: Turn) -> str:
    """The label of a turn on a chart axis."""
    return f"Q{turn.index + 1}" + ("↳" if turn.follow_up_of is not None else "")


def started(session: Session) -> str:
    return session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")


def question_meta(turn: Turn) -> list[tuple[str, str]]:
    """(label, value) lines describing a question: its kind, competency and why it is asked."""
    q = turn.question
    meta = [("Kind", KIND_NAMES[q.kind])]
    if q.competency:
        meta.append(("Competency", q.competency))
    if q.reason:
        meta.append(("Why it is asked", q.reason))
    return meta


def answer_text(turn: Turn) -> str:
    """The text the feedback's character offsets point into (the analyzed transcript when there is one)."""
    if turn.feedback is not None and turn.feedback.transcript:
        return turn.feedback.transcript
    return turn.answer.text if turn.answer else ""


def word_ends(text: str, words: list[Word]) -> list[int | None]:
    """Where each timed word ends in the transcript text, found in order; None where it cannot be found."""
    ends: list[int | None] = []
    cursor = 0
    lowered = text.lower()
    for word in words:
        needle = word.text.strip().lower()
        at = lowered.find(needle, cursor) if needle else -1
        if at < 0:
            ends.append(None)
            continue
        cursor = at + len(needle)
        ends.append(cursor)
    return ends


TRAILING = re.compile(r"[,.;:!?…\"')\]]*")


def pause_points(text: str, words: list[Word], pauses: list[Pause]) -> list[tuple[int, Pause]]:
    """Where each long pause falls in the transcript: after the word it follows (and its punctuation).

    A pause is found by the word that starts as it ends: its start may have been moved
    back from the end Whisper gave the word before (a word stretched over the silence).
    """
    ends = word_ends(text, words)
    points = []
    for pause in pauses:
        after = min(range(1, len(words)), key=lambda j: abs(words[j].start - pause.end), default=None)
        if after is None or abs(words[after].start - pause.end) > 0.05 or ends[after - 1] is None:
            continue  # the word cannot be placed; the pause still shows in the feedback list
        at = ends[after - 1]
        at += TRAILING.match(text, at).end() - at
        points.append((at, pause))
    return points


@dataclass(frozen=True)
class Piece:
    """A stretch of the transcript: plain text, a filler, or a long pause at that point."""

    kind: str  # "text", "filler" or "pause"
    text: str = ""
    pause: Pause | None = None


def transcript_pieces(turn: Turn) -> list[Piece]:
    """The answer cut into plain text, fillers and pauses, in reading order, for highlighting."""
    text = answer_text(turn)
    fb = turn.feedback
    if fb is None:
        return [Piece("text", text)]
    marks: list[tuple[int, int, str, Pause | None]] = [
        (h.start_char, h.end_char, "filler", None)
        for h in fb.fillers.hits
        if 0 <= h.start_char < h.end_char <= len(text)
    ]
    words = turn.answer.words if turn.answer else []
    marks += [(at, at, "pause", p) for at, p in pause_points(text, words, fb.pauses)]
    marks.sort(key=lambda m: (m[0], m[1]))
    pieces: list[Piece] = []
    cursor = 0
    for start, end, kind, pause in marks:
        if start < cursor:  # overlaps what is already placed: a pause moves after it, a filler is dropped
            if kind != "pause":
                continue
            start = cursor
        if start > cursor:
            pieces.append(Piece("text", text[cursor:start]))
        if kind == "filler":
            pieces.append(Piece("filler", text[start:end]))
            cursor = end
        else:
            pieces.append(Piece("pause", pause=pause))
            cursor = start
    pieces.append(Piece("text", text[cursor:]))
    return [p for p in pieces if p.kind != "text" or p.text]


def marked_answer(turn: Turn, text: Callable[[str], str], filler: Callable[[str], str],
                  pause: Callable[[Pause], str]) -> str:
    """The answer in some markup: plain stretches, fillers and pauses each through their own formatter."""
    out = []
    for piece in transcript_pieces(turn):
        if piece.kind == "filler":
            out.append(filler(piece.text))
        elif piece.kind == "pause":
            out.append(pause(piece.pause))
        else:
            out.append(text(piece.text))
    return "".join(out)


def seconds_label(seconds: float) -> str:
    return f"{seconds:.1f} s"


def feedback_facts(fb: Feedback) -> list[tuple[str, str]]:
    """The feedback as (label, plain sentence) rows, in the order a coach would go through them."""
    length = fb.length
    if length.seconds is not None:
        low, high = length.target_seconds
        size = f"{fb.word_count} words in {length.seconds:.1f} s (target {low}–{high} s)"
    else:
        low, high = length.target_words
        size = f"{fb.word_count} words (target {low}–{high} words)"
    rows = [("Length", f"{VERDICTS[length.verdict]}: {size}")]
    if fb.words_per_minute is not None:
        wpm = fb.words_per_minute
        where = "comfortable" if PACE_SLOW_WPM <= wpm <= PACE_FAST_WPM else ("slow" if wpm < PACE_SLOW_WPM else "fast")
        rows.append(("Pace", f"{wpm:.0f} words a minute: {where} ({PACE_SLOW_WPM}–{PACE_FAST_WPM} is comfortable)"))
    f = fb.fillers
    if f.total:
        counts = ", ".join(f"{name} ×{n}" for name, n in sorted(f.counts.items(), key=lambda kv: (-kv[1], kv[0])))
        rows.append(("Fillers", f"{f.total} ({f.per_100_words:.1f} per 100 words): {counts}"))
    else:
        rows.append(("Fillers", "none"))
    if fb.pauses:
        listed = ", ".join(f"{seconds_label(p.seconds)} after “{p.after_word}”" for p in fb.pauses)
        rows.append(("Long pauses", f"{len(fb.pauses)}: {listed}"))
    elif fb.duration_seconds is not None:
        rows.append(("Long pauses", "none"))
    r = fb.rambling
    if r.is_rambling:
        rows.append(("Rambling", "yes: " + "; ".join(humanise(s) for s in r.signals)))
    elif r.signals:
        rows.append(("Rambling", "no, but watch: " + "; ".join(humanise(s) for s in r.signals)))
    else:
        rows.append(("Rambling", "no"))
    if fb.ownership.i or fb.ownership.we:
        rows.append(("Ownership", f"“I” ×{fb.ownership.i}, “we” ×{fb.ownership.we}"))
    if fb.star.applicable:  # the analyzer looks for numbers in the STAR result only
        rows.append(("Result quantified", "yes" if fb.result_quantified else "no"))
    return rows


def humanise(signal: str) -> str:
    """A rambling signal as words ("run_on" -> "run on")."""
    return signal.replace("_", " ")


def star_rows(fb: Feedback) -> Iterator[tuple[str, bool, list[str]]]:
    """(part name, present, evidence sentences) for each STAR part, when STAR applies."""
    if not fb.star.applicable:
        return
    for name in STAR_PARTS:
        part = getattr(fb.star, name)
        yield name.capitalize(), part.present, part.evidence


# ---- Terminal -------------------------------------------------------------------


def review_text(session: Session) -> RenderableType:
    """The whole session for the terminal: every question, what was said, and the feedback."""
    from mockint.feedback import render_feedback

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


# ---- Markdown -------------------------------------------------------------------

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


def length_misses(too_long: int, too_short: int) -> str:
    """"1 too long, 2 too short", or "all on target"."""
    parts = [f"{n} {what}" for n, what in ((too_long, "too long"), (too_short, "too short")) if n]
    return ", ".join(parts) or "all on target"


def summary_facts(session: Session) -> list[tuple[str, str]]:
    """The session at a glance (short values), from the same numbers `mockint progress` uses."""
    m = session_metrics(session)
    skipped = sum(t.skipped for t in session.turns)
    facts = [("Answered", f"{m['answers']} of {len(session.turns)}" + (f" ({skipped} skipped)" if skipped else ""))]
    if m["words_per_minute"] is not None:
        facts.append(("Pace", f"{m['words_per_minute']:.0f} wpm"))
    if m["fillers_per_100_words"] is not None:
        facts.append(("Fillers", f"{m['fillers_per_100_words']:.1f} per 100 words"))
    if m["star_completeness"] is not None:
        facts.append(("STAR (stories)", f"{m['star_completeness']:.0%} complete"))
    if m["answers"]:
        facts.append(("Length", length_misses(m["too_long"], m["too_short"])))
    return facts


def review_markdown(session: Session) -> str:
    """The session as clean Markdown: a heading, then each question, the answer quoted, the feedback."""
    mode = "spoken" if session.mode == "voice" else "typed"
    lines = [f"# Session {session.id}: {md_escape(session.role)} ({mode}, {started(session)})", ""]
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
    if fb.tips:
        lines += ["**Tips**", ""] + [f"{i}. {md_escape(tip)}" for i, tip in enumerate(fb.tips, 1)] + [""]
    if fb.comment:
        lines += [f"*{md_escape(fb.comment)}*", ""]
    return lines


# ---- HTML -----------------------------------------------------------------------

CSS = """
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #e4e7eb; --paper: #ffffff; --wash: #f6f7f9;
  --accent: #3d6fb6; --good: #2f855a; --warn: #c2410c; --mark: #fde68a; }
* { box-sizing: border-box; }
html { background: var(--wash); }
body { margin: 0 auto; max-width: 920px; padding: 40px 32px 64px; color: var(--ink); background: var(--paper);
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans",
  "DejaVu Sans", sans-serif; -webkit-font-smoothing: antialiased; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; letter-spacing: -0.01em; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; }
h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 1.5rem 0 .5rem; }
.sub { color: var(--muted); margin: 0 0 1.5rem; }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px;
  margin: 0; padding: 0; }
.glance div { border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
.glance dt { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.glance dd { margin: 0; font-size: 1.05rem; font-weight: 600; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 20px 28px; }
figure { margin: 0; }
figcaption { font-weight: 600; font-size: .95rem; margin-bottom: 4px; }
figcaption small { display: block; font-weight: 400; color: var(--muted); font-size: .8rem; }
article { border-top: 2px solid var(--line); margin-top: 2.5rem; padding-top: 1.25rem; }
article header h2 { margin: 0 0 .35rem; }
.label { color: var(--accent); font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; }
.question { font-size: 1.2rem; font-weight: 600; line-height: 1.4; margin: .25rem 0 .5rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0; }
.meta b { color: var(--ink); font-weight: 600; }
.transcript { font-family: "Iowan Old Style", Georgia, "DejaVu Serif", serif; font-size: 1.05rem; line-height: 1.75;
  background: var(--wash); border-left: 4px solid var(--accent); border-radius: 0 8px 8px 0; padding: 14px 18px;
  margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; border-radius: 3px; padding: 0 2px; }
.pause { display: inline-block; font: 600 .72rem/1.5 system-ui, "DejaVu Sans", sans-serif; color: #fff;
  background: var(--muted); border-radius: 999px; padding: 0 8px 0 7px; margin: 0 3px; vertical-align: .12em;
  white-space: nowrap; }
.pause::before { content: ""; display: inline-block; width: 2px; height: .62em; border-left: 2px solid #fff;
  border-right: 2px solid #fff; margin-right: 5px; vertical-align: -.02em; }
.legend { color: var(--muted); font-size: .85rem; margin: .4rem 0 0; }
audio { width: 100%; margin: .75rem 0 0; }
.missing { color: var(--warn); font-size: .9rem; }
table.facts { border-collapse: collapse; width: 100%; font-size: .95rem; }
table.facts th { text-align: left; font-weight: 600; width: 11rem; vertical-align: top; padding: 6px 12px 6px 0; }
table.facts td { padding: 6px 0; border-bottom: 1px solid var(--line); }
table.facts th { border-bottom: 1px solid var(--line); }
.verdict-ok { color: var(--good); font-weight: 600; }
.verdict-bad { color: var(--warn); font-weight: 600; }
ul.star { list-style: none; padding: 0; margin: 0; }
ul.star li { padding: 6px 0 6px 30px; position: relative; }
ul.star li::before { position: absolute; left: 0; top: 6px; width: 20px; height: 20px; border-radius: 50%;
  text-align: center; font: 700 12px/20px system-ui, "DejaVu Sans", sans-serif; }
ul.star li.yes::before { content: "✓"; background: var(--good); color: #fff; }
ul.star li.no::before { content: "–"; background: var(--line); color: var(--muted); }
ul.star q { color: var(--muted); font-style: italic; }
ol.tips { padding-left: 1.3rem; margin: 0; }
ol.tips li { margin: .25rem 0; }
.skipped { color: var(--muted); font-style: italic; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 720px) { .charts { grid-template-columns: 1fr; } body { padding: 24px 16px; } }
@media print {
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  article, figure, .glance div { break-inside: avoid; }
  audio { display: none; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .pause, ul.star li::before, .transcript { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


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


def session_charts(session: Session) -> list[tuple[str, str, str]]:
    """(title, note, svg) for each chart of the session: pace, fillers, STAR coverage, length."""
    answered = [t for t in session.turns if t.feedback is not None]
    names = [short_label(t) for t in answered]
    fbs = [t.feedback for t in answered]
    spoken = any(f.words_per_minute is not None for f in fbs)
    pace = charts.bar_chart(
        "Pace per answer, words a minute", names, [f.words_per_minute for f in fbs], unit="wpm",
        band=(PACE_SLOW_WPM, PACE_FAST_WPM),
        empty_note="Typed answers: pace applies to spoken ones." if answered else "No answers.",
    )
    fillers = charts.bar_chart(
        "Fillers per 100 words, per answer", names, [f.fillers.per_100_words for f in fbs], unit="per 100 words",
        limit=FILLER_TIP_PER_100, empty_note="No answers.",
    )
    star = charts.star_grid(
        "STAR parts found per answer", names,
        [[getattr(f.star, p).present for p in STAR_PARTS] if f.star.applicable else None for f in fbs],
        empty_note="No story questions in this session." if answered else "No answers.",
    )
    timed = bool(fbs) and all(f.length.seconds is not None for f in fbs)
    unit = "s" if timed else "words"
    rows = [
        charts.LengthRow(n, f.length.seconds if timed else f.word_count,
                         *(f.length.target_seconds if timed else f.length.target_words), f.length.verdict)
        for n, f in zip(names, fbs)
    ]
    length = charts.length_chart("Answer length against the target", rows, unit=unit)
    pace_note = (f"Shaded: comfortable {PACE_SLOW_WPM}–{PACE_FAST_WPM} wpm; orange bars are outside it."
                 if spoken else "Only spoken answers have a pace.")
    return [
        ("Pace", pace_note, pace),
        ("Filler words", f"Per 100 words; dashed line: {FILLER_TIP_PER_100:.0f}, where listeners notice them.",
         fillers),
        ("STAR coverage", "Situation, Task, Action, Result found in each story answer.", star),
        ("Length", f"In {'seconds of speech' if timed else 'words'}; shaded: the target for that question.", length),
    ]


def review_html(session: Session) -> str:
    """The session as one self-contained HTML page: summary, charts, every answer marked up, feedback."""
    mode = "spoken" if session.mode == "voice" else "typed"
    glance = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in summary_facts(session))
    figures = "".join(
        f"<figure><figcaption>{escape(title)}<small>{escape(note)}</small></figcaption>{svg}</figure>"
        for title, note, svg in session_charts(session)
    )
    turns = "".join(html_turn(t) for t in session.turns) or '<p class="skipped">No questions were answered.</p>'
    has_fillers = any(t.feedback and t.feedback.fillers.hits for t in session.turns)
    has_pauses = any(t.feedback and t.feedback.pauses for t in session.turns)
    legend = []
    if has_fillers:
        legend.append("<mark>highlighted</mark> words are fillers")
    if has_pauses:
        legend.append('a badge like <span class="pause">3.0 s</span> marks a long pause where it happened')
    title = f"Session {session.id}: {session.role}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · mockint review</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p class="sub">{escape(started(session))} · {mode} answers · {len(session.turns)} question(s)</p>
<dl class="glance">{glance}</dl>
</header>
<section><h2>How the answers went</h2><div class="charts">{figures}</div></section>
<section><h2>Questions and answers</h2>
{'<p class="legend">' + '; '.join(legend) + '.</p>' if legend else ''}
{turns}
</section>
<footer>Written by mockint on this computer; nothing here was sent anywhere.
Practise a question again: <code>mockint practice --retry {session.id}:N</code></footer>
</body>
</html>
"""


# ---- A retry beside the original -----------------------------------------------


def compare_attempts(before: Turn, after: Turn, before_title: str, after_title: str) -> Table:
    """Old and new feedback on the same question in two columns, with whether each figure got better."""
    old, new = answer_metrics(before.feedback), answer_metrics(after.feedback)
    table = Table(title=f"“{after.question.text}”", title_justify="left", show_lines=False)
    table.add_column("")
    table.add_column(before_title)
    table.add_column(after_title)
    table.add_column("")

    def show(metrics: dict | None, key: str) -> str:
        if metrics is None:
            return "skipped"
        value = metrics[key]
        if value is None:
            return "n/a"
        if key == "length":
            return VERDICTS[value]
        if key == "star_parts":
            missing = [p.capitalize() for p in STAR_PARTS if p not in value]
            return f"{len(value)}/4" + (f": no {', '.join(missing)}" if missing else "")
        if key == "fillers_per_100_words":
            return f"{value:.1f}"
        if key == "result_quantified":
            return "yes" if value else "no"
        if key == "words_per_minute":
            return f"{value:.0f} wpm"
        return f"{value:g}"

    def change(key: str) -> str:
        if old is None or new is None or old[key] is None or new[key] is None:
            return ""
        if key in ("fillers_per_100_words", "words_per_minute", "star_completeness"):
            trend = judge(key, old[key], new[key])
        elif key == "length":
            was_ok, is_ok = old[key] == "ok", new[key] == "ok"
            trend = "steady" if was_ok == is_ok else ("improving" if is_ok else "worse")
        elif key == "result_quantified":
            trend = "steady" if old[key] == new[key] else ("improving" if new[key] else "worse")
        else:
            return ""
        return {"improving": "[green]better[/]", "worse": "[red]worse[/]", "steady": "[dim]same[/]"}[trend]

    rows = [("Words", "word_count", "word_count"), ("Length", "length", "length"),
            ("Fillers / 100 words", "fillers_per_100_words", "fillers_per_100_words"),
            ("Pace", "words_per_minute", "words_per_minute"), ("STAR parts", "star_parts", "star_completeness"),
            ("Result quantified", "result_quantified", "result_quantified")]
    for label, key, judged_by in rows:
        table.add_row(label, show(old, key), show(new, key), change(judged_by))
    return table
