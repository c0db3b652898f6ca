"""A whole spoken session through the real CLI and the real stack, on virtual audio devices.

pyttsx3 -> sounddevice -> ALSA virtual speaker (the questions); a virtual microphone
playing a synthetic espeak-ng answer with "um" and "uh" -> sounddevice -> end-of-answer
detection -> faster-whisper (streaming) -> analyzer -> SQLite -> `mockint review --format json`.
"""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mockint.speech.audiofile import read_audio
from tests.speech.speech_data import espeak, fillers_in, silence, word_error_rate
from tests.speech.virtual_audio import virtual_audio

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/usr/share/alsa/alsa.conf").is_file(), reason="needs ALSA (libasound2)"),
]

ANSWER = (
    "So, um, in my last role I led the migration of our billing service. Uh, the old system could not scale, "
    "and, um, we had outages every week. I planned the move, uh, wrote the new service, and we cut the outages "
    "to zero."
)
LEADING_SILENCE = 1.5  # the candidate thinks before answering; not part of the answer's time


def spoken_span(samples: np.ndarray) -> float:
    """Seconds from the first to the last clearly audible sample."""
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > 1000)
    return (loud[-1] - loud[0]) / 16000


def mockint(audio, home: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = dict(audio.env, MOCKINT_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout,
    )


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """One spoken two-question session; returns (review JSON, virtual audio, the answer's audio)."""
    folder = tmp_path_factory.mktemp("voice-session")
    answer = espeak(ANSWER)
    audio = virtual_audio(folder, np.concatenate([silence(LEADING_SILENCE), answer]))
    home = folder / "home"
    done = mockint(
        audio, home, "practice", "--voice", "--role", "software engineer", "--count", "2", "--no-follow-ups",
        "--input-device", "mockmic", "--output-device", "mockspk", "--seed", "7",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    review = mockint(audio, home, "review", "last", "--format", "json")
    assert review.returncode == 0, review.stderr
    return json.loads(review.stdout), audio, answer, home


def test_the_session_is_spoken_and_saved(session):
    data, _, _, _ = session
    assert data["mode"] == "voice"
    answered = [t for t in data["turns"] if t["answer"]]
    assert len(answered) == 2
    assert all(t["answer"]["mode"] == "voice" for t in answered)


def test_the_transcript_is_what_was_said_fillers_included(session):
    data, _, _, _ = session
    for turn in data["turns"]:
        text = turn["answer"]["text"]
        assert word_error_rate(ANSWER, text) <= 0.3, text
        found = fillers_in(text)
        assert found["um"] >= 1 and found["uh"] >= 1 and sum(found.values()) >= 3, text
        fillers = turn["feedback"]["fillers"]
        assert fillers["counts"].get("um", 0) >= 1 and fillers["counts"].get("uh", 0) >= 1
        assert fillers["hard"] >= 3
        assert all(hit["time"] is not None for hit in fillers["hits"] if hit["kind"] == "hard")


def test_pace_comes_from_the_speech_not_the_waiting(session):
    data, _, answer, _ = session
    spoken = spoken_span(answer)
    for turn in data["turns"]:
        feedback = turn["feedback"]
        # the leading silence is not counted: the duration is the speech itself
        assert feedback["duration_seconds"] == pytest.approx(spoken, abs=1.0)
        words = feedback["word_count"]
        assert feedback["words_per_minute"] == pytest.approx(words / feedback["duration_seconds"] * 60, rel=0.02)
        assert 130 <= feedback["words_per_minute"] <= 220  # espeak-ng speaks at about 160-180 here


def test_each_answer_audio_is_saved_for_replay(session):
    data, _, answer, home = session
    for turn in data["turns"]:
        path = Path(turn["answer"]["audio"])
        assert path.is_file() and path.is_relative_to(home)
        saved = read_audio(path)
        assert abs(saved.size - answer.size) < 1.0 * 16000  # trimmed to the answer: no waiting, no end silence
        assert spoken_span((saved * 32767).astype(np.int16)) == pytest.approx(spoken_span(answer), abs=0.2)


def test_the_question_was_played_on_the_virtual_speaker(session):
    _, audio, _, _ = session
    played = audio.speaker_samples()
    assert played.size > 2 * 44100  # seconds of speech at the device's 44.1 kHz
    assert np.abs(played.astype(np.int32)).max() > 3000
