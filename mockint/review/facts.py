"""What every review format shares: names for turns and question kinds, and the feedback as plain facts.

The terminal, Markdown and HTML renderers only lay these out; the words themselves
(a turn's label, how a length verdict is said) are chosen here once.
"""

from __future__ import annotations

from collections.abc import Iterator

from mockint.domain import KIND_NAMES, STAR_PARTS, Feedback, Session, Turn
from mockint.feedback.thresholds import PACE_FAST_WPM, PACE_MIN_SECONDS, PACE_SLOW_WPM
from mockint.progress import session_metrics

# The length verdict (LengthFeedback.verdict) in the words every format shows the candidate.
# What the review says when the on-question check raised nothing. Not "answered": on the blind pairs the check catches
# fewer than half of the answers that drift to another question (tests/data/feedback_eval/README.md), so its silence
# is no verdict.
ON_QUESTION_UNFLAGGED = "no drift from it noticed"
LENGTH_WORDS = {"ok": "on target", "too_short": "too short", "too_long": "too long", "empty": "nothing said"}


def turn_label(turn: Turn) -> str:
    """How a turn is named everywhere: its number is the one `practice --retry SESSION:TURN` takes."""
    if turn.follow_up_of is not None:
        return f"Question {turn.index + 1} · follow-up to {turn.follow_up_of + 1}"
    return f"Question {turn.index + 1}"


def short_label(turn: Turn) -> str:
    """The label of a turn on a chart axis."""
    return f"Q{turn.index + 1}" + ("↳" if turn.follow_up_of is not None else "")


def started(session: Session) -> str:
    """When the session started, in local time to the minute."""
    return session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")


def answer_mode(session: Session) -> str:
    """How the answers were given: "spoken" or "typed"."""
    return "spoken" if session.mode == "voice" else "typed"


def question_meta(turn: Turn) -> list[tuple[str, str]]:
    """(label, value) lines describing a question: its kind, competency, why it is asked and which model wrote it."""
    q = turn.question
    meta = [("Kind", KIND_NAMES[q.kind])]
    if q.competency:
        meta.append(("Competency", q.competency))
    if q.reason:
        meta.append(("Why it is asked", q.reason))
    if q.model:
        meta.append(("Written by", q.model))
    return meta


def seconds_label(seconds: float) -> str:
    """A duration as the review shows it: "3.2 s"."""
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
    rows = [("Length", f"{LENGTH_WORDS[length.verdict]}: {size}")]
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
    if fb.on_question is not None:
        rows.append(("Question", ON_QUESTION_UNFLAGGED if fb.on_question.addressed
                      else f"not answered: “{fb.on_question.missed or 'the question asked'}”"
                      + (f" (no mention of {fb.on_question.never_mentioned()})" if fb.on_question.unmentioned else "")))
    return rows


def point_rows(fb: Feedback) -> Iterator[tuple[str, bool, str]]:
    """(talking point, covered, the sentence that covered it) for each of the question's talking points."""
    for point in fb.talking_points:
        yield point.point, point.covered, point.sentence or ""


def humanise(signal: str) -> str:
    """A rambling signal as words ("run_on" -> "run on")."""
    return signal.replace("_", " ")


def star_rows(fb: Feedback) -> Iterator[tuple[str, bool, list[str]]]:
    """(part name, present, evidence sentences) for each STAR part, when STAR applies."""
    if not fb.star.applicable:
        return
    for name, part in fb.star.parts():
        yield name.capitalize(), part.present, part.evidence


def length_misses(too_long: int, too_short: int) -> str:
    """"1 too long, 2 too short", or "all on target"."""
    counted = ((too_long, LENGTH_WORDS["too_long"]), (too_short, LENGTH_WORDS["too_short"]))
    return ", ".join(f"{n} {words}" for n, words in counted if n) or f"all {LENGTH_WORDS['ok']}"


def summary_facts(session: Session) -> list[tuple[str, str]]:
    """The session at a glance (short values), from the same numbers `mockint progress` uses."""
    m = session_metrics(session)
    skipped = sum(t.skipped for t in session.turns)
    facts = [("Answered", f"{m['answers']} of {len(session.turns)}" + (f" ({skipped} skipped)" if skipped else ""))]
    if session.retry_of is not None:
        facts.insert(0, ("Retry of", f"session {session.retry_of.session_id}, question {session.retry_of.question}"))
    if m["words_per_minute"] is not None:
        facts.append(("Pace", f"{m['words_per_minute']:.0f} wpm"))
    if m["fillers_per_100_words"] is not None:
        facts.append(("Fillers", f"{m['fillers_per_100_words']:.1f} per 100 words"))
    if m["star_completeness"] is not None:
        facts.append(("STAR (stories)", f"{m['star_completeness']:.0%} complete"))
    if m["answers"]:
        facts.append(("Length", length_misses(m["too_long"], m["too_short"])))
    return facts


def feedback_headline(fb: Feedback) -> str:
    """One short line summing up the feedback, for session summaries."""
    parts = [LENGTH_WORDS[fb.length.verdict]]
    if fb.nothing_said:
        return parts[0]
    if fb.words_per_minute is not None and (fb.duration_seconds or 0) >= PACE_MIN_SECONDS:
        parts.append(f"{fb.words_per_minute:.0f} wpm")
    parts.append(f"{fb.fillers.total} filler{'s' if fb.fillers.total != 1 else ''}")
    if fb.star.applicable:
        missing = fb.star.missing()
        done = len(STAR_PARTS) - len(missing)
        parts.append(f"STAR {done}/{len(STAR_PARTS)}" + (f" (no {missing[0]})" if len(missing) == 1 else ""))
    if fb.rambling.is_rambling:
        parts.append("rambling")
    return " \u00b7 ".join(parts)
