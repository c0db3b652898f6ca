"""The follow-up message: the check on good and bad drafts and on dates, and drafting from a real debrief."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from mockint.domain import Answer, Debrief, Question, QuestionKind, Session, Transcript, Turn
from mockint.feedback import analyze
from mockint.feedback.fillers import find_fillers
from mockint.prep.debrief import debrief_round, load_steps, render_notes
from mockint.prep.followup import InterviewFacts, citable, draft_followup, excited_phrase, facts_from_debrief
from mockint.prep.followup_check import check_message, guess_message_type
from mockint.prep.message_parts import shouted_words
from mockint.prep.send_timing import SendDates, earliest_send, too_soon
from mockint.store import Store
from tests.prep.conftest import invoke, invoke_json

DRAFTS = tomllib.loads((Path(__file__).parent / "followup_drafts.toml").read_text(encoding="utf-8"))
RULES = tomllib.loads((Path(__file__).parents[2] / "prompts/prep/followup_check.toml").read_text(encoding="utf-8"))
STRONG = ("Last year at Northwind our product team wanted to remove the free trial. My job was to test whether that "
          "would hurt sign-ups. I designed an A/B test with 20,000 visitors and I ran it for four weeks. As a result, "
          "we kept the trial and sign-ups grew by 12% after we shortened it to 14 days!")
WEAK = ("Um, so basically we had this audit once and we, like, locked down the servers and it was fine, you know. "
        "I think it went well.")
# A second-round debrief as `mockint debrief --round 2` saves it, one step per key.
ROUND_TWO = {
    "met": "Priya Shah, Head of Data\nTom Reed (ML platform lead)",
    "discussed": "They described the move of their churn model to weekly retraining\nthe feature store",
    "excited": "the chance to own the experimentation platform",
    "answers": "um I talked about, like, the pricing test\nI cut monthly churn from 8% to 6% in two quarters",
    "next_steps": "They will decide by Friday 16 October",
}


@pytest.mark.parametrize("draft", DRAFTS["good"], ids=lambda d: d["name"])
def test_a_good_draft_raises_no_alarm(draft):
    assert check_message(draft["text"], draft.get("type", "thank_you")) == []


@pytest.mark.parametrize("draft", DRAFTS["bad"], ids=lambda d: d["name"])
def test_a_bad_draft_is_flagged_for_what_hurts_it(draft):
    problems = check_message(draft["text"], draft.get("type", "thank_you"))
    assert {p.kind for p in problems} == set(draft["kinds"])
    assert set(draft["quoted"]) <= {p.text for p in problems}
    assert all(p.advice for p in problems)


def test_capitals_are_shouting_when_they_spell_a_common_word_not_an_acronym():
    shout = RULES["shouting"]
    lists = set(shout["acronyms"]), set(shout["short_words"]), set(shout["named_by"])
    loud = lambda text: shouted_words(text, *lists)  # noqa: E731
    assert loud("We moved SQL reports to AWS with the CEO and the ICU team.") == []
    assert loud("I hold ACLS, PALS and TNCC, and I service HVAC units and track NEWS2 scores.") == []
    assert loud("I prioritise with RICE scoring and write SMART goals.") == []
    assert loud("The XYZ team uses GraphQL and iOS.") == []  # an unknown short acronym
    assert loud("I REALLY want this, it is VERY important.") == ["REALLY", "VERY"]
    assert loud("THANK YOU for the chat, this is my DREAM JOB.") == ["THANK", "YOU", "DREAM", "JOB"]


def test_register_fillers_slang_lower_case_and_missing_greeting_are_each_quoted():
    text = "thanks for the interview today, it was like, really cool hearing about the new rota.\n" \
           "i'm gonna send my references tonight.\n\nsam"
    problems = [p for p in check_message(text) if p.kind == "register"]
    matches = {p.match for p in problems}
    assert {"all lower case", "no greeting"} <= matches
    assert any(m.startswith("like") for m in matches) and any("really cool" in m for m in matches)
    assert any("gonna" in m for m in matches)
    assert "no sign-off" not in matches  # a bare name signs it


def test_condescension_is_its_own_kind_with_the_sentence_and_advice():
    text = ("Dear Ms Green,\n\nThank you for the interview about the analyst role. I'm excited about the forecasting "
            "work you described.\n\nAs I tried to explain, a p-value is not the probability that the null is true.\n\n"
            "Best regards,\nMorgan")
    (problem,) = check_message(text)
    assert problem.kind == "condescension" and problem.text.startswith("As I tried to explain")
    assert "talks down" in problem.advice


def test_a_thank_you_must_thank_say_why_and_name_something_specific():
    generic = "Dear Mr Cole,\n\nI look forward to hearing about the next steps.\n\nBest regards,\nNina"
    assert [p.kind for p in check_message(generic)] == ["no_thanks", "no_enthusiasm", "no_specifics"]
    # A nudge need not thank again nor name a specific.
    nudge = "Dear Mr Cole,\n\nI remain very interested in the role. Is there any update?\n\nBest regards,\nNina"
    assert check_message(nudge, "nudge") == []


def test_waiting_for_a_reply_is_pushy_only_after_a_short_time():
    week = "I interviewed last Tuesday. I haven't heard back yet, so I wanted to check in briefly."
    day = "I interviewed yesterday. I haven't heard back yet, so I wanted to check in briefly."
    assert "pushiness" not in {p.kind for p in check_message(week, "nudge")}
    pushy = [p for p in check_message(day, "nudge") if p.kind == "pushiness"]
    assert [p.text for p in pushy] == ["I haven't heard back yet, so I wanted to check in briefly."]


@pytest.mark.parametrize("kind, interview, last_sent, send, soon", [
    ("thank_you", date(2026, 10, 9), None, date(2026, 10, 9), False),  # the same day is ideal
    ("nudge", date(2026, 10, 9), date(2026, 10, 9), date(2026, 10, 13), True),  # Fri -> Tue: two working days
    ("nudge", date(2026, 10, 9), date(2026, 10, 9), date(2026, 10, 16), False),  # a week later
    ("nudge", date(2026, 9, 1), date(2026, 9, 28), date(2026, 9, 30), True),  # weeks after the interview, not the nudge
    ("nudge", date(2026, 10, 9), None, date(2026, 10, 12), True),  # no thank-you, but one working day on
    ("nudge", date(2026, 10, 9), None, None, False),  # no send date: nothing to judge
])
def test_too_soon_counts_working_days_since_the_interview_or_the_last_message(kind, interview, last_sent, send, soon):
    dates = SendDates(interview=interview, last_sent=last_sent, send=send)
    assert bool(too_soon(kind, dates)) == soon
    problems = check_message("Dear Jo,\n\nI remain very interested in the role.\n\nBest,\nSam", kind, dates)
    assert ("too_soon" in {p.kind for p in problems}) == soon


def test_the_earliest_nudge_is_five_working_days_after_the_last_message():
    assert earliest_send("nudge", SendDates(interview=date(2026, 10, 9), last_sent=date(2026, 10, 9))) == \
        date(2026, 10, 16)
    assert earliest_send("thank_you", SendDates(interview=date(2026, 10, 9))) is None
    with pytest.raises(ValueError):
        SendDates(interview=date(2026, 10, 9), send=date(2026, 10, 8))


def test_the_type_of_a_draft_is_told_by_the_dates_or_else_by_its_words():
    assert guess_message_type("I wanted to follow up on my interview.") == "nudge"
    assert guess_message_type("Thank you for meeting me. I wanted to follow up on one point.") == "thank_you"
    assert guess_message_type("Hello", SendDates(interview=date(2026, 10, 9), last_sent=date(2026, 10, 9))) == "nudge"


def test_check_exits_1_with_problems_0_when_clean_and_2_on_bad_input(tmp_path):
    bad = next(d for d in DRAFTS["bad"] if d["name"].startswith("dream job"))
    path = tmp_path / "bad.txt"
    path.write_text(bad["text"])
    result = invoke(["followup", "--check", str(path)])
    assert result.exit_code == 1
    assert "4 problem(s) in this thank-you" in result.output
    assert 'exaggeration · "DREAM JOB"\n  This is my DREAM JOB' in result.output
    assert 'desperation · "I really need this job"\n  I really need this job, please give me a chance.' \
        in result.output
    assert "no specifics\n  (the whole message)\n  Name one specific thing" in result.output
    assert "Pleading lowers your value." in result.output
    assert invoke_json_exit(["followup", "--check", str(path), "--json"], 1)["type"] == "thank_you"

    good = tmp_path / "good.txt"
    good.write_text(DRAFTS["good"][0]["text"])
    clean = invoke(["followup", "--check", str(good)])
    assert clean.exit_code == 0 and "No problems found in this thank-you" in clean.output

    nudge = tmp_path / "nudge.txt"
    nudge.write_text(next(d for d in DRAFTS["good"] if d.get("type") == "nudge")["text"])
    dated = ["followup", "--check", str(nudge), "--interview-date", "2026-10-09", "--last-sent", "2026-10-09"]
    soon = invoke([*dated, "--send-date", "2026-10-13"])
    assert soon.exit_code == 1 and "too soon\n  Sending it on Tue 13 Oct leaves 2 working day(s)" in soon.output
    assert "wait until Fri 16 Oct" in " ".join(soon.output.split())
    assert invoke([*dated, "--send-date", "2026-10-19"]).exit_code == 0

    backwards = invoke([*dated, "--send-date", "2026-10-01"])
    assert backwards.exit_code == 2
    assert backwards.output.strip() == "mockint: Check the dates: the send date cannot be before the interview."
    assert invoke(["followup", "--check", str(nudge), "--send-date", "13/10/2026"]).exit_code == 2


def invoke_json_exit(args: list[str], code: int) -> dict:
    """Run a --json command expected to exit with `code`, and parse its output."""
    import json

    result = invoke(args)
    assert result.exit_code == code, result.output
    return json.loads(result.output)


# ---- drafting ----------------------------------------------------------------------


def round_two_debrief(steps: dict[str, str] = ROUND_TWO) -> Debrief:
    return Debrief(id=3, role="Data Scientist", started_at=datetime(2026, 10, 6, 15, tzinfo=timezone.utc), steps=steps)


def test_a_round_two_debrief_has_its_own_steps_and_notes():
    assert [s.key for s in load_steps(2)][:3] == ["met", "discussed", "excited"]
    assert [s.key for s in load_steps()][0] == "their_questions"  # the first round is unchanged
    debrief = round_two_debrief()
    assert debrief_round(debrief) == 2
    assert debrief_round(Debrief(id=1, started_at=debrief.started_at, steps={"answers": "x"})) == 1
    notes = render_notes(debrief)
    assert notes.startswith("Second-round debrief 3 for Data Scientist, 2026-10-06.")
    assert "Who I met:\n- Priya Shah, Head of Data.\n- Tom Reed (ML platform lead)." in notes
    assert "What we discussed:\n- They described the move" in notes and "- We discussed the feature store." in notes
    assert "Next steps:\n- They will decide by Friday 16 October." in notes


def test_the_draft_from_a_debrief_names_who_what_why_and_offers_documents():
    facts = facts_from_debrief(round_two_debrief())
    draft = draft_followup(facts, sender="Sam Okafor")
    message = draft.message
    assert message.startswith("Dear Priya Shah,\n\nThank you for taking the time to meet with me about the Data "
                              "Scientist role.")
    assert "our conversation about the move of your churn model to weekly retraining." in message
    assert "I am excited about the role, especially the chance to own the experimentation platform." in message
    assert "As I mentioned, I cut monthly churn from 8% to 6% in two quarters." in message
    assert "Please pass on my thanks to Tom Reed as well." in message
    assert "examples of my work, references" in message and message.endswith("Best regards,\nSam Okafor")
    assert "talked about" not in message and not find_fillers(message)  # the weak, filler-laden note is left out
    assert len(message.split()) < 150 and draft.placeholders == []
    assert check_message(f"Subject: {draft.subject}\n\n{message}") == []
    assert check_message(draft.nudge, "nudge") == []
    assert "They will decide by Friday 16 October." in draft.send and "not before Tue 13 Oct" in draft.send


def test_without_a_debrief_every_fact_is_a_marked_placeholder():
    draft = draft_followup(InterviewFacts(), competency="statistics and experimentation")
    assert "Dear [interviewer's name]," in draft.message and "the [job title] role" in draft.message
    assert "[One example from the interview that shows your experience in statistics and experimentation, with its " \
           "result in numbers.]" in draft.message
    assert len(draft.placeholders) == 6
    # Apart from "fill me in", the draft is clean.
    assert {p.kind for p in check_message(draft.message)} == {"placeholder"}


@pytest.mark.parametrize("note, sentence", [
    ("I cut monthly churn from 8% to 6% in two quarters", "As I mentioned, I cut monthly churn from 8% to 6% in two "
                                                          "quarters."),
    ("I described the churn model and its 12% lift", "I was glad to tell you about the churn model and its 12% lift."),
    ("I talked about the pricing test", ""),  # nothing measured
    ("um I basically cut costs by 10%", ""),  # fillers
    ("12% lift", ""),  # a fragment
])
def test_only_a_clean_measured_sentence_of_the_candidates_own_is_cited(note, sentence):
    assert citable(note) == sentence


def save_session(turns: list[tuple[Question, str]], role="Data Scientist", role_key="data_scientist") -> int:
    """A finished session with real feedback from the analyzer, as practice would save it."""
    store = Store()
    session = store.start_session(Session(role=role, role_key=role_key))
    for i, (question, text) in enumerate(turns):
        feedback = analyze(Transcript(text=text), question=question.text, kind=question.kind)
        store.save_turn(session.id, Turn(index=i, question=question, answer=Answer(text=text), feedback=feedback))
    store.end_session(session.id)
    return session.id


SECURITY = Question(text="Tell me about a time you improved security?", kind=QuestionKind.behavioral,
                    competency="security")
EXPERIMENT = Question(text="Tell me about a time you changed a decision with data?", kind=QuestionKind.behavioral,
                      competency="statistics and experimentation")


def test_a_weak_practice_session_never_puts_its_answer_or_fillers_in_the_draft():
    session_id = save_session([(SECURITY, WEAK)])
    result = invoke(["followup", str(session_id), "--to", "Priya"])
    assert result.exit_code == 0, result.output
    message = result.output.split("\nFill in")[0]
    assert "locked down" not in message and "as I mentioned" not in message.lower()
    assert not find_fillers(message.split("\n\n", 1)[1])
    assert "Dear Priya," in message and "[one thing you discussed" in message
    assert "From your practice" not in result.output  # a weak answer is not offered either
    assert "mockint debrief --round 2" in result.output


def test_a_strong_practice_answer_is_offered_beside_the_draft_not_quoted_in_it():
    session_id = save_session([(SECURITY, WEAK), (EXPERIMENT, STRONG)])
    data = invoke_json(["followup", str(session_id), "--json"])
    assert "sign-ups grew" not in data["message"] and data["problems"] == []
    assert data["practice_example"]["turn"] == 2
    assert data["practice_example"]["result"].startswith("As a result, we kept the trial and sign-ups grew by 12%")


def test_followup_from_a_saved_round_two_debrief_passes_its_own_check(tmp_path):
    store = Store()
    debrief_id = store.start_debrief("Data Scientist", "data_scientist")
    for position, (key, text) in enumerate(ROUND_TWO.items(), 1):
        store.save_debrief_step(debrief_id, key, position, text)
    result = invoke(["followup", "--debrief", "last", "--from", "Sam Okafor"])
    assert result.exit_code == 0, result.output
    message = result.output.split("\nWhen to send it:")[0].strip()
    assert message.startswith("Subject: Thank you: Data Scientist interview\n\nDear Priya Shah,")
    assert "Fill in" not in result.output
    draft = tmp_path / "draft.txt"
    draft.write_text(message)
    assert invoke_json(["followup", "--check", str(draft), "--json"]) == {"type": "thank_you", "problems": []}
    nudge = tmp_path / "nudge.txt"
    nudge.write_text(result.output.split("(only if there is no reply):")[1].strip())
    assert invoke_json(["followup", "--check", str(nudge), "--type", "nudge", "--json"])["problems"] == []


def test_wrong_uses_are_one_clear_line(tmp_path):
    assert invoke(["followup"]).output.startswith("mockint: Say which interview to thank them for")
    assert invoke(["followup", "last"]).output.strip() == \
        "mockint: No sessions saved yet. Start one with: mockint practice"
    result = invoke(["followup", "--check", str(tmp_path / "none.txt")])
    assert result.exit_code == 2 and "The draft file" in result.output and "does not exist" in result.output
    both = invoke(["followup", "1", "--check", str(tmp_path / "none.txt")])
    assert both.output.strip() == "mockint: Give either a session or debrief to draft from or --check FILE, not both."


def test_a_piped_round_two_debrief_becomes_a_thank_you():
    # The walk-through asks every round-two step; the keys not in ROUND_TWO are skipped.
    keys = [step.key for step in load_steps(2)]
    piped = "".join(ROUND_TWO[key] + "\n\n" if key in ROUND_TWO else "/skip\n" for key in keys)
    result = invoke(["debrief", "--round", "2", "--role", "data scientist"], piped)
    assert result.exit_code == 0, result.output
    assert "Second-round debrief: Data Scientist" in result.output and "1/9 · Who you met" in result.output
    shown = invoke_json(["debrief", "--show", "last", "--json"])
    assert shown["steps"] == ROUND_TWO and shown["notes"].startswith("Second-round debrief 1 for Data Scientist")
    draft = invoke_json(["followup", "--debrief", "last", "--json"])
    assert draft["message"].startswith("Dear Priya Shah,") and draft["placeholders"] == ["[your name]"]


@pytest.mark.parametrize("note, sentence", [
    ("I said I'd backtest on the last two quarters; our last model cut churn from 9% to 7% in six months.",
     "As I mentioned, our last model cut churn from 9% to 7% in six months."),  # the promise is not a result
    ("we halved the backlog in 3 weeks", "As I mentioned, we halved the backlog in 3 weeks."),
])
def test_the_measured_clause_of_a_longer_note_is_the_one_cited(note, sentence):
    assert citable(note) == sentence


@pytest.mark.parametrize("note, phrase", [
    ("the team ships its models to production themselves", "that the team ships its models to production themselves"),
    ("they are moving to a four-day week", "that you are moving to a four-day week"),
    ("the churn model for the new subscription tier", "the churn model for the new subscription tier"),
    ("the new clinics in Leeds", "the new clinics in Leeds"),
    ("how they want to move reporting off spreadsheets", "how you want to move reporting off spreadsheets"),
])
def test_what_excites_them_reads_after_especially(note, phrase):
    assert excited_phrase(note) == phrase
