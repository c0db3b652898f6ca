"""One to four concrete tips, each tied to something found in the answer, most useful first."""

from __future__ import annotations

import mockint.feedback.rambling as signals
from mockint.domain import Feedback, QuestionKind
from mockint.text import shorten
from mockint.feedback.length import words_said
from mockint.feedback.thresholds import (
    FILLER_TIP_PER_100,
    MAX_TIPS,
    PACE_FAST_WPM,
    PACE_MIN_SECONDS,
    PACE_SLOW_WPM,
    PAUSE_TIP_COUNT,
    PAUSE_TIP_SECONDS,
    TIP_QUOTE_WORDS,
    WE_OVER_I_RATIO,
)

NOTHING_SAID_TIP = ("Nothing was recorded for this answer. That happens: take a breath, and when you're ready, "
                    "start with one sentence on where you were and what was going on.")


def quote(text: str) -> str:
    """A short quotation of the candidate's own words."""
    return f"\u201c{shorten(text, TIP_QUOTE_WORDS)}\u201d"


def _targets_text(fb: Feedback) -> str:
    (lo_w, hi_w), (lo_s, hi_s) = fb.length.target_words, fb.length.target_seconds
    return f"{lo_w}\u2013{hi_w} words (about {lo_s}\u2013{hi_s} seconds spoken)"


def _measured(fb: Feedback) -> str:
    if fb.duration_seconds is not None:
        return f"{words_said(fb.word_count)} in {fb.duration_seconds:.0f} seconds"
    return words_said(fb.word_count)


def length_tip(fb: Feedback, story: bool) -> str | None:
    if fb.length.verdict == "too_short":
        if not story:
            more = "Add your reasoning and one concrete example."
        elif fb.star.action.present and fb.star.result.present:
            more = "Add detail: why it mattered, how you went about it, and what changed."
        else:
            more = "There is room for the whole story: the tips below say what is missing."
        return f"Your answer was {_measured(fb)}; aim for {_targets_text(fb)}. {more}"
    if fb.length.verdict == "too_long":
        cut = ("Keep the background to one or two sentences and spend the time on what you did and the result"
               if story else "Lead with your answer in one sentence, then give the two strongest reasons")
        return f"Your answer was {_measured(fb)}; aim for {_targets_text(fb)}. {cut}."
    return None


def star_tips(fb: Feedback, action_covered: bool = False) -> list[str]:
    star, tips = fb.star, []
    if not star.applicable:
        return tips
    if not star.situation.present and not star.action.present:
        # No scene and nothing done: habits, or words too vague to be one real time.
        return ["The question asks about one specific time, and your answer doesn't tell one yet. Pick one "
                "real example and tell it: where you were, what you did, and how it ended."]
    if not star.action.present and not action_covered:
        seen = star.situation.evidence or star.task.evidence
        about = f"You set the scene ({quote(seen[0])}), but the answer" if seen else "Your answer"
        tips.append(f"{about} never says what you did. Say \u201cI\u201d and name two or three steps you took.")
    if not star.result.present:
        tips.append("Your answer never says how it ended: add the result, with a number if you have one.")
    elif not fb.result_quantified:
        tips.append(f"Your result ({quote(star.headline_quotes()['result'])}) has no number. Add one if you can: time "
                    "saved, a percentage, money, people helped.")
    if not star.situation.present:
        tips.append("Open with one or two sentences of context: where you were, when, and what was at stake.")
    if not star.task.present and star.action.present:
        tips.append("Say what you were responsible for or aiming at (\u201cMy goal was to...\u201d), so the "
                    "interviewer can judge the result against it.")
    return tips


def ownership_tip(fb: Feedback) -> str | None:
    own = fb.ownership
    mostly_we = own.we >= 1 and own.i == 0 or own.we >= 2 and own.we >= WE_OVER_I_RATIO * own.i
    if fb.star.applicable and fb.star.action.present and mostly_we:
        return (f"In what was done you said \u201cwe\u201d {times(own.we)} and \u201cI\u201d {times(own.i)}. "
                "The interviewer is hiring you: say which part you did yourself.")
    return None


def filler_tip(fb: Feedback, force: bool = False) -> str | None:
    if not force and (fb.fillers.per_100_words < FILLER_TIP_PER_100 or fb.fillers.total < 3):
        return None
    top = ", ".join(f"\u201c{name}\u201d \u00d7{n}" for name, n in list(fb.fillers.counts.items())[:3])
    return (f"You used {fb.fillers.total} filler words ({top}), about {fb.fillers.per_100_words:.0f} per 100 words. "
            "A short silent pause sounds more confident than a filler.")


def rambling_tip(fb: Feedback) -> tuple[str | None, str | None]:
    """The tip for the main reason the answer rambles, and which other tip it already covers."""
    fired = fb.rambling.signals
    if not fb.rambling.is_rambling:
        return None, None
    if signals.DRIFT in fired:
        where = f"From {quote(fb.rambling.drifted_from)}, your answer" if fb.rambling.drifted_from else "Part of your answer"
        return (f"{where} moved away from the question. Before you answer, pick the one story or "
                "point that answers it, and leave out everything that doesn't serve it."), None
    if signals.STORY_HOPS in fired:
        return ("You started more than one story. Pick the one that best answers the question and tell it to the "
                "end: where you were, what you did, and how it turned out."), None
    if signals.REPETITION in fired:
        return "You make the same point several times. Say it once, clearly, then move on to the next step.", None
    if signals.LATE_ACTION in fired:
        seen = fb.star.situation.evidence
        start = f" after {quote(seen[0])}" if seen else ""
        return (f"Most of your answer is background{start}. Get to what you did within the first third: "
                "say \u201cI\u201d and name the steps you took."), "action"
    if signals.FILLERS in fired:
        return (filler_tip(fb, force=True) or "") + " Slow down: the fillers are burying your point.", "fillers"
    return "Your answer loses its thread. Give it a clear shape: the point, one example, and how it ended.", None


def on_question_tip(fb: Feedback) -> str | None:
    """The tip for an answer that addressed something other than what was asked."""
    if fb.on_question is None or fb.on_question.addressed:
        return None
    unmentioned = fb.on_question.never_mentioned()
    gap = f"your answer never mentions {unmentioned}" if unmentioned else "your answer doesn't get to that"
    if fb.on_question.closer_to:
        gap = f"your answer sounds more like one for an earlier question, {quote(fb.on_question.closer_to)}"
    return (f"The question asked about {quote(fb.on_question.missed or '')}, and {gap}. "
            "Start with one sentence that answers it directly, then give your example.")


def talking_points_tip(fb: Feedback) -> str | None:
    """The points a strong answer covers that the answer's own words did not show."""
    missing = [p.point for p in fb.talking_points if not p.covered]
    if not missing:
        return None
    listed = "; ".join(f"\u201c{p}\u201d" for p in missing[:3])
    return f"A strong answer here also makes these points; say them in so many words: {listed}."


def pace_tips(fb: Feedback) -> list[str]:
    tips = []
    wpm, seconds = fb.words_per_minute, fb.duration_seconds
    if wpm is not None and seconds is not None and seconds >= PACE_MIN_SECONDS:
        if wpm > PACE_FAST_WPM:
            tips.append(f"You spoke at about {wpm:.0f} words a minute; around {PACE_SLOW_WPM + 20}\u2013"
                        f"{PACE_FAST_WPM - 10} is easier to follow. Slow down a little and let key numbers land.")
        elif wpm < PACE_SLOW_WPM:
            tips.append(f"You spoke at about {wpm:.0f} words a minute, which can sound hesitant; aim for "
                        f"{PACE_SLOW_WPM + 20}\u2013{PACE_FAST_WPM - 10}. Rehearsing the outline helps.")
    longest = max(fb.pauses, key=lambda p: p.seconds, default=None)
    if longest and (longest.seconds >= PAUSE_TIP_SECONDS or len(fb.pauses) >= PAUSE_TIP_COUNT):
        tips.append(f"You paused for {longest.seconds:.1f} seconds after \u201c{longest.after_word}\u201d. A pause to "
                    "think is fine; if you need time, say \u201cLet me think about the best example\u201d.")
    return tips


def situational_tip(fb: Feedback, kind: QuestionKind | None) -> str | None:
    if kind == QuestionKind.situational and signals.NO_ANSWER in fb.rambling.signals:
        return "Say plainly what you would do first, then next, and why: the question asks for your approach."
    return None


def praise(fb: Feedback, story: bool) -> str:
    if story:
        return ("Strong answer: clear context, what you did, and how it ended. Keep this shape, and keep the "
                "numbers in.")
    return "Clear, well-sized answer that stays on the question. Keep it that way."


def choose_tips(fb: Feedback, kind: QuestionKind | None) -> list[str]:
    """The tips for this feedback, most useful first, one to four of them."""
    story = fb.star.applicable
    ramble, covered = rambling_tip(fb)
    candidates = [on_question_tip(fb), length_tip(fb, story), ramble, *star_tips(fb, action_covered=covered == "action"),
                  situational_tip(fb, kind), talking_points_tip(fb), ownership_tip(fb),
                  None if covered == "fillers" else filler_tip(fb), *pace_tips(fb)]
    tips = [t for t in candidates if t]
    return tips[:MAX_TIPS] or [praise(fb, story)]


def times(n: int) -> str:
    """"once", "twice", "3 times": counts read as a person would say them."""
    return {0: "not once", 1: "once", 2: "twice"}.get(n, f"{n} times")
