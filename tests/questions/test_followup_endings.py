"""Follow-ups on answers that sound finished and are not: a story that stops at its last step, a team's
incident told to a technical question, a choice set against an alternative with reasons only for smaller steps.
Each answer goes through the real analyzer and the real chooser."""

import random
import re

import pytest

from mockint.domain import Question, QuestionKind, Transcript
from mockint.feedback.analyze import analyze
from mockint.questions.answer_gaps import rule_gap as find_gap
from mockint.questions.followups import choose_follow_up, chosen_gap
from mockint.questions.story_ending import ENDING_SAID, handed_on_step

STORY = Question(text="Tell me about a time you sorted out a problem with a customer's order.", kind=QuestionKind.behavioral)
PLAN = Question(text="What would you do if a delivery arrived two hours before a wedding with half the flowers missing?",
                kind=QuestionKind.situational)
INCIDENT = Question(text="Walk me through an outage you dealt with: what was the cause and the fix?",
                    kind=QuestionKind.technical)


def gap(question: Question, answer: str) -> str | None:
    return find_gap(question, analyze(Transcript(text=answer), question.text, question.kind))


def follow_up(question: Question, answer: str) -> str:
    chosen = choose_follow_up(question, analyze(Transcript(text=answer), question.text, question.kind),
                              random.Random(3))
    return chosen.text if chosen else ""


# Someone agreed on the way ("the manager agreed to a refund"), then the candidate did more, and it stops there.
STOPS_AT_LAST_STEP = (
    "A café ordered forty boxes of oat milk and the warehouse sent forty cases, so about four hundred cartons. "
    "The owner rang me quite cross because she had no room for it. I checked the pick list and saw the unit was "
    "set wrong on the system. My manager agreed to a collection at our cost. Then I booked the van for the Tuesday, "
    "rang the owner back to tell her the time, and fixed the unit on the product record.")
# The same story with its ending, and one wrap-up step after it.
ENDS_THEN_WRAPS_UP = STOPS_AT_LAST_STEP.replace(
    "and fixed the unit on the product record.",
    "and the van had the extra cases back by Tuesday lunchtime. The owner kept ordering with us all year. "
    "I fixed the unit on the product record afterwards.")
# Steps that went somewhere in the first half, and a rollout with no word on how it went.
ROLLED_OUT = (
    "We kept getting complaints that orders were packed with the wrong sizes. I pulled a month of returns and "
    "found most came from one picking zone where the bins were labelled by hand. The warehouse manager approved "
    "new printed labels. I relabelled the zone with two pickers over a weekend. I wrote a one-page guide for the "
    "night shift. And then the new labels were rolled out on the Monday after.")


def test_a_story_that_stops_at_the_candidates_last_step_has_no_result():
    assert gap(STORY, STOPS_AT_LAST_STEP) == "result"
    assert gap(STORY, ROLLED_OUT) == "result"


def test_a_wrap_up_step_after_the_ending_does_not_hide_it():
    assert gap(STORY, ENDS_THEN_WRAPS_UP) is None


def test_a_team_incident_told_to_a_technical_question_asks_for_the_candidates_part():
    answer = ("So the payments API started timing out on a Friday evening. We found the connection pool was "
              "exhausted after a config change that morning. We rolled the config back, we restarted the workers and "
              "we added an alert on pool usage. We wrote it up in the post-mortem the week after. It hasn't "
              "happened again since.")
    assert gap(INCIDENT, answer) == "own_part"
    asked = follow_up(INCIDENT, answer)
    assert "the team found the connection pool was exhausted" in asked, asked  # a whole clause, subject kept


CHOICE_AGAINST_ALTERNATIVE = (
    "First I'd ring the supplier straight away, because they might have the rest on another van. I'd tell the "
    "couple's planner early, because a surprise at the venue is the worst thing. If nothing can come in time, I'd "
    "rework the table centres with what we have rather than buy replacements from the wholesaler. Then I'd get the "
    "supplier to credit the missing stems.")


def test_the_choice_set_against_an_alternative_needs_its_own_reason():
    assert gap(PLAN, CHOICE_AGAINST_ALTERNATIVE) == "decision"
    asked = follow_up(PLAN, CHOICE_AGAINST_ALTERNATIVE)
    assert "you'd rework the table centres with what you have" in asked, asked
    assert "alternative" in asked, asked  # the alternative was named, so the ask weighs it


def test_an_alternative_nobody_would_weigh_is_no_decision_to_explain():
    answer = CHOICE_AGAINST_ALTERNATIVE.replace("rather than buy replacements from the wholesaler",
                                                "rather than sit on it").replace(
        "Then I'd get the supplier to credit the missing stems.",
        "Then I'd get the supplier to credit the missing stems, because it was their mistake.")
    assert gap(PLAN, answer) is None


SIGNED_OFF = ("Two days before the launch evening the caterer rang to say their kitchen had flooded. I rang round six "
              "caterers that afternoon and found one who could do a cold buffet for sixty. I changed the menu cards, "
              "told the guests with allergies what was in each dish, and moved the serving tables nearer the door. "
              "Then on the day I went down early to set the tables up. So that's what I did.")


def test_a_list_of_steps_closed_with_thats_what_i_did_has_no_result():
    assert gap(STORY, SIGNED_OFF) == "result"


STORY_OF_OTHERS = (
    "On my first month on the ward a patient's blood sugar was dropping and nobody had noticed. The staff nurse "
    "spotted it on the chart and she rang the registrar straight away. The registrar came up within ten minutes "
    "and he prescribed glucose, and my mentor sorted out the repeat tests every hour. By the evening the readings "
    "were back to normal and the patient was sitting up and eating.")


def test_a_story_whose_work_was_done_by_others_asks_what_the_candidate_did():
    assert gap(STORY, STORY_OF_OTHERS) == "own_part"
    asked = follow_up(STORY, STORY_OF_OTHERS)
    assert "the team" not in asked, asked  # it was the nurse's and the registrar's work, not a team's "we"


def test_a_plan_told_as_what_the_team_would_do_asks_for_the_candidates_part():
    answer = ("We'd get the other customers out of the way first so there's no audience. Then we'd call the duty "
              "manager on the radio and the team would keep talking to him calmly. If he kept on, we'd ask security "
              "to walk him out, and afterwards the team would write up the incident log and check on the staff.")
    assert gap(PLAN, answer) == "own_part"


def test_textbook_steps_with_no_case_of_their_own_are_asked_for_a_real_one():
    question = Question(text="How would you carry out a fire risk assessment for a small office?",
                        kind=QuestionKind.technical)
    answer = ("So you follow the guidance basically, you look at the sources of ignition, the fuel and the people "
              "at risk. You check the escape routes and the alarms are working properly and everything's fine with "
              "the extinguishers. Then you write it up and you review it every so often, and you make sure the "
              "right people know about it. I've done a few of these so I'm very familiar with the process.")
    assert gap(question, answer) == "detail"
    asked = follow_up(question, answer)
    assert "you've done a few of these" in asked, asked  # the candidate's own claim, not "the sources of ignition"


def test_a_restart_is_said_back_once():
    from mockint.questions.anchors import tidy
    assert tidy("we worked on a a manufacturing client") == "we worked on a manufacturing client"
    assert tidy("I drove it to the, the depot") == "I drove it to the depot"
    assert tidy("I said that that was fine") == "I said that that was fine"  # not a restart: both words are needed


def test_an_anchor_is_a_whole_clause_without_the_speakers_leftovers():
    from mockint.questions.anchors import tidy
    assert tidy("I'd check they're safe are") == "I'd check they're safe"
    assert tidy("I'm really, really user-centred that's the core of how I work") == "I'm really user-centred"
    assert tidy("I'm really good with complaints, honestly") == "I'm really good with complaints"
    assert tidy("I had, nobody trusted it, the stages were all over the place") == ""
    assert tidy("I'd look at both and, say one is a VAT return due on the seventh") == ""


def test_a_case_the_question_invited_owes_its_ending_whatever_the_kind():
    question = Question(text="Talk me through how you'd handle a burst main on your patch, maybe one you've dealt with.",
                        kind=QuestionKind.technical)
    answer = ("So the first thing is you don't guess, you get the area made safe. The one I had was on a Sunday "
              "morning on the high street. I rang the control room and I got the valve keys out of the van. I shut the "
              "two valves either side and I put the barriers round the hole while we waited for the gang. "
              "Um, yeah. That's basically it, that's how you handle it.")
    assert gap(question, answer) == "result"


def test_a_rise_that_has_gone_up_massively_is_a_claim_to_back():
    answer = ("We lost the tender last time on social value, so this time I interviewed our site supervisors and "
              "rewrote that section around real case studies with named people. I also built a compliance matrix "
              "against their spec. And we won it. Since I brought that approach in across the board our win rate's "
              "gone up massively, the directors are really happy with it.")
    assert gap(STORY, answer) == "evidence"


def test_a_recent_case_told_as_the_teams_asks_for_the_candidates_part():
    question = Question(text="Walk me through a finding from a recent audit that you'd class as serious.",
                        kind=QuestionKind.technical)
    answer = ("So this was the stores audit at the Leeds depot. We started with the stock counts and we found the "
              "write-offs were being approved by the same person who raised them. We could trace about forty "
              "thousand of them to two suppliers. The audit lead wrote it up as high risk, and the depot fixed the "
              "approval step within a month.")
    assert gap(question, answer) == "own_part"


def test_after_that_followed_by_another_step_ends_nothing():
    answer = ("We had a run of complaints about a car dealer clocking mileage. I pulled the MOT history for fourteen "
              "cars and nine didn't add up. Then I did a test purchase with a colleague and took photos of the dash. "
              "After that I interviewed him under caution with his solicitor there. I put the full file together and "
              "submitted it to our legal team. And my manager said it was the most organised case file she'd seen.")
    assert gap(STORY, answer) == "result"


def test_a_night_run_by_the_chef_the_lads_and_the_dj_asks_what_the_supervisor_did():
    answer = ("I was supervising a wedding, a hundred and eighty covers, and in the middle of the mains the combi oven "
              "tripped with half the beef still in it. So the head chef made the call to move the beef to the other "
              "kitchen. And front of house, the lads just handled it brilliantly, kept the wine going round. The DJ, "
              "um, did a little thing where the speeches got moved forward, so the guests never noticed the gap. The "
              "bride's mum emailed the manager after to say it was perfect.")
    assert gap(STORY, answer) == "own_part"


def test_a_change_in_the_opening_scene_is_not_a_claim_to_back():
    question = Question(text="Tell me about a time you made a judgement call about safety that others disagreed with.",
                        kind=QuestionKind.behavioral)
    answer = ("So I was second officer on a ferry, and while we were loading the weather came up quite a lot. I "
              "stopped the loading of the high-sided freight onto the upper deck and I told the shore side why. The "
              "drivers weren't happy, there was a lot of shouting on the linkspan, and I rang the master on the "
              "bridge. The master came down and he backed me. I re-planned the deck so the high-sided trailers went "
              "below. We sailed an hour late and nothing shifted on the crossing.")
    from mockint.questions.answer_gaps import unbacked_claim
    assert unbacked_claim(answer, question.text) is None
    assert unbacked_claim(answer.replace("We sailed an hour late", "Since then our loading has been much faster"),
                          question.text).match == "much faster"  # a claimed result is still one


def test_stopping_the_work_yourself_is_a_step_not_an_ending():
    answer = ("So the one I remember was on a housing site in Leeds. The banksman wanted me to lift a bundle of rebar "
              "over the site cabins and the wind was gusting. I checked the anemometer and it was close to the limit "
              "on the lift plan. I stopped the lift and I rang the lifting supervisor. Then I wrote it up in the log.")
    assert gap(STORY, answer) == "result"
    assert gap(STORY, answer + " The gusts dropped after forty minutes and the lift went ahead safely.") is None


@pytest.mark.parametrize("said, kind", [
    ("The silage analysis is miles better now.", "change"),
    ("Complaints went down very much after that.", "change"),
    ("By the spring we had the best redemption rate in the branch.", "rank"),
    ("It was our best quarter ever.", "rank"),
    ("Honestly we were the most reliable crew on that contract.", "rank"),
    ("And my repairs basically never come back.", "success"),
    ("Since then there have been almost no complaints.", "success"),
    ("Since we started asking for the accounts, claims have basically dried up.", "change"),
    ("Start-up waste is a fraction of what it was.", "change"),
    ("And compliance has really picked up since.", "change"),
    # The candidate's own work against everyone else's, or asked for by name (stop 47).
    ("Honestly my rounds are the tidiest in the depot.", "rank"),
    ("My drop rate is way below the rest of the region.", "rank"),
    ("I'd say my hedges are as good as anybody's in the county.", "rank"),
    ("The regulars always ask for me now.", "praise"),
    ("I've never had a single complaint about a delivery.", "praise"),
    # Boasts read by none of the above (stop 52: 132 of 456 labelled evidence answers had no claim read).
    ("Honestly I've got the strongest driver network in the office.", "rank"),
    ("I'm easily the quickest picker on the night shift.", "rank"),
    ("My route sheets are always spot on.", "success"),
    ("My audits are always signed off first time.", "success"),
    ("Nothing gets past me on a manifest.", "success"),
    ("The depot managers trust my judgement completely.", "praise"),
    ("The drivers always say my rounds are easier.", "praise"),
    ("Honestly it's transformed their whole week.", "success"),
    # The candidate's work set above what most others do (stop 53: sets 81-84's raters).
    ("Honestly my balloon placement is better than most letterers working now.", "rank"),
    ("My chick survival's well above what most ostrich farms get.", "rank"),
    ("It's the best scheduling tool available for small depots, nobody else is close.", "rank"),
])
def test_claims_said_in_other_words_are_claims_to_back(said, kind):
    from mockint.questions.answer_gaps import unbacked_claim
    answer = f"I took over the round in March and rebuilt the schedule with the team. {said}"
    claim = unbacked_claim(answer, STORY.text)
    assert claim is not None and claim.kind == kind


@pytest.mark.parametrize("said", ["We were almost always on time after that, 96 out of 100 drops.",
                                  "I picked up the phone and rang the depot.",
                                  "Honestly, it's a lot cheaper to find that out before than after.",
                                  "The best option was to wait for the crane.",
                                  "We had the best redemption rate in the branch, 31% against 18%.",
                                  "The drivers know those lanes better than anyone.",
                                  # a quarter compared with the speaker's own, and a plain method that works
                                  "It was probably the busiest quarter I've had.",
                                  "Letting the driver pick the order works really well for new starters.",
                                  "My manager said it was the most organised file she'd seen.",
                                  "The client said it was the best route plan they'd ever had."])
def test_a_habit_a_choice_or_a_measured_rank_is_not_a_claim_to_back(said):
    from mockint.questions.answer_gaps import unbacked_claim
    assert unbacked_claim(f"I took over the round in March and rebuilt the schedule. {said}", STORY.text) is None


def test_a_standing_is_not_backed_by_a_count_of_something_else_later_in_the_story():
    from mockint.questions.answer_gaps import unbacked_claim
    answer = ("I took over the round in March. Honestly, my estimates are the most accurate in the company. I've been "
              "doing it eleven years, so I know what a three-bed semi looks like in a container.")
    claim = unbacked_claim(answer, STORY.text)
    assert claim is not None and claim.kind == "rank" and "most accurate" in claim.match
    measured = answer.replace("in the company.", "in the company, 2% out against 9% for the others.")
    assert unbacked_claim(measured, STORY.text) is None


def test_a_scenario_answered_with_the_time_it_happened_is_asked_how_it_ended_not_how_you_would_know():
    # "How would you know it had worked" of a past event was faulted by sets 43-48's raters; the deed said back here is
    # the daughter's, so "you"-only tense reading took it for a plan.
    from mockint.questions.followups import follow_up_text
    question = Question(text="A resident's family tells you his hearing aids keep going missing. What do you do?",
                        kind=QuestionKind.situational)
    story = ("We had exactly that with a gentleman on our dementia floor last spring. I checked the laundry and the "
             "bins first, because that's where they usually turn up, and then I put a note in his care plan so every "
             "shift checked them at bedtime. I rang his daughter and talked it through with her. In the end his daughter "
             "bought a lanyard clip for them.")
    follow = follow_up_text("result", question, analyze(Transcript(text=story), question.text, question.kind),
                            random.Random(0))
    assert "daughter bought a lanyard clip" in follow and "would you know" not in follow
    plan = story.replace("We had exactly that with a gentleman on our dementia floor last spring. ", "").replace(
        "I checked", "I'd check").replace("I put", "I'd put").replace("I rang", "I'd ring").replace(
        "talked", "talk").replace("In the end his daughter bought", "His daughter could buy")
    follow = follow_up_text("result", question, analyze(Transcript(text=plan), question.text, question.kind),
                            random.Random(0))
    assert "would you know" in follow


def test_a_clause_that_tells_the_ending_is_not_asked_how_it_ended():
    # Seen in sets 50-56: "So she kept coming to your drop-ins. What happened after that: how did it end?"
    answer = ("A girl in Year Nine stopped coming to lunch club and her form tutor mentioned she looked tired. I made "
              "a point of catching her at the gate a few mornings and asked if she fancied helping me set up the "
              "drop-in. We got talking and she told me things were hard at home. I passed it to our safeguarding "
              "lead that day and we agreed I would keep checking in. She kept coming to my drop-ins.")
    assert chosen_gap(STORY, analyze(Transcript(text=answer), STORY.text, STORY.kind)) != "result"
    # Read as it will be said: the candidate's own return is a step, someone else's can be the ending.
    assert not ENDING_SAID.search("you came back the next day") and ENDING_SAID.search("he came back in the summer")



# A story that stops where the candidate handed the work on for others to decide, after a measure on the way.
HANDED_ON_TO_DECIDE = (
    "The supplier's moisture readings for a timber batch looked too good, every board between eight and nine percent. "
    "I took twenty boards at random and tested them with our own meter, and eleven of them read over fifteen percent. "
    "I tested them again the next morning to be sure. "
    "On the retest the average was still over fourteen percent, so I wrote it up with photos of each board. "
    "Then I submitted the report to the supplier's quality manager with a request for a credit, in case they wanted "
    "to dispute it.")


def test_a_story_stopping_where_the_work_went_to_others_to_decide_is_asked_what_came_of_it():
    question = Question(text="Tell me about a time you found a problem in a supplier's figures.",
                        kind=QuestionKind.behavioral)
    feedback = analyze(Transcript(text=HANDED_ON_TO_DECIDE), question.text, question.kind)
    said = follow_up(question, HANDED_ON_TO_DECIDE)
    assert chosen_gap(question, feedback) == "result"
    # The hand-off is named, not the clause cut from its "in case": "they wanted to dispute it" never happened.
    assert "you submitted the report to the supplier's quality manager" in said
    assert "dispute" not in said
    assert re.search(r"What came (?:of it|back)", said)


@pytest.mark.parametrize("story, step", [
    ("We ran the trial for six weeks. The scrap rate was down on the new die. I put it all in a proposal and presented "
     "it to the plant manager in March.", "I presented it to the plant manager in March"),
    ("I rebuilt the model with the new loss data. The error came down a lot. I compiled the pack, about ninety pages, "
     "and submitted it to the regulator in June, so it could be reviewed before the summer.",
     "I submitted it to the regulator in June"),
    ("We found the leak behind the panel. I costed three options. I wrote it up, and that went to the estates board "
     "for the next budget round.", "that went to the estates board for the next budget round"),
    # A shift's routine handover passes the work on; it is not left to others to decide.
    ("The pump tripped at two. I reset it and ran the checks. I handed over to the day shift at six with the readings.", ""),
    # What came of it said in the same sentence.
    ("We redrew the layout. I costed it. I presented it to the board, and they approved it the same week.", ""),
])
def test_the_hand_off_a_story_stops_on_is_read_as_it_was_said(story, step):
    assert handed_on_step(story) == step
