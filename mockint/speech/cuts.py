"""Where an answer may be cut into pieces for Whisper: at pauses, from the audio up to each cut only.

Streaming cuts (CutRules defaults) keep the last piece short; BATCH_CUTS, for a whole clip,
makes pieces as long as a 30 s window allows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mockint.speech.audiofile import as_float_audio
from mockint.speech.vad import FRAME_SECONDS, SAMPLE_RATE, SpeechDetector


@dataclass(frozen=True)
class CutRules:
    """Where an answer may be cut into pieces, in seconds (the defaults are for streaming)."""

    pause_seconds: float = 0.5  # a pause at least this long may end a piece...
    min_piece_seconds: float = 6.0  # ...once the piece is this long (Whisper likes context)
    # A pause this long ends a piece whatever its length: the end of the answer is such a
    # pause, so its last piece is transcribed while the end-of-answer silence runs out.
    long_pause_seconds: float = 1.0
    max_piece_seconds: float = 25.0  # never longer than one 30 s Whisper window


# After the fact there is no hurry: pieces as long as a window allows, cut only at pauses.
BATCH_CUTS = CutRules(pause_seconds=0.3, min_piece_seconds=20.0, long_pause_seconds=3600.0, max_piece_seconds=28.0)


class PieceCutter:
    """Decides, frame by frame, where settled pieces of an answer end (only looks backwards)."""

    def __init__(self, rules: CutRules = CutRules(), sample_rate: int = SAMPLE_RATE):
        self.rules = rules
        self.rate = sample_rate
        self.piece_start = 0  # sample where the current piece begins
        self.position = 0  # samples seen
        self.silence_run = 0  # samples of non-speech just before `position`
        self.has_speech = False
        self.levels: list[float] = []  # per frame of the current piece, to cut a long one at its quietest

    def push(self, frame_samples: int, speech: bool, level: float) -> int | None:
        """Take one frame's verdict; return a sample index where a piece ends, or None."""
        self.position += frame_samples
        self.levels.append(level)
        self.silence_run = 0 if speech else self.silence_run + frame_samples
        self.has_speech = self.has_speech or speech
        length = (self.position - self.piece_start) / self.rate
        pause = self.silence_run / self.rate
        rules = self.rules
        if not self.has_speech:
            return None
        if pause >= rules.long_pause_seconds or (pause >= rules.pause_seconds and length >= rules.min_piece_seconds):
            return self._cut(self.position - self.silence_run // 2)  # in the middle of the pause so far
        if length >= rules.max_piece_seconds:
            quietest = int(np.argmin(self.levels[len(self.levels) // 2 :])) + len(self.levels) // 2
            return self._cut(self.piece_start + round(quietest * FRAME_SECONDS * self.rate))
        return None

    def restart_at(self, at: int) -> None:
        """A piece was ended at sample `at` from outside (at a pause): the next one starts there."""
        if at > self.piece_start:
            self._cut(at)

    def _cut(self, at: int) -> int:
        """End the piece at sample `at`; the next piece starts there."""
        frame = round(FRAME_SECONDS * self.rate)
        self.levels = self.levels[(at - self.piece_start) // frame :]
        self.piece_start = at
        self.has_speech = False
        self.silence_run = min(self.silence_run, self.position - at)
        return at


class PauseSplitter:
    """Finds where an answer may be cut as its audio arrives: speech detection + PieceCutter."""

    def __init__(self, rules: CutRules = CutRules(), sample_rate: int = SAMPLE_RATE):
        self.detector = SpeechDetector(sample_rate)
        self.cutter = PieceCutter(rules, sample_rate)
        self.pending = np.zeros(0, np.float32)  # samples short of a whole frame

    def push(self, samples: np.ndarray) -> list[int]:
        """Take the next samples; return the cut points (sample indexes) they settle, if any."""
        frames = np.concatenate([self.pending, as_float_audio(samples)])
        size = self.detector.frame_size
        whole = frames.size - frames.size % size
        cuts = []
        for start in range(0, whole, size):
            speech, level = self.detector.classify(frames[start : start + size])
            cut = self.cutter.push(size, speech, level)
            if cut is not None:
                cuts.append(cut)
        self.pending = frames[whole:]
        return cuts

    def restart_at(self, at: int) -> None:
        """A piece was ended at sample `at` from outside: cut from there on."""
        self.cutter.restart_at(at)
