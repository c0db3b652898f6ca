"""Pitch and the fall of the voice at the end of speech (pure functions over samples)."""

import numpy as np
import pytest

from mockint.speech.prosody import Ending, ProsodyTracker, ending_of, frame_pitch
from mockint.speech.vad import SpeechDetector
from tests.speech.speech_data import espeak
from tests.speech.test_turn import glide


@pytest.mark.parametrize("hz", [75, 110, 180, 240, 390])
def test_the_pitch_of_a_voiced_window_is_found_not_a_multiple_of_it(hz):
    assert frame_pitch(glide(0.04, hz, hz, 1.0, 1.0)) == pytest.approx(hz, rel=0.02)


def test_silence_and_noise_have_no_pitch():
    assert frame_pitch(np.zeros(640, np.int16)) is None
    noise = (np.random.default_rng(0).normal(0, 0.1, 640) * 32767).astype(np.int16)
    assert frame_pitch(noise) is None


def track(audio: np.ndarray) -> Ending | None:
    """The ending of some speech, its frames classified by the real speech detector."""
    tracker, detector = ProsodyTracker(), SpeechDetector()
    audio = np.concatenate([np.zeros(8000, np.int16), audio])
    for start in range(0, audio.size - 319, 320):
        frame = audio[start : start + 320]
        tracker.push(frame, *detector.classify(frame))
    return tracker.ending()


def test_a_falling_ending_is_told_from_a_held_one():
    steady = glide(1.5, 150, 150, 1.0, 1.0)
    assert track(np.concatenate([steady, glide(0.3, 150, 115, 1.0, 0.6)])).falling()
    assert not track(np.concatenate([steady, glide(0.3, 150, 165, 1.0, 1.0)])).falling()
    assert track(glide(0.1, 150, 150, 1.0, 1.0)) is None  # too little speech to tell


def test_without_pitch_only_a_much_quieter_ending_counts_as_falling():
    assert ending_of([None] * 60, [-20.0] * 45 + [-30.0] * 15).falling()
    assert not ending_of([None] * 60, [-20.0] * 45 + [-23.0] * 15).falling()


def test_a_synthetic_voice_falls_at_the_end_of_a_statement():
    statement = espeak("We moved the billing service to the new cluster and cut the outages to zero.")
    assert track(statement[: np.flatnonzero(np.abs(statement) > 500)[-1]]).falling()


def test_an_unvoiced_ending_is_judged_by_the_voiced_sounds_before_it():
    # "...the letters themselves": the final 0.3 s (15 frames) is a hiss with no pitch
    level = [-20.0] * 90
    falling = [150.0] * 60 + [115.0] * 15 + [None] * 15
    held = [150.0] * 60 + [165.0] * 15 + [None] * 15
    assert ending_of(falling, level).pitch_change == pytest.approx(12 * np.log2(115 / 150))
    assert ending_of(falling, level).falling()
    assert not ending_of(held, level).falling()
    # a noise burst after the speech: no voiced sound near the end at all, no pitch verdict
    assert ending_of([150.0] * 40 + [None] * 50, level).pitch_change is None


def test_the_tracker_hears_the_fall_before_a_final_hiss():
    rng = np.random.default_rng(1)
    hiss = (rng.normal(0, 0.2, round(0.3 * 16000)) * 32767).astype(np.int16)
    speech = np.concatenate([glide(1.5, 150, 150, 1.0, 1.0), glide(0.3, 150, 115, 1.0, 0.8), hiss])
    assert track(speech).falling()
