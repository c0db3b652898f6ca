"""Speech detection and end-of-answer rules, as pure functions over frames and samples."""

import numpy as np
import pytest

from mockint.speech.audio import Recorder, blocks_of
from mockint.speech.collector import AnswerCollector
from mockint.speech.turn import EndpointState, TurnRules, advance
from mockint.speech.vad import FRAME_SECONDS, SAMPLE_RATE, VadParams, is_speech, level_db, next_noise_floor, speech_span

FRAME = round(SAMPLE_RATE * FRAME_SECONDS)
RULES = TurnRules(end_silence_seconds=2.0, max_answer_seconds=60, no_speech_timeout_seconds=10)


def tone(seconds: float, amplitude: float = 0.2, hz: float = 220) -> np.ndarray:
    """A steady tone standing in for speech, int16."""
    t = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (np.sin(2 * np.pi * hz * t) * amplitude * 32767).astype(np.int16)


def noise(seconds: float, amplitude: float, seed: int = 0) -> np.ndarray:
    """Room noise with RMS `amplitude` of full scale, int16."""
    rng = np.random.default_rng(seed)
    return (rng.normal(0, amplitude, round(seconds * SAMPLE_RATE)) * 32767).clip(-32768, 32767).astype(np.int16)


def quiet(seconds: float) -> np.ndarray:
    return np.zeros(round(seconds * SAMPLE_RATE), np.int16)


def run_frames(verdicts: list[bool], rules: TurnRules = RULES):
    """Feed per-frame verdicts to advance(); return (final state, stop reason, frames used)."""
    state, reason = EndpointState(), None
    for used, speech in enumerate(verdicts, 1):
        state, reason = advance(state, FRAME, speech, rules)
        if reason:
            return state, reason, used
    return state, reason, len(verdicts)


def frames(seconds: float, speech: bool) -> list[bool]:
    return [speech] * round(seconds / FRAME_SECONDS)


def test_levels_of_silence_full_scale_and_int16_match_float():
    assert level_db(np.zeros(FRAME, np.int16)) == -100.0
    square = np.full(FRAME, 32767, np.int16)
    assert level_db(square) == pytest.approx(0.0, abs=0.01)
    half = np.full(FRAME, 0.5, np.float32)
    assert level_db(half) == pytest.approx(-6.02, abs=0.01)
    assert level_db((half * 32767).astype(np.int16)) == pytest.approx(level_db(half), abs=0.01)


def test_noise_floor_drops_at_once_and_rises_slowly_after_calibration():
    params = VadParams()
    assert next_noise_floor(None, -45.0, 0.0, params) == -45.0
    assert next_noise_floor(-40.0, -70.0, 5.0, params) == -70.0
    assert next_noise_floor(-70.0, -20.0, 0.1, params) == -70.0  # calibrating: only the quietest counts
    risen = next_noise_floor(-70.0, -20.0, 5.0, params)
    assert risen == pytest.approx(-70.0 + params.floor_rise_db_per_s * FRAME_SECONDS)


def test_speech_must_clear_the_floor_and_the_absolute_minimum():
    params = VadParams()
    assert is_speech(-30.0, -60.0, params)
    assert not is_speech(-30.0, -35.0, params)  # within the margin of a noisy room
    assert not is_speech(-55.0, -100.0, params)  # far above digital silence but too quiet to be a voice


def test_the_state_tracks_the_answer_and_its_pauses_and_leading_silence_is_not_counted():
    verdicts = frames(3.0, False) + frames(4.0, True) + frames(1.0, False) + frames(1.5, True) + frames(5.0, False)
    state, reason, used = run_frames(verdicts)
    assert reason is None  # the end at a pause is the collector's decision (test_turn.py)
    assert state.speech_start == 3 * SAMPLE_RATE
    assert state.last_speech_end == round(9.5 * SAMPLE_RATE)
    assert state.pause_samples() == 5 * SAMPLE_RATE


def test_a_click_does_not_start_the_answer_and_waiting_times_out():
    verdicts = (frames(2.0, False) + [True, True] + frames(20.0, False))
    state, reason, used = run_frames(verdicts)
    assert state.speech_start is None
    assert reason == "no_speech"
    assert used * FRAME == 10 * SAMPLE_RATE


def test_max_length_counts_from_the_first_word():
    rules = TurnRules(end_silence_seconds=2.0, max_answer_seconds=5, no_speech_timeout_seconds=10)
    state, reason, used = run_frames(frames(4.0, False) + frames(30.0, True), rules)
    assert reason == "max_length"
    assert used * FRAME == 9 * SAMPLE_RATE


def collect(audio: np.ndarray, rules: TurnRules = RULES, block: int = 1600):
    chunks = []
    recorder = Recorder(None, end_silence_seconds=rules.end_silence_seconds,
                        max_answer_seconds=rules.max_answer_seconds,
                        no_speech_timeout_seconds=rules.no_speech_timeout_seconds)
    return recorder.collect(blocks_of(audio, block), on_chunk=chunks.append), chunks


def test_recording_is_trimmed_to_the_speech_and_chunks_follow_its_timeline():
    audio = np.concatenate([quiet(2.5), tone(3.0), quiet(0.8), tone(1.2), quiet(10.0)])
    recording, chunks = collect(audio)
    assert recording.stop_reason == "silence"
    assert recording.ended_after_silence_seconds == pytest.approx(2.0, abs=0.03)  # no transcript: the fixed rule
    assert recording.waited_seconds == pytest.approx(2.5, abs=0.03)
    assert recording.speech_seconds == pytest.approx(5.0, abs=0.05)
    pre = AnswerCollector.PRE_ROLL_SECONDS
    assert recording.duration_seconds == pytest.approx(pre + 5.0 + AnswerCollector.TAIL_SECONDS, abs=0.05)
    streamed = np.concatenate(chunks)
    assert np.array_equal(streamed[: recording.audio.size], recording.audio)
    # the tone starts right after the pre-roll, so word timings line up with the saved audio
    assert np.abs(recording.audio[: round((pre - 0.05) * SAMPLE_RATE)]).max() == 0
    assert np.abs(recording.audio[round((pre + 0.05) * SAMPLE_RATE) :][:800]).max() > 1000


def test_block_size_does_not_change_the_recording():
    audio = np.concatenate([quiet(1.0), tone(2.0), quiet(0.5), tone(1.0), quiet(4.0)])
    first, _ = collect(audio, block=1600)
    second, _ = collect(audio, block=777)
    assert np.array_equal(first.audio, second.audio)
    assert first.speech_seconds == second.speech_seconds


def test_a_noisy_room_is_learnt_and_does_not_keep_the_answer_going():
    room = 0.01  # -40 dBFS of steady noise, louder than the absolute speech minimum
    audio = np.concatenate([noise(3.0, room), tone(3.0, 0.2) + noise(3.0, room, 1), noise(8.0, room, 2)])
    recording, _ = collect(audio)
    assert recording.stop_reason == "silence"
    assert recording.waited_seconds == pytest.approx(3.0, abs=0.05)
    assert recording.speech_seconds == pytest.approx(3.0, abs=0.05)


def test_silence_only_gives_no_answer():
    recording, chunks = collect(quiet(12.0))
    assert not recording.spoke
    assert recording.stop_reason == "no_speech"
    assert chunks == []


def test_stop_request_ends_the_answer_early_and_keeps_what_was_said():
    audio = np.concatenate([quiet(1.0), tone(6.0)])
    recorder = Recorder(None)
    asked = iter(range(10**6))
    recording = recorder.collect(blocks_of(audio, 1600), stop_requested=lambda: next(asked) >= 40)
    assert recording.stop_reason == "enter"
    assert recording.spoke
    assert recording.duration_seconds == pytest.approx(41 * 0.1 - 1.0 + AnswerCollector.PRE_ROLL_SECONDS, abs=0.05)


def test_speech_span_ignores_silence_and_steady_noise_but_not_a_clip_starting_mid_word():
    assert speech_span(quiet(3.0).astype(np.float32)) is None
    assert speech_span(noise(3.0, 0.01).astype(np.float32) / 32768) is None
    span = speech_span(np.concatenate([tone(0.5), quiet(0.5), tone(1.0), quiet(2.0)]).astype(np.float32) / 32768)
    assert span == pytest.approx((0.0, 2.0), abs=0.03)


def test_levels_are_reported_while_waiting_and_while_answering():
    audio = np.concatenate([quiet(0.5), tone(3.0), quiet(3.0)])
    seen = []
    Recorder(None, end_silence_seconds=2.0).collect(blocks_of(audio, 1600), on_level=lambda *a: seen.append(a))
    assert len(seen) == 55  # one report per block, up to the end of the answer
    waiting, speaking = seen[2], seen[30]
    assert waiting[2] is False and waiting[1] == 0.0 and waiting[0] < -90
    assert speaking[2] is True and speaking[1] == pytest.approx(3.1 - 0.5, abs=0.03) and speaking[0] > -20
