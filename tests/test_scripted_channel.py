"""Rehearsing written answers: the ScriptedChannel alone, and `practice --answers-file` through the real CLI."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner

from mockint.channels import ScriptedChannel
from mockint.channels.scripted import split_answers
from mockint.cli import cli
from mockint.domain import Question, QuestionKind

QUESTION = Question(text="Tell me about a launch that slipped.", kind=QuestionKind.behavioral)

CHECKOUT = ("Our checkout service failed every Friday under peak load. I was on call and had to make it survive "
            "the sale weekend.\n\nI profiled it, found a missing index and added a load test before every release. "
            "The p99 latency dropped from 900 to 200 milliseconds and we had no outage that quarter.")
ROLLOUT = "I would roll it out to one region first, watch the error rate for a day, then widen it."


def test_answers_are_split_at_dash_lines_and_keep_their_paragraphs():
    assert split_answers(f"{CHECKOUT}\n---\n{ROLLOUT}\n-----\n\n") == [CHECKOUT, ROLLOUT]


def test_without_dash_lines_blank_lines_split_the_answers_as_when_typing():
    assert split_answers("First answer,\non two lines.\n\n\nSecond answer.\n") == [
        "First answer,\non two lines.", "Second answer."]


def test_each_question_gets_the_next_answer_then_the_session_ends():
    echo = io.StringIO()
    channel = ScriptedChannel(["/skip", ROLLOUT], echo=echo)
    assert channel.listen("1-1").action == "skip"
    reply = channel.listen("1-2")
    assert reply.action == "answer" and reply.answer.text == ROLLOUT and reply.answer.mode == "text"
    assert echo.getvalue() == f"> {ROLLOUT}\n"
    assert channel.listen("1-3").action == "end"


def run(args, input_text=""):
    result = CliRunner().invoke(cli, args, input=input_text)
    assert "Traceback" not in result.output
    return result


def test_practice_rehearses_the_file_one_answer_per_question(tmp_path):
    answers = tmp_path / "answers.md"
    answers.write_text(f"{CHECKOUT}\n---\n{ROLLOUT}\n", encoding="utf-8")
    result = run(["practice", "--role", "software engineer", "--answers-file", str(answers), "--seed", "1"])
    assert result.exit_code == 0, result.output
    assert "Question 2 of 2" in result.output and "Question 3" not in result.output  # one per answer
    assert "> I would roll it out to one region first" in result.output  # shown under its question
    assert "Follow-up:" not in result.output  # the file answers main questions only
    data = json.loads(run(["review", "last", "--format", "json"]).output)
    assert [t["answer"]["text"] for t in data["turns"]] == [CHECKOUT, ROLLOUT]
    assert all(t["feedback"] is not None for t in data["turns"]) and data["mode"] == "text"


def test_bad_answer_files_fail_in_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = run(["practice", "--role", "teacher", "--answers-file", str(empty)])
    assert result.exit_code == 2 and result.output.strip() == f"mockint: The answers file {empty} is empty."
    result = run(["practice", "--role", "teacher", "--voice", "--answers-file", str(tmp_path / "none.txt")])
    assert result.exit_code == 2 and "does not exist" in result.output
    written = tmp_path / "a.txt"
    written.write_text(ROLLOUT, encoding="utf-8")
    result = run(["practice", "--role", "teacher", "--voice", "--answers-file", str(written)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "leave out --voice" in result.output
