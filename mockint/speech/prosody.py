"""How the voice ends before a pause: pitch and loudness of the last moments of speech (pure).

A finished statement ends with the voice falling (lower pitch, less energy) towards the
speaker's own floor; a speaker who will go on ("and...", "because...") tends to hold or
raise it. Pitch is estimated per 20 ms frame by autocorrelation over 40 ms; both trends
compare the last FINAL_SECONDS of speech (its last voiced sounds, when it ends on a hiss)
with the BODY_SECONDS before it, in the speaker's own terms (semitones and dB relative to
their own speech), so voices, rooms and microphones do not matter.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from mockint.speech.vad import FRAME_SECONDS, SAMPLE_RATE, as_unit_float

MIN_PITCH_HZ = 70.0
MAX_PITCH_HZ = 400.0
VOICING_THRESHOLD = 0.5  # normalised autocorrelation peak of a voiced frame
FINAL_SECONDS = 0.3  # the end of the speech before the pause...
BODY_SECONDS = 1.5  # ...against the speech before that
MIN_VOICED_FRAMES = 3  # fewer voiced frames in either stretch: no pitch verdict
# Speech often ends unvoiced ("...themselves", "...the letters"): the final stretch then has
# no pitch, and the voice's fall is heard over this much more speech before it instead.
VOICELESS_END_SECONDS = 0.3


def frame_pitch(window: np.ndarray, sample_rate: int = SAMPLE_RATE) -> float | None:
    """The pitch in Hz of a 40 ms window of samples, or None if it is not voiced."""
    x = as_unit_float(window)
    x = x - x.mean()
    energy = float(np.dot(x, x))
    if energy <= 1e-9:
        return None
    shortest, longest = int(sample_rate / MAX_PITCH_HZ), int(sample_rate / MIN_PITCH_HZ)
    if x.size <= longest + 1:
        return None
    spectrum = np.fft.rfft(x, 2 * x.size)
    correlation = np.fft.irfft(spectrum * np.conj(spectrum))[: longest + 2]
    # Normalise by the overlap so long lags are not penalised.
    correlation = correlation / (energy * (x.size - np.arange(correlation.size)) / x.size)
    searched = correlation[shortest : longest + 1]
    best = float(searched.max())
    if best < VOICING_THRESHOLD:
        return None
    # Multiples of the period correlate as well as the period itself: take the shortest
    # lag that is a peak nearly as high as the best one.
    peaks = np.flatnonzero((searched[1:-1] >= 0.9 * best) & (searched[1:-1] >= searched[:-2])
                           & (searched[1:-1] >= searched[2:])) + 1
    lag = shortest + int(peaks[0] if peaks.size else np.argmax(searched))
    left, mid, right = correlation[lag - 1], correlation[lag], correlation[min(lag + 1, correlation.size - 1)]
    bend = left - 2 * mid + right
    offset = 0.5 * (left - right) / bend if bend < 0 else 0.0  # parabolic peak between lags
    return sample_rate / (lag + offset)


@dataclass(frozen=True)
class Ending:
    """How the last speech before a pause ended, relative to the speech just before it."""

    pitch_change: float | None  # semitones (negative: falling); None when too little was voiced
    level_change: float  # dB (negative: quieter)

    def falling(self) -> bool:
        """Whether the voice fell at the end: lower pitch, or much quieter when pitch is unknown.

        Loudness alone misleads when pitch is known: a stressed last word ("...to zero.")
        can be louder than the sentence while the pitch falls.
        """
        if self.pitch_change is not None:
            return self.pitch_change <= -1.0
        return self.level_change <= -6.0


def describe(ending: Ending | None) -> str:
    """An Ending in words, for logs and benchmark rows: "pitch -3.7 st, level -2.0 dB"."""
    if ending is None:
        return "too short to tell"
    pitch = "pitch unknown" if ending.pitch_change is None else f"pitch {ending.pitch_change:+.1f} st"
    return f"{pitch}, level {ending.level_change:+.1f} dB"


def ending_of(pitches: list[float | None], levels: list[float]) -> Ending | None:
    """The Ending of a run of speech frames (oldest first), or None if it is too short to tell."""
    final = round(FINAL_SECONDS / FRAME_SECONDS)
    body = round(BODY_SECONDS / FRAME_SECONDS)
    if len(levels) < final + 5:
        return None
    end_levels, body_levels = levels[-final:], levels[-final - body : -final]
    level_change = float(np.mean(end_levels) - np.mean(body_levels))
    end = len(pitches) - final  # where the final stretch starts
    end_pitch = [p for p in pitches[end:] if p]
    if len(end_pitch) < MIN_VOICED_FRAMES:  # an unvoiced ending: its last voiced sounds
        end = max(0, end - round(VOICELESS_END_SECONDS / FRAME_SECONDS))
        end_pitch = [p for p in pitches[end:] if p]
    body_pitch = [p for p in pitches[max(0, end - body) : end] if p]
    pitch_change = None
    if len(end_pitch) >= MIN_VOICED_FRAMES and len(body_pitch) >= MIN_VOICED_FRAMES:
        pitch_change = float(12 * np.log2(np.median(end_pitch) / np.median(body_pitch)))
    return Ending(pitch_change, level_change)


class ProsodyTracker:
    """Keeps the most recent speech frames; their pitch is worked out only when ending() asks."""

    UNKNOWN = -1.0  # pitch not worked out yet

    def __init__(self, sample_rate: int = SAMPLE_RATE):
        self.rate = sample_rate
        self.frames: deque[list] = deque(
            maxlen=round((FINAL_SECONDS + VOICELESS_END_SECONDS + BODY_SECONDS) / FRAME_SECONDS))
        self.previous = np.zeros(0, np.int16)

    def push(self, frame: np.ndarray, speech: bool, level: float) -> None:
        """Take the next frame; only speech frames count (pauses inside the speech are skipped)."""
        if speech:
            self.frames.append([np.concatenate([self.previous, frame]), level, self.UNKNOWN])
        self.previous = frame

    def ending(self) -> Ending | None:
        """How the speech heard so far ended."""
        for entry in self.frames:
            if entry[2] == self.UNKNOWN:
                entry[2] = frame_pitch(entry[0], self.rate)
        return ending_of([entry[2] for entry in self.frames], [entry[1] for entry in self.frames])
