"""STAR parts with evidence, ownership, quantified results, and which questions STAR applies to."""

import pytest

from mockint.domain import QuestionKind, Transcript
from mockint.feedback import analyze
from mockint.feedback.classify import classify_question

STORY = ("Last spring our payroll run failed two days before payday. My job was to get everyone paid on time. "
         "I traced the failure to an expired certificate, renewed it, and reran the batch overnight. "
         "All 1,200 staff were paid on time, and we now get an alert 30 days before any certificate expires.")
BEHAVIORAL = "Tell me about a time you fixed something under pressure."


def star_of(text: str, question: str | None = BEHAVIORAL, kind=None):
    return analyze(Transcript(text=text), question=question, kind=kind)


def test_a_complete_story_has_all_four_parts_with_the_sentences_that_show_them():
    fb = star_of(STORY)
    star = fb.star
    assert star.applicable and star.completeness == 1.0
    assert star.situation.evidence == ["Last spring our payroll run failed two days before payday."]
    assert star.task.evidence == ["My job was to get everyone paid on time."]
    assert star.action.evidence[0].startswith("I traced the failure")
    assert star.result.evidence[0].startswith("All 1,200 staff were paid on time")
    assert fb.result_quantified
    assert fb.tips and "Strong answer" in fb.tips[0]


def test_habits_instead_of_a_story_have_no_parts_and_get_one_clear_tip():
    fb = star_of("I always try to stay calm. I usually make a list and I keep my manager informed. "
                 "In my experience this works really well and people trust me.")
    star = fb.star
    assert not any(p.present for p in (star.situation, star.task, star.action, star.result))
    assert any("one specific time" in tip for tip in fb.tips)


def test_a_story_without_an_ending_misses_the_result_and_says_so():
    fb = star_of("Last year a new analyst joined my team and struggled with our reporting tool. "
                 "My manager asked me to get her up to speed. I set up weekly pairing sessions and "
                 "I wrote a short guide for her.")
    assert fb.star.action.present and not fb.star.result.present
    assert any("how it ended" in tip for tip in fb.tips)


def test_a_lesson_learned_is_not_a_result_and_passive_voice_is_not_an_action():
    lesson = star_of("At my last job two teams kept clashing over deadlines. I had to get them working "
                     "together. I ran a joint planning session. I learned that people need to be heard.")
    assert lesson.star.action.present and not lesson.star.result.present
    passive = star_of("Our data set was a mess after the merger. It had to be ready for the campaign. "
                      "It was cleaned up and the campaign went out on time.")
    assert not passive.star.action.present and passive.star.result.present


def test_ownership_counts_i_and_we_in_what_was_done():
    fb = star_of("Last year our app kept crashing. The goal was to fix it in a month. We rewrote the cache, "
                 "we added tests, and we switched to a new database. I also wrote the rollout plan. "
                 "Crashes fell by 80 percent.")
    assert (fb.ownership.i, fb.ownership.we) == (1, 3)
    assert any("\u201cwe\u201d 3 times" in tip for tip in fb.tips)


def test_result_is_quantified_only_by_a_measure_in_the_result_not_by_a_date():
    dated = star_of("In 2021 a client left us. I called the buyer and rebuilt our onboarding plan. "
                    "Two months later we won a similar account.")
    assert dated.star.result.present and not dated.result_quantified
    measured = star_of("In 2021 a client left us. I called the buyer and rebuilt our onboarding plan. "
                       "We won two similar accounts worth 80,000 pounds.")
    assert measured.result_quantified


@pytest.mark.parametrize("question, kind", [
    ("Tell me about a time you disagreed with your manager.", QuestionKind.behavioral),
    ("Describe a situation where a project slipped.", QuestionKind.behavioral),
    ("Give me an example of a deal you lost.", QuestionKind.behavioral),
    ("Walk me through a time you led a migration.", QuestionKind.behavioral),
    ("How would you design a rate limiter?", QuestionKind.technical),
    ("What is the difference between a process and a thread?", QuestionKind.technical),
    ("What would you do if a stakeholder rejected your plan?", QuestionKind.situational),
    ("Imagine you join a team with no tests.", QuestionKind.situational),
    ("Why do you want to work here?", QuestionKind.culture),
    ("Where do you see yourself in five years?", QuestionKind.culture),
    ("Pineapple?", None),
])
def test_questions_are_classified_by_their_wording(question, kind):
    assert classify_question(question) == kind


@pytest.mark.parametrize("question, kind", [
    ("How would you design a rate limiter?", None),
    ("What would you do if a stakeholder rejected your plan?", None),
    ("Why do you want to work here?", None),
    ("How do you test a gas valve?", QuestionKind.technical),  # the caller's kind, when the wording asks no story
])
def test_star_does_not_apply_to_technical_situational_or_motivation_questions(question, kind):
    fb = star_of(STORY, question=question, kind=kind)
    assert not fb.star.applicable and fb.star.completeness is None


def test_without_a_question_star_applies_only_when_the_answer_tells_a_story():
    assert star_of(STORY, question=None).star.applicable
    opinion = star_of("Good managers listen more than they talk. They explain decisions and they admit "
                      "mistakes, because that is how teams learn.", question=None)
    assert not opinion.star.applicable


def test_first_round_follow_ups_are_judged_as_stories():
    fb = star_of(STORY, question="In your first interview you mentioned payroll. Walk me through it.",
                 kind=QuestionKind.first_round)
    assert fb.star.applicable and fb.star.completeness == 1.0


def test_a_first_round_probe_for_a_fact_is_not_read_for_star():
    question = ("In your first interview we asked what HEMA is, and the answer didn't quite come to you. Have another "
                "go now: what's the answer, and when would you need it in this job?")
    answer = ("HEMA is a monomer in a lot of gel products. If it touches the skin before it's cured it can sensitise "
              "the client, and once they're allergic it's for life, so I keep product off the cuticle.")
    fb = analyze(Transcript(text=answer), question=question, kind=QuestionKind.first_round, story=False)
    assert not fb.star.applicable
    assert not any("never says what you did" in tip or "how it ended" in tip for tip in fb.tips)


def test_a_question_filed_under_another_kind_but_asking_for_a_time_is_read_for_star():
    question = ("Tell me about the last time you caught a mistake in your own work before anyone else saw it: how did "
                "you spot it, and what would it have caused if it had got through?")
    assert star_of(STORY, question=question, kind=QuestionKind.technical).star.applicable
    assert not star_of(STORY, question="Tell me about a time you had to design an API.",
                       kind=QuestionKind.follow_up).star.applicable  # a follow-up is one part of a story
    assert not star_of(STORY, question="How would you design the schema?", kind=QuestionKind.technical).star.applicable


@pytest.mark.parametrize("text, part, evidence_start", [
    # A duty role and a goal set by others are the task.
    ("At the station where I work in Leeds, we got called to a man collapsed in a car park last winter. I was the "
     "only paramedic on shift. I called the cardiac centre and got them to accept him. He had a stent within 90 "
     "minutes.", "task", "I was the only paramedic on shift."),
    ("Last year our marketing team was asked to cut the paid search budget by a fifth. I pulled twelve months of "
     "data and proposed cutting four campaigns. We came in at 96% of the old revenue.", "task",
     "Last year our marketing team was asked to cut"),
    # Where the speaker works sets the scene, whatever the place is called.
    ("At the depot where I work, the site manager asked me to sort out the layout. I marked out walkways in yellow. "
     "We had no near misses in the next six months.", "situation", "At the depot where I work"),
    # An outcome with its amount, said with "we".
    ("At the depot where I work, the site manager asked me to sort out the layout. I marked out walkways in yellow. "
     "We had no near misses in the next six months.", "result", "We had no near misses"),
    # The story's last turn, said of someone else, with no outcome word.
    ("Two years ago a container of medical equipment was stuck in customs. My responsibility was to deliver it "
     "before the ward opened. I called the broker and booked a truck from the port. The container arrived one day "
     "before the opening.", "result", "The container arrived one day before the opening."),
    # Narrated in the present, inside a past story.
    ("Last year in month end close, I was responsible for the accruals. After we sent the accounts, I noticed one "
     "invoice twice. I tell my manager the same day and I prepare the correcting journal.", "action",
     "I tell my manager the same day"),
])
def test_spoken_and_non_native_story_telling_is_read(text, part, evidence_start):
    got = getattr(star_of(text).star, part)
    assert got.present and got.evidence[0].startswith(evidence_start)


def test_narrated_present_is_not_an_action_outside_a_story_or_as_a_habit():
    habit = star_of("I check every course with the apprentice. Now I sign the chart at the bedside every time.")
    assert not habit.star.action.present
    lesson = star_of("Last year our release slipped by a week. I learned that I should plan earlier.")
    assert not lesson.star.action.present and not lesson.star.result.present


def test_what_others_did_before_the_candidate_acted_is_not_the_result():
    fb = star_of("A lady couldn't find a dress in her size, so I rang another store and had it sent to her house.")
    assert not fb.star.result.present


@pytest.mark.parametrize("question", [
    "What was the hardest decision you've had to make at work?",
    "When was the last time you disagreed with your manager?",
    "How have you handled a difficult customer in the past?",
    "Describe your most challenging project.",
    "Tell me about a difficult conversation you had with a colleague.",
    "Describe how you handled a complaint.",
    "Walk me through how you handled the outage last year.",
])
def test_questions_about_one_past_event_are_story_questions(question):
    assert classify_question(question) == QuestionKind.behavioral


@pytest.mark.parametrize("question", ["What is the biggest risk in migrating a monolith to microservices?",
                                      "What is your biggest weakness?"])
def test_superlatives_that_ask_for_no_event_are_not_story_questions(question):
    assert classify_question(question) != QuestionKind.behavioral


def test_a_story_reaches_its_result_only_when_an_outcome_follows_its_last_step():
    from mockint.feedback.star import reaches_result

    told = ("Last winter demand at the food bank doubled in a month. I had to find enough drivers. "
            "I called every volunteer who had left in the past year")
    assert not reaches_result(told + ", um,")
    assert not reaches_result(told + ".")  # a step, and nothing yet about how it turned out
    assert reaches_result(told + ". Twenty of them came back, and we did not miss a single delivery.")
    # an outcome word early in the story ("on time" in the task) does not end it
    assert not reaches_result("One spring a shipment did not arrive. I had to keep three orders on time. "
                              "I split the team in two, with one group.")
