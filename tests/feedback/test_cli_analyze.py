"""`mockint analyze FILE`: text and audio answers, --json, and every bad file as one clear line."""

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from mockint.cli import MockintGroup
from mockint.cli.analyze import analyze

DATA = Path(__file__).resolve().parents[1] / "data"
STORY = ("Last spring our payroll run failed two days before payday. My job was to get everyone paid on time. "
         "I traced the failure to an expired certificate, renewed it, and reran the batch overnight. "
         "All 1,200 staff were paid on time, and we now get an alert 30 days before any certificate expires.")
CONTRACT_KEYS = {"word_count", "duration_seconds", "words_per_minute", "transcript", "length", "fillers", "pauses",
                 "rambling", "star", "ownership", "result_quantified", "tips"}


def run(*args: str):
    """Through a mockint group, so errors go through the same one-line handler as the real CLI."""
    group = MockintGroup(name="mockint", commands={"analyze": analyze})
    return CliRunner().invoke(group, ["analyze", *args])


@pytest.fixture
def story_file(tmp_path) -> Path:
    path = tmp_path / "answer.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_a_text_answer_gets_readable_feedback(story_file):
    result = run(str(story_file), "--question", "Tell me about a time you fixed something under pressure.")
    assert result.exit_code == 0, result.output
    assert "Feedback" in result.output
    assert "Situation ✓" in result.output and "Result    ✓" in result.output
    assert "My job was to get everyone paid on time." in result.output
    assert "Tips" in result.output


def test_json_prints_exactly_one_feedback_object_with_the_contract_keys(story_file):
    result = run(str(story_file), "--json", "--question", "Tell me about a time you fixed something.")
    assert result.exit_code == 0
    data = json.loads(result.output)  # one object, nothing else on stdout
    assert CONTRACT_KEYS <= set(data)
    assert data["duration_seconds"] is None and data["words_per_minute"] is None and data["pauses"] == []
    assert data["length"]["verdict"] == "ok"
    assert set(data["fillers"]) >= {"total", "hard", "soft", "counts", "per_100_words"}
    assert set(data["rambling"]) >= {"is_rambling", "signals"}
    assert data["star"]["applicable"] is True
    for part in ("situation", "task", "action", "result"):
        assert data["star"][part]["present"] is True and data["star"][part]["evidence"]
    assert set(data["ownership"]) == {"i", "we"}
    assert data["result_quantified"] is True
    assert 1 <= len(data["tips"]) <= 4


def test_markdown_works_and_kind_overrides_the_question(tmp_path):
    path = tmp_path / "answer.md"
    path.write_text(STORY, encoding="utf-8")
    result = run(str(path), "--json", "--kind", "technical")
    assert result.exit_code == 0
    assert json.loads(result.output)["star"]["applicable"] is False


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "No file at"),
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\t\n", "is empty"),
    ("answer.docx", b"PK\x03\x04 not a text file", "use a text file (.txt, .md) or a recording"),
    ("latin1.txt", "Caf\u00e9 r\u00e9sum\u00e9 na\u00efve".encode("latin-1"), "not UTF-8 text"),
    ("binary.txt", b"\x00\x01\x02 notes \x00" * 40, "not plain text"),
    ("empty.wav", b"", "is empty"),
])
def test_bad_files_fail_with_one_clear_line_and_a_nonzero_exit(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 2
    assert result.output.startswith("mockint: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_folder_is_refused_with_one_line(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.output


@pytest.mark.slow
def test_a_corrupt_recording_fails_with_one_clear_line(tmp_path):
    path = tmp_path / "answer.wav"
    path.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(200)))
    result = run(str(path))
    assert result.exit_code == 2 and result.output.startswith("mockint: ")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow
def test_a_recorded_answer_is_transcribed_and_gets_pace_pauses_and_fillers():
    # espeak-ng: "Last year our website was very slow. So I rewrote the search code. <3.5 s silence>
    # Um, now the page loads in two seconds." (16 kHz FLAC); real Whisper tiny.en transcribes it.
    result = run(str(DATA / "feedback_eval" / "spoken_pause_answer.flac"), "--json",
                 "--question", "Tell me about a time you improved performance.")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert 9 < data["duration_seconds"] < 12
    assert 90 < data["words_per_minute"] < 160
    [pause] = data["pauses"]
    assert pause["after_word"].lower() == "code" and 2.0 < pause["seconds"] < 4.0
    assert data["fillers"]["counts"].get("um") == 1
    assert any("the search code" in quote for quote in data["star"]["action"]["evidence"])  # Whisper: "I wrote"
    assert any("now the page loads" in quote for quote in data["star"]["result"]["evidence"])
    assert all(math.isfinite(w) for w in (pause["start"], pause["end"]))


@pytest.mark.slow
def test_real_speech_through_the_cli_reads_as_typed_text_would():
    result = run(str(DATA / "audio" / "jfk.wav"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "ask not what your country can do for you" in data["transcript"].lower()
    assert data["duration_seconds"] > 8 and data["words_per_minute"] > 60


def test_an_answer_beyond_the_stated_limit_gets_one_line(tmp_path):
    path = tmp_path / "transcript.txt"
    path.write_text("word " * 150_001, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2
    assert "150,001 words" in result.output and "up to 150,000" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
