"""The end of a spoken answer: how the transcript ends and how much silence that needs (pure)."""

from dataclasses import replace

import numpy as np
import pytest

from mockint.speech.collector import AnswerCollector
from mockint.speech.turn import ExpectedAnswer, TurnRules, is_fragment, required_silence, text_ending

RULES = TurnRules()


@pytest.mark.parametrize(
    "text, ending",
    [
        ("We cut the outages to zero.", "finished"),
        ("I did that. Customers noticed at once!", "finished"),
        ("Could you repeat the question?", "finished"),
        ("We grew sales by 20%.", "finished"),
        ("I led the migration and", "unfinished"),
        ("I led the migration and.", "unfinished"),  # Whisper's full stop where the speaker paused
        ("The hardest part was getting them to agree because.", "unfinished"),
        ("The hardest part was, um,", "unfinished"),
        ("We shipped it in March. Um.", "unfinished"),
        ("In my last role, uh", "unfinished"),
        ("So I moved the database to the", "unfinished"),
        ("It went from two hundred", "unfinished"),
        ("We grew by 20", "unfinished"),
        ("down to three point.", "unfinished"),
        ("I split the work into smaller releases...", "unfinished"),
        ("When the deadline moved.", "unfinished"),  # a subordinate clause alone
        ("In my last role.", "unfinished"),  # a prepositional opener alone
        ("That is what I learned from it", "open"),
        ("", "open"),
    ],
)
def test_how_a_transcript_ends(text, ending):
    assert text_ending(text) == ending


def test_fragments_are_openers_without_their_main_clause():
    assert is_fragment("When the deadline moved.")
    assert not is_fragment("Because, as I said, it failed.")  # a comma: the clause may be whole
    assert not is_fragment("When the deadline moved, I split the work.")
    assert not is_fragment("In the end we shipped it on time.")


def test_a_finished_sentence_with_a_falling_voice_ends_quickly_and_anything_mid_clause_waits():
    quick = required_silence("finished", True, 30.0, RULES)
    assert quick == RULES.quick_seconds < 1.0
    assert required_silence("unfinished", True, 30.0, RULES) == RULES.patient_seconds >= 4.5
    assert required_silence(None, True, 30.0, RULES) == RULES.patient_seconds  # transcript not known
    assert required_silence("finished", False, 30.0, RULES) == RULES.patient_seconds  # voice held up
    assert required_silence("finished", True, 3.0, RULES) == RULES.patient_seconds  # "Sure." then thinking
    assert required_silence("open", True, 30.0, RULES) == RULES.end_silence_seconds
    assert required_silence("finished", False, 1.5, RULES, command=True) == RULES.quick_seconds


class ScriptedTranscript:
    """A transcript source that answers with fixed text and records what it was asked."""

    def __init__(self, text: str | None):
        self.text, self.asked = text, []

    def text_until(self, seconds: float, timeout: float) -> str | None:
        self.asked.append(seconds)
        return self.text


def glide(seconds: float, start_hz: float, end_hz: float, start_amp: float, end_amp: float) -> np.ndarray:
    """A voiced sound whose pitch and loudness move from start to end, int16 at 16 kHz."""
    n = round(seconds * 16000)
    hz = np.linspace(start_hz, end_hz, n)
    phase = 2 * np.pi * np.cumsum(hz) / 16000
    wave = np.sin(phase) + 0.5 * np.sin(2 * phase) + 0.25 * np.sin(3 * phase)
    return (wave * np.linspace(start_amp, end_amp, n) * 12000).astype(np.int16)


def answer_then_silence(ending: np.ndarray, silence_s: float = 6.0) -> np.ndarray:
    """Half a second of room, 6 s of steady voice, an ending, then silence."""
    steady = glide(6.0, 140, 140, 1.0, 1.0)
    return np.concatenate([np.zeros(8000, np.int16), steady, ending, np.zeros(round(silence_s * 16000), np.int16)])


def ended_after(audio: np.ndarray, text: str | None) -> float | None:
    source = ScriptedTranscript(text)
    collector = AnswerCollector(RULES, transcript=source)
    for start in range(0, audio.size, 1600):
        if collector.push(audio[start : start + 1600]):
            break
    recording = collector.finish()
    assert source.asked, "the transcript is asked for at the first pause"
    return recording.ended_after_silence_seconds


def test_the_collector_ends_a_finished_falling_answer_quickly_and_waits_out_a_thinking_pause():
    falling = glide(0.5, 140, 100, 1.0, 0.5)
    level = glide(0.5, 140, 150, 1.0, 1.0)
    assert ended_after(answer_then_silence(falling), "We cut the outages to zero.") == pytest.approx(
        RULES.quick_seconds, abs=0.02)
    assert ended_after(answer_then_silence(level), "We cut the outages to zero.") == pytest.approx(
        RULES.patient_seconds, abs=0.02)
    assert ended_after(answer_then_silence(falling), "I led the migration and") == pytest.approx(
        RULES.patient_seconds, abs=0.02)
    # a 4 s thinking pause mid-clause is part of the answer, and is kept in it
    thinking = np.concatenate([answer_then_silence(level, 4.0), glide(2.0, 140, 100, 1.0, 0.5),
                               np.zeros(6 * 16000, np.int16)])
    collector = AnswerCollector(RULES, transcript=ScriptedTranscript("I led the migration and"))
    for start in range(0, thinking.size, 1600):
        if collector.push(thinking[start : start + 1600]):
            break
    assert collector.finish().speech_seconds > 12.0


def test_a_quick_end_waits_as_long_as_a_sentence_pause_the_candidate_already_came_back_from():
    assert required_silence("finished", True, 30.0, RULES, resumed_after_sentence_seconds=1.2) == pytest.approx(
        1.2 + RULES.habit_margin_seconds)
    # never longer than the ordinary end silence, never shorter than the quick one
    assert required_silence("finished", True, 30.0, RULES, resumed_after_sentence_seconds=9.0) == \
        RULES.end_silence_seconds
    assert required_silence("finished", True, 30.0, RULES, resumed_after_sentence_seconds=0.1) == RULES.quick_seconds


def test_no_quick_end_before_the_shortest_sensible_answer_to_the_question():
    story = replace(RULES, quick_after_speech_seconds=25.0)
    assert required_silence("finished", True, 12.0, story) == RULES.patient_seconds
    assert required_silence("finished", True, 26.0, story) == RULES.quick_seconds


def test_a_story_that_has_reached_its_result_may_end_before_the_shortest_answer():
    story = replace(RULES, quick_after_speech_seconds=25.0)
    assert required_silence("finished", True, 18.0, story, reached_end=True) == RULES.quick_seconds
    # but not when the words are mid-clause, the voice holds up, or it is only the opening
    assert required_silence("unfinished", True, 18.0, story, reached_end=True) == RULES.patient_seconds
    assert required_silence("finished", False, 18.0, story, reached_end=True) == RULES.patient_seconds
    assert required_silence("finished", True, 3.0, story, reached_end=True) == RULES.patient_seconds


def test_the_collector_asks_whether_the_answer_has_reached_its_end():
    # 18 s of speech ending on a finished sentence, the voice falling: short of a story's 25 s,
    # so it ends quickly only when the question's judge says the story has got to its result.
    audio = np.concatenate([np.zeros(8000, np.int16), glide(17.5, 140, 140, 1.0, 1.0),
                            glide(0.5, 140, 100, 1.0, 0.5), np.zeros(6 * 16000, np.int16)])
    said = "We moved the release, and the client renewed the contract."
    asked = []

    def judge(text):
        asked.append(text)
        return True

    waits = {}
    for name, expected in (("result", ExpectedAnswer(25.0, judge)), ("no judge", ExpectedAnswer(25.0))):
        collector = AnswerCollector(RULES, transcript=ScriptedTranscript(said), expected=expected)
        for start in range(0, audio.size, 1600):
            if collector.push(audio[start : start + 1600]):
                break
        waits[name] = collector.finish().ended_after_silence_seconds
    assert asked == [said]
    assert waits["result"] == pytest.approx(RULES.quick_seconds, abs=0.05)
    assert waits["no judge"] == pytest.approx(RULES.patient_seconds, abs=0.05)


def test_the_collector_learns_the_candidates_pause_between_sentences():
    # Early in the answer (under the question's shortest answer) the candidate pauses 1.2 s
    # after a finished sentence and goes on; later, a pause after a finished sentence must be
    # longer than that one before it ends the answer.
    falling = glide(0.5, 140, 100, 1.0, 0.5)
    first = answer_then_silence(falling, 1.2)
    second = np.concatenate([glide(6.0, 140, 140, 1.0, 1.0), falling, np.zeros(6 * 16000, np.int16)])
    rules = replace(RULES, quick_after_speech_seconds=10.0)
    collector = AnswerCollector(rules, transcript=ScriptedTranscript("We cut the outages to zero."))
    audio = np.concatenate([first, second])
    for start in range(0, audio.size, 1600):
        if collector.push(audio[start : start + 1600]):
            break
    recording = collector.finish()
    assert recording.speech_seconds > 12.0  # the first pause did not end it
    assert recording.ended_after_silence_seconds == pytest.approx(1.2 + RULES.habit_margin_seconds, abs=0.05)


class PreparingTranscript(ScriptedTranscript):
    """A transcript source that also takes prepare() calls, as StreamingTranscriber does."""

    def __init__(self, text: str | None):
        super().__init__(text)
        self.prepared = []

    def prepare(self, seconds: float) -> None:
        self.prepared.append(seconds)


def test_a_pause_is_prepared_for_before_its_text_is_asked_for_and_the_text_is_asked_up_to_the_same_point():
    audio = answer_then_silence(glide(0.5, 140, 100, 1.0, 0.5))
    source = PreparingTranscript("We cut the outages to zero.")
    collector = AnswerCollector(RULES, transcript=source)
    for start in range(0, audio.size, 1600):
        if collector.push(audio[start : start + 1600]):
            break
    recording = collector.finish()
    assert len(source.prepared) == 1 and source.asked == source.prepared  # one pause, one point
    # the point lies inside the pause, late enough to keep a quiet last word whole
    assert RULES.prepare_after_seconds - 0.05 <= source.prepared[0] - (
        collector.state.last_speech_end - collector.origin) / 16000 <= RULES.prepare_after_seconds
    assert recording.ended_after_silence_seconds == pytest.approx(RULES.quick_seconds, abs=0.02)


def test_a_turn_waits_for_a_storys_result_only_where_a_story_is_asked_for():
    from mockint.channels.voice import expected_answer
    from mockint.domain import Question, QuestionKind
    from mockint.feedback.star import reaches_result

    filed_technical = Question(text="Tell me about the last time you caught a mistake in your own work: how did you "
                                    "spot it?", kind=QuestionKind.technical)
    fact_probe = Question(text="In your first interview we asked what HEMA is, and the answer didn't quite come to "
                               "you. Have another go now: what's the answer?", kind=QuestionKind.first_round, story=False)
    assert expected_answer(filed_technical).reached_end is reaches_result
    assert expected_answer(fact_probe).reached_end is None
    assert expected_answer(Question(text="How would you size the cable?", kind=QuestionKind.technical)).reached_end is None
