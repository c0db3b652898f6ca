"""Speaking time, pace, long pauses and the length verdict."""

import math

import pytest

from mockint.domain import QuestionKind, Transcript, Word
from mockint.feedback import analyze
from mockint.feedback.length import judge_length
from mockint.feedback.pace import find_pauses, speaking_seconds, words_per_minute
from mockint.review.terminal import length_line


def timed(*spec: tuple[str, float, float]) -> list[Word]:
    return [Word(text=t, start=s, end=e) for t, s, e in spec]


def test_gaps_over_two_seconds_are_pauses_placed_after_their_word():
    words = timed((" We", 0.0, 0.2), (" shipped", 0.2, 0.6), (" it.", 0.6, 0.8), (" Then", 3.5, 3.7),
                  (" we", 3.7, 3.8), (" waited.", 5.7, 6.0))
    pauses = find_pauses(words)
    assert [(p.after_word, p.seconds, p.start, p.end) for p in pauses] == [("it", 2.7, 0.8, 3.5)]


def test_a_word_whisper_stretched_over_a_silence_still_shows_the_pause():
    # Measured with tiny.en: "work." ran from 2.88 s to 6.14 s, over a 3.5 s silence.
    words = timed((" at", 2.66, 2.88), (" work.", 2.88, 6.14), (" Um,", 6.6, 7.02))
    [pause] = find_pauses(words)
    assert pause.after_word == "work"
    assert 2.5 < pause.seconds < 3.8


def test_broken_timings_are_skipped_not_fatal():
    words = [Word(text="a", start=math.nan, end=1.0), Word(text="b", start=5.0, end=math.inf),
             Word(text="c", start=9.0, end=9.2)]
    assert find_pauses(words) == []


def test_speaking_time_is_first_to_last_word_and_pace_is_words_per_minute():
    transcript = Transcript(text="one two three", words=timed(("one", 1.0, 1.5), ("two", 1.5, 2.0),
                                                               ("three", 2.0, 3.0)))
    assert speaking_seconds(transcript) == 2.0
    assert words_per_minute(3, 2.0) == 90.0
    assert speaking_seconds(Transcript(text="typed")) is None
    assert words_per_minute(3, None) is None


def test_typed_answers_have_no_pace_and_no_pauses_but_spoken_ones_do():
    typed = analyze(Transcript(text="I fixed the build. It now takes two minutes."))
    assert (typed.duration_seconds, typed.words_per_minute, typed.pauses) == (None, None, [])
    words = timed(("I", 0.0, 0.2), ("fixed", 0.2, 0.5), ("it.", 0.5, 0.8), ("Now", 4.0, 4.2), ("fast.", 4.2, 4.6))
    spoken = analyze(Transcript(text="I fixed it. Now fast.", words=words, duration_seconds=4.6))
    assert spoken.duration_seconds == 4.6
    assert spoken.words_per_minute == pytest.approx(5 * 60 / 4.6, abs=0.1)
    assert [p.after_word for p in spoken.pauses] == ["it"]


@pytest.mark.parametrize("words, verdict", [(0, "empty"), (49, "too_short"), (50, "ok"), (300, "ok"),
                                            (301, "too_long")])
def test_behavioral_word_targets_follow_the_issue(words, verdict):
    assert judge_length(words, None, QuestionKind.behavioral).verdict == verdict


@pytest.mark.parametrize("seconds, verdict", [(24.9, "too_short"), (25, "ok"), (150, "ok"), (150.5, "too_long")])
def test_spoken_answers_are_judged_on_speaking_time(seconds, verdict):
    # 40 words is short on paper, but what the interviewer lives through is the time.
    assert judge_length(40 if seconds >= 25 else 400, seconds, QuestionKind.behavioral).verdict == verdict


def test_other_kinds_have_their_own_targets_and_report_them():
    culture = judge_length(30, None, QuestionKind.culture)
    assert (culture.verdict, culture.target_words) == ("ok", (25, 200))
    assert judge_length(30, None, QuestionKind.behavioral).verdict == "too_short"
    assert judge_length(12, None, QuestionKind.follow_up).verdict == "ok"
    assert judge_length(30, None, None).target_words == (50, 300)  # unknown kind: the behavioral target


def test_a_one_word_answer_is_told_it_was_one_word_not_one_words():
    # Seen on a new user's try: "Your answer was 1 words".
    fb = analyze(Transcript(text="Yes."), question="Tell me about a time you disagreed with a manager.",
                 kind=QuestionKind.behavioral)
    assert any(tip.startswith("Your answer was 1 word;") for tip in fb.tips)
    assert length_line(fb).plain.count("1 word ") == 1 and "1 words" not in length_line(fb).plain
