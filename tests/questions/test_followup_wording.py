"""A follow-up's words: the choice it names when the answer never says "decided", and an ask that fits a plan."""

import random
import re

import pytest

from mockint.domain import Question, QuestionKind, Transcript
from mockint.feedback.analyze import analyze
from mockint.questions.anchors import anchor, premise_of, tidy, to_you
from mockint.questions.followups import follow_up_text
from mockint.questions.templates import toml_template

CALL = Question(text="Tell me about a time you had to make a call on a vehicle when the transport office was pushing "
                     "to get it back out.", kind=QuestionKind.behavioral)
STORY_QUESTION = Question(text="Tell me about a time something went wrong on your watch.", kind=QuestionKind.behavioral)
SAFEGUARDING = Question(text="What would you do if a pupil told you something that worried you about home?",
                        kind=QuestionKind.situational)


def said_back(gap, question, answer):
    """The anchor the follow-up for `gap` names, read by the real analyzer."""
    return anchor(gap, question, analyze(Transcript(text=answer), question.text, question.kind))


def asked(gap, question, answer):
    """The whole follow-up for `gap`, read by the real analyzer."""
    return follow_up_text(gap, question, analyze(Transcript(text=answer), question.text, question.kind),
                          random.Random(0))


def test_a_call_made_without_the_word_decided_is_named_up_to_its_and():
    answer = ("One of our tractor units came in with an air leak and the transport manager wanted it out again at ten. "
              "I traced it to a cracked air line by the trailer coupling. But I made the call to pull the unit off and "
              "give the transport manager our spare tractor unit instead, the older DAF, and do the job properly in "
              "the morning. He wasn't happy, but the unit went out the next day with no defects.")
    assert said_back("decision", CALL, answer) == "you made the call to pull the unit off"


def test_a_proposal_is_said_back_as_what_was_proposed():
    question = Question(text="Tell me about a time you contributed to a decision with the captain under time pressure.",
                        kind=QuestionKind.behavioral)
    answer = ("We were stable but at about 800 feet we got a wind shear caution and the captain went around. Then we had "
              "to decide what next. I said I think we should divert straight to Exeter rather than hold. The captain "
              "agreed, I ran the diversion checklist and we landed in Exeter without any problem.")
    assert said_back("decision", question, answer) == "you should divert straight to Exeter rather than hold"


def test_a_plan_that_is_no_pick_between_options_is_asked_what_it_involves_and_why():
    answer = ("Honestly I'd follow safeguarding, that's the main thing. Safeguarding is really important in any "
              "school and everyone has a part in it.")
    text = asked("decision", SAFEGUARDING, answer)
    assert text.startswith("You said you'd follow safeguarding.")
    assert "alternatives" not in text and ("involve" in text or "look like" in text)


def test_a_concrete_step_of_a_plan_is_asked_why_that_step_not_what_it_involves():
    # Blind raters accepted 8 of 29 "what exactly would that involve" asks after a step the answer had already told.
    answer = ("Um, I would suspend him straight away, that's the first thing. Then I would inform the exam board and get "
              "another teacher to remark all of the coursework before the deadline. And then tell the parents. It's about "
              "integrity, so it has to be dealt with quickly.")
    question = Question(text="What would you do if you found out a well-liked teacher had been inflating coursework marks?",
                        kind=QuestionKind.situational)
    text = asked("decision", question, answer)
    assert text.startswith("You said you would suspend him straight away.")
    assert "involve" not in text and "rather than another way" in text


def test_a_plan_that_picks_between_options_is_still_asked_about_the_alternatives():
    question = Question(text="Your team needs a new store for event data at ten thousand writes a second. What would "
                             "you build?", kind=QuestionKind.situational)
    text = asked("decision", question, "I'd use Cassandra for this. It's what I know best and the team has used it.")
    assert text.startswith("You said you'd use Cassandra for this.") and "alternative" in text


def test_a_past_told_with_had_is_asked_in_the_past():
    question = Question(text="Tell me about a time you changed a client's programme part-way through.",
                        kind=QuestionKind.behavioral)
    answer = ("A client of mine had a sore knee after week three. I stopped the running progression I'd planned and "
              "put her on the bike and the rower for a month. She came back to running in May.")
    text = asked("decision", question, answer)
    assert "you'd planned" in text and "would" not in text


def test_an_aside_about_how_common_a_thing_is_is_not_what_the_follow_up_names():
    question = Question(text="What would you do if a relative at a scene became aggressive?", kind=QuestionKind.situational)
    answer = ("That's pretty common unfortunately, especially on nights. The first thing is my own safety, really, "
              "and then the patient.")
    named = said_back("detail", question, answer)
    assert named and not named.lower().startswith("that's")


def test_an_exclamation_before_the_claim_is_not_said_back():
    question = Question(text="Our customers are often stressed when they call us out. How do you fit with that?",
                        kind=QuestionKind.culture)
    named = said_back("evidence", question, "Oh I'm brilliant with that, honestly. People skills are my strongest "
                                            "thing. Customers always love me, I get asked for by name all the time, "
                                            "and I can calm anyone down, I'm just that kind of person.")
    assert named and not named.lower().startswith("oh")


def test_a_clause_cut_at_its_and_keeps_no_trailing_comma():
    question = Question(text="A grower rings you: his winter wheat has yellow patches spreading. What do you do?",
                        kind=QuestionKind.situational)
    answer = ("First I'd get out there, you don't diagnose off a phone photo. I'd walk the fields in a W, look at "
              "where the patches are, are they on the headlands, the wet bits, old field boundaries, and I'd pull plants, look at the roots.")
    named = said_back("decision", question, answer)
    assert named.startswith("you'd walk the fields") and not named.endswith(",")


def test_a_trait_with_no_claim_the_rules_name_is_asked_for_the_case_that_shows_it():
    question = Question(text="How do you make sure the work you hand over is right first time?",
                        kind=QuestionKind.technical)
    text = asked("evidence", question, "I'm very thorough, it's just how I'm wired. I do a full check on every "
                                       "report before it goes to the adviser.")
    assert text.startswith("You said you're very thorough") and "before and after" not in text


def test_a_comment_on_the_answer_is_not_the_plan_a_follow_up_names():
    question = Question(text="What would you do if a resident reported a pothole on a busy road on a Friday evening?",
                        kind=QuestionKind.situational)
    answer = ("Honestly that's what I'd do in any case, that's how I was trained. I'd go out and measure it. Then "
              "I'd log it as a category two defect for Monday.")
    named = said_back("decision", question, answer)
    assert named and not named.lower().startswith("that")


def test_a_comment_after_the_plan_is_not_said_back_with_it():
    question = Question(text="What would you do if a climber's rope was damaged part-way up a tree?",
                        kind=QuestionKind.situational)
    named = said_back("detail", question, "I would follow the company safety policy, that is the main thing, and make "
                                          "sure everyone is safe.")
    assert named == "you would follow the company safety policy"


def test_years_of_experience_are_not_what_a_detail_follow_up_names():
    question = Question(text="How do you check a survey vessel's positioning before a job starts?",
                        kind=QuestionKind.technical)
    answer = ("I have fourteen years in survey, mostly offshore wind and ports. I check the offsets against the "
              "vessel drawings and I run a static test alongside a known point.")
    assert "years" not in said_back("detail", question, answer)


def test_a_pause_written_as_a_space_before_a_comma_is_not_said_back():
    question = Question(text="Tell me about a time a cue went wrong during a live show.", kind=QuestionKind.behavioral)
    answer = ("The tracking backup failed in the second act, so I busked it , called it with the DSM on cans and we got "
              "through the scene.")
    assert " ," not in said_back("result", question, answer)


def test_a_past_deed_said_back_after_a_technical_question_is_asked_what_was_done():
    question = Question(text="How do you build next year's operating budget, and which cost lines do you challenge "
                             "hardest?", kind=QuestionKind.technical)
    answer = ("We had a big problem with berth clashes last summer so we sat down as a team and re-did the whole "
              "scheduling process. It went much better after that and everyone was happier.")
    text = asked("detail", question, answer)
    assert text.startswith("You said you sat down as a team") and "would you" not in text and "you did" in text.replace("did you", "you did")


@pytest.mark.parametrize("clause, said", [
    ("we were just", ""),  # the rest of the sentence went elsewhere: nothing whole is left
    ("I was out on the corridors myself every single changeover, me", "I was out on the corridors myself every single changeover"),
    ("what they started with, and I recommended the cheaper one", ""),  # a clause around a gap
    # A last word that completes the clause stays (cut to "customers like", "what you're known" in sets 49-50's sheets).
    ("I'm really good with customers like that", "I'm really good with customers like that"),
    ("it's what I'm known for", "it's what I'm known for"),
    ("I'm very careful about all that", "I'm very careful about all that"),
    # The speaker's own lead-in is not said back ("You said you must say your response rate ...", set 52's sheet).
    ("I must say my response rate is always one of the best in the team",
     "my response rate is always one of the best in the team"),
])
def test_what_is_left_of_a_clause_is_said_back_whole_or_not_at_all(clause, said):
    assert tidy(clause) == said


def test_a_claim_to_have_owned_the_work_is_what_the_own_part_follow_up_names():
    question = Question(text="Tell me about a serious outage you handled.", kind=QuestionKind.behavioral)
    answer = ("We pushed a config change on a Friday and the checkout started timing out. I owned the incident from "
              "start to finish. Marta, our senior engineer, found the bad setting in the logs, the on-call rolled it "
              "back, and support emailed the affected customers. We were back in forty minutes.")
    assert said_back("own_part", question, answer) == "you owned the incident from start to finish"


@pytest.mark.parametrize("clause, said", [
    ("I'd look at which one", ""),  # stops where its object should start
    ("I'd work out what", ""),
    ("I'd think about it in terms of the three Cs which is something we did on the course",
     "I'd think about it in terms of the three Cs"),  # the comment after "which is" goes
    ("the supervisor, and I'd file the occurrence report before I go on break", ""),  # "the supervisor": no clause
    ("I would talk with the landowner and try to understand his point of view, because maybe",
     "I would talk with the landowner and try to understand his point of view"),  # a reason begun, not given
    ("there, but I think that's made a real difference to how people see the mart", ""),  # another clause's tail
    ("I just decided that early on", ""),  # decided what? the choice is not in it
    ("I mean I'd price it off the peer group", "I'd price it off the peer group"),  # not "you said you mean ..."
])
def test_a_clause_is_said_back_whole_or_not_at_all(clause, said):
    assert tidy(clause) == said


def test_a_gap_the_follow_up_cannot_name_gives_way_to_the_next_one_it_can(monkeypatch):
    from mockint.questions import followups
    question = Question(text="How do you keep a new team motivated?", kind=QuestionKind.culture)
    answer = ("I'm a big believer that culture eats strategy for breakfast. People want to feel heard, so I make time "
              "for them and I keep my door open.")
    fb = analyze(Transcript(text=answer), question.text, question.kind)
    assert said_back("own_part", question, answer) == ""  # no "we" and no one else's deed to ask about
    monkeypatch.setattr(followups, "scored_gaps", lambda q, f: {"own_part": 0.6, "detail": 0.4})
    assert followups.chosen_gap(question, fb) == "detail"
    # But not a gap the heads are far less sure of: the likeliest is asked, unanchored (sets 43-64's raters faulted
    # each of the 10 such swaps they saw).
    monkeypatch.setattr(followups, "scored_gaps", lambda q, f: {"own_part": 0.9, "detail": 0.05})
    assert followups.chosen_gap(question, fb) == "own_part"
    monkeypatch.setattr(followups, "scored_gaps", lambda q, f: {"own_part": 0.9})
    assert followups.chosen_gap(question, fb) == "own_part"  # nothing to name at all: the likeliest, unanchored
    monkeypatch.setattr(followups, "scored_gaps", lambda q, f: {})
    assert followups.chosen_gap(question, fb) is None


@pytest.mark.parametrize("question, answer, gap, said", [
    # "basically" is counted as a filler and taken out before quoting, and with it went the claim ("found basically
    # nothing"): the follow-up had named a plain step of the method instead (set 50).
    (Question(text="How do you build a cash flow model for a project finance deal?", kind=QuestionKind.technical),
     "I start from the construction budget and the drawdown schedule. I take the revenue from the offtake contract and I "
     "check the ratios every period. Honestly my models hold up, the lender's auditors on my last deal found basically "
     "nothing.", "evidence", "the lender's auditors on your last deal found nothing"),
    # A claim too long to say with what follows its "and" is said up to the "and" (set 55).
    (Question(text="A customer says the repair you did last week has failed. What do you do?",
              kind=QuestionKind.situational),
     "I'd ring her myself and get the car back in the same day, and if it's my fault it's free, simple as that. My "
     "first-time fix rate's the best in the branch and a lot of my regulars ask for me by name when they book.",
     "evidence", "your first-time fix rate's the best in the branch"),
    # A named group's deed is what "what was your own part?" names (set 62: "our QC group did rolling checks").
    (STORY_QUESTION, "The deadline moved up by a fortnight. Our test group ran the regression suite every night "
     "instead of weekly, and the release went out on the new date.",
     "own_part", "the test group ran the regression suite every night instead of weekly"),
    # A standing claimed against a whole place, and a whole change claimed in a word (sets 69-71: the unsupported
    # claim the raters wanted tested, where the follow-up had named a side step).
    (Question(text="How do you build a programme for a wedding season?", kind=QuestionKind.technical),
     "I sit down with each couple in January and go through the running order. I learn every first dance in advance. "
     "Honestly I'm one of the most booked harpists in the county now.",
     "evidence", "you're one of the most booked harpists in the county now"),
    (STORY_QUESTION, "The greenhouse heating failed over a weekend in March. I moved the early crop to the polytunnel and "
     "we went with an early variety on those beds. Honestly the new variety completely turned the season around for us.",
     "evidence", "the new variety completely turned the season around for you"),
    # A plan or a wish is no deed to ask proof of: "what told you it had worked?" of "you'd rework the sessions"
    # (sets 70-72's raters).
    (Question(text="Your team has lost five games in a row. What would you do?", kind=QuestionKind.situational),
     "I'd rework the two training sessions a week. I'd talk to the senior players first.", "evidence", ""),
])
def test_the_claim_or_deed_a_follow_up_names(question, answer, gap, said):
    assert said_back(gap, question, answer) == said


def test_a_decision_asked_with_nothing_to_name_asks_for_the_choice_itself(monkeypatch):
    # A rater on set 28: "unanchored; unclear what 'this' is" ("why did you choose this over the alternatives?").
    from mockint.questions import followups
    question = Question(text="How do you decide what to teach first?", kind=QuestionKind.technical)
    fb = analyze(Transcript(text="It depends, honestly. Every group is different."), question.text, question.kind)
    monkeypatch.setattr(followups, "anchor", lambda gap, q, f: "")
    asked = followups.follow_up_text("decision", question, fb, random.Random(0))
    assert asked.startswith("What's the key decision in what you've just described?")
    assert not re.search(r"\b(?:this|that)\b", asked.split("?", 1)[1])  # nothing points back at what was never named


def test_an_evidence_follow_up_does_not_ask_for_proof_of_years_served():
    question = Question(text="Why do you want to move in-house after private practice?", kind=QuestionKind.culture)
    answer = ("I've been at the firm for six years and I turned down the partnership track last spring. I want to be "
              "closer to the business and see deals through.")
    assert said_back("evidence", question, answer) == "you turned down the partnership track last spring"


def test_a_clause_with_a_pause_after_its_preposition_is_not_said_back():
    assert tidy("the team got him at the bus station in, four minutes") == ""


def test_the_decision_follow_up_names_the_choice_not_the_plan_s_first_look():
    question = Question(text="A patient's blood culture comes back showing the IV antibiotic isn't needed any more. "
                             "What would you do?", kind=QuestionKind.situational)
    answer = ("First I'd go and look at the patient's notes and the latest observations. Then I'd speak to the "
              "consultant, and I'd recommend switching to oral antibiotics. I'd document the conversation afterwards.")
    assert said_back("decision", question, answer) == "you'd recommend switching to oral antibiotics"


def test_the_decision_follow_up_names_the_step_that_rules_another_out():
    question = Question(text="A bag comes through the X-ray with an item you can't identify. What do you do?",
                        kind=QuestionKind.situational)
    answer = ("I'd look at it on the screen with the image tools first. Then I'd stop the belt and flag it. I'd do a hand "
              "search with the passenger there and swab it, I wouldn't send it back through the machine.")
    assert "wouldn't send it back through the machine" in said_back("decision", question, answer)


def test_what_was_not_done_is_not_the_decision_when_the_answer_goes_on_to_say_what_instead():
    # "Why not, and what would you do instead?" of such a clause: faulted 6 times of 6, both already given (stop 53).
    question = Question(text="What would you do if the ground froze halfway through the planting season?",
                        kind=QuestionKind.situational)
    answer = ("I'd keep the plants in their bags in the shade, out of the wind, checked every day. I wouldn't let the crew "
              "sit idle, a frozen week's ideal for getting the guards and stakes out along the rows. I'd move the crew "
              "over to the north compartment first when it thaws.")
    assert said_back("decision", question, answer) == "you'd move the crew over to the north compartment first when it thaws"


def test_a_standing_the_parser_reads_as_a_noun_phrase_is_still_the_claim_named():
    question = Question(text="What would you do if chick losses started climbing in the first two weeks?",
                        kind=QuestionKind.situational)
    answer = ("Well, my chick survival's well above what most ostrich farms get, so it's not something I've had to deal "
              "with a lot, but if it did start climbing, first I'd look at the brooder. Then I'd check they're actually "
              "eating and drinking, so I put shiny marbles in the trough to get them pecking.")
    assert said_back("evidence", question, answer) == "your chick survival's well above what most ostrich farms get"


def test_an_evidence_follow_up_asks_for_the_record_claimed_not_the_trait():
    question = Question(text="How do you make sure your welds pass inspection?", kind=QuestionKind.technical)
    answer = ("I'm known for being very consistent. I prep the joint properly, I check the fit-up, and I work to the "
              "standard on the drawing. My reject calls have basically never been overturned.")
    follow_up = asked("evidence", question, answer)
    assert follow_up.startswith("You said your reject calls have never been overturned.")  # "basically": a filler
    assert "example" in follow_up  # the record's ask: where it shows, and the latest case behind it


@pytest.mark.parametrize("boast, counted", [
    ("my balloon placement is better than most letterers working now", False),
    ("I know that press better than anyone in the shop", False),
    ("I've got the lowest refusal rate in the company", True),
    ("my gymnasts get over blocks quicker than anyone else's in the region", True),
])
def test_a_standing_is_asked_for_figures_only_where_something_is_counted(boast, counted):
    # "The figures on each side" of a standing nobody counts was unsayable to the raters: 13 of 25 (stop 53).
    question = Question(text="How do you make sure your work is right first time?", kind=QuestionKind.technical)
    answer = (f"I go through the job sheet first and check every measurement twice before I start. Honestly, {boast}. "
              "Then I do a last check with the supervisor before it goes out.")
    follow_up = asked("evidence", question, answer)
    assert ("figures" in follow_up or "numbers" in follow_up) == counted, follow_up
    if not counted:  # asked what shows it instead
        assert "seen that shows it" in follow_up, follow_up


def test_a_standing_over_the_people_trained_with_keeps_its_last_word():
    question = Question(text="Talk me through how you restore a water-damaged print.", kind=QuestionKind.technical)
    answer = ("I dry it flat between blotters first, then I consolidate the flaking areas, then the retouching. And "
              "honestly, my retouching is better than anyone I trained with, I've always had the eye for it.")
    assert said_back("evidence", question, answer) == "your retouching is better than anyone you trained with"


def test_a_role_claimed_in_a_word_is_asked_what_it_meant_in_practice():
    question = Question(text="Tell me about a programme that was in trouble and how it was recovered.",
                        kind=QuestionKind.behavioral)
    answer = ("The programme was six months late when I joined. I was the exec sponsor. The team set up a steering group, "
              "the delivery lead re-planned the releases and the vendor added two engineers. We went live in March.")
    follow_up = asked("own_part", question, answer)
    assert follow_up.startswith("You said you were the exec sponsor.")
    assert "in practice" in follow_up  # not "which part was yours, as opposed to the team's", to a role


def test_a_team_effort_with_no_deed_of_the_team_is_named_from_where_it_starts():
    question = Question(text="Tell me about a busy day at the centre and how you handled it.", kind=QuestionKind.behavioral)
    answer = ("It was the Saturday of the holiday and we had double the bookings. It's a really lovely centre the team is "
              "amazing. Everybody knew what to do and by five o'clock all the families were happy.")
    assert said_back("own_part", question, answer) == "the team is amazing"


def test_what_the_team_has_is_not_asked_about_as_its_deed():
    question = Question(text="How do you stop robots colliding on a goods-to-person floor?", kind=QuestionKind.technical)
    has = ("I moved us to a centralised planner. We also have one-way aisles on the main highways, which cuts the "
           "head-on problem massively.")
    assert said_back("own_part", question, has) == ""  # not "the team has one-way aisles ..."
    did = "We also have one-way aisles on the main highways. We moved all the planning onto one central server."
    assert said_back("own_part", question, did) == "the team moved all the planning onto one central server"


def test_a_result_follow_up_names_where_the_story_stops_not_a_deed_before_its_ending():
    # The last deed ("you trained the whole engineering team") came before an ending the candidate did tell; named
    # there, "how did it end?" asked for what was given.
    answer = ("I found the drawing had gone to Singapore without a licence. I got it deleted and interviewed the engineer, "
              "then with our counsel I drafted a voluntary disclosure. I trained the whole engineering team within the "
              "month. And HMRC acknowledged receipt of the disclosure.")
    assert said_back("result", STORY_QUESTION, answer) == "HMRC acknowledged receipt of the disclosure"


def test_a_result_follow_up_names_what_happened_not_a_comment_in_the_present():
    answer = ("I wrote the detention report the same night, factual, no lecturing. The company never challenged the "
              "detention, which they often do, they'll go to the review panel straight away.")
    assert said_back("result", STORY_QUESTION, answer) == "The company never challenged the detention"


def test_a_clause_keeps_the_preposition_that_ends_it():
    assert tidy("A few of the staff told me I was the best analyst they'd worked with").endswith("they'd worked with")
    assert tidy("I was really involved in that") == "I was really involved"  # a cut object still takes its "in"
    assert tidy("compliance was way better after that") == "compliance was way better"  # set 56: "... better after"


def test_the_team_is_named_once_and_then_they():
    # Seen in set 62's sheet: "You said the team recovered what the team could" (rated garbled).
    assert to_you("we recovered what we could", team=True) == "the team recovered what they could"
    assert to_you("we moved our kit", team=True) == "the team moved the kit"  # the first "our" as before


@pytest.mark.parametrize("clause, said", [
    # Quotes the raters of sets 60-63 heard garbled, and what is said back now.
    ("and the yields are much better than they were", "the yields are much better than they were"),  # not "... than they"
    ("they are safe are", "they are safe"),  # a restart's leftover still goes
    ("I really took from that family is that adopters don't ask for help", ""),  # a lesson cut from its "what"
    ("What I took from it is that people forget", "What I took from it is that people forget"),
    ("I got the results back and the problem was that the valve stuck",  # no lesson: whole
     "I got the results back and the problem was that the valve stuck"),
    ("So I replaced it, and now", "I replaced it"),  # (and now I calibrate it)
    ("and people come in from all over now", "people come in from all over now"),  # a bare "now" stays
    ("OK, first thing I'd do is ring the site manager", "the first thing I'd do is ring the site manager"),
    ("We did a test-and-learn in, I think, sixty stores first", "We did a test-and-learn in sixty stores first"),
    # Sets 43-64: a candid opener had left a quote starting "to be honest ..." and so refused whole.
    ("And to be honest my engraving is as good as anybody's now", "my engraving is as good as anybody's now"),
    ("So obviously the team kicked straight in", "the team kicked straight in"),
    # Sets 71-72: a tag after its comma, a phrase said again after "yeah", and the first half of "what I took ... is".
    ("the broker hasn't recommended them since, mind", "the broker hasn't recommended them since"),
    ("I changed my mind", "I changed my mind"),  # a "mind" with no comma is the clause's own
    ("it was, yeah, it was a big change in how the team worked", "it was a big change in how the team worked"),
    ("So what I took from that one is, now", ""),
    ("what I did was ring the client first", "what I did was ring the client first"),
    # Sets 75-76: an aside between dashes, "in fact" left at the end, a question said with no "if", what was seen
    # cut before its verb.
    ("and I put all three options - original, painted, resin - in front of the designer",
     "I put all three options in front of the designer"),
    ("We checked the signed menu in the event sheet and in fact", "We checked the signed menu in the event sheet"),
    ("So, first I want to know is it real", ""),
    ("About two in the morning I saw on the control system that gun fourteen", ""),
    ("I found that the pump had failed", "I found that the pump had failed"),
])
def test_tidy_mends_quotes_raters_heard_garbled(clause, said):
    assert tidy(clause) == said


def test_a_clause_ends_at_yeah():
    assert tidy("They agreed to run it in the spring, so, yeah, hopefully that brings them back up") == \
        "They agreed to run it in the spring"


def test_second_language_grammar_is_not_said_back_word_for_word():
    assert tidy("I put the young AB with me for the next two trips so he learn") == ""
    assert tidy("The farmer he book us again this year") == ""
    assert tidy("I put him with me so he learns the job") != ""


def test_a_clause_cut_before_what_was_said_is_not_said_back():
    # Seen in set 44's sheet: "So you did also say to him." (rated garbled).
    assert tidy("I did also say to him") == ""
    assert tidy("The service manager said to me a few weeks later") == ""
    assert tidy("I said to the registrar straight away") == ""
    assert tidy("I explained to him why the wording matters") == "I explained to him why the wording matters"
    assert tidy("I said no to the extra shift") == "I said no to the extra shift"


def test_a_clause_cut_before_the_verb_of_its_how_is_not_said_back():
    # Seen in set 30's sheet before it was rated: "So you worked with the kitchen staff on how the tray."
    assert tidy("I worked with the kitchen staff on how the tray") == ""
    assert tidy("I showed them how the tray works") == "I showed them how the tray works"


# Asks that did not fit what they followed, in sets 28-30's blind ratings.
def test_a_result_follow_up_after_a_told_ending_asks_beyond_it_not_how_it_turned_out():
    answer = ("The director rejected the cut two days before delivery. I re-edited the opening overnight and sent her two "
              "versions. She approved the second one and we delivered on time.")
    text = asked("result", STORY_QUESTION, answer)
    assert text.startswith("You said you delivered on time.")
    assert "beyond" in text and "turn out" not in text and "how did it end" not in text.lower()


SCENARIO = Question(text="It's Saturday changeover in February half-term and two of your five fitters call in sick. What "
                         "do you do?", kind=QuestionKind.situational)


def test_an_own_part_follow_up_after_a_plan_asks_in_its_tense():
    answer = ("So the team would pull forward all the pre-booked online orders and fit those first, and the team would "
              "ring the walk-ins to come back after lunch. The shop would stay open as normal.")
    text = asked("own_part", SCENARIO, answer)
    assert "would your own part be" in text or "would be yours" in text
    assert "What was your own part" not in text and "did you do" not in text


def test_a_claim_against_others_is_asked_for_both_figures_not_before_and_after():
    question = Question(text="How do you make sure children actually wear the orthoses you make?",
                        kind=QuestionKind.technical)
    answer = ("I spend time with the family at fitting and explain what it's for. Compliance on my caseload is way higher "
              "than the department average.")
    text = asked("evidence", question, answer)
    assert "department average" in text and "before and after" not in text and "others" in text


def test_a_plan_in_general_words_is_not_asked_for_a_real_example_or_what_to_look_for():
    question = Question(text="A coach excursion is cancelled because of a strike and ninety guests are waiting. What "
                             "would you do?", kind=QuestionKind.situational)
    wording = asked("detail", question, "I'd sort something else out for them and keep everyone happy.")
    assert wording.startswith("You said you'd sort something else out")
    assert "real example" not in wording and "look for" not in wording


def test_spoken_repairs_are_not_said_back():
    assert tidy("the sales went up a lot, very much") == ""
    assert tidy("I had a carer, experienced, who'd had a teenage girl for about eight months") == ""
    assert tidy("I explain everything about the bees, why you do this inspection, why not") == ""
    assert tidy("I had a carer who was very experienced") == "I had a carer who was very experienced"


def test_a_speakers_frame_is_not_a_clause_to_name():
    # "..., I'll put it that way" frames the clause before it: said back it is "you'll put it that way" (set 34).
    assert tidy("I'll put it that way") == tidy("let's put it this way") == tidy("if that makes sense") == ""
    answer = ("The night the cooling failed on the cold store, I moved the stock to the back-up room and rang the "
              "engineer. The duty manager wasn't thrilled with me at two in the morning, I'll put it that way.")
    named = said_back("result", STORY_QUESTION, answer)
    assert named and "put it" not in named


def test_the_example_the_candidate_picks_is_not_the_decision_named():
    # "the example I'd use is ..." frames the answer: asked why that example, the rater saw no decision in it (set 41).
    assert tidy("the example I'd use is a compressor casing bracket") == ""
    question = Question(text="How do you run a first article inspection on a part from a new supplier?",
                        kind=QuestionKind.technical)
    answer = ("The example I'd use is a titanium bracket from a new supplier. I measured every feature on the CMM, "
              "and I rejected the first batch on the bore position rather than accept it on concession.")
    named = said_back("decision", question, answer)
    assert named and "example" not in named


# The decision a follow-up names: the writers' labelled choice was found 78 times in 140 (from 70) on the sets tuned on,
# 17 in 36 (from 14) on sets 25-30.
def test_a_long_choice_is_named_up_to_its_first_comma():
    question = Question(text="Walk me through the structure you chose for a two-storey timber classroom block.",
                        kind=QuestionKind.technical)
    answer = ("The client wanted exposed timber. I went with glulam beams for the primary members, GL24h, at two point "
              "four metre centres, with a joist deck on top. The fire engineer was happy with the charring rates.")
    assert said_back("decision", question, answer) == "you went with glulam beams for the primary members"


def test_a_refusal_is_a_decision_to_name():
    question = Question(text="Tell me about a time you turned down work.", kind=QuestionKind.behavioral)
    answer = ("A developer offered us a big fit-out job on a tight programme. I looked at the drawings and the dates, "
              "and I turned it down.")
    assert said_back("decision", question, answer) == "you turned it down"


def test_a_plans_choice_is_named_without_its_second_step():
    question = Question(text="It's two in the afternoon, two emergency cases are waiting and only the emergency theatre "
                             "is free. What do you do?", kind=QuestionKind.situational)
    answer = ("I'd cancel the last case on the elective list in theatre four and open it for the second emergency. "
              "Then I'd let the bed manager and the surgical team know.")
    assert said_back("decision", question, answer) == "you'd cancel the last case on the elective list in theatre four"


# Faults named by sets 31-32's raters, fixed by class after the rating (not re-rated).
def test_a_change_over_time_is_not_asked_for_the_others_figures():
    question = Question(text="How do you keep lone workers in your team safe?", kind=QuestionKind.technical)
    answer = ("We brought in a buddy check-in app and a panic alarm for every visit. Now the lone working in our team is "
              "much more safe than before.")
    text = asked("evidence", question, answer)
    assert "for the others" not in text and "each side" not in text


def test_something_the_candidate_would_not_do_is_asked_why_not():
    question = Question(text="A refueller tells you a fuel sample from the bowser looked cloudy. What would you do?",
                        kind=QuestionKind.situational)
    answer = "I'd quarantine the bowser straight away and call the fuel supplier. I wouldn't re-test it myself."
    text = asked("decision", question, answer)
    assert text.startswith("You said you wouldn't re-test it yourself.") and "Why not" in text
    assert "involve" not in text


def test_a_plan_is_not_asked_how_it_turned_out():
    question = Question(text="The reservoir level is falling faster than forecast over a hot weekend. What would you do?",
                        kind=QuestionKind.situational)
    answer = "I'd bring the backup borehole online on Friday and keep the standby pumps ready before we need them."
    text = asked("result", question, answer)
    assert "turn out" not in text and "how did it end" not in text.lower() and "would you know it had worked" in text


def test_the_interviewers_own_scenario_is_not_said_back_as_the_candidates():
    question = Question(text="Twelve alarms come in within two hours on the night shift. What would you do?",
                        kind=QuestionKind.situational)
    assert said_back("detail", question, "Twelve alarms within two hours on the night shift. It happens, honestly.") == ""


def test_a_subject_cut_off_by_a_comma_is_not_a_clause():
    assert tidy("we, as a team, decided to change the rota") == ""


def test_a_past_perfect_you_d_is_a_story_not_a_plan():
    question = Question(text="Tell me about a time you had to make a call on the job without being able to ask anyone.",
                        kind=QuestionKind.behavioral)
    answer = ("The resin was kicking early on a hot afternoon and the foreman was off site. I decided to stop the lay-up "
              "at the edge of the ply I'd just done. The next morning we ground back the edge and carried on.")
    text = asked("decision", question, answer)
    assert text.startswith("You said you decided to stop the lay-up") and "would you" not in text


def test_we_and_us_in_one_clause_are_not_both_you():
    assert to_you("we moved us to a centralised planner") == "you moved the team to a centralised planner"
    assert to_you("our manager sent us home") == "your manager sent you home"


def test_a_rank_claimed_against_others_is_asked_for_the_figures_on_each_side():
    question = Question(text="How do you get customers to use the vouchers you hand out?", kind=QuestionKind.technical)
    answer = ("I explain the voucher at the till and I put it in the bag myself. We had the best redemption rate in the "
              "branch.")
    text = asked("evidence", question, answer)
    assert "redemption rate" in text and "before and after" not in text and ("each side" in text or "others" in text)


def test_an_ending_the_candidate_never_learned_is_asked_whether_they_heard_not_where_it_stands():
    question = Question(text="Tell me about a time you got people to change how they work.", kind=QuestionKind.culture)
    answer = ("I wrote the data management plan and I ran three lunchtime sessions for the research groups. Some "
              "PIs were interested, some were not so much. Then I moved to the library team, so honestly I don't "
              "know very well how it finished in the end.")
    text = asked("result", question, answer)
    assert "hear" in text or "find out" in text
    assert "don't know" not in text  # the last thing that happened is named, not the "I don't know" the ask repeats
    assert "Where does it stand now" not in text and "heard so far" not in text


def test_a_plan_left_to_see_how_it_goes_is_asked_how_they_would_know_it_worked():
    question = Question(text="A lay-by has been fly-tipped six times in two months. How would you approach it?",
                        kind=QuestionKind.situational)
    answer = ("I'd put a camera up and do a letter drop to the houses nearby, and I'd get the lay-by cleared each "
              "time. And then we'll see how it goes from there, really.")
    text = asked("result", question, answer)
    assert "would you know it had worked" in text and "Where does it stand" not in text


def test_a_trait_claimed_as_a_change_is_asked_for_the_case_that_shows_it():
    question = Question(text="Tell me about a mistake you made at work.", kind=QuestionKind.behavioral)
    answer = "Everyone makes mistakes and I learned from mine. I'm a lot more careful now."
    text = asked("evidence", question, answer)
    assert "more careful" in text and "before and after" not in text and ("example" in text or "time" in text)


def test_a_technical_method_told_in_general_is_asked_for_a_real_case():
    # Asking for the steps again re-asks the question (sets 41-42's raters): a real case shows the method is theirs.
    question = Question(text="How do you trace a CHAPS payment that the customer says the beneficiary never received?",
                        kind=QuestionKind.technical)
    answer = ("I'd check our side first, that it left us with the right sort code and account number. Then I'd raise an "
              "enquiry with the beneficiary bank using the proper message, and keep the customer updated while it's "
              "traced. It's about finding where the payment is in the chain.")
    text = asked("detail", question, answer)
    practice = toml_template("follow_ups.toml")["detail"]["asks"]["practice"]
    assert any(text.endswith(ask) for ask in practice)


def test_a_habit_is_asked_for_one_time_and_its_end():
    # "How did it turn out" of "you always document everything" has nothing to refer to (set 41's rater).
    question = Question(text="Tell me about a time you helped a patient who wasn't taking their medicines as prescribed.",
                        kind=QuestionKind.behavioral)
    answer = ("This comes up a lot in my role. I sit down with them and go through every medicine and what it's for, "
              "and I ask what gets in the way. I always document everything on the system and set a recall to follow up.")
    text = asked("result", question, answer)
    habit = toml_template("follow_ups.toml")["result"]["asks"]["habit"]
    assert any(text.endswith(ask) for ask in habit), text


def test_a_comment_ending_on_its_preposition_is_not_said_back_cut():
    question = Question(text="How do you get usable dialogue in a noisy location?", kind=QuestionKind.technical)
    answer = ("I put the boom on him and a lav as backup. In the end the dub used the boom for all of it, and there was "
              "no ADR needed, which for a location like that I was really happy with.")
    feedback = analyze(Transcript(text=answer), question.text, question.kind)
    text = follow_up_text("result", question, feedback, random.Random(0))
    assert "you were really happy." not in text
    assert "no ADR needed" in text


def test_what_the_candidate_said_is_not_led_in_with_you_said_again():
    # Seen in set 48's sheet: "You said you said no." (rated clumsy).
    question = Question(text="Tell me about a time you turned down a request from a senior colleague.",
                        kind=QuestionKind.behavioral)
    answer = ("The transport manager wanted me to load a trailer that had failed its brake check. I said no. I put it on "
              "the defect list, rang the workshop and moved the load to the spare unit.")
    heard = analyze(Transcript(text=answer), question.text, question.kind)
    follow = follow_up_text("decision", question, heard, random.Random(0))
    assert follow.startswith("So you said no. ")
    # A clause cut after a full stop is said without it: "So you said no.." was the other half of the fault.
    assert tidy("I said no. I put it on the defect list, rang the workshop and moved the load to the spare unit and then "
                "I went home") == "I said no"


def test_a_claim_is_not_said_with_the_sentence_before_it():
    # Seen in set 48's sheet: "You said it's been running for two years now. And it's made a massive difference ..."
    question = Question(text="Tell me about something you started that you're proud of.", kind=QuestionKind.behavioral)
    answer = ("I set up a homework club in the library, two evenings a week, with sixth formers as helpers. It's been "
              "running for two years now. And it's made a massive difference to their confidence, the teachers have "
              "said it's one of the best things the school has done.")
    named = said_back("evidence", question, answer)
    assert "massive difference" in named and "two years" not in named


def test_a_long_claim_is_said_up_to_the_clause_of_time_after_it():
    question = Question(text="How do you keep colour consistent across a big product shoot?", kind=QuestionKind.technical)
    answer = ("I profile every camera against a target at the start of the day and check the monitors each morning. "
              "And it works, our returns for colour not as described dropped a lot after I took over the colour on the "
              "menswear side, and the buyers are happy.")
    assert said_back("evidence", question, answer) == "your returns for colour not as described dropped a lot"


def test_a_long_plan_is_asked_for_a_time_it_was_done_for_real_and_a_short_one_for_its_steps():
    question = Question(text="A driver turns up at the gate with paperwork that doesn't match the booking. What do you do?",
                        kind=QuestionKind.situational)
    short = "I'd check the paperwork against the booking and ring the goods-in office before letting him in."
    steps = toml_template("follow_ups.toml")["detail"]["asks"]
    assert any(asked("detail", question, short).endswith(ask) for ask in steps["plan"])
    long = (short + " While I'm waiting I'd keep the lorry in the holding bay, not on the road, so it's not blocking "
            "the gate for everyone else. If goods-in can't find the booking I'd ask the driver for his transport "
            "office's number and ring them myself, because drivers often get told to just turn up. If nobody can "
            "confirm it, he doesn't come on site, and I'd log the registration, the time and who I spoke to in the "
            "gatehouse book so the shift manager can pick it up in the morning. I'd be polite about it but firm, "
            "because site security is the job.")
    assert len(long.split()) >= 110
    assert any(asked("detail", question, long).endswith(ask) for ask in steps["plan_long"])



def test_a_deed_told_without_its_doer_is_what_the_own_part_follow_up_names():
    # Sets 73-76's raters faulted "I heard a lot about what the team did" of answers told in the passive, with no team
    # in them: the deed said without its doer is named, and the ask is who did it.
    answer = ("The deviation was raised straight away on the Tuesday. The batch was quarantined until the lab results "
              "came back, and everything was fine in the end.")
    assert said_back("own_part", STORY_QUESTION, answer) == "The deviation was raised straight away on the Tuesday"
    assert asked("own_part", STORY_QUESTION, answer).split(". ", 1)[1] in \
        toml_template("follow_ups.toml")["own_part"]["asks"]["done_by_nobody"]


def test_a_decision_told_without_who_made_it_is_named_before_the_teams_first_deed():
    # Over sets 2-84, answers told in "we" with a decision in the passive ("the decision was made to close the pier at
    # two") were asked the candidate's part in the team's first deed ("we lost the whole afternoon to rain"); the
    # writers' anchors named the decision in 16 of 19. Whose call it was is what such a story leaves out.
    answer = ("We lost the whole afternoon to rain, six hours, and the finals were meant to be on the Sunday. We went "
              "through the draw with the referee and the club captains. So the decision was made to shorten the format "
              "to one set with a match tie-break. The order of play was redone that night and everyone finished by six.")
    assert said_back("own_part", STORY_QUESTION, answer) == "the decision was made to shorten the format to one set with a match tie-break"
    assert asked("own_part", STORY_QUESTION, answer).split(". ", 1)[1] in \
        toml_template("follow_ups.toml")["own_part"]["asks"]["decided_by_nobody"]


def test_a_story_question_answered_with_a_habit_is_asked_for_one_time_not_its_steps():
    # Sets 71-74's raters faulted "take me through it in more detail, step by step" after "you always stay calm": the
    # steps of a habit were given; one time it happened was not.
    from mockint.questions.followups import ask_variant
    question = Question(text="Tell me about a time you kept a kitchen calm on a bad service.", kind=QuestionKind.behavioral)
    habit = ("Yes, it happens a lot on a Saturday night, when the restaurant is full and there is a big party on top. "
             "What I do normally is prepare well, the mise en place is ready before five. When it gets busy I always stay "
             "calm, because if the head chef panics, everybody panics. I talk with the front of house manager, so they "
             "tell me when a big table is sitting down. If the grill section is behind I put a second cook there. At the "
             "end I speak with the team about what we can do better next time.")
    feedback = analyze(Transcript(text=habit), question.text, question.kind)
    assert feedback.star.action.present  # steps, but no time
    assert ask_variant("detail", question, feedback, "you always stay calm") == "generic"
    story = ("Last Friday the grill went down at eight in the middle of service. I moved two covers to the oven, I called "
             "every ticket myself and I put our commis on the pass so the chefs could keep cooking.")
    feedback = analyze(Transcript(text=story), question.text, question.kind)
    assert ask_variant("detail", question, feedback, "you moved two covers to the oven") == "thin_story"


def test_a_record_claimed_as_always_is_asked_where_it_shows():
    # "You said your conclusions are always upheld in court. How did you know: what did you see or measure?" asks how
    # a record was known as if it were one result; an interviewer asks where it shows and for the latest case.
    question = Question(text="How do you check a delivery at goods-in?", kind=QuestionKind.technical)
    answer = ("I check the order against the docket first, then the temperature log for the chilled lines, and the driver "
              "signs the exceptions sheet. Honestly my goods-in checks are always spot on.")
    asked = follow_up_text("evidence", question, analyze(Transcript(text=answer), question.text, question.kind),
                           random.Random(0))
    assert "your goods-in checks are always spot on" in asked and "most recent example" in asked


@pytest.mark.parametrize("clause, premise", [
    # The candidate's choice shares the question's words and its "would": still the candidate's.
    ("I would give the company the whole centre", False),
    ("twelve alarms in two hours", True),
])
def test_a_plan_that_shares_the_questions_words_is_still_the_candidates_own(clause, premise):
    question = ("What would you do if a company asked to book the whole centre for a weekend when you already had six "
                "guests booked, and you had twelve alarms in two hours?")
    assert premise_of(clause, question) is premise


def test_a_claim_after_a_clause_of_time_is_named_from_its_own_subject():
    # "Since I took over the section 106 work the whole process has got much, much quicker": no pronoun heads the
    # claim's clause, so a side step was named instead ("you can start the agreement in parallel", set 91's rater).
    question = Question(text="How do you get a section 106 agreement completed without holding up the decision?",
                        kind=QuestionKind.technical)
    answer = ("I ask the case officer for the draft heads of terms early, so I can start the agreement in parallel. I use "
              "the council's template with standard clauses. Since I took over the section 106 work the whole process has "
              "got much, much quicker, and the developers have noticed.")
    assert said_back("evidence", question, answer) == "the whole process has got much quicker"


def test_a_comparison_given_as_a_reason_is_not_the_claim_asked_about():
    # "because pickleball is much easier on the body" explains a step; "the numbers went up massively" is the claim.
    question = Question(text="Tell me about a time you grew a new session from nothing.", kind=QuestionKind.behavioral)
    answer = ("So I started a beginner session on Thursday evening, for people who work. I also went to the tennis club "
              "next door and I invite the older players who have knee problems, because pickleball is much easier on the "
              "body. After this the numbers went up massively, really, the sessions were completely full.")
    assert said_back("evidence", question, answer) == "the numbers went up massively"


@pytest.mark.parametrize("claim, asks", [
    # A record of hardly ever being wrong is asked where it shows, not "what told you it had worked".
    ("My identifications are very reliable, I almost never get them wrong.", "record"),
    # A count set against most of a trade is asked for both sides' figures, not "before and after".
    ("My installations have far fewer problems than most in the trade.", "comparison"),
])
def test_a_claim_is_asked_in_the_form_it_was_made(claim, asks):
    from mockint.questions.followups import ask_variant
    question = Question(text="How do you make sure your work is right first time?", kind=QuestionKind.technical)
    answer = "I check every specimen twice under the scope and I keep a log of every one I send. " + claim
    feedback = analyze(Transcript(text=answer), question.text, question.kind)
    assert ask_variant("evidence", question, feedback, anchor("evidence", question, feedback)) == asks
