"""The follow-up message: the checker on good and bad drafts, and drafting from a real saved session."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from mockint.domain import Answer, Question, QuestionKind, Session, Transcript, Turn
from mockint.feedback import analyze
from mockint.prep.followup import check_message, shouted_words
from mockint.store import Store
from tests.prep.conftest import invoke, invoke_json

DRAFTS = tomllib.loads((Path(__file__).parent / "followup_drafts.toml").read_text(encoding="utf-8"))
STRONG = ("Last year at Northwind our product team wanted to remove the free trial. My job was to test whether that "
          "would hurt sign-ups. I designed an A/B test with 20,000 visitors and I ran it for four weeks. As a result, "
          "we kept the trial and sign-ups grew by 12% after we shortened it to 14 days!")
WEAK = "Um, I usually look at the validation metrics and, like, talk to the team about it."


@pytest.mark.parametrize("draft", DRAFTS["good"], ids=lambda d: d["name"])
def test_a_good_draft_raises_no_alarm(draft):
    assert check_message(draft["text"]) == []


@pytest.mark.parametrize("draft", DRAFTS["bad"], ids=lambda d: d["name"])
def test_a_bad_draft_is_flagged_for_what_hurts_it(draft):
    problems = check_message(draft["text"])
    assert {p.kind for p in problems} == set(draft["kinds"])
    assert set(draft["quoted"]) <= {p.text for p in problems}
    assert all(p.advice for p in problems)


def test_capitals_are_shouting_unless_they_are_acronyms():
    data = tomllib.loads((Path(__file__).parents[2] / "prompts/prep/followup_check.toml").read_text())
    acronyms, short = set(data["shouting"]["acronyms"]), set(data["shouting"]["short_words"])
    assert shouted_words("We moved SQL reports to AWS with the CEO and the ICU team.", acronyms, short) == []
    assert shouted_words("The XYZ team uses GraphQL and iOS.", acronyms, short) == []  # unknown short acronym
    assert shouted_words("I REALLY want this, it is VERY important.", acronyms, short) == ["REALLY", "VERY"]
    assert shouted_words("THANK YOU for the chat.", acronyms, short) == ["THANK", "YOU"]


def test_waiting_for_a_reply_is_pushy_only_after_a_short_time():
    week = "I interviewed last Tuesday. I haven't heard back yet, so I wanted to check in briefly."
    day = "I interviewed yesterday. I haven't heard back yet, so I wanted to check in briefly."
    assert check_message(week) == []
    (problem,) = check_message(day)
    assert problem.kind == "pushiness" and problem.text == "I haven't heard back yet, so I wanted to check in briefly."


def save_session(turns: list[tuple[Question, str]], role="Data Scientist", role_key="data_scientist") -> int:
    """A finished session with real feedback from the analyzer, as practice would save it."""
    store = Store()
    session = store.start_session(Session(role=role, role_key=role_key))
    for i, (question, text) in enumerate(turns):
        feedback = analyze(Transcript(text=text), question=question.text, kind=question.kind)
        store.save_turn(session.id, Turn(index=i, question=question, answer=Answer(text=text), feedback=feedback))
    store.end_session(session.id)
    return session.id


def test_the_draft_cites_the_strongest_answer_and_passes_its_own_check(tmp_path):
    session_id = save_session([
        (Question(text="How do you decide which model to deploy?", kind=QuestionKind.technical,
                  competency="machine learning modelling"), WEAK),
        (Question(text="Tell me about a time you changed a decision with data?", kind=QuestionKind.behavioral,
                  competency="statistics and experimentation"), STRONG),
    ])
    result = invoke(["followup", str(session_id), "--to", "Ms Alvarez", "--from", "Sam Okafor"])
    assert result.exit_code == 0, result.output
    message = result.output.split("\nWhen to send it:")[0]
    assert message.startswith("Subject: Thank you: Data Scientist interview\n\nDear Ms Alvarez,\n\nThank you for")
    assert "excited about the role" in message and "statistics and experimentation" in message
    # The result sentence of the strong answer, quoted without its "As a result," and its "!".
    assert "as I mentioned, we kept the trial and sign-ups grew by 12% after we shortened it to 14 days." in message
    assert "examples of my work, references or any other information" in message
    assert message.rstrip().endswith("Best regards,\nSam Okafor")
    assert len(message.split()) < 150
    assert "within a few days" in result.output and "about a week" in result.output
    assert "I wanted to follow up briefly" in result.output

    draft = tmp_path / "draft.txt"
    draft.write_text(message)
    assert invoke_json(["followup", "--check", str(draft), "--json"]) == {"problems": []}
    data = invoke_json(["followup", str(session_id), "--json"])
    assert data["problems"] == [] and data["example"]["turn"] == 2 and data["message"].startswith("Hello,")
    nudge = tmp_path / "nudge.txt"
    nudge.write_text(data["nudge"])
    assert invoke_json(["followup", "--check", str(nudge), "--json"]) == {"problems": []}


def test_a_session_without_a_result_still_gets_a_draft_and_says_so():
    session_id = save_session([(Question(text="How do you decide which model to deploy?",
                                         kind=QuestionKind.technical, competency="machine learning modelling"), WEAK)])
    result = invoke(["followup", str(session_id)])
    assert result.exit_code == 0, result.output
    assert "as I mentioned" not in result.output
    assert "No answer in this session had a result worth quoting" in result.output


def test_check_prints_each_problem_with_its_advice(tmp_path):
    bad = next(d for d in DRAFTS["bad"] if d["name"].startswith("dream job"))
    path = tmp_path / "bad.txt"
    path.write_text(bad["text"])
    result = invoke(["followup", "--check", str(path)])
    assert result.exit_code == 0
    # One problem per kind per sentence: exaggeration and shouting in the first, desperation in the second.
    assert "3 problem(s)" in result.output
    assert "exaggeration (DREAM JOB): This is my DREAM JOB" in result.output
    assert "desperation (really need this job): I really need this job" in result.output
    assert "Pleading lowers your value." in result.output
    good = tmp_path / "good.txt"
    good.write_text(DRAFTS["good"][0]["text"])
    assert "No problems found" in invoke(["followup", "--check", str(good)]).output


def test_wrong_uses_are_one_clear_line(tmp_path):
    assert invoke(["followup"]).output.startswith("mockint: Say which session to draw your example from")
    assert invoke(["followup", "last"]).output.strip() == \
        "mockint: No sessions saved yet. Start one with: mockint practice"
    result = invoke(["followup", "--check", str(tmp_path / "none.txt")])
    assert result.exit_code == 2 and "The draft file" in result.output and "does not exist" in result.output
    both = invoke(["followup", "1", "--check", str(tmp_path / "none.txt")])
    assert both.output.strip() == "mockint: Give either a session to draft from or --check FILE, not both."
