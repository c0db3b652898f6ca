"""Rambling: several signs that an answer loses its thread, never length alone.

Each signal is a pure function of facts already found (sentences, STAR clauses,
fillers). An answer rambles when the signals that fire weigh at least
RAMBLING_MIN_SCORE, so one sign alone (many fillers in a short answer, one long
sentence in a typed answer, a missing result) is never enough; and an answer shorter
than RAMBLING_MIN_WORDS never rambles, however disfluent it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mockint.domain import FillerFeedback, QuestionKind, RamblingFeedback, StarFeedback
from mockint.feedback.learned_rambling import drift_start, rambling_probability
from mockint.feedback.star import Unit
from mockint.text import Sentence, stem
from mockint.feedback.thresholds import (
    CAREER_DRIFT_STEPS,
    COMMENTARY_MIN_CLAUSES,
    COMMENTARY_SHARE,
    FILLER_HEAVY_PER_100,
    LATE_ACTION_SHARE,
    NO_EXAMPLE_WORDS,
    RAMBLING_MIN_SCORE,
    RAMBLING_MIN_WORDS,
    RAMBLING_STORY_MIN_WORDS,
    REPETITION_MIN_CONTENT_WORDS,
    REPETITION_SHARE,
    REPETITION_STRONG_SHARE,
    RUN_ON_WORDS,
    TRAILING_WORDS,
)

if TYPE_CHECKING:
    from mockint.feedback.meaning import SentenceEncoder

# Names of the signals, as listed in the feedback.
DRIFT = "drifts from the question"
REPETITION = "repeats itself"
RUN_ON = "run-on sentences"
FILLERS = "filler-heavy"
NO_CONCLUSION = "no clear ending"
STORY_HOPS = "jumps between stories"
LATE_ACTION = "never gets to what you did"
NO_ANSWER = "never says what you would do"
TOO_LONG = "over the time"
SIGNALS = (DRIFT, REPETITION, RUN_ON, FILLERS, NO_CONCLUSION, STORY_HOPS, LATE_ACTION, NO_ANSWER, TOO_LONG)

STOPWORDS = set("""
a an the and or but so then than that this these those there here it its it's is are was were be been being am
i me my mine we us our ours you your yours he him his she her hers they them their theirs what which who whom whose
when where why how all any both each few more most other some such no nor not only own same too very s t can will
just don don't should now of at by for with about against between into through during before after above below to
from up down in out on off over under again further once also had has have having do does did doing would could
might must shall may i'm i've i'd we're we've we'd it's that's there's didn't wasn't don't isn't aren't weren't
like know mean really think kind sort basically actually literally well yeah yes okay ok one get got go went make
made lot lots thing things way much many even still because if as while until
""".split())
DIGRESSION = re.compile(
    r"((^|[.!?,;:]\s*|\b(but|and|so) )(anyway|anyhow)\b|\b(another story|by the way|side note|long story short|"
    r"going back to|where was i|i digress|off topic|tangent|that reminds me|speaking of|getting off track|"
    r"back to the question|funnily enough|fun fact|but i'm rambling|i'm rambling|to make a long story short)\b)"
)
# Moving from one story to the next instead of telling one to its end: "I've had a few of
# those", "then there was...", "that's probably a better example", "that's a whole other story".
HOPS = re.compile(
    r"\b(then there was|there was also|and another (one|time)|another (example|time|one) (was|when|that)|"
    r"(a|the|probably a) (better|other|different) example|(the )?first one that comes to mind|hard to pick( just)? one|"
    r"(i've|we've|i have|we have) had (quite )?(a few|a lot|lots|loads|several|plenty|many)( of (those|them|these))?|"
    r"that's a whole (other )?story|but that's another|on another occasion|(a|one) second (example|story|time)|"
    r"(another|one more) (example|story|occasion)|something similar (happened|at)|a similar (thing|situation|story) "
    r"(happened|at|when)|there was (this|another) other time)\b"
)
# A step of the speaker's career rather than of the story: "I started as an apprentice",
# "then I did my Gas Safe", "I got put forward for the programme". A story answer that
# recites several has drifted from the question into a CV, whatever words it uses.
CAREER_STEP = re.compile(
    r"\b(i|we) (started|worked|joined|moved|qualified|trained|became) (out |off )?(as|at|for|in|on|with|to|from|"
    r"there|my|our|a|an)\b|\bi did my (\w+ ){0,3}(course|degree|training|qualification|apprenticeship|level|nvq|"
    r"diploma|certificate|exams?|gas safe|ilm)|\bi (went|set up) on my own\b|\b(got|was) (put forward|promoted)\b|"
    r"\bi've been doing (this|it)\b|\bbefore (that|this) i (was|worked)\b|"
    r"\bwhen i was (\w+-)?(sixteen|seventeen|eighteen|nineteen|twenty|\d\d)\b"
)
TRAILING = re.compile(
    r"(\b(and|but|so|or|because|then|the|a|to|with)\W*$|\b(so|and) (yeah|yes)\W*$|\byeah\W*$|"
    r"\b(i don't know|or something|and stuff|and so on|i guess|that's it|that was (basically )?it|you know|anyway)"
    r"\W*$)"
)
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "i'm", "i've", "i'd", "we're", "we've", "we'd", "myself"}
PRESENT = {"is", "are", "has", "have", "takes", "take", "makes", "make", "matters", "means", "goes", "gets",
           "seems", "feels", "depends", "does", "do", "loves", "teaches", "says", "can", "needs", "isn't", "aren't"}
WOULD = re.compile(r"\b(i|we) (would|will|'d|'ll)\b|\b(i'd|we'd|i'll|we'll)\b|\b(first|then|next),? (i|we)\b|"
                   r"\b(i|we) (need|have|want) to\b|\bmy first (step|move|priority)\b")


@dataclass(frozen=True)
class Facts:
    """What the rambling signals look at, already computed by the other signals."""

    text: str
    sentences: list[Sentence]
    units: list[Unit]
    fillers: FillerFeedback
    star: StarFeedback
    kind: QuestionKind | None
    word_count: int
    too_long: bool
    question: str | None


def repetition_share(units: list[Unit]) -> float:
    """Share of content words that repeat a word already said twice (stemmed crudely)."""
    words = [stem(w) for u in units for w in u.words if w.isalpha() and w not in STOPWORDS and len(w) > 2]
    if len(words) < REPETITION_MIN_CONTENT_WORDS:
        return 0.0
    counts = Counter(words)
    return sum(max(0, c - 2) for c in counts.values()) / len(words)


def commentary_share(units: list[Unit]) -> float:
    """Share of clauses that are general remarks: present tense, nobody in the story acting.

    In an answer that should be about what the candidate did (a story) or what drives
    them, a run of remarks about the world ("fashion is a different world", "doctors
    are very busy") is the mark of drifting away from the question.
    """
    if len(units) < COMMENTARY_MIN_CLAUSES:
        return 0.0
    remarks = 0
    for unit in units:
        words = set(unit.words)
        if not words & FIRST_PERSON and words & PRESENT and not unit.past:
            remarks += 1
    return remarks / len(units)


def career_steps(units: list[Unit]) -> int:
    """Clauses that tell a step of the speaker's career ("I started as an apprentice")."""
    return sum(1 for unit in units if CAREER_STEP.search(unit.joined))


def longest_sentence(sentences: list[Sentence]) -> int:
    """Words in the longest sentence."""
    return max((len(s.tokens) for s in sentences), default=0)


def first_action_position(units: list[Unit]) -> float | None:
    """Where the first thing the candidate did appears (0-1), or None if never."""
    return next((u.position for u in units if u.action), None)


def trails_off(text: str) -> bool:
    """The answer stops mid-sentence or fades out ("so yeah", "and...", "I don't know")."""
    tail = " ".join(text.lower().split()[-TRAILING_WORDS:])
    return bool(TRAILING.search(tail.rstrip(".!?… ")) or TRAILING.search(tail))


def judge_rambling(facts: Facts, encoder: SentenceEncoder | None = None) -> RamblingFeedback:
    """Which rambling signals fire, their measurements, and the verdict: the rules' weighing of
    the signals, or with the sentence model (`encoder`) the learned one (learned_rambling.py)."""
    verdict = weigh_signals(facts)
    learned = rambling_probability(facts, verdict, SIGNALS, encoder)
    if learned is None or facts.word_count < RAMBLING_MIN_WORDS:
        return verdict
    chance, threshold = learned
    verdict.details["learned_probability"] = round(chance, 3)
    verdict.is_rambling = chance >= threshold
    story_under_way = first_step_sentence(facts)
    if verdict.is_rambling and encoder is not None and story_under_way is not None:
        sentences = [s.text for s in facts.sentences]
        start = drift_start(sentences, facts.question, encoder, after=story_under_way)
        if start is not None:  # drift in meaning, with no digression word: say where it began
            verdict.drifted_from = sentences[start]
            if DRIFT not in verdict.signals:
                verdict.signals.insert(0, DRIFT)
    return verdict


def first_step_sentence(facts: Facts) -> int | None:
    """Where drift can begin: in a story, after the sentence of its first step or outcome (what comes
    before is its setting, however far from the question's words), None if it has none; else anywhere."""
    if not facts.star.applicable:
        return 0
    starts = [s.start for s in facts.sentences]
    for unit in facts.units:
        if unit.parts & {"action", "result"}:
            return starts.index(unit.sentence.start) if unit.sentence.start in starts else None
    return None


def weigh_signals(facts: Facts) -> RamblingFeedback:
    """Which rambling signals fire, their weights and measurements, and the rules' verdict."""
    units = facts.units
    details: dict[str, float] = {}
    weights: dict[str, int] = {}

    share = repetition_share(units)
    details["repetition_share"] = round(share, 3)
    if share >= REPETITION_SHARE:
        weights[REPETITION] = 2 if share >= REPETITION_STRONG_SHARE else 1

    longest = longest_sentence(facts.sentences)
    details["longest_sentence_words"] = float(longest)
    if longest > RUN_ON_WORDS:
        weights[RUN_ON] = 1

    details["fillers_per_100_words"] = facts.fillers.per_100_words
    if facts.fillers.per_100_words >= FILLER_HEAVY_PER_100:
        weights[FILLERS] = 1

    digressions = sum(1 for _ in DIGRESSION.finditer(facts.text.lower()))
    remarks = commentary_share(units) if facts.kind not in {QuestionKind.technical} else 0.0
    details["digressions"] = float(digressions)
    details["commentary_share"] = round(remarks, 3)
    if digressions or remarks >= COMMENTARY_SHARE:
        weights[DRIFT] = 1
    career = career_steps(units) if facts.star.applicable else 0
    details["career_steps"] = float(career)
    if career >= CAREER_DRIFT_STEPS:
        weights[DRIFT] = 2  # the story has turned into a CV: a clear departure on its own

    hops = {m.group(0) for m in HOPS.finditer(facts.text.lower().replace("\u2019", "'"))}
    details["story_hops"] = float(len(hops))
    if hops:
        weights[STORY_HOPS] = 2 if len(hops) >= 2 else 1

    # The STAR-based signals need a story under way: a generic answer ("I always try to...")
    # is vague, not rambling.
    star = facts.star
    telling = star.applicable and (star.situation.present or star.action.present)
    faded = trails_off(facts.text)
    details["trails_off"] = float(faded)
    if faded or (telling and not star.result.present and facts.word_count >= RAMBLING_STORY_MIN_WORDS):
        weights[NO_CONCLUSION] = 1
    if star.applicable and star.situation.present and facts.word_count >= RAMBLING_STORY_MIN_WORDS:
        position = first_action_position(units)
        details["first_action_at"] = round(position, 2) if position is not None else -1.0
        if position is None or position > LATE_ACTION_SHARE:
            weights[LATE_ACTION] = 1
    elif star.applicable and not star.action.present and facts.word_count >= NO_EXAMPLE_WORDS:
        weights[LATE_ACTION] = 2  # asked for a story, talks around one at length and never tells it
    if facts.kind == QuestionKind.situational and not WOULD.search(" ".join(w for u in units for w in u.words)):
        weights[NO_ANSWER] = 1
    if facts.too_long:
        weights[TOO_LONG] = 1

    score = sum(weights.values())
    details["score"] = float(score)
    eligible = facts.word_count >= RAMBLING_MIN_WORDS
    return RamblingFeedback(is_rambling=eligible and score >= RAMBLING_MIN_SCORE,
                            signals=list(weights) if eligible else [], details=details)
