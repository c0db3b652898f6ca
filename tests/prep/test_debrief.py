"""The first-round debrief: reported questions, notes the planner reads, and the walk-through through the real CLI."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import datetime, timezone

import pytest

from mockint.domain import Debrief
from mockint.engines import Engines
from mockint.prep.debrief import render_notes
from mockint.questions.reported import reported_question
from mockint.questions.notes import extract_topics
from tests.fakes import ScriptedLLM
from tests.prep.conftest import invoke, invoke_json

# One answer per step, each ended by an empty line, as a candidate would type or pipe them.
STEPS = [
    "How did you validate the churn model?\nWhy do you want to leave your current job?",
    "I described the churn model and its 12% lift",
    "the salary question\nI rambled about the reorg",
    "the incident story",
    "What does on-call look like?",
    "I wish I had asked how success is measured",
]
PIPED = "".join(step + "\n\n" for step in STEPS)


@pytest.mark.parametrize("asked, reported", [
    ("How did you validate the churn model?", "how I validated the churn model"),
    ("Tell me about a conflict with your manager.", "about a conflict with my manager"),
    ("Have you managed a team?", "whether I have managed a team"),
    ("What is your biggest weakness?", "what my biggest weakness is"),
    ("What motivates you?", "what motivates me"),
    ("Why should we hire you?", "why they should hire me"),
    ("Did you ever lead an incident?", "whether I ever led an incident"),
    ("How would you scale the pipeline you built?", "how I would scale the pipeline I built"),
    ("the salary question", "about the salary question"),
    ("why I'm leaving", "why I'm leaving"),
])
def test_their_questions_become_reported_speech_in_the_candidates_voice(asked, reported):
    assert reported_question(asked) == reported


def make_debrief(steps: dict[str, str]) -> Debrief:
    return Debrief(id=7, role="Data Scientist", started_at=datetime.now(timezone.utc), steps=steps)


def test_rendered_notes_make_the_planner_probe_what_was_said_struggles_first():
    notes = render_notes(make_debrief({
        "their_questions": "How did you validate the churn model?",
        "answers": "I described the churn model and its 12% lift",
        "struggled": "the salary question\nHow would you scale the pipeline?",
        "went_well": "the incident story",
        "my_questions": "What does on-call look like?\nI asked about the team's roadmap",
        "wish_asked": "I wish I had asked how success is measured",
    }))
    topics = extract_topics(notes)
    assert [(t.topic, t.struggled) for t in topics[:2]] == [
        ("the salary question", True), ("how you would scale the pipeline", True)]
    phrases = {t.topic for t in topics}
    assert {"how you validated the churn model", "the churn model and its 12% lift", "the incident story"} <= phrases
    # The candidate's own questions to the interviewer are never topics to be probed on.
    assert not any(word in p for p in phrases for word in ("on-call", "roadmap", "success"))
    assert "My questions to them:\n- What does on-call look like?\n- The team's roadmap." in notes


def test_a_piped_debrief_is_saved_shown_and_listed():
    result = invoke(["debrief", "--role", "data scientist"], PIPED)
    assert result.exit_code == 0, result.output
    assert "1/6 · Their questions" in result.output and "6/6" in result.output
    assert "Saved debrief 1 (6 of 6 questions answered)" in result.output
    assert "- They asked how I validated the churn model." in result.output
    assert "- I struggled with the salary question." in result.output

    shown = invoke_json(["debrief", "--show", "last", "--json"])
    assert shown["role"] == "Data Scientist" and shown["role_key"] == "data_scientist"
    assert shown["steps"]["struggled"] == "the salary question\nI rambled about the reorg"
    assert shown["ended_at"] is not None
    assert shown["notes"] == invoke(["debrief", "--show", "1"]).output
    listed = invoke_json(["debrief", "--list", "--json"])["debriefs"]
    assert [(d["id"], d["steps"]) for d in listed] == [(1, 6)]


def test_end_of_input_keeps_what_was_typed_and_skip_moves_on():
    # Step 1 answered, step 2 skipped, step 3 cut off by the end of input mid-answer.
    result = invoke(["debrief"], STEPS[0] + "\n\n/skip\nthe salary question")
    assert result.exit_code == 0, result.output
    shown = invoke_json(["debrief", "--show", "last", "--json"])
    assert shown["role"] is None
    assert shown["steps"] == {"their_questions": STEPS[0], "struggled": "the salary question"}


class InterruptedInput(io.RawIOBase):
    """Standard input that gives its lines one at a time, then raises Ctrl-C."""

    def __init__(self, text: str):
        self.lines = [line.encode() for line in text.splitlines(keepends=True)]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.lines:
            raise KeyboardInterrupt
        line = self.lines.pop(0)
        buffer[: len(line)] = line
        return len(line)


def test_ctrl_c_loses_no_finished_step(mockint_home):
    result = invoke(["debrief"], io.BufferedReader(InterruptedInput(STEPS[0] + "\n\n" + STEPS[1] + "\n\nhalf a line\n")))
    assert result.exit_code == 130, result.output
    assert "Debrief 1 is saved with 3 answer(s)" in result.output
    rows = sqlite3.connect(mockint_home / "mockint.db").execute(
        "SELECT step, text FROM debrief_steps ORDER BY position").fetchall()
    assert rows == [("their_questions", STEPS[0]), ("answers", STEPS[1]), ("struggled", "half a line")]


def test_nothing_typed_saves_nothing():
    result = invoke(["debrief"], "\n\n")
    assert result.exit_code == 2
    assert "Nothing was typed, so no debrief was saved" in result.output
    assert invoke_json(["debrief", "--list", "--json"]) == {"debriefs": []}
    missing = invoke(["debrief", "--show", "last"])
    assert missing.exit_code == 2 and "No debriefs saved yet. Start one with: mockint debrief" in missing.output


def test_practice_with_the_debrief_opens_on_what_the_candidate_struggled_with():
    invoke(["debrief", "--role", "data scientist"], PIPED)
    result = invoke(["practice", "--text", "--role", "data scientist", "--debrief", "last", "--count", "1",
                     "--seed", "3", "--no-follow-ups"], "I would give a range based on market data.\n\n")
    assert result.exit_code == 0, result.output
    session = invoke_json(["review", "last", "--format", "json"])
    question = session["turns"][0]["question"]
    # Pay comes after a real second-round topic that also went badly (was: the salary question first).
    assert question["kind"] == "first_round" and "the reorg" in question["text"]
    assert "I struggled with the salary question." in session["notes"]


def test_questions_with_the_debrief_go_back_to_the_first_round():
    # A model that writes nothing, so the planner's template for the topic is used at once
    # (the real model's questions are tested with the planner).
    silent = Engines(language_model=lambda model, settings: ScriptedLLM([]))
    invoke(["debrief", "--role", "data scientist"], PIPED)
    result = invoke(["questions", "--role", "data scientist", "--debrief", "1", "--count", "1", "--seed", "1",
                     "--json"], engines=silent)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (question,) = data["questions"]
    # Pay comes after a real second-round topic that also went badly (was: the salary question first).
    assert question["kind"] == "first_round" and "the reorg" in question["text"]
    assert question["reason"] == "goes back to your first round: I rambled about the reorg."


def test_an_unknown_debrief_is_one_clear_line():
    result = invoke(["questions", "--role", "teacher", "--debrief", "9"])
    assert result.exit_code == 2
    assert result.output.strip() == "mockint: There is no debrief 9. See the ids with: mockint debrief --list"
