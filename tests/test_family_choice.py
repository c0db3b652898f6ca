"""The candidate is told which job family's questions they get, and can choose another (issue 9, item 6)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from mockint.cli import cli


def run(args: list[str], stdin: str = ""):
    result = CliRunner().invoke(cli, args, input=stdin)
    assert "Traceback" not in result.output, result.output
    return result


def test_the_family_used_is_said_and_another_can_be_chosen(mockint_home):
    told = run(["questions", "--role", "wedding photographer", "--count", "1", "--seed", "1"])
    assert told.exit_code == 0, told.output
    assert "Interviewing as Wedding Photographer, questions from General" in told.output
    assert "--family KEY" in told.output
    chosen = run(["questions", "--role", "wedding photographer", "--family", "marketing manager", "--count", "2",
                  "--seed", "1", "--json"])
    data = json.loads(chosen.stdout)
    assert data["role"] == "Wedding Photographer"  # the candidate keeps their own title
    assert data["family"]["key"] == data["role_key"] == "marketing_manager"


def test_an_exact_title_names_its_family_too(mockint_home):
    told = run(["questions", "--role", "care home deputy manager", "--count", "1", "--seed", "1"])
    assert "Interviewing as Care Home Deputy Manager, questions from Adult Social Care." in told.output


def test_an_unknown_family_is_one_line_and_exit_2(mockint_home):
    result = run(["practice", "--text", "--role", "chef", "--family", "astronaut"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "No job family 'astronaut'" in result.output


def test_a_piped_practice_says_the_family_without_asking(mockint_home):
    result = run(["practice", "--text", "--role", "wedding photographer", "--family", "hospitality_manager",
                  "--count", "1", "--no-follow-ups", "--seed", "2"],
                 "I planned the shot list with the couple and kept to it when the rain came.\n\n")
    assert result.exit_code == 0, result.output
    assert "Interviewing as Wedding Photographer, questions from Hospitality Manager." in result.output
    assert "Enter to keep" not in result.output  # not a terminal: never prompted
