"""`mockint practice --retry SESSION:QUESTION`: the same question again, saved, compared with the first try."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.report.conftest import STRONG, invoke


def review_json(ref: str) -> dict:
    return json.loads(invoke(["review", ref, "--format", "json"]).output)


def test_retry_asks_the_same_question_saves_it_and_compares(two_sessions):
    original = review_json("1")["turns"][1]
    result = invoke(["practice", "--retry", "1:2", "--text"], STRONG[1] + "\n\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Retry: question 2 of session 1" in out and "saved as session 3" in out
    assert " ".join(original["question"]["text"].split()[:6]) in " ".join(out.split())
    # The comparison: the old figures beside the new, row by row.
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:5]]
            for line in out.splitlines() if line.count("│") == 5 and line.split("│")[1].strip()}
    assert "Before (session 1)" in out and "Now (session 3)" in out
    new = review_json("3")["turns"][0]
    assert rows["Words"][:2] == [str(original["feedback"]["word_count"]), str(new["feedback"]["word_count"])]
    assert rows["Length"] == ["too short", "on target", "better"]
    assert rows["Fillers / 100 words"][1:] == ["0.0", "better"]
    assert rows["Result quantified"][1] == "yes"
    # Saved as a new session that says what it retried, with the same question.
    assert new["question"]["text"] == original["question"]["text"]
    assert new["question"]["kind"] == original["question"]["kind"]
    assert new["question"]["source"] == "retry"
    assert new["question"]["reason"] == original["question"]["reason"]
    assert review_json("3")["retry_of"] == {"session_id": 1, "question": 2}
    assert new["answer"]["text"] == STRONG[1]


def test_a_retry_of_a_retry_points_at_the_retry_it_repeats(two_sessions):
    invoke(["practice", "--retry", "1:2", "--text"], STRONG[1] + "\n\n")
    invoke(["practice", "--retry", "last:1", "--text"], STRONG[1] + "\n\n")
    assert review_json("4")["retry_of"] == {"session_id": 3, "question": 1}
    assert review_json("4")["turns"][0]["question"]["reason"] == review_json("1")["turns"][1]["question"]["reason"]


def test_skipping_the_retry_compares_nothing(two_sessions):
    result = invoke(["practice", "--retry", "2:1", "--text"], "/skip\n")
    assert result.exit_code == 0
    assert "No new answer this time, so there is nothing to compare." in result.output


@pytest.mark.parametrize(("ref", "message"), [
    ("foo", "'foo' is not SESSION:QUESTION, e.g. --retry 3:2"),
    ("1:0", "'1:0' is not SESSION:QUESTION"),
    ("1:9", "Session 1 has no question 9 (it has questions 1 to 2). See them with: mockint review 1"),
    ("99:1", "There is no session 99."),
])
def test_a_bad_retry_reference_is_one_clear_line(two_sessions, ref, message):
    result = invoke(["practice", "--retry", ref, "--text"])
    assert result.exit_code == 2
    assert result.output.startswith("mockint: " + message) and result.output.count("\n") == 1


@pytest.mark.slow
@pytest.mark.skipif(not Path("/usr/share/alsa/alsa.conf").is_file(), reason="needs ALSA (libasound2)")
def test_a_typed_answer_retried_out_loud(two_sessions, tmp_path):
    """The real voice stack on virtual devices: question spoken, answer recorded and transcribed, then compared."""
    from tests.speech.speech_data import espeak, silence
    from tests.speech.virtual_audio import virtual_audio

    audio = virtual_audio(tmp_path / "devices", np.concatenate([silence(1.0), espeak(STRONG[1])]))
    done = subprocess.run(
        [sys.executable, "-m", "mockint", "practice", "--retry", "1:2", "--voice",
         "--input-device", "mockmic", "--output-device", "mockspk"],
        env=dict(audio.env, MOCKINT_HOME=str(two_sessions), COLUMNS="100"), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(audio.speaker_samples()) > 16000  # the question was spoken
    new = review_json("3")
    assert new["mode"] == "voice" and new["turns"][0]["question"]["source"] == "retry"
    fb = new["turns"][0]["feedback"]
    assert fb["words_per_minute"] and Path(new["turns"][0]["answer"]["audio"]).is_file()
    # The comparison table is the last thing printed; the feedback panel above it has a Pace line too.
    pace = [line for line in done.stdout.splitlines() if line.startswith("│ Pace")][-1]
    assert [c.strip() for c in pace.split("│")[2:4]] == ["n/a", f"{fb['words_per_minute']:.0f} wpm"]
    page = invoke(["review", "3", "--format", "html"]).output
    assert '<audio controls preload="metadata" src="data:audio/flac;base64,' in page
