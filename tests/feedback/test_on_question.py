"""Did the answer address the question: the main ask, the kind of ask, and the part it missed."""

import pytest

from mockint.domain import QuestionKind, Transcript
from mockint.feedback import analyze
from mockint.feedback.on_question import asks, main_ask

BUSY_SATURDAY = ("Last Saturday we had a coach party of forty come in at once, and there were only two of us on. "
                 "I put my colleague on the till and took the bar myself, and we got everyone served in about "
                 "twenty minutes and nobody left.")


def check(question: str, answer: str):
    return analyze(Transcript(text=answer), question=question).on_question


def test_a_story_given_for_a_why_question_misses_the_reason_and_the_tip_quotes_it():
    fb = analyze(Transcript(text=BUSY_SATURDAY), question="Why do you want to work for our coffee company?")
    assert not fb.on_question.addressed
    assert fb.on_question.missed == "why you want to work for our coffee company"
    assert "want to work for our coffee company" in fb.tips[0]


def test_a_reason_given_for_a_why_question_addresses_it():
    result = check("Why do you want to move from audit into industry?",
                   "I've done four years in audit and enjoyed it, but I'd like to be inside a business, closer to "
                   "the decisions, and see the same company over several years.")
    assert result.addressed and result.missed is None


def test_a_two_part_question_is_judged_on_its_main_ask_not_on_a_minor_aside():
    assert asks("How do you stay calm on a distressing call, and how long have you been in the control room?") == [
        "how do you stay calm on a distressing call", "and how long have you been in the control room"]
    assert main_ask(asks("How do you stay calm on a distressing call, and how long have you been in the control "
                         "room?")) == "how do you stay calm on a distressing call"
    missed_main = check("Briefly, what's your current role, and why do you want to move into the response team?",
                        "I'm a paramedic in the north-east, qualified six years and based at the Gateshead station. "
                        "I do mostly front-line emergency work on twelve-hour shifts.")
    assert not missed_main.addressed and "move into the response team" in missed_main.missed


@pytest.mark.parametrize("question, off, on", [
    ("How did you measure whether the new caching layer actually helped?",
     "We put Redis in front of the catalogue service with a five-minute expiry, and I added a fallback straight to "
     "the database. It took about three weeks to build and roll out.",
     "We compared the p95 latency for a week before and after: it went from 480 to 120 milliseconds, and database "
     "load dropped by 60%."),
    ("Tell me about a project that failed.",
     "Last year I led the migration of our payment service. I planned it in three phases and we switched over with "
     "no downtime, and latency dropped by 30%.",
     "Last year our data migration failed: I missed that two tables used a different encoding, and we had to roll "
     "back after a day. I wrote a checklist that we now use on every migration."),
])
def test_an_ask_that_needs_a_measure_or_a_failure_is_missed_without_one(question, off, on):
    assert not check(question, off).addressed
    assert check(question, off).missed in {"how you measure whether the new caching layer actually helped",
                                            "a project that failed"}
    assert check(question, on).addressed


def test_habits_given_for_tell_me_about_a_time_miss_the_specific_time():
    result = check("Tell me about a time you had to work under pressure.",
                   "Low pressure is the most common thing I get called out for. I always check the incoming "
                   "pressure with a gauge at the kitchen tap first, so I know whether it's the property or the mains.")
    assert not result.addressed and result.missed == "a time you had to work under pressure"


def test_without_a_question_nothing_is_judged():
    assert check("", BUSY_SATURDAY) is None
    assert analyze(Transcript(text=BUSY_SATURDAY)).on_question is None


def test_a_past_story_given_for_a_how_do_you_question_misses_the_practice():
    swapped = check("How do you make sure ministers get balanced advice?",
                    "When the support package was announced, our team had four days to produce the guidance. I split "
                    "it into sections, gave each to a named writer and ran two check-ins a day. We published on time.")
    assert not swapped.addressed and swapped.missed == "how you make sure ministers get balanced advice"
    practice = check("How do you handle a customer who is shouting at you?",
                     "I let them get it out first, because if you interrupt it just gets worse. Once they've calmed "
                     "down I say sorry, I tell them what I'm going to do, and I give them a time I'll call back.")
    assert practice.addressed
    plan = check("How would you grow it here?", "First I'd look at which services the local GPs refer most, then "
                 "I'd train two more pharmacists so we can offer consultations every day.")
    assert plan.addressed


def test_a_plan_for_a_hypothetical_mistake_needs_no_failure_words():
    result = check("What would you do if you missed a deadline for a client?",
                   "I'd tell the client as soon as I knew, with a new date I can keep, and I'd ask my manager which "
                   "other work can move so it doesn't happen twice.")
    assert result.addressed


def test_the_tail_of_mockints_own_first_round_probe_is_not_an_ask_the_answer_can_miss():
    # Tried as a new user: a probe ending "how do you use it in your work?" flagged a story that used it.
    question = ("In your first interview we talked about the behaviour question, and you weren't sure of the "
                "school's consequence system. Take me through it now: what is it, and how do you use it in your work?")
    answer = ("We had a Year 9 group last spring who would not settle after lunch. I stood at the door, gave a "
              "seating plan and a starter on the board, and used the school warning system, C1 then C2. Two "
              "students kept going so I logged it on SIMS and called the on-call teacher.")
    heard = analyze(Transcript(text=answer), question, QuestionKind.first_round)
    assert heard.on_question is None or heard.on_question.addressed


MENTORING_STORY = ("When Amy joined the ward as a newly qualified nurse I was her preceptor. In her second week she "
                   "froze during a busy drug round, so I set up a quiet ten minutes with her at the end of each shift "
                   "to go over what had gone well. By her third month she was running the round on her own.")


def test_an_answer_swapped_in_from_another_question_is_told_what_it_never_mentions():
    fb = analyze(Transcript(text=MENTORING_STORY),
                 question="Tell me about a time you disagreed with a doctor about a patient's care.")
    assert not fb.on_question.addressed
    assert fb.on_question.unmentioned == ["a disagreement", "a doctor"]
    assert any("your answer never mentions a disagreement or a doctor" in tip for tip in fb.tips), fb.tips


def test_the_same_ask_answered_in_other_words_is_left_alone():
    result = check("Tell me about a time you disagreed with a doctor about a patient's care.",
                   "On nights last winter the F1 wanted to send a confused man home at 3am. I wasn't comfortable: he "
                   "had no one at home and his sodium was low. I bleeped the reg, explained why, and he stayed in; "
                   "the morning bloods showed his sodium had dropped further.")
    assert result.addressed and not result.unmentioned


def test_an_ask_about_parents_needs_a_parent_not_just_the_child():
    question = "How do you involve parents when a child is falling behind?"
    classroom_only = check(question, "I'd look at the child's last three assessments, set up a small reading group "
                                     "with the TA three mornings a week, and move him nearer the front so I can "
                                     "check his work as he goes.")
    assert not classroom_only.addressed and classroom_only.unmentioned == ["a family member"]
    with_mum = check(question, "I'd ring his mum that week rather than wait for parents' evening, show her two "
                               "pieces of his work, and agree one thing we both do: ten minutes' reading at home, "
                               "which I then check in his reading record.")
    assert with_mum.addressed


def test_under_the_influence_is_not_an_ask_to_persuade_anyone():
    result = check("How would you handle a colleague who you suspect is coming to work under the influence?",
                   "I'd make sure patients are safe first, take them off the drug round quietly, and speak to the "
                   "nurse in charge straight away, then write down what I saw and when.")
    assert result.addressed


def test_what_the_question_is_about_counts_even_when_it_comes_before_the_main_ask():
    # The disagreement and the family are named in the first ask; "how did it end" is the main one.
    question = ("Tell me about a time a patient's relatives disagreed with the plan for his care at the end of life: "
                "what did you do, and how did it end?")
    swapped = check(question, "I was asked to cut the waiting time in our outpatient clinic. I mapped every step, "
                              "moved the booking to a single list and we started the sessions on time; the waits "
                              "fell by a third in two months.")
    assert not swapped.addressed and swapped.unmentioned == ["a disagreement", "a family member"]
    assert swapped.missed.startswith("a time a patient's relatives disagreed")
    answered = check(question, "His son wanted everything done, including another round of antibiotics, and the team "
                               "felt it would only prolong things. I sat with him and his sister, went through what "
                               "the antibiotics could and could not do, and we agreed comfort care; he died "
                               "peacefully two days later with both of them there.")
    assert answered.addressed


def test_things_that_clash_are_not_a_disagreement_to_talk_about():
    result = check("If two urgent jobs clashed and you only had one van free, what would you do?",
                   "I'd ring both customers to find out which one really can't wait, send the van there first, and "
                   "book a courier for the smaller job so both are covered today.")
    assert result.addressed


FACT_PROBE = ("In your first interview we asked what a Gillick competence assessment is, and the answer didn't quite "
              "come to you. Have another go now: what's the answer, and when would you need it in this job?")


def test_a_story_given_for_a_fact_the_first_round_missed_is_told_what_it_never_said():
    story = ("On my placement a fifteen year old came in on her own asking for the pill. I sat with her, asked about "
             "her boyfriend and whether her mum knew, and I spoke to the GP before she left. She came back in March.")
    fb = analyze(Transcript(text=story), question=FACT_PROBE, kind=QuestionKind.first_round, story=False)
    assert not fb.on_question.addressed and fb.on_question.missed == "what a Gillick competence assessment is"
    assert fb.tips[0].startswith("The question asked about “what a Gillick competence assessment is”")
    answer = ("It's checking whether a young person under sixteen understands the treatment well enough to consent "
              "to it themselves, without their parents. You'd need it when a teenager asks for contraception.")
    assert analyze(Transcript(text=answer), question=FACT_PROBE, kind=QuestionKind.first_round,
                   story=False).on_question.addressed


def test_the_in_this_job_tail_of_a_probe_is_an_aside():
    assert main_ask(asks(FACT_PROBE)) == "what's the answer"


def test_a_fact_probe_with_a_named_gap_tells_the_candidate_the_gap():
    question = ("In your first interview we talked about working at height, and you weren't sure of the difference "
                "between a MEWP and a scaffold tower. What is the difference, and when does it matter in this job?")
    story = "Last summer I was on a roof job in Leeds and we hired a boom lift, and I got my IPAF card that week."
    missed = analyze(Transcript(text=story), question=question, kind=QuestionKind.first_round, story=False).on_question
    assert missed.missed == "the difference between a MEWP and a scaffold tower"


def test_a_first_round_probe_missed_is_quoted_by_its_topic_not_its_whole_lead():
    probe = ("In your first interview we talked about a complaint from a parent, and your answer stayed quite "
             "general. Give me one specific case now: what did you do yourself, and what changed as a result?")
    reading_club = ("Last term I set up a reading club for the year fours on Wednesday lunchtimes. I picked the books "
                    "with the librarian and ran it myself every week. Twelve children came regularly and their "
                    "reading ages went up by about six months on average.")
    result = check(probe, reading_club)
    assert not result.addressed and result.missed == "a complaint from a parent"


def test_the_answer_to_a_follow_up_is_not_told_it_missed_the_question():
    # The session's own case: the follow-up quotes the candidate, and its answer belongs to the story before it.
    earlier = ["Your ERP shows 1,400 units of a fast-moving line in stock, but pickers keep finding empty locations: "
               "how do you work out where inventory accuracy is breaking down?"]
    follow_up = ("You said you sat down as a team and re-prioritised everything. What was your own part in that: which "
                 "pieces did you do or decide yourself?")
    fb = analyze(Transcript(text="Well I was the one who moved people, I took four off returns and put them on picking."),
                 question=follow_up, kind=QuestionKind.follow_up, earlier_questions=earlier)
    assert fb.on_question is None
    assert not any("question asked about" in tip for tip in fb.tips)
