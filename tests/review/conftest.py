"""Real sessions for the review tests.

Two typed sessions made the way a new user makes them (`mockint practice` through the
CLI with the real embedded LLM), and one spoken answer made of espeak-ng speech with a
long pause in it, transcribed by the real Whisper model and judged by the real analyzer.
Each is made once per test run and copied into every test's own MOCKINT_HOME.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from mockint.cli import cli
from mockint.domain import Answer, Question, QuestionKind, Session, Transcript, Turn
from mockint.feedback import analyze
from mockint.speech.audiofile import read_audio, write_audio
from mockint.store import Store

# The first session: short, hesitant answers. The second: full stories with numbers.
WEAK = [
    "Um, so I, like, basically look at whether it works, you know.",
    "I would, um, basically split the work by risk and ship the safest part first.",
]
STRONG = [
    "When I review a pull request I look past correctness at how easy the change will be to live with. I check "
    "that the names say what things do, that the tests cover the failure paths, and that the change is small "
    "enough to review in one sitting. Last month I asked a colleague to split a 1,200-line change into three; "
    "the review took a day instead of a week.",
    "At my previous company a senior developer kept rejecting a junior's pull requests with one-word comments. "
    "I was the tech lead, so it was my job to fix how they worked together. I met each of them separately, then "
    "I set up a short pairing session every week and wrote review guidelines with the team. Within two months "
    "the junior's changes were merged 40% faster and both said reviews felt fair.",
]
SPOKEN_QUESTION = Question(
    text="Tell me about a time you fixed a production problem under pressure.",
    kind=QuestionKind.behavioral,
    competency="incident response",
    reason="Second rounds want evidence that you act calmly when things break.",
)
# Two sentences of synthetic speech with three seconds of silence between them.
SPOKEN_PARTS = [
    "Umm, so at my last job our checkout service kept failing every Friday. I was the engineer on call, "
    "and my task was to make it survive the sale weekend.",
    "I profiled the service, uh, found a missing index, and added a load test before every release. "
    "As a result, latency dropped from 900 to 200 milliseconds.",
]
PAUSE_SECONDS = 3.0


def invoke(args: list[str], input_text: str = ""):
    """Run the real CLI in-process; a traceback in the output is always a failure."""
    result = CliRunner().invoke(cli, args, input=input_text)
    assert "Traceback" not in result.output, result.output
    return result


def practise(seed: int, answers: list[str]):
    result = invoke(["practice", "--text", "--role", "software engineer", "--count", str(len(answers)),
                     "--seed", str(seed), "--no-follow-ups"], "".join(a + "\n\n" for a in answers))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="session")
def practised_db(tmp_path_factory) -> Path:
    """A database holding two typed sessions made through `mockint practice`: weak first, strong second."""
    home = tmp_path_factory.mktemp("practised")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MOCKINT_HOME", str(home))
        mp.delenv("MOCKINT_MODEL", raising=False)
        mp.delenv("MOCKINT_CONFIG", raising=False)
        practise(1, WEAK)
        practise(2, STRONG)
    return home / "mockint.db"


@pytest.fixture
def two_sessions(practised_db, mockint_home) -> Path:
    """This test's data folder with the two practice sessions in it (ids 1 and 2)."""
    mockint_home.mkdir(parents=True, exist_ok=True)
    shutil.copy(practised_db, mockint_home / "mockint.db")
    return mockint_home


def espeak(text: str, path: Path) -> np.ndarray:
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(path), text], check=True, capture_output=True)
    return read_audio(path)


@pytest.fixture(scope="session")
def spoken_answer(tmp_path_factory) -> tuple[np.ndarray, Transcript]:
    """int16 audio of a spoken answer with a long pause, and real Whisper's transcript of it."""
    from mockint.speech.stt import Transcriber

    folder = tmp_path_factory.mktemp("spoken")
    silence = lambda seconds: np.zeros(int(16000 * seconds), np.float32)  # noqa: E731
    first, second = (espeak(text, folder / f"{i}.wav") for i, text in enumerate(SPOKEN_PARTS))
    audio = np.concatenate([silence(0.3), first, silence(PAUSE_SECONDS), second, silence(0.3)])
    transcriber = Transcriber()
    transcript = transcriber.transcribe(audio)
    return (audio * 32767).astype(np.int16), transcript


@pytest.fixture
def voice_session(spoken_answer, mockint_home) -> Session:
    """A saved spoken session (one answer, its recording on disk) in this test's data folder."""
    audio, transcript = spoken_answer
    store = Store()
    session = store.start_session(Session(role="Software Engineer", role_key="software_engineer", mode="voice"))
    path = write_audio(store.home / "audio" / f"{session.id}-1.flac", audio)
    answer = Answer(text=transcript.text, mode="voice", audio=str(path), words=transcript.words,
                    duration_seconds=transcript.duration_seconds)
    feedback = analyze(transcript, question=SPOKEN_QUESTION.text, kind=SPOKEN_QUESTION.kind)
    turn = Turn(index=0, question=SPOKEN_QUESTION, answer=answer, feedback=feedback)
    store.save_turn(session.id, turn)
    store.end_session(session.id)
    session.turns = [turn]
    return session
