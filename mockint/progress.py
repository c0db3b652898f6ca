"""Progress across sessions: a few numbers per session and whether each is getting better.

Everything here is pure: sessions in, plain dicts out (the `--json` contract). A trend
compares a session with the mean of the sessions before it, not only with the previous
one, so one unusual session does not flip every arrow that follows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import mean
from typing import Literal

from mockint.domain import Feedback, Session
from mockint.feedback.thresholds import PACE_FAST_WPM, PACE_SLOW_WPM

Trend = Literal["improving", "steady", "worse"]

METRICS = ("words_per_minute", "fillers_per_100_words", "star_completeness", "too_long", "too_short")

# How big a change must be before it counts as a change, per metric (smaller is "steady").
# Rules of thumb: half a filler per 100 words is about one filler in a two-minute answer;
# a tenth of STAR is under half a part per story; 5 wpm is within a speaker's own day-to-day
# variation; a tenth of the answers is one answer in a ten-answer session.
STEADY_WITHIN = {
    "words_per_minute": 5.0,
    "fillers_per_100_words": 0.5,
    "star_completeness": 0.1,
    "too_long": 0.1,
    "too_short": 0.1,
}


def pace_distance(wpm: float) -> float:
    """How far a pace is outside the comfortable band (0 inside it): the thing to shrink."""
    return max(PACE_SLOW_WPM - wpm, wpm - PACE_FAST_WPM, 0.0)


def judge(metric: str, earlier: float, now: float) -> Trend:
    """Whether `now` is better than `earlier` for this metric, or about the same."""
    if metric == "words_per_minute":
        change = pace_distance(earlier) - pace_distance(now)  # positive: closer to the band
    elif metric == "star_completeness":
        change = now - earlier
    else:  # fillers, too long, too short: fewer is better
        change = earlier - now
    if abs(change) < STEADY_WITHIN[metric]:
        return "steady"
    return "improving" if change > 0 else "worse"


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def session_metrics(session: Session) -> dict:
    """One session's numbers: pooled pace and filler rate, mean STAR over story answers, length misses."""
    answered = [t.feedback for t in session.turns if t.feedback is not None]
    words = sum(f.word_count for f in answered)
    timed = [f for f in answered if f.duration_seconds and f.word_count]
    seconds = sum(f.duration_seconds for f in timed)
    # Pooled over the session (all words over all time), so a ten-word follow-up does not
    # weigh as much as a two-minute story.
    wpm = sum(f.word_count for f in timed) * 60 / seconds if seconds else None
    fillers = sum(f.fillers.total for f in answered) * 100 / words if words else None
    star = [f.star.completeness for f in answered if f.star.completeness is not None]
    return {
        "id": session.id,
        "date": session.started_at.isoformat(),
        "role": session.role,
        "mode": session.mode,
        "answers": len(answered),
        "words_per_minute": _round(wpm, 1),
        "fillers_per_100_words": _round(fillers, 2),
        "star_completeness": _round(mean(star), 3) if star else None,
        "too_long": sum(f.length.verdict == "too_long" for f in answered),
        "too_short": sum(f.length.verdict in ("too_short", "empty") for f in answered),
    }


def _comparable(row: dict, metric: str) -> float | None:
    """The value a trend compares: length misses as a share of the answers, the rest as they are."""
    value = row[metric]
    if metric in ("too_long", "too_short"):
        return value / row["answers"] if row["answers"] else None
    return value


def trends(rows: Sequence[dict]) -> list[dict]:
    """Each row's trend per metric against the mean of the earlier rows; None where nothing compares."""
    result = []
    for i, row in enumerate(rows):
        trend: dict[str, dict | None] = {}
        for metric in METRICS:
            now = _comparable(row, metric)
            before = [v for r in rows[:i] if (v := _comparable(r, metric)) is not None]
            if now is None or not before:
                trend[metric] = None
                continue
            earlier = mean(before)
            trend[metric] = {"trend": judge(metric, earlier, now), "delta": round(now - earlier, 3),
                             "earlier": round(earlier, 3)}
        result.append({**row, "trend": trend})
    return result


def progress_report(sessions: Sequence[Session]) -> dict:
    """The `mockint progress --json` contract: sessions oldest first, each with its metrics and trend.

    Sessions without a single answer (quit or skipped at once) have nothing to measure and are left out.
    """
    ordered = sorted(sessions, key=lambda s: (s.started_at, s.id or 0))
    rows = [m for m in map(session_metrics, ordered) if m["answers"]]
    return {"sessions": trends(rows)}


def answer_metrics(feedback: Feedback | None) -> dict | None:
    """One answer's numbers, for setting a retry beside the original."""
    if feedback is None:
        return None
    star = feedback.star
    parts = [name for name, part in star.parts() if part.present]
    return {
        "word_count": feedback.word_count,
        "length": feedback.length.verdict,
        "fillers_per_100_words": round(feedback.fillers.per_100_words, 1),
        "words_per_minute": feedback.words_per_minute,
        "star_parts": parts if star.applicable else None,
        "star_completeness": star.completeness,
        "result_quantified": feedback.result_quantified,
    }
