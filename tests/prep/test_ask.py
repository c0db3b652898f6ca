"""`mockint ask`: in-depth questions for the interviewer, easy to answer, none already asked."""

from __future__ import annotations

from mockint.prep.ask import answer_type, as_question, read_first_round, same_question
from mockint.questions.validate import is_yes_no
from mockint.roles import load_role
from tests.prep.conftest import invoke, invoke_json

NOTES = """Interview with Dana (hiring manager), 45 minutes.
They asked about the churn model I built at Northwind.
I talked about the incident story, which went well.
I struggled to explain the salary question.

My questions to them:
- Do models here go into production through this team, or are they handed over to engineering?
- Is there a defined career path to senior data scientist?

I wish I had asked what the first six months would focus on.
"""


def test_first_round_notes_give_asked_and_wished_questions_and_talking_points():
    first = read_first_round(NOTES)
    assert first.asked == ["Do models here go into production through this team, or are they handed over to engineering?",
                           "Is there a defined career path to senior data scientist?"]
    assert first.wished == ["What the first six months would focus on"]
    # What went well first; a struggle is not a strength to bring back.
    assert first.topics == ["the incident story", "the churn model I built at Northwind"]


def test_same_question_by_word_overlap_ignores_the_words_every_job_question_shares():
    assert same_question("What does the on-call rotation look like?", "Is the on-call rotation shared evenly?")
    assert not same_question("How big is the team?", "Does the team work mostly in writing?")


def test_answer_types_and_wishes_said_as_questions():
    assert answer_type("Would the first six months focus more on X or on Y?") == "choice"
    assert answer_type("Is there a mentor for new staff?") == "yes_no"
    assert as_question("what the first six months would focus on") == \
        "Could you tell me what the first six months would focus on?"
    assert as_question("the team's roadmap") == "Could you tell me about the team's roadmap?"


def test_role_questions_are_in_depth_easy_to_answer_and_role_specific():
    data = invoke_json(["ask", "--role", "software engineer", "--count", "8", "--json"])
    questions = data["questions"]
    assert data["role"] == "Software Engineer" and len(questions) == 8
    texts = [q["text"] for q in questions]
    assert len(set(texts)) == 8 and all(t.endswith("?") for t in texts)
    # Phrased so the interviewer can answer yes/no or choose: the checker agrees with the label.
    for q in questions:
        assert q["answer"] in ("yes_no", "choice")
        if q["answer"] == "choice":
            assert " or " in q["text"]
        else:
            assert is_yes_no(q["text"])
    topics = {q["topic"] for q in questions}
    assert {"responsibilities", "culture", "growth", "first_months", "challenges", "role"} <= topics
    competencies = load_role("software_engineer").competencies
    assert any(c in t for t in texts for c in competencies)
    assert any(q["source"] == "role" and "incident" in q["text"] for q in questions)


def test_notes_bring_back_what_stood_out_and_leave_out_what_was_asked(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES)
    questions = invoke_json(["ask", "--role", "data scientist", "--notes", str(notes), "--count", "12",
                             "--json"])["questions"]
    texts = [q["text"] for q in questions]
    assert texts[0] == "Could you tell me what the first six months would focus on?"
    assert questions[0]["source"] == "notes"
    assert any("the incident story" in t for t in texts)
    # The candidate already asked both of these: the template and the role question that match are gone.
    assert not any("production through this team" in t for t in texts)
    assert not any("defined path" in t for t in texts)
    without = [q["text"] for q in invoke_json(["ask", "--role", "data scientist", "--count", "12", "--json"])["questions"]]
    assert any("production through this team" in t for t in without) and any("defined path" in t for t in without)


def test_the_debrief_is_used_like_notes():
    steps = ["Tell me about the churn model you built", "", "", "the incident story",
             "Is there a defined career path to senior data scientist?", ""]
    invoke(["debrief", "--role", "data scientist"], "".join((s or "/skip") + "\n\n" for s in steps))
    questions = invoke_json(["ask", "--role", "data scientist", "--debrief", "last", "--count", "12",
                             "--json"])["questions"]
    texts = [q["text"] for q in questions]
    assert any("the incident story" in t for t in texts)
    assert not any("defined path" in t for t in texts)


def test_text_output_lists_numbered_questions_with_why():
    result = invoke(["ask", "--role", "teacher", "-n", "3"])
    assert result.exit_code == 0, result.output
    assert "Questions to ask in your Teacher interview" in result.output
    assert "\n1. " in result.output and "\n3. " in result.output and "\n4. " not in result.output
