"""analyze(): every signal on one answer, put together as a Feedback.

Which kind of question was asked decides the length target and whether STAR applies.
The caller's `kind` wins; else the question's wording is classified; else (no question
at all, or wording that says nothing) STAR applies only if the answer itself tells a
past story with the candidate acting in it, and the behavioral length target is used.
STAR also applies when the question's writer says it asks for one past event (a first-round
probe asking for an example), or when its wording asks for one whatever its kind ("Tell me
about the last time you...", filed as technical); a first-round probe asking for a fact does not.
"""

from __future__ import annotations

from mockint.domain import Feedback, LengthFeedback, QuestionKind, Transcript
from mockint.errors import UserError
from mockint.feedback.classify import classify_question, expects_story
from mockint.feedback.fillers import find_fillers, summarize_fillers
from mockint.feedback.learned_on_question import judge_on_question_learned
from mockint.feedback.length import judge_length, targets
from mockint.feedback.meaning import SentenceEncoder, shared_encoder
from mockint.feedback.narrative import describes_practice
from mockint.feedback.on_question import judge_on_question
from mockint.feedback.pace import find_pauses, speaking_seconds, words_per_minute
from mockint.feedback.rambling import Facts, judge_rambling
from mockint.feedback.star import count_ownership, is_quantified, judge_star, read_units, tells_story
from mockint.feedback.talking_points import cover_points
from mockint.feedback.thresholds import MAX_ANSWER_WORDS, MEANING_MAX_WORDS
from mockint.text import split_sentences, word_count
from mockint.feedback.tips import NOTHING_SAID_TIP, choose_tips


class AnswerTooLong(UserError):
    """An answer beyond the length the analyzer is built and measured for."""


def resolve_kind(question: str | None, kind: QuestionKind | None) -> QuestionKind | None:
    """The kind to judge by: given, else classified from the question, else unknown."""
    return kind if kind is not None else classify_question(question)


def analyze(transcript: Transcript, question: str | None = None, kind: QuestionKind | None = None,
            talking_points: list[str] | None = None, encoder: SentenceEncoder | None | bool = True,
            earlier_questions: list[str] | None = None, story: bool | None = None) -> Feedback:
    """Feedback on one answer, typed (no word timings) or spoken (with them); `talking_points` are
    the points a strong answer to the question covers (Question.talking_points). `encoder` is the
    sentence model that reads meaning: which talking points were said in other words, and with the
    learned models which STAR parts a clause tells and whether the answer rambles. True (the default)
    uses the shared model when it is installed; None or False, the word cues and rules alone.
    `earlier_questions`: the questions asked before this one in the session; an answer closer to
    one of them than to this one is likely the answer prepared for it. `story`: whether the question
    asks for one past event (Question.story), when its writer said; else the kind and wording decide."""
    text = transcript.text or ""
    kind = resolve_kind(question, kind)
    seconds = speaking_seconds(transcript)
    count = word_count(text)
    if count == 0:
        return nothing_said(text, seconds, kind, bool(expects_story(question, kind, story)))
    if count > MAX_ANSWER_WORDS:
        raise AnswerTooLong(f"This answer has {count:,} words; mockint analyses up to {MAX_ANSWER_WORDS:,} "
                            "(about 15 hours of speech). Split the transcript into answers and analyse each.")

    hits = find_fillers(text, transcript.words)
    fillers = summarize_fillers(hits, count)
    length = judge_length(count, seconds, kind)
    sentences = split_sentences(text)
    units = read_units(text, hits, sentences)
    wanted = expects_story(question, kind, story)
    applicable = wanted if wanted is not None else tells_story(units)
    meaning = shared_encoder() if encoder is True else (encoder or None)
    if count > MEANING_MAX_WORDS:
        meaning = None  # tens of seconds of encoding, on answers far longer than the models know
    # Whether a story was told at all, for "did it answer the question", is the rules' call: that check
    # was set on their cues, and the learned parts told a vague nine-word answer it described habits.
    rules_star = judge_star(units, applicable)
    star = judge_star(units, applicable, meaning) if meaning is not None else rules_star
    rambling = judge_rambling(Facts(text=text, sentences=sentences, units=units, fillers=fillers,
                                    star=star, kind=kind, word_count=count, too_long=length.verdict == "too_long",
                                    question=question), meaning)
    quantified = any(is_quantified(s) for s in star.result.evidence)
    on_question = judge_on_question(question, text, rules_star, describes_practice([u.words for u in units]))
    feedback = Feedback(
        word_count=count,
        duration_seconds=seconds,
        words_per_minute=words_per_minute(count, seconds) if transcript.words or seconds else None,
        transcript=text,
        length=length,
        fillers=fillers,
        pauses=find_pauses(transcript.words),
        rambling=rambling,
        star=star,
        ownership=count_ownership(units, story=applicable),
        result_quantified=quantified,
        # A follow-up quotes the candidate back and is answered inside the earlier question's story: "did it answer
        # the question" would read its quote as the question, and the answer as one for the question before.
        on_question=None if kind == QuestionKind.follow_up else judge_on_question_learned(
            question, text, sentences, on_question, meaning, earlier_questions),
        talking_points=cover_points(talking_points or [], sentences, meaning),
    )
    feedback.tips = choose_tips(feedback, kind)
    return feedback


def nothing_said(text: str, seconds: float | None, kind: QuestionKind | None, story: bool) -> Feedback:
    """The Feedback for an empty answer: it says so, kindly, and nothing else."""
    target_words, target_seconds = targets(kind)
    return Feedback(
        transcript=text,
        duration_seconds=seconds,
        nothing_said=True,
        length=LengthFeedback(verdict="empty", word_count=0, seconds=seconds, target_words=target_words,
                              target_seconds=target_seconds),
        star=judge_star([], story),
        tips=[NOTHING_SAID_TIP],
    )
