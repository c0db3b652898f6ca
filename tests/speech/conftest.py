"""Shared fixtures for the speech tests: the real Whisper model, loaded once, and test audio."""

import numpy as np
import pytest

from mockint.speech.audiofile import read_audio
from mockint.speech.stt import Transcriber
from tests.speech.speech_data import AUDIO


@pytest.fixture(scope="session")
def transcriber() -> Transcriber:
    """The embedded tiny.en with mockint's filler prompt, loaded once for all tests."""
    t = Transcriber()
    t.load()
    return t


@pytest.fixture(scope="session")
def jfk() -> np.ndarray:
    """JFK's 11 s "ask not" clip, float32 16 kHz."""
    return read_audio(AUDIO / "jfk.wav")
