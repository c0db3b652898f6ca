"""Speech detection: the level of each 20 ms frame against the room's noise floor (pure functions).

All durations come from sample counts, never from the clock, so audio fed faster than
real time (a test's virtual microphone) gets the same verdicts as a live one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16000
FRAME_SECONDS = 0.02  # one speech/no-speech decision per 20 ms
SILENT_DB = -100.0  # the level of digital silence, instead of -inf


@dataclass(frozen=True)
class VadParams:
    """Thresholds of the energy speech detector, in dB relative to full scale."""

    margin_db: float = 10.0  # speech must be this far above the noise floor
    min_speech_db: float = -50.0  # nothing quieter than this is speech, however quiet the room
    # The first moments set the floor (people take a breath before answering), so a noisy
    # room is not taken for speech; after that the floor follows the room down at once but
    # rises slowly, so speech does not become the floor yet a louder room is learnt in seconds.
    calibration_seconds: float = 0.3
    floor_rise_db_per_s: float = 2.0


def as_unit_float(samples: np.ndarray) -> np.ndarray:
    """Samples as float64 in [-1, 1], from int16 or float."""
    scaled = samples.astype(np.float64)
    return scaled / 32768.0 if samples.dtype == np.int16 else scaled


def level_db(frame: np.ndarray) -> float:
    """The RMS level of int16 or float samples in dBFS (full scale = 0 dB)."""
    if frame.size == 0:
        return SILENT_DB
    samples = as_unit_float(frame)
    rms = float(np.sqrt(np.mean(samples * samples)))
    return max(SILENT_DB, 20.0 * np.log10(rms)) if rms > 0 else SILENT_DB


def frame_levels(audio: np.ndarray, frame_size: int) -> np.ndarray:
    """level_db of each whole frame of a clip, computed at once."""
    count = len(audio) // frame_size
    frames = as_unit_float(audio[: count * frame_size]).reshape(count, frame_size)
    rms = np.sqrt(np.mean(frames * frames, axis=1))
    with np.errstate(divide="ignore"):
        return np.maximum(SILENT_DB, 20.0 * np.log10(rms))


def next_noise_floor(floor_db: float | None, level: float, elapsed_seconds: float, params: VadParams) -> float:
    """The noise floor including one more frame heard `elapsed_seconds` into the recording."""
    if floor_db is None or level <= floor_db:
        return level
    if elapsed_seconds < params.calibration_seconds:
        return floor_db
    return min(level, floor_db + params.floor_rise_db_per_s * FRAME_SECONDS)


def is_speech(level: float, floor_db: float, params: VadParams) -> bool:
    """Whether a frame at this level is speech, given the noise floor."""
    return level >= params.min_speech_db and level >= floor_db + params.margin_db


class SpeechDetector:
    """Classifies consecutive frames as speech or not, tracking the room's noise floor."""

    def __init__(self, sample_rate: int = SAMPLE_RATE, params: VadParams = VadParams()):
        self.params = params
        self.frame_size = round(sample_rate * FRAME_SECONDS)
        self.floor_db: float | None = None
        self.frames = 0

    def classify(self, frame: np.ndarray) -> tuple[bool, float]:
        """(is speech, level in dBFS) for the next frame, updating the noise floor first."""
        level = level_db(frame)
        self.floor_db = next_noise_floor(self.floor_db, level, self.frames * FRAME_SECONDS, self.params)
        self.frames += 1
        return is_speech(level, self.floor_db, self.params), level


def speech_span(
    audio: np.ndarray, sample_rate: int = SAMPLE_RATE, min_seconds: float = 0.1
) -> tuple[float, float] | None:
    """(start, end) in seconds of the speech in a whole clip, or None if it has less than min_seconds.

    The clip is all there, so the floor is simply its quietest tenth: this also works for
    a clip that starts mid-word, where a running floor would still be calibrating.
    """
    levels = frame_levels(audio, round(sample_rate * FRAME_SECONDS))
    if levels.size == 0:
        return None
    params = VadParams()
    floor = float(np.percentile(levels, 10))
    loud = np.flatnonzero((levels >= params.min_speech_db) & (levels >= floor + params.margin_db))
    if loud.size * FRAME_SECONDS < min_seconds:
        return None
    return loud[0] * FRAME_SECONDS, (loud[-1] + 1) * FRAME_SECONDS
