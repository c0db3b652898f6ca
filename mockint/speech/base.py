"""The speech engines' interfaces: what the voice channel and the commands need of each.

One small protocol per kind of engine, so the voice channel is given its engines and a
test can hand it scripted ones; the real engines are Transcriber (faster-whisper),
Speaker (pyttsx3 + sounddevice) and Recorder (sounddevice).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import numpy as np

from mockint.domain import Transcript

if TYPE_CHECKING:
    from mockint.speech.collector import Recording, TranscriptSoFar
    from mockint.speech.turn import ExpectedAnswer
    from mockint.speech.stt import Piece


class SpeechToText(Protocol):
    """Turns 16 kHz mono audio into a timed transcript."""

    def load(self) -> None:
        """Load the model now (a missing model is a ModelError here, before the session starts)."""

    def transcribe(self, audio: np.ndarray) -> Transcript:
        """The transcript of a whole clip."""

    def transcribe_piece(self, audio: np.ndarray, offset_seconds: float = 0.0, context: str = "") -> "Piece":
        """The transcript of one stretch of an answer, timed from the answer's start."""


class TextToSpeech(Protocol):
    """Says text aloud on the chosen speaker."""

    def check(self) -> None:
        """Start the voice now (DeviceError if there is none)."""

    def speak(self, text: str) -> None:
        """Say the text and return when it has been played."""


class SpeechRenderer(Protocol):
    """Renders text as speech samples, for a front end that plays them itself (the web app's browser)."""

    def check(self) -> None:
        """Start the voice now (DeviceError if there is none)."""

    def render(self, text: str, sample_rate: int = 22050) -> np.ndarray:
        """The spoken text as int16 mono samples at sample_rate."""


class LevelMeter(Protocol):
    """Shows the microphone's level while an answer is recorded (mockint.cli.meter draws one)."""

    def __enter__(self) -> "LevelMeter": ...

    def __exit__(self, *exc) -> None: ...

    def __call__(self, level_db: float, elapsed_seconds: float, speaking: bool) -> None:
        """The latest level in dBFS, seconds of answer so far, and whether the answer has begun."""


class Microphone(Protocol):
    """Records one spoken answer until the candidate has finished."""

    def record_answer(
        self,
        on_chunk: Callable[[np.ndarray], None] | None = None,
        transcript: "TranscriptSoFar | None" = None,
        on_level: Callable[[float, float, bool], None] | None = None,
        expected: "ExpectedAnswer | None" = None,
    ) -> "Recording":
        """Record until the end of the answer; each chunk of audio is passed to on_chunk as it arrives.

        `expected`: what the question asks for (its shortest sensible answer, and whether
        the text so far has reached its end), so that a candidate who stops early to think
        is not taken to have finished.

        `transcript` (a StreamingTranscriber fed by on_chunk) is asked for the text at each
        pause, so the end of the answer depends on how finished it sounds (speech/turn.py).
        """
