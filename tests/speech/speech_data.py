"""Test audio for the speech tests: the committed real clips, espeak-ng answers, and WER."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from mockint.speech.audiofile import read_audio

from mockint.speech.wer import word_error_rate, words  # noqa: F401  (re-exported for the tests)

AUDIO = Path(__file__).resolve().parents[1] / "data" / "audio"
RATE = 16000


def reference(name: str) -> str:
    """The reference transcript of a clip in tests/data/audio."""
    return next(m["transcript"] for m in json.loads((AUDIO / "manifest.json").read_text()) if m["file"] == name)


def fillers_in(text: str) -> dict[str, int]:
    """How many times "um" and "uh" appear, long spellings folded in ("umm" is "um")."""
    counts = {"um": 0, "uh": 0}
    for w in words(text):
        if re.fullmatch(r"u+h*m+", w):
            counts["um"] += 1
        elif re.fullmatch(r"u+h+", w):
            counts["uh"] += 1
    return counts


def espeak(text: str, voice: str = "en-us", rate: int = 160) -> np.ndarray:
    """Speech for `text` from espeak-ng, as int16 16 kHz mono; SSML such as <break time="3s"/> works."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speech.wav"
        subprocess.run(["espeak-ng", "-m", "-v", voice, "-s", str(rate), "-w", str(path), text], check=True)
        return (read_audio(path, RATE) * 32767).astype(np.int16)


def silence(seconds: float) -> np.ndarray:
    """Digital silence, int16 16 kHz."""
    return np.zeros(round(seconds * RATE), np.int16)
