"""Property-based: analyze never fails, whatever the text and the word timings."""

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from mockint.domain import Feedback, QuestionKind, Transcript, Word
from mockint.feedback import analyze
from mockint.review import feedback_headline, render_feedback

# Text with the characters answers are made of: letters, fillers, punctuation, digits, any Unicode.
WORDY = st.text(alphabet=st.sampled_from(list("abcdehilmnorstuwy AEIUHMRS.,?!;:'-\n0123456789%$")), max_size=400)
FILLERISH = st.lists(st.sampled_from(["Umm,", "uh", "like,", "you know,", "so", "I", "we", "was", "fixed",
                                      "last", "year", "and", "Right?", "Well,", "kind", "of", "the", "result",
                                      "ER", "err", "on", ".", "...", "20%", "saved", "now", "\u2014"]),
                     max_size=120).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), WORDY, FILLERISH)
ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)
WORDS = st.lists(st.builds(Word, text=st.text(max_size=12), start=ANY_FLOAT, end=ANY_FLOAT,
                           probability=st.floats(0, 1)), max_size=40)
KINDS = st.one_of(st.none(), st.sampled_from(list(QuestionKind)))


def check(fb: Feedback, text: str) -> None:
    """What must hold for any answer at all."""
    data = json.loads(json.dumps(fb.model_dump(mode="json"), allow_nan=False))  # valid JSON: no NaN or inf
    assert Feedback.model_validate(data) == fb
    assert 1 <= len(fb.tips) <= 4
    assert fb.fillers.total == fb.fillers.hard + fb.fillers.soft == len(fb.fillers.hits)
    assert sum(fb.fillers.counts.values()) == fb.fillers.total
    for hit in fb.fillers.hits:
        assert 0 <= hit.start_char < hit.end_char <= len(text)
    assert fb.nothing_said == (fb.word_count == 0) == (fb.length.verdict == "empty")
    if not fb.star.applicable:
        assert not any(p.present for p in (fb.star.situation, fb.star.task, fb.star.action, fb.star.result))
    for part in (fb.star.situation, fb.star.task, fb.star.action, fb.star.result):
        assert part.present == bool(part.evidence)
    if fb.words_per_minute is not None:
        assert fb.words_per_minute >= 0 and fb.duration_seconds
    for pause in fb.pauses:
        assert pause.seconds > 2.0
    console = Console(file=io.StringIO(), width=80)
    console.print(render_feedback(fb))
    assert isinstance(feedback_headline(fb), str)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, question=st.one_of(st.none(), st.text(max_size=80)), kind=KINDS)
def test_any_typed_text_gives_valid_feedback(text, question, kind):
    fb = analyze(Transcript(text=text), question=question, kind=kind)
    check(fb, text)
    assert fb.duration_seconds is None and fb.words_per_minute is None and fb.pauses == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, words=WORDS, duration=st.one_of(st.none(), ANY_FLOAT), kind=KINDS)
def test_any_word_timings_give_valid_feedback(text, words, duration, kind):
    fb = analyze(Transcript(text=text, words=words, duration_seconds=duration), kind=kind)
    check(fb, text)


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(["Um,", "I", "fixed", "it.", "uh", "Then", "we", "shipped."]),
                                st.floats(0, 5), st.floats(0, 5)), min_size=1, max_size=30))
def test_sane_timings_give_a_positive_speaking_time_and_pace(words):
    timed, clock = [], 0.0
    for text, gap, length in words:
        start = clock + gap
        timed.append(Word(text=text, start=start, end=start + length))
        clock = start + length
    transcript = Transcript(text=" ".join(w.text for w in timed), words=timed,
                            duration_seconds=timed[-1].end - timed[0].start or None)
    fb = analyze(transcript)
    check(fb, transcript.text)
    if fb.duration_seconds:
        assert fb.words_per_minute == round(fb.word_count * 60 / fb.duration_seconds, 1)


def test_empty_and_blank_answers_say_nothing_was_said_with_one_kind_tip():
    for text in ["", "   ", "\n\t ", "...", "?!"]:
        fb = analyze(Transcript(text=text), question="Tell me about a time you failed.")
        assert fb.nothing_said and fb.length.verdict == "empty" and fb.word_count == 0
        assert len(fb.tips) == 1 and "Nothing was recorded" in fb.tips[0]
