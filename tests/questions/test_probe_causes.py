"""Probes that generalise: the causes of the misses a blind rating of unseen notes found (blind3), each checked on
note lines written differently from the rated ones.

A topic is said only when it is a clean noun phrase or a clean question (never a job title, a place, a quoted
scrap, a bare verb or a quantifier); a hard moment is found however the candidate words it; the ask fits the kind
of trouble and the kind of question.
"""

import re

import pytest

from mockint.questions.notes import extract_topics, label_topic, named_gap
from mockint.questions.probes import is_code
from mockint.questions.shorthand import sayable, tidy_notes
from tests.questions.conftest import probes_for


# ---- a heading names the job, the employer, a place or a date, not a topic ----------------------------------------

@pytest.mark.parametrize("label, said", [
    ("Senior Buyer", ""),  # the job title
    ("Asst Store Manager", ""),
    ("Riverside Primary School", ""),  # a place
    ("Stage 3 in 10 days", ""),  # when the next round is
    ("Prevent", ""),  # one word that would need an article guessed ("the prevent")
    ("Fault finding", "fault finding"),
    ("ISO 45001", "ISO 45001"),
    ("ER casework volume", "the ER casework volume"),
])
def test_a_label_is_a_topic_only_when_it_names_what_was_discussed(label, said):
    assert label_topic(label) == said


def test_the_job_title_heading_is_never_the_topic_of_a_probe():
    notes = ("Category Buyer - Halden Retail, Leeds\n"
             "Met Sam (head of buying) and Priya\n"
             "- Negotiation role play: supplier wants a 6% cost price increase. I got flustered and caved, went straight to 3%")
    texts = probes_for(notes)
    assert texts and not any(re.search(r"Category Buyer|Halden|Leeds", t) for t in texts), texts


# ---- what the candidate did, their quoted words and cut clauses are not topics ------------------------------------

@pytest.mark.parametrize("phrase", [
    "every role since my apprenticeship",  # what the candidate went through, led by a quantifier
    "everything",
    "all of it",
    "name any of the new titles",  # a bare verb
    "list some",
    "a time you had argued with ward manager",  # cut before "with": the clause is left unfinished
])
def test_a_phrase_that_is_not_a_noun_phrase_is_never_said(phrase):
    assert sayable(phrase) == ""


def test_a_behavioural_question_keeps_its_whole_clause():
    assert sayable("a time you had disagreed with another member of the MDT") == \
        "a time you had disagreed with another member of the MDT"


@pytest.mark.parametrize("notes, never", [
    ('- HACCP scenario: chiller at 9C. the auditor asked "so you\'d just bin it?" and I couldnt explain my reasoning',
     r"so you'd|bin it"),
    ('At the end I had no questions for them, just said "nope, I think we covered everything". Awkward.',
     r"everything|covered"),
    ("- couldn't name any of their recent campaigns apart from the Christmas one. cringe", r"\bname any\b|\bthe name\b"),
    ("First q was tell me about yourself and I went through every job since college, took ages", r"every job"),
])
def test_quoted_scraps_and_what_the_candidate_did_are_never_pasted(notes, never):
    for text in probes_for(notes):
        assert not re.search(never, text, re.I), text


def test_a_quoted_question_is_said_as_the_question_it_was():
    (text,) = probes_for('- Then Dan ask "how would you handle a short-shipped order" and I did not understand '
                         '"short-shipped", I thought it was damaged goods')
    assert text.startswith("In your first interview we asked how you would handle a short-shipped order,"), text


def test_a_question_led_by_its_preposition_is_asked_not_talked_about():
    (text,) = probes_for("- Food safety: she asked at what temperature you hot-hold food and I said 60. It's 63. "
                         "She corrected me")
    assert text == ("In your first interview we asked at what temperature you hot-hold food, and your answer wasn't "
                    "quite right. Have another go now: what's the right answer, and where would getting it wrong cause a "
                    "problem in this job?")


# ---- a hard moment is found however it is worded ------------------------------------------------------------------

@pytest.mark.parametrize("bad_line, probed", [
    ("- Role play: a parent shouting about a detention. I got flustered and over-apologised", "role play"),
    ("- asked how often you inspect a scaffold tower. I said monthly, the manager corrected me", "scaffold"),
    ("- asked what you would check first on a section 21 notice - I did not understand the question, embarrassing",
     "section 21"),
])
def test_what_went_badly_is_probed_rather_than_what_went_well(bad_line, probed):
    notes = "- talked about the stock audit I led at the Derby store - went well\n" + bad_line
    texts = probes_for(notes)
    assert texts and probed in texts[0] and not any("stock audit" in t for t in texts), texts


def test_a_topic_named_before_a_blank_is_a_topic_of_its_own():
    notes = ("- asked about my caseload, said 28 families\n"
             "- Then the Working Together 2023 changes and I completely blanked")
    (text,) = probes_for(notes)
    assert text.startswith("In your first interview we talked about the Working Together 2023 changes,"), text


# ---- the trouble is read for what it was --------------------------------------------------------------------------

def test_waffling_over_what_something_does_is_not_knowing_it():
    (text,) = probes_for("- hydraulics: fine on pumps but when he asked wat a relief valve does i waffled")
    assert "what a relief valve does" in text and "ran long" not in text and "short version" not in text, text


def test_running_out_of_time_on_a_test_is_an_unfinished_exercise_not_a_long_answer():
    (text,) = probes_for("- written test: two passages, 10 mins. ran out of time, only got through the first")
    assert "ran out of time" in text and "ran long" not in text and "short version" not in text, text


def test_a_hard_moment_after_a_line_that_went_fine_is_not_pinned_on_it():
    notes = ("- time u made a mistake - used the wrong-label one, fine\n"
             "- numeracy paper 18/20, not sure which 2 wrong")
    for text in probes_for(notes):
        assert "mistake" not in text or "work it through" not in text.lower(), text


# ---- the ask fits the kind of question ----------------------------------------------------------------------------

def test_a_standard_half_known_is_asked_for_again_not_as_options_weighed():
    (text,) = probes_for("- asked what RIDDOR covers - only half knew, couldn't say anything specific")
    assert text == ("In your first interview we asked what RIDDOR covers, and the answer didn't quite come to you. Have "
                    "another go now: what's the answer, and when would you need it in this job?")
    assert named_gap(tidy_notes("- NEC4 main options - only half knew them")) == ("", "partial")


def test_a_standard_not_explained_is_asked_for_again_not_as_options_weighed():
    (text,) = probes_for("- asked what the Building Safety Act changed for duty holders - couldn't say how, very general")
    assert "options" not in text and "weigh" not in text, text


def test_a_blank_on_a_behavioural_question_asks_for_an_example():
    (text,) = probes_for("Then she asked me to describe a time I had disagreed with a senior colleague and how I "
                         "handled it, and my mind went completely blank.")
    assert text.startswith("In your first interview we talked about a time you had disagreed with a senior colleague,")
    assert "example" in text and "apply in your work" not in text, text


def test_a_reason_for_leaving_keeps_its_topic_without_the_candidates_emphasis():
    (text,) = probes_for("- asked why I'm leaving my current job after only 8 months and I rambled about the manager")
    assert text.startswith("In your first interview we asked why you're leaving your current job after 8 months"), text


def test_texting_shorthand_is_spelled_out_but_names_are_not():
    assert tidy_notes("the time u made a mistake, wat went wrong") == "the time you made a mistake, what went wrong"
    assert tidy_notes("U-bend and U values") == "U-bend and U values"
    assert tidy_notes("asked bout unvented cylinders") == "asked about unvented cylinders"
    assert tidy_notes("off with a bout of flu") == "off with a bout of flu"


def test_a_fact_asked_in_statement_order_is_said_but_not_two_questions_or_question_order():
    assert sayable("how often a fire door needs inspecting") == "how often a fire door needs inspecting"
    assert sayable("how long the audit took and how many findings") == ""  # two questions in one
    assert sayable("how would you support a pupil with dyslexia") == ""  # the question as asked, not reported
    (text,) = probes_for("- Asked how often a gas safety record needs renewing. I said 2 years. It's 12 months, "
                         "she corrected me")
    assert text.startswith("In your first interview we asked how often a gas safety record needs renewing, and your "
                           "answer wasn't quite right."), text


def test_a_figure_given_as_an_answer_is_not_a_claim_to_challenge():
    (topic,) = extract_topics("- Asked how often a gas safety record needs renewing. I said 2 years. She corrected me")
    assert topic.said == ""


def test_numbering_is_dropped_but_a_name_with_a_number_is_kept():
    assert tidy_notes("Panel of 3. Q4 a time I disagreed - rambled") == "Panel of 3. a time I disagreed - rambled"
    assert "ICH Q2 validation" in tidy_notes("- ICH Q2 validation parameters - forgot robustness\n+ shifts ok")
    assert "robustness and" not in tidy_notes("- ICH Q2 validation parameters - forgot robustness\n+ shifts ok")
    assert label_topic("KPIs") == "KPIs"


def test_a_thing_the_candidate_could_not_explain_is_asked_how_it_works_not_which_options_they_weighed():
    (asked,) = probes_for("- asked about the Section 21 notice process - I couldn't explain the notice periods properly")
    assert "how does" in asked and "options" not in asked
    (chosen,) = probes_for("- asked why I picked a cloud data warehouse - couldn't explain my reasoning well")
    assert "options" in chosen or "choose" in chosen


def test_pay_asked_as_a_rate_is_probed_as_pay_not_as_figures_before_and_after():
    asked = probes_for("- asked what day rate I wanted for the contract - said 'whatever is normal', weak\n"
                       "- asked about the CSCS card - fine")
    assert asked and "before and after" not in asked[-1] and "range" in asked[-1]


@pytest.mark.parametrize("label", ["the tech question", "a lot", "the actual ones"])
def test_a_label_for_a_question_or_a_quantity_is_never_the_topic(label):
    assert sayable(label) == ""


@pytest.mark.parametrize("cut", ["the overheads vaguely", "you averaged the 2 years", "you knew TG20"])
def test_a_topic_cut_at_how_it_went_or_at_what_the_candidate_did_is_never_said(cut):
    assert sayable(cut) == ""


def test_an_answer_the_candidate_gave_is_not_challenged_as_something_they_did():
    from mockint.questions.note_clauses import said_clause
    assert said_clause("asked the sickness rate on my ward, I said about 4%") == ""
    assert said_clause("I said warning notice and declaration") == ""
    assert said_clause("I said I would call the police first") == "you would call the police first"


# ---- blind15 raters' faults (stop 26) -------------------------------------------------------------------------------

def test_a_story_question_quoted_in_the_notes_is_the_topic_and_its_missing_ending_is_asked_for():
    (text,) = probes_for("Role plays: the prisoner upset about a cancelled visit went well, I stayed calm. The 'time you "
                         "challenged inappropriate behaviour' one I gave a weak example from the call centre, no real outcome.")
    assert text == ("In your first interview we talked about a time you challenged inappropriate behaviour, and your answer "
                    "didn't say how it ended. So how did it end, and what was your part in getting there?")


def test_a_line_that_went_well_does_not_take_the_next_lines_struggle():
    (text,) = probes_for("- Went well: talked through the month-end run on Sage 50 Payroll for 1,200 employees, they seemed "
                         "happy with that\n- Blanked on the current Lower Earnings Limit for NI, said I'd check HMRC guidance")
    assert "Lower Earnings Limit" in text and "Sage" not in text


def test_nec_compensation_events_are_not_pay_and_a_cv_gap_is_asked_plainly():
    (text,) = probes_for("they liked my dissertation. also asked difference between JCT and NEC compensation events - i mixed up early warning with "
                         "compensation event")
    assert text.startswith("In your first interview we talked about the difference between JCT and NEC compensation events")
    assert "range are you looking for" not in text
    (gap,) = probes_for("- gap on CV 2021-2022, i mumbled something about 'family stuff' and moved on, he noticed")
    assert gap == ("In your first interview we talked about the gap in your CV, and I'd like to come back to it. Take me "
                   "through it now, in a sentence or two: what were you doing in that time, and what made you ready to "
                   "come back?")


def test_a_funnel_stage_called_sql_is_not_code_and_shorthand_is_spelled_out():
    assert not is_code("what your MQL to SQL conversion was on last campaign")
    assert is_code("a SQL query for the churn report")
    (pest,) = probes_for("bad: asked about integrated pest mgmt, couldn't explain it")
    assert "integrated pest management" in pest and "mgmt" not in pest


@pytest.mark.parametrize("notes, opening", [
    # A figure put right in the room is a correction of the question asked ("temp" spelled out, "ok." ends a sentence).
    ("knife skills fine, did brunoise ok. asked me at what temp you reheat (Scotland he said) and i said 63 - its 82C "
     "in Scotland. also burnt the shallots on the trial lol",
     "In your first interview we asked at what temperature you reheat, and your answer wasn't quite right."),
    ("Also asked about NRCPD CPD hours per year - I said 12, its 24 (12 structured)",
     "In your first interview we talked about the NRCPD CPD hours per year, and your answer wasn't quite right."),
    ("Gary asked max earth resistance for lightning protection, I said 20 ohms, he said 10 ohms is the figure we test to.",
     "In your first interview we talked about max earth resistance for lightning protection, and your answer wasn't "
     "quite right."),
    # A line labelled "scenario:" is the scenario, never its situation pasted as a topic.
    ("scenario: 7yr old needle phobic needs a cannula, parent anxious. I said 'tell him it won't hurt' - Claire said "
     "never say that, be honest",
     "In your first interview we talked about the scenario, and your answer wasn't quite right."),
    # A story told without its ending is asked how it ended; a tool never used is not probed.
    ("Talked about saving a churning account worth 80k ARR, but when she asked how it ended I didnt really have ending, "
     "they left anyway. Didnt know Gainsight, used ChurnZero.",
     "In your first interview we talked about saving a churning account worth 80k ARR, and your answer didn't say how "
     "it ended."),
])
def test_blind15_to_19_notes_are_probed_with_the_right_opening(notes, opening):
    (text,) = probes_for(notes)
    assert text.startswith(opening)


def test_a_tool_never_used_and_a_verdict_label_are_never_said_back():
    assert not any("ESR" in probe for probe in probes_for("- went well: month-end run\n- They use ESR which I've never "
                                                         "used, admitted it"))
    assert not any("BAD" in probe for probe in probes_for(
        "\u2022 good: tech files for Class I devices\n\u2022 BAD - asked when MDR transition ends for legacy devices. "
        "I said May 2024. Wrong, it was extended"))


def test_a_plural_omission_and_a_which_gap_are_said_whole():
    (allergens,) = probes_for("talked about the allergen matrix for 14 allergens, forgot to mention lupin and molluscs")
    assert allergens.endswith("Where do they come in, and why do they matter?")
    (grid,) = probes_for("She asked which projection for UK national grid and I said WGS84 - it's EPSG:27700 OSGB36")
    assert "which projection for UK national grid" in grid


# ---- blind20 raters' faults (stop 27), checked on lines written unlike the rated ones -------------------------------

BLIND20_CASES = [
    # A "Bad:" label says it went badly; "I say ..., Marek say no" is a correction in the present tense.
    ("Bad: they ask what pressure for the hydrostatic test and I say 1.2 times, Marek say no, 1.5 times working pressure",
     "In your first interview we talked about the pressure for the hydrostatic test, and your answer wasn't quite right.",
     "what's the right answer"),  # a figure to know: asked for itself
    # "whats" is a question asked, and "85,000" one number, not a clause break.
    ("Priya asked whats the VAT registration threshold for 2024, I said 85,000 - its 90,000",
     "In your first interview we asked what the VAT registration threshold for 2024 is, and your answer wasn't quite right.",
     "what's the right answer"),
    # A fact asked in statement order with its modal ("should read") is said whole.
    ("- good: plant room tour\n- asked what chlorine should read in a public pool, I said 5 ppm, Dave said it should be 1 to 3",
     "In your first interview we asked what chlorine should read in a public pool, and your answer wasn't quite right.",
     "what's the right answer"),
    # The right answer on a line of its own ("it is channel 12") corrects the line before; it is no topic.
    ("BAD: asked which VHF channel is for port operations. I said 16. it is channel 12, 16 is for calling",
     "In your first interview we asked which VHF channel is for port operations, and your answer wasn't quite right.",
     "what's the right answer"),
    # ... but after a blank it only gives the answer: nothing was said to be corrected.
    ("asked what UN1203 means and I blanked completely. its petrol",
     "In your first interview we asked what UN1203 means, and the answer didn't quite come to you.", "what's the answer"),
    # The candidate's own record is asked about plainly, not as a fact to use at work.
    ("they asked about the IVA from 2018 on my credit file, I couldnt remember the monthly amount and went red",
     "In your first interview we talked about the IVA from 2018 on your credit file.", "what happened, how was it put right"),
    # A competency named in quotes is the question; the chair's quoted request for "a specific time" is not a topic.
    ("Panel of 2. Bad: 'Seeing the Big Picture' I had no real example, talked in general and the chair asked 'can you "
     "give me a specific time'",
     "In your first interview we talked about the Seeing the Big Picture question, and no example came to mind.",
     "give me one real example"),
    # "I started the story about ..." answers the question before it, so its missing ending is that question's.
    ("BAD 1: Sue asked about a time I handled an angry parent. I started the story about the dad at pickup, then ran out "
     "of steam and never said the outcome",
     "In your first interview we talked about a time you handled an angry parent, and your answer didn't say how it ended.",
     "how did it end"),
    # An estimate put right is built again, with its assumptions checked.
    ("Case: UK market for e-scooters. I estimated riders at 10 million, Tom said its more like 2 million",
     "In your first interview we talked about the UK market for e-scooters, and your answer wasn't quite right.",
     "how would you build the estimate now"),
    # Two things told apart wrongly are asked apart; a tool never used ("never use it") is not probed.
    ("Problem: they use Opera Cloud and I never use it. Also asked about the Darjeeling flushes and I mixed up first and "
     "second",
     "In your first interview we talked about the Darjeeling flushes, and the answer didn't quite come to you.",
     "when each one applies"),
    ("Awkward bit: asked about notice period, I said 3 months and they wanted 4 weeks",
     "In your first interview we talked about the notice period.", "what notice do you have to give"),
]


def test_a_request_to_slow_down_a_shape_code_and_a_one_sided_difference_are_never_probed_as_topics():
    assert not any("slow down" in p for p in probes_for("- Graham asked me twice to slow down\n- good: GMDSS"))
    assert not is_code("shape code 21")
    assert not is_code("what you'd do if a controlled drug script was dated 35 days ago")
    assert sayable("difference between ABPI clause on proactive vs reactive") == ""
    assert sayable("difference between ABPI clause") == ""


# ---- blind21 raters' faults (stop 27), checked on lines written unlike the rated ones -------------------------------

BLIND21_CASES = [
    # A card out of date is renewed, not explained.
    ("Problem - they ask for my CSCS card, it is expired since January i did not know they check",
     "In your first interview we talked about your CSCS card, and it had run out.", "renewing it"),
    # A question quoted in single quotes is reported as the question; a blank on it asks it again.
    ("asked 'walk me through how a payment run is approved' - I said the manager signs it and then dried up",
     "In your first interview we asked how a payment run is approved, and the answer didn't quite come to you.",
     "how would you answer it"),
    # A fact stated in the note ("is 5 yearly renewal") is never said back: only its subject.
    ("foreman Lee, digger test fine but I didnt know Lifting Ops is 5 yearly renewal",
     "In your first interview we talked about Lifting Ops, and you weren't sure of your answer.", "what is it"),
    # "on the spot" is when, not what: the step left out is the probe.
    ("Then a pricing question on the spot: a box of 12 retails £24, what's the unit cost. I forgot to take VAT off",
     "In your first interview you forgot to take VAT off.", "where does it come in"),
    # "why Greggs" is why they want to join; "why I left" asks the reason, not what draws them here.
    ("Manager (Hannah) asked why Greggs and I said 'I like the food' and nothing else",
     "In your first interview we asked why you want to join Greggs.", "what is drawing you to this role"),
    ("he asked why I left my plumbing apprenticeship after 6 months and I said 'it wasn't for me'",
     "In your first interview we asked why you left your plumbing apprenticeship after 6 months.", "why did you leave"),
    # Freezing on a task set in the room is the task again, not a story.
    ("asked me to write a product description on the spot for a kettle and I froze, wrote two lines",
     "In your first interview we asked you to write a product description for a kettle, and it didn't come together",
     "how would you approach it"),
    # "she asked twice" is how it went, never a topic; the quoted story question is.
    ("she asked 'tell me about a complaint you resolved from start to finish' and I only talked in general, never gave "
     "an actual case. she asked twice",
     "In your first interview we talked about a complaint you resolved from start to finish, and no example came to mind.",
     "one real example"),
]


def test_a_line_that_starts_also_with_a_gap_of_its_own_is_a_topic_of_its_own():
    cdm, f10 = probes_for("- went ok on the tour\n- BAD: asked about the new CDM duty holder roles, he corrected me\n"
                          "- also blanked on what the notification threshold is for F10, just said 'big jobs'")
    assert cdm.startswith("In your first interview we talked about the new CDM duty holder roles, and your answer wasn't")
    assert "F10" not in cdm
    assert f10.startswith("In your first interview we asked what the notification threshold is for F10, and the answer "
                          "didn't quite come to you.")


# ---- blind22 raters' faults (stop 27), checked on lines written unlike the rated ones -------------------------------

BLIND22_CASES = [
    # Waffling over what a term means is a fact that did not come, not an answer that ran long.
    ("They asked what 'without prejudice' means and I waffled about it being private, Sue ended up explaining",
     "In your first interview we asked what 'without prejudice' means, and the answer didn't quite come to you.",
     "what's the answer"),
    # "I said 8% - WRONG" is a correction; a regulatory minimum is a figure asked for itself.
    ("- bad: asked the minimum leverage ratio, I said 5% - WRONG, it is 3.25%",
     "In your first interview we talked about the minimum leverage ratio, and your answer wasn't quite right.",
     "what's the right answer"),
    # "Jo asked expectations" is pay.
    ("- awkward: Jo asked expectations and I said 60k, she said the band is 48-52k",
     "In your first interview we talked about expectations.", "what range are you looking for"),
    # "Scenario went badly:" labels the scenario; "couldn't say who to escalate to" is what they would do.
    ("- Scenario went badly: a supplier misses the delivery slot for a launch. I said chase them but couldnt say who to "
     "escalate to",
     "In your first interview we talked about the scenario, and you weren't sure what you would do.", "what would you do first"),
    # A line that only says the panel's figure ("Dave said 900") corrects the line before.
    ("- bad: asked the annual dose limit for a classified worker, I said 50 mSv. Dave said 20 mSv a year",
     "In your first interview we talked about the annual dose limit for a classified worker, and your answer wasn't quite "
     "right.", "what's the right answer"),
    # "he show me chart it is about 22" after "I say 50" is a correction, in a non-native writer's words.
    ("he ask the bend allowance for 2mm aluminium, I say 4 mm, he show me table it is about 3 mm",
     "In your first interview we talked about the bend allowance for 2mm aluminium, and your answer wasn't quite right.",
     "Have another go now"),
    # "never mentioned X / Y" leaves out X, said whole; a reference from a past employer is asked about plainly.
    ("Then fumbled the lone worker scenario, never mentioned calling the office / calling 999",
     "In your first interview we talked about the lone worker scenario, and you didn't mention calling the office.",
     "Where does it come in"),
    ("she asked for a reference from my last salon and I said I'd rather not, we left on bad terms",
     "In your first interview we talked about a reference from your last salon.", "briefly and plainly"),
    # "X / Y" names X, and what it was mixed up with is asked apart from it; "he said tell me about X" asks X; a story
    # without its fix did not say how it ended.
    ("- also asked about CAD / computer aided dispatch and i mixed it up with the radio log",
     "In your first interview we talked about CAD, and you mixed it up with the radio log.", "What is the difference"),
    ("Then he said tell me about a hard fault you fixed, I started on the one at the Kings Arms and never said what the fix "
     "was",
     "In your first interview we talked about a hard fault you fixed, and your answer didn't say how it ended.",
     "how did it end"),
    # "Went badly: packaging." names the topic; "Phil stopped me - ..." puts the answer right.
    ("Went badly: packaging. I said I'd bag the wet swab in plastic. Phil stopped me - wet items go in paper",
     "In your first interview we talked about packaging, and your answer wasn't quite right.", "Let's take it again"),
    # "Then the 1:1 scenario:" is the one-to-one scenario, said once with "the".
    ("Then 1:1 scenario: a customer says your count is wrong and wants you to sign off the variance. I said I'd sign if "
     "he was happy - wrong, you never sign on the client's say so",
     "In your first interview we talked about the one-to-one scenario, and your answer wasn't quite right.",
     "what would you do now"),
    # "NICE's" takes no "the".
    ("- BAD: asked NICE's usual cost-effectiveness threshold, I said 50k per QALY - it's 20-30k",
     "In your first interview we talked about NICE's usual cost-effectiveness threshold, and your answer wasn't quite right.",
     "what's the right answer"),
    # A struggle word inside the question asked ("a service overran") is the question's, not a cut.
    ("Also couldnt answer what I'd do if a wedding overran and the next couple were waiting, I just said 'talk to people'",
     "In your first interview we asked what you'd do if a wedding overran and the next couple were waiting",
     "what would you do first"),
]


def test_a_label_for_the_problem_and_a_request_for_a_photo_are_never_topics():
    assert not any("bigger problem" in p for p in probes_for(
        "- Bigger problem: they need me within 10 mins of the station and I live 25 mins away, said 'maybe' to moving"))
    assert not any("pic" in p for p in probes_for(
        "- bad: I only passed my test 8 months ago and didnt mention it till he asked for a pic of my licence"))


@pytest.mark.parametrize("notes, opening, ask", BLIND20_CASES + BLIND21_CASES + BLIND22_CASES)
def test_blind20_to_22_notes_are_probed_with_the_right_opening_and_ask(notes, opening, ask):
    (text,) = probes_for(notes)
    assert text.startswith(opening) and ask in text


def test_how_a_question_was_asked_and_the_panels_own_answer_are_never_said_as_its_topic():
    # (blind23, read after its rating: "asked offhand what ...", "he explained locker has to be ...")
    (nil_rate,) = probes_for("Bad bit - Fenwick asked offhand what the stamp duty threshold is and I said £125k. its £250k")
    assert nil_rate.startswith("In your first interview we asked what the stamp duty threshold is, and your answer wasn't")
    assert sayable("locker has to be self-draining overboard") == ""
    assert sayable("the valve must be closed before lifting") == ""
    assert not any("has to be" in p for p in probes_for(
        "- Gary asked what the gas check looks for and I went blank - he explained hose has to be in date and clipped"))


@pytest.mark.parametrize("notes, topic", [
    ("She asked about fire door regulations for HMOs and I didn't know the fire door regulations for HMOs.",
     "fire door regulations for HMOs"),
    ("they asked about ward round etiquette, I didn't know the ward round etiquette at all", "ward round etiquette"),
])
def test_a_gap_that_only_repeats_the_topic_with_an_article_is_not_said_twice(notes, topic):
    # blind23: "we talked about CO alarm rules for landlords, and you weren't sure of the CO alarm rules for landlords"
    said = " ".join(probes_for(notes))
    assert said.count(topic) == 1, said


def test_a_bare_scenario_is_restated_when_the_notes_give_it_to_the_candidate():
    # blind23: "we talked about the scenario" never said which one
    said = probes_for("- scenario: a resident falls in the lounge while you are alone on the floor. I said I'd lift "
                      "her myself. Wrong, you never lift, you use the hoist and call the nurse.")
    assert said[0].startswith("In your first interview we gave you a scenario: a resident falls in the lounge while "
                              "you are alone on the floor. ")
    # its own question is left to the ask, and the trouble is a sentence of its own
    said = probes_for("Scenario - you arrive at a job and the customer's boiler is leaking onto the consumer unit, "
                      "what first. I froze and didn't know what to do.")
    assert said[0].startswith("In your first interview we gave you a scenario: you arrive at a job and the customer's "
                              "boiler is leaking onto the consumer unit. You weren't sure")
    # a scene that is not put to the candidate ("a relative complains") is not pasted
    said = probes_for("scenario: a patient's relative complains about the food. I didn't know what to say.")
    assert "gave you a scenario" not in said[0]


@pytest.mark.parametrize("notes", [
    "then asked what that means for the stock count and my answer was muddled because I was flustered",
    "she asked what this means for the rota and I was muddled",
])
def test_a_question_that_points_back_at_something_unnamed_is_not_said_as_a_topic(notes):
    # blind23: "we asked what that means for the pay rise": "that" has nothing to point to
    assert not [p for p in probes_for(notes) if re.search(r"\bwhat (?:that|this) means\b", p)]


@pytest.mark.parametrize("notes", [
    "clustered vs non-clustered index - rambled for ages, mixed them up at first",
    "hot vs cold aisle containment - waffled for ages, got confused",
])
def test_how_long_an_answer_went_on_is_never_its_topic(notes):
    # blind24: "we talked about for ages, and the answer ran long"
    assert not [p for p in probes_for(notes) if "talked about for ages" in p]


@pytest.mark.parametrize("notes", [
    "- legionella: asked the temperature for hot water at the outlet. I said 45. Wrong: 50C within a minute, 60 at the cylinder",
    "- scenario: a customer's card is declined twice and they say try again. WRONG - never keep trying, offer another method",
    "- manual handling q: asked the max I'd lift alone. I said 35 kilos. wrong, it's a risk assessment, not one number",
])
def test_an_answer_the_panel_put_right_after_a_wrong_verdict_is_probed_as_wrong_not_as_forgotten(notes):
    # (blind26: "I said score of 8 means dependence. Wrong: 8-15 increasing risk" was asked as if it had not come to mind)
    (asked,) = probes_for(notes)[:1]
    assert "wasn't quite right" in asked and "didn't quite come to you" not in asked, asked


def test_wrong_followed_by_the_candidates_own_words_is_not_a_correction():
    (asked,) = probes_for("- the demo went wrong, I panicked and skipped the slides on pricing")[:1]
    assert "wasn't quite right" not in asked, asked


@pytest.mark.parametrize("phrase", ["the customer has a rash on her hands", "the council requires two written quotes",
                                    "Sarah wanted more detail", "the audit was"])
def test_a_sentence_of_the_notes_is_never_said_as_the_topic(phrase):
    # (blind26: "we talked about the client has yellow thick nail", "... about the claire wanted much more")
    assert sayable(phrase) == ""


@pytest.mark.parametrize("phrase", ["a boy who was biting", "a time you had to push back on a deadline",
                                    "the checks you did"])
def test_a_topic_with_its_own_clause_inside_is_still_a_topic(phrase):
    assert sayable(phrase) == phrase


@pytest.mark.parametrize("notes", ["- asked me to sell him a pen. caught out on the price",
                                   "- asked me to pitch the loyalty card to her, caught out on the fee"])
def test_the_interviewer_as_a_tasks_listener_is_not_said_back(notes):
    (asked,) = probes_for(notes)[:1]
    assert "asked you to sell a pen" in asked or "asked you to pitch the loyalty card" in asked, asked
    assert not re.search(r"\b(?:him|her)\b", asked), asked


@pytest.mark.parametrize("notes", ["- allergen law question: blanked on it", "- gas pressures question - not sure of my answer"])
def test_a_question_of_fact_answered_again_is_not_asked_for_an_example(notes):
    # (blind26: "the dangerous goods question ... what example would you use?" does not fit a rule to know)
    (asked,) = probes_for(notes)[:1]
    assert asked.endswith("how would you answer it now?") and "example" not in asked, asked


@pytest.mark.parametrize("notes, said", [
    ("- lifting question: asked what SWL stands for, I only half knew", "you weren't sure what SWL stands for"),
    ("- asked what a tenancy deposit scheme is - half knew it", "you weren't sure of your answer"),
])
def test_an_answer_half_known_is_a_struggle_and_names_what_was_asked(notes, said):
    # (blind26: "OTDR question: asked what the dead zone is, I half knew" was probed as how an OTDR works)
    (asked,) = probes_for(notes)[:1]
    assert said in asked, asked


# ---- a new user's notes (stop 31): a plan that turned out wrong, a choice left unexplained, "you'd done" ----------

@pytest.mark.parametrize("notes", [
    "- asked about a fire alarm going off mid-service, I said I'd finish plating first, pretty sure the answer was get "
    "everyone out",
    "Q on a child going missing on a trip - I said I would ring the school, turns out the right answer is call 999 first",
])
def test_a_plan_the_candidate_later_learned_was_wrong_is_asked_again_as_a_plan(notes):
    (text,) = probes_for(notes)
    assert "your answer wasn't quite right" in text
    assert "what would you do now, step by step, and why is that the right call?" in text


def test_a_choice_left_unexplained_is_asked_for_its_options_and_reason():
    (text,) = probes_for("They asked about a kitchen refit I'd done - good, but I didn't explain why I chose laminate "
                         "over quartz.")
    assert "a kitchen refit you'd done" in text
    assert text.endswith("What options did you weigh, and why did you choose the one you did?")


def test_had_done_is_not_a_hypothetical():
    (topic,) = extract_topics("Asked about a treatment you'd done on a rare book, I forgot the humidity readings.")
    assert not topic.hypothetical
    (planned,) = extract_topics("Asked how you'd handle a leak in the store, I forgot the humidity readings.")
    assert planned.hypothetical


def test_a_difference_that_could_not_be_explained_is_asked_for_itself():
    (text,) = probes_for("Asked about lifting plans, what the appointed person does - couldn't explain the difference "
                         "between a slinger and a signaller")
    assert "you weren't sure of the difference between a slinger and a signaller" in text
    assert text.endswith("What is the difference, and when does it matter in this job?")


# ---- blind27: scraps of a note line said as its topic ------------------------------------------------------------

@pytest.mark.parametrize("notes, scrap", [
    ("- fire risk assessment / PEEPs - blanked totally, said 'the alarm?'", "the totally"),
    ("- went straight to the refund without checking the receipt - forgot the returns policy", "the went straight"),
    ("- age related: I said 18 for knives, Jo said 18 but ID if they look under 25", "the age related"),
    ("- Level 2 / Level 3 - I mixed up which one is for the main board", "which one"),
    ("Interview day notes - said I'd let the resident go out alone, wrong, should check the care plan first", "day notes"),
])
def test_a_scrap_of_the_note_line_is_never_said_as_its_topic(notes, scrap):
    for text in probes_for(notes):
        assert scrap not in text, text


@pytest.mark.parametrize("notes, pair", [
    ("- stock control: mixed up FIFO with FEFO, the manager put me right", "you mixed up FIFO and FEFO"),
    ("* asked about tax codes - confused BR and 0T, embarrassing", "you mixed up BR and 0T"),
    ("- PPE: mixed up FFP2 / FFP3 when asked which one for aerosols", "you mixed up FFP2 and FFP3"),
    ("- hot work permits - mixed them up with confined space permits, Gill explained", "you mixed them up with confined space permits"),
])
def test_two_things_mixed_up_are_named_and_asked_apart(notes, pair):
    said = probes_for(notes)[0]
    assert pair in said
    assert "What is the difference" in said


def test_a_mix_up_of_one_thing_is_not_asked_as_a_difference():
    said = probes_for("- mixed up the order of the checks on the forklift, did brakes last")[0]
    assert "difference" not in said


def test_a_correction_after_a_doubled_question_mark_is_read_as_a_correction():
    notes = "- asked what you put on a burn, I said butter?? Paul said cool running water for 20 minutes"
    said = probes_for(notes)[0]
    assert "your answer wasn't quite right" in said


def test_an_acronym_asked_in_present_tense_notes_is_the_topic():
    said = probes_for("* Mrs Okoro ask what is COSHH, I say it's a fire form - is Control of Substances Hazardous to Health")
    assert said[0].startswith("In your first interview we asked what COSHH is, and your answer wasn't quite right.")


def test_a_bare_noun_at_the_end_of_an_asked_question_gets_its_article():
    said = probes_for("- they asked what my first time fix rate was on last contract, no idea")[0]
    assert "on the last contract" in said


def test_an_unnamed_scenario_waits_behind_a_struggle_with_a_name():
    notes = ("- scenario: fire alarm goes off during visiting. I said wait for the fire team, Jo said no - start the "
             "evacuation plan\n- didn't know what PEEP stands for")
    said = probes_for(notes)
    assert "PEEP" in said[0]
    assert not any("the scenario" in s for s in said)


def test_an_example_is_never_said_as_a_topic():
    assert sayable("an example") == "" and sayable("a good example") == ""


@pytest.mark.parametrize("notes, topic", [
    ("- the warehouse WMS migration (Manhattan, 3 sites) - they asked what I personally did and I got vague",
     "the warehouse WMS migration"),
    ("- talked about the Leeds depot move\n- then they asked what my own part was, went vague", "the Leeds depot move"),
])
def test_an_ask_for_the_candidates_own_part_is_the_trouble_not_the_topic(notes, topic):
    said = probes_for(notes)[0]
    assert said.startswith(f"In your first interview we talked about {topic}")
    assert "your own part" in said


def test_a_line_that_ended_ok_is_done_with():
    notes = "- stock rotation - ok\n- supplier chasing a late payment, my answer ran long"
    assert not any("stock rotation" in said for said in probes_for(notes))


def test_a_correction_written_in_the_present_tense_is_a_correction():
    said = probes_for("• fire extinguisher for chip pan - I say water, he correct: wet chemical, never water")[0]
    assert "your answer wasn't quite right" in said


def test_what_the_candidate_did_not_know_about_is_named():
    said = probes_for("- the evacuation drill - didnt know about the grab bag or the roll call sheet, they explained")[0]
    assert "you weren't sure of the grab bag or the roll call sheet" in said
    assert "Take me through them now" in said


@pytest.mark.parametrize("notes, said", [
    ("- fitting a radiator valve - missed out PTFE on the threads, Dave told me", "you didn't mention PTFE on the threads"),
    ("- cleaning the coffee machine - forgot to say rinse the group heads after the detergent", "you forgot to rinse the group heads"),
    ("- pressure sore check - forgot calling the tissue viability nurse + taking a photo",
     "Where do they come in, and why do they matter?"),
])
def test_what_was_left_out_is_said_as_the_notes_mean_it(notes, said):
    assert said in probes_for(notes)[0]


def test_a_slip_on_the_day_is_not_probed():
    notes = "- HACCP plan - talked it thru, ok\n- FORGOT TO BRING my certificates!! ugh"
    assert not any("certificates" in said or "part of the answer was missing" in said for said in probes_for(notes))


def test_outcome_measures_are_a_topic_not_an_unsure_outcome():
    said = probes_for("- outcome measures - mentioned the Barthel but didnt say how I'd use it to show progress")[0]
    assert "weren't sure of the outcome" not in said


def test_an_example_that_ran_long_is_asked_short_not_again():
    said = probes_for("- teamwork example - the wrong delivery story, went on way too long")[0]
    assert "the answer ran long" in said and "no example came to mind" not in said


def test_an_example_without_numbers_is_asked_for_what_it_changed():
    said = probes_for("- bank recs - have done them but my example was vague, no numbers (how many accounts, volume etc)")[0]
    assert "before and after" in said and "what drives them" not in said


def test_how_you_would_do_something_hard_to_explain_is_asked_as_steps_to_take():
    said = probes_for("- asked how I'd isolate a leaking radiator in an occupied flat, struggled to explain it")[0]
    assert "what would you do, and why in that order" in said and "how does it work" not in said


def test_how_many_is_a_fact_asked_for_not_a_method():
    said = probes_for("- fire safety - couldn't say how many fire wardens a floor needs")[0]
    assert "you weren't sure how many fire wardens a floor needs" in said and "step by step" not in said


def test_how_something_is_measured_is_not_a_missing_figure():
    said = probes_for("- asked what a BMI is - fine, but couldn't say how you measure it for a wheelchair user")[0]
    assert "figures" not in said


def test_a_mix_up_whose_second_thing_cannot_be_said_whole_is_not_said_half_way():
    said = probes_for("- dispatch: I mixed up the platform staff signal with the one from the guard")
    assert not any("and the one" in s or "with the one" in s for s in said)
