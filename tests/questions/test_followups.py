"""Follow-ups: one short probe that names what the candidate said and goes after the answer's real gap."""

import json
import random
from pathlib import Path

import pytest

from mockint.domain import (Feedback, FillerHit, FillerFeedback, LengthFeedback, Ownership, Question, QuestionKind,
                            StarFeedback, StarPart, Transcript)
from mockint.feedback.analyze import analyze
from mockint.questions.anchors import tidy, to_you, without_fillers
from mockint.questions.answer_gaps import measures, rule_gap, unbacked_claim
from mockint.questions.learned_gap import find_gap
from mockint.questions import followups
from mockint.questions.followups import choose_follow_up, follow_up_text
from mockint.questions.templates import toml_template

STORY = Question(text="Tell me about a time you cut costs: what did you do and what changed?",
                 kind=QuestionKind.behavioral, competency="ownership")
PLAN = Question(text="A supplier will deliver a month late, two weeks before launch. What do you do?",
                kind=QuestionKind.situational)
DEV = Path(__file__).resolve().parent.parent / "data/question_eval/follow_up_dev.jsonl"


def feedback(text, i=None, we=None, action=True, hits=(), story=True):
    """A hand-made Feedback for `text`: only the facts the chooser reads are filled in."""
    words = len(text.split())
    i = text.count(" I ") + text.startswith("I ") if i is None else i
    we = text.lower().count("we ") if we is None else we
    return Feedback(
        word_count=words, transcript=text,
        length=LengthFeedback(verdict="ok", word_count=words, target_words=(50, 300), target_seconds=(25, 150)),
        star=StarFeedback(applicable=story, action=StarPart(present=action)),
        ownership=Ownership(i=i, we=we), fillers=FillerFeedback(hits=list(hits)),
    )


STRONG = ("Last year our courier bill had grown to 80,000 a quarter. I benchmarked three other carriers, took the "
          "quotes to our account manager and got them to match the cheapest one. The bill dropped to 61,000 the next "
          "quarter, and I moved the returns to the same contract.")
NO_RESULT = ("Last year our courier bill had grown fast and finance flagged it. I benchmarked three other carriers, "
             "took the quotes to our account manager, and I asked for a review of the contract. I also set up a "
             "monthly report on shipping spend for the finance team.")
ALL_WE = ("Last year our courier bill had grown fast and finance flagged it. We benchmarked three other carriers, "
          "we took the quotes to the account manager, and we got them to match the cheapest one. The bill dropped "
          "by 24 percent the next quarter.")
VAGUE = ("Last year our courier bill had grown fast and finance flagged it. I benchmarked 3 other carriers, took "
         "the quotes to our account manager and got them to match the cheapest one. After that shipping costs came "
         "down a lot and finance was much happier.")


def test_a_strong_story_gets_no_follow_up_from_the_rules():
    # The learned heads weigh "none" equally with the gaps since stop 36 and ask "why" after this story's
    # unexplained "moved the returns to the same contract"; how often they leave strong answers alone is measured
    # held out (scripts/train_followups.py) and on the dev set's strong answers below.
    assert rule_gap(STORY, feedback(STRONG)) is None


def test_each_gap_is_found():
    assert rule_gap(STORY, feedback("I cut the courier bill by renegotiating.")) == "detail"
    assert rule_gap(STORY, feedback(STRONG, action=False)) == "detail"  # a story question, and no story told
    assert rule_gap(STORY, feedback(NO_RESULT)) == "result"
    assert rule_gap(STORY, feedback(ALL_WE, i=0, we=3)) == "own_part"
    assert rule_gap(STORY, feedback(VAGUE)) == "evidence"


def test_a_digit_is_not_evidence_unless_it_measures_the_claim():
    # "3 other carriers" comes before the claim: it says what was done, not what came of it.
    assert unbacked_claim(VAGUE, STORY.text).match == "came down a lot"
    # Error codes, labels and years measure nothing.
    assert measures("After that the 502s mostly went away in year 2 of 2023", set()) == []
    # The question's own numbers are not the candidate's evidence.
    asked = {"6", "72"}
    assert measures("First response was 6 hours and CSAT 72 percent.", asked) == []
    assert measures("First response went from 6 hours to 40 minutes.", asked) == ["40 minutes"[:2]]
    backed = VAGUE.replace("came down a lot", "came down a lot, from 80,000 to 61,000 a quarter,")
    assert unbacked_claim(backed, STORY.text) is None


@pytest.mark.parametrize("sentence, claim", [
    # Boasts sets 85-88's raters faulted moving on from (each had no claim read, and no follow-up).
    ("Honestly nobody in this market sells a cask faster than I do, the bottlers all know me.",
     "nobody in this market sells a cask faster than I do"),
    ("Since I've been doing it this way the complaints have gone right down.", "gone right down"),
    ("It saved the trust a lot of money, really a lot compared to where we'd have been.", "saved the trust a lot of money"),
    ("My classification is probably the best on the ship.", "probably the best on the ship"),
    # Not a claim: a way down somewhere.
    ("We went right down to the pier to meet the boat.", None),
])
def test_boasts_in_other_words_are_claims_to_back(sentence, claim):
    found = unbacked_claim(sentence, STORY.text)
    assert (found.match if found else None) == claim


def test_a_choice_without_a_reason_is_a_decision_gap_and_with_one_it_is_not():
    bare = ("I'd switch that component to our backup supplier straight away. Then I'd tell the sponsor, move the "
            "test dates, and ask the supplier for a written recovery plan for the rest of the order. I'd also check "
            "the contract for penalties.")
    assert rule_gap(PLAN, feedback(bare, story=False)) == "decision"
    reasoned = bare.replace("straight away.", "straight away, because a launch slip costs us the retail slot.")
    assert rule_gap(PLAN, feedback(reasoned, story=False)) is None


def test_the_follow_up_names_the_candidates_words_turned_to_you():
    q = choose_follow_up(STORY, feedback(VAGUE), random.Random(0))
    assert q.kind == QuestionKind.follow_up and q.source == "follow_up"
    assert q.text.startswith("You said shipping costs came down a lot.")
    assert "measure" in q.text and q.reason == "follow-up: the answer made a claim without a measure to back it"
    own = choose_follow_up(STORY, feedback(ALL_WE, i=0, we=3), random.Random(0))
    assert own.text.split(". ")[0] in ("You said the team benchmarked three other carriers",
                                       "You said the team took the quotes to the account manager")
    assert "your own part" in own.text or "yours personally" in own.text
    result = choose_follow_up(STORY, feedback(NO_RESULT), random.Random(0))
    assert "you set up a monthly report on shipping spend for the finance team" in result.text
    assert "end" in result.text


def test_pronouns_are_turned_whole():
    assert to_you("I was on call and my manager asked me to fix our build") == \
        "you were on call and your manager asked you to fix your build"
    assert to_you("I'd use Cassandra") == "you'd use Cassandra"
    assert to_you("we were behind and our client had seen it", team=True) == \
        "the team was behind and the client had seen it"


def test_an_anchor_is_a_whole_clause_or_nothing():
    assert tidy("So, after that, the cost per install came down a lot.") == "the cost per install came down a lot"
    assert tidy("On a pricing test, I decided to use a Bayesian model.") == "I decided to use a Bayesian model"
    assert tidy("and then presented it") == ""  # no subject: a fragment is never said back
    assert tidy("as you know the process was slow") == ""  # the candidate's own "you" would be ambiguous
    long = ("I put together the cost of warranty returns over the past year and presented it at the design review "
            "alongside the new fillet radius")
    assert tidy(long) == "I put together the cost of warranty returns over the past year"


def test_fillers_are_left_out_of_what_is_said_back():
    text = "Um, so we, uh, restarted the pods."
    hits = [FillerHit(text="Um", filler="um", kind="hard", start_char=0, end_char=2),
            FillerHit(text="uh", filler="uh", kind="hard", start_char=11, end_char=13)]
    assert without_fillers(text, hits) == "so we restarted the pods."


def test_no_follow_up_after_a_follow_up_or_an_empty_answer():
    follow = Question(text="How did it end, in numbers?", kind=QuestionKind.follow_up)
    assert choose_follow_up(follow, feedback("We did it.")) is None
    empty = analyze(Transcript(text=""), STORY.text, STORY.kind)
    assert choose_follow_up(STORY, empty) is None


def dev_case(case_id):
    return next(c for c in map(json.loads, DEV.read_text().splitlines()) if c["id"] == case_id)


@pytest.mark.parametrize("case_id, named", [
    ("dev-08", "you posted updates in the incident channel"),  # a story that stops before the end
    ("dev-13", "the team migrated the monolith's billing module"),  # all "we"
    ("dev-19", "you'd use Cassandra"),  # a choice, no reason
    ("dev-28", "the 502s mostly went away"),  # "502s" and "8 to 16 workers" are not evidence of the result
    ("dev-30", "response times got significantly faster"),  # the question's numbers repeated
    ("dev-33", "you've had to do that a couple of times"),  # thin
])
def test_with_the_real_analyzer_the_follow_up_names_the_answer_and_probes_its_gap(case_id, named):
    case = dev_case(case_id)
    question = Question(text=case["question"], kind=QuestionKind(case["kind"]))
    fb = analyze(Transcript(text=case["answer"]), question.text, question.kind)
    assert find_gap(question, fb) == case["labels"]["gap"]
    follow = choose_follow_up(question, fb, random.Random(0))
    assert named in follow.text


def test_with_the_real_analyzer_a_strong_answer_gets_none():
    for case_id in ("dev-01", "dev-05"):
        case = dev_case(case_id)
        question = Question(text=case["question"], kind=QuestionKind(case["kind"]))
        fb = analyze(Transcript(text=case["answer"]), question.text, question.kind)
        assert choose_follow_up(question, fb) is None, case_id


@pytest.mark.xfail(strict=True, reason="known fault since stop 44: with the pivotal-choice signals the heads ask why of "
                   "dev-03's conditional choice ('lean towards the backup supplier if their quality is proven, rather "
                   "than moving the date'), which its writer labelled strong")
def test_a_strong_plan_with_a_conditional_choice_gets_none():
    case = dev_case("dev-03")
    question = Question(text=case["question"], kind=QuestionKind(case["kind"]))
    fb = analyze(Transcript(text=case["answer"]), question.text, question.kind)
    assert choose_follow_up(question, fb) is None


def test_a_thin_motivation_answer_is_asked_for_an_example_not_for_steps():
    why = Question(text="Why do you want to work here?", kind=QuestionKind.culture)
    q = choose_follow_up(why, feedback("I really like the company and its values.", story=False), random.Random(0))
    assert q.text.startswith("You said you like the company and its values.")  # "really" adds nothing said back
    assert "example" in q.text or "experience" in q.text
    assert "step by step" not in q.text


def test_a_figure_from_the_question_explained_only_by_itself_is_an_evidence_gap():
    cited = Question(text="In your first interview you said you cut agency spend by 30%. How did you do that?",
                     kind=QuestionKind.first_round)
    vague = ("So the 30% was really about better planning, being more on top of the rota. I worked closely with the "
             "bank office and the team pulled together, and by the end of the year we had hit that 30%.")
    assert rule_gap(cited, feedback(vague)) == "evidence"
    follow_up = choose_follow_up(cited, feedback(vague), random.Random(1))
    asks = toml_template("follow_ups.toml")["evidence"]["asks"]["figure"]
    assert follow_up.text.startswith("You said you worked closely with the bank office.")
    assert any(follow_up.text.endswith(ask) for ask in asks)
    backed = vague.replace("better planning", "moving 40 night shifts from agency to bank staff each month")
    assert rule_gap(cited, feedback(backed)) is None
    # a technical question's figure is a requirement, not the candidate's claim
    design = Question(text="How would you store 10,000 writes per second?", kind=QuestionKind.technical)
    assert rule_gap(design, feedback("I'd use a key-value store with the short code as the key because reads "
                                     "dominate, with a cache in front and codes handed out in ranges.", story=False)) \
        != "evidence"


def test_a_short_answer_of_general_habits_gets_asked_for_an_example():
    asked = Question(text="How do you make sure you don't make dispensing errors?", kind=QuestionKind.technical)
    habits = ("I always double check everything and I follow the SOPs. I'm very careful and I don't rush, even when "
              "it's busy. If I'm not sure about something I always ask the pharmacist before it goes out.")
    assert rule_gap(asked, feedback(habits, story=False)) == "detail"
    example = habits + " Last month that caught a methotrexate dose written daily instead of weekly."
    assert rule_gap(asked, feedback(example, story=False)) is None


def test_a_choice_set_against_its_alternative_needs_its_own_reason():
    lift = Question(text="A lift stops between floors with someone inside. What do you do?",
                    kind=QuestionKind.situational)
    plan = ("First I'd talk to the person through the intercom and keep them calm. I'd send someone to make sure the "
            "lift isn't called from other floors. I'd call the fire brigade straight away rather than wait for the "
            "contractor. Once they were out I'd take the lift out of service and log it.")
    assert rule_gap(lift, feedback(plan, story=False)) == "decision"
    reasoned = plan.replace("rather than wait for the contractor.",
                            "rather than wait for the contractor, because they can be an hour away on a Friday.")
    assert rule_gap(lift, feedback(reasoned, story=False)) is None


def follow_up_for(question: Question, answer: str):
    """The gap and follow-up the real analyzer and chooser give a typed answer."""
    heard = analyze(Transcript(text=answer), question.text, question.kind)
    return find_gap(question, heard), choose_follow_up(question, heard, random.Random(0))


def test_praise_of_oneself_with_nothing_behind_it_is_asked_for_the_case_that_shows_it():
    question = Question(text="A customer is shouting at the till because a refund was refused. What do you do?",
                        kind=QuestionKind.situational)
    answer = ("I'd let them finish first and then explain the refund policy calmly, and I'd offer an exchange or a "
              "credit note instead. If they kept shouting I'd call the duty manager over to the till. To be honest "
              "I'm really good with difficult customers, my colleagues always send the angry ones to me.")
    gap, follow = follow_up_for(question, answer)
    assert gap == "evidence"
    # named: the praise, or the colleagues' word it leans on (the same sentence)
    assert ("difficult customers" in follow.text or "angry ones" in follow.text) and "example" in follow.text.lower()


def test_an_answer_of_stock_phrases_is_asked_for_a_real_example():
    question = Question(text="How do you make sure a new starter on your ward is safe to work alone?",
                        kind=QuestionKind.technical)
    answer = ("For me patient safety is really important. I always follow the trust's induction policy and I make "
              "sure they are supernumerary where appropriate. I think supervision is the key, and good communication "
              "with the rest of the team.")
    gap, follow = follow_up_for(question, answer)
    assert gap == "detail" and follow is not None


def test_a_decision_told_as_a_plain_act_with_no_reason_is_asked_why():
    question = Question(text="Tell me about a time you had to decide whether to stop a job on safety grounds.",
                        kind=QuestionKind.behavioral)
    answer = ("We were fitting a new roof on a school over the summer and the scaffold firm had left a gap in the "
              "edge protection on the north side. The site manager wanted us to crack on because the deadline was "
              "tight. I stopped the job on that elevation and sent the lads to the other side. The scaffolders came "
              "back the next morning, closed the gap, and we still finished the roof a day early.")
    gap, follow = follow_up_for(question, answer)
    assert gap == "decision"
    assert "stopped the job on that elevation" in follow.text


def test_a_textbook_answer_in_the_second_person_is_asked_for_a_real_case():
    question = Question(text="How would you find out why a web page has become slow for users?",
                        kind=QuestionKind.technical)
    answer = ("Well, first you check whether it's slow for everyone or just some users. Then you open the browser "
              "tools and you look at the waterfall to see what takes the time. You compare the server time with the "
              "front end. After that you fix the slowest part and you keep an eye on it so it doesn't come back.")
    gap, follow = follow_up_for(question, answer)
    assert gap == "detail" and follow is not None


def test_a_plan_whose_main_step_has_no_reason_is_asked_why_past_the_courtesies():
    question = Question(text="Two patients on your bay need you at the same moment. What do you do?",
                        kind=QuestionKind.situational)
    answer = ("I'd reassure the first patient that I've heard them. I'd go to the lady who is post-op first and "
              "check her observations. I'd ask the healthcare assistant to sit with the other gentleman. Then I'd "
              "go back to him as soon as I could and document both.")
    gap, follow = follow_up_for(question, answer)
    assert gap == "decision"
    assert "post-op first" in follow.text and "reassure" not in follow.text


def test_a_story_told_as_habit_with_praise_of_oneself_gets_the_praise_probed():
    question = Question(text="Tell me about a time you calmed an upset customer.", kind=QuestionKind.behavioral)
    answer = ("There's a regular who gets cross when his parcel is late. I'd usually let him vent and check the "
              "tracking with him. Honestly I'm the best in the office at this, everyone sends the angry callers to "
              "me, and my manager says I'm really good at calming people down.")
    gap, _ = follow_up_for(question, answer)
    assert gap == "evidence"


def test_a_story_that_ends_with_the_class_settled_is_not_asked_how_it_ended():
    # Tried as a new user (cover supervisor): the ending was there, and the follow-up asked for it anyway.
    question = Question(text="Tell me about a time a class would not settle for you.", kind=QuestionKind.behavioral)
    answer = ("We had a Year 9 group last spring who would not settle after lunch. I stood at the door, gave a "
              "seating plan and a starter on the board, and used the school warning system, C1 then C2. Two "
              "students kept going so I logged it on SIMS and called the on-call teacher. By the third week the "
              "class settled within five minutes and the head of year thanked me.")
    gap, _ = follow_up_for(question, answer)
    assert gap != "result"


def test_a_story_asked_as_a_technical_question_is_still_asked_how_it_ended():
    question = Question(text="Tell me about a time you sped up a slow report.", kind=QuestionKind.technical)
    answer = ("The weekly stock report took forty minutes to refresh, so I profiled the queries first. Two joins "
              "scanned the whole history table, so I added a date filter and an index on the store column, and I "
              "moved the heavy calculation into a nightly summary table. Then I wrote up the changes for the team "
              "wiki and handed it over to the BI analyst before I went on leave.")
    gap, _ = follow_up_for(question, answer)
    assert gap == "result"


def test_a_story_of_what_the_group_did_with_the_candidate_nowhere_is_asked_for_their_part():
    question = Question(text="Tell me about a time you helped improve safety on site.", kind=QuestionKind.behavioral)
    answer = ("On the last housing job there were a lot of near misses with the telehandler reversing near the "
              "footpaths. So the safety committee brought in a new plan, with a banksman on every reverse, "
              "barriers along the walkways and a toolbox talk every Monday morning for all the trades. Everyone "
              "signed the briefing sheet. Over the next three months the near misses went down by about half and "
              "the client mentioned it in the monthly review.")
    gap, follow = follow_up_for(question, answer)
    assert gap == "own_part" and "own part" in follow.text


def test_signing_off_work_is_not_how_a_story_ended():
    question = Question(text="Tell me about a project you led from start to finish.", kind=QuestionKind.behavioral)
    answer = ("I led the move of our payroll to a new provider. I wrote the requirements, ran the tender with three "
              "suppliers and chose the one with the best support model. I ran the parallel runs myself and signed "
              "off every payslip check before go-live in April, and I trained the two payroll officers on it.")
    gap, _ = follow_up_for(question, answer)
    assert gap == "result"


@pytest.mark.parametrize("clause, said", [
    ("I always sign off the checks, and if a reading looks odd", "I always sign off the checks"),
    ("we close the site, and when the wind drops", "we close the site"),
    ("I call the vet when a ewe stops eating", "I call the vet when a ewe stops eating"),  # a whole condition stays
])
def test_a_condition_whose_main_clause_comes_next_is_not_said_back(clause, said):
    # (a follow-up had said "You said you always double check everything, and if something doesn't look right.")
    assert tidy(clause) == said


def test_a_decision_follow_up_names_the_choice_left_unexplained_not_the_first_step():
    question = Question(text="How would you pick a database for a new booking system?", kind=QuestionKind.technical)
    answer = ("For this I'd use Postgres. I'd set up a read replica, add connection pooling with PgBouncer, and I'd "
              "organise the schema by domain so it stays clear as it grows.")
    follow = choose_follow_up(question, analyze(Transcript(text=answer), question.text, question.kind), random.Random(0))
    assert follow is not None and follow.text.startswith("You said you'd use Postgres."), follow


def test_a_story_that_turns_on_an_unexplained_choice_is_asked_why():
    # A reason for a smaller step ("to keep the line clear") does not explain the choice the story turned on.
    answer = ("Two winters ago our main boiler at the care home failed on a Friday night with eleven residents in. I "
              "checked the pressure and the fault code, and I isolated the gas to keep the plant room safe. Then I "
              "decided to move the residents into the lounge rather than hire heaters. By Saturday "
              "lunchtime the engineer had the boiler running, and nobody got a chill; the inspector praised the log.")
    question = Question(text="Tell me about a time something broke down at work and you had to sort it out.",
                        kind=QuestionKind.behavioral)
    fb = analyze(Transcript(text=answer), question.text, question.kind)
    assert find_gap(question, fb) == "decision"
    follow = choose_follow_up(question, fb, random.Random(0))
    assert "move the residents into the lounge" in follow.text


def test_a_story_whose_choice_is_explained_is_left_alone():
    answer = ("Two winters ago our main boiler at the care home failed on a Friday night with eleven residents in. I "
              "checked the pressure and the fault code, and I isolated the gas. Then I decided to move the residents "
              "from the east wing into the lounge, because it has its own electric heating and the staff could see "
              "everyone at once. By Saturday lunchtime the engineer had the boiler running, and nobody got a chill.")
    question = Question(text="Tell me about a time something broke down at work and you had to sort it out.",
                        kind=QuestionKind.behavioral)
    assert find_gap(question, analyze(Transcript(text=answer), question.text, question.kind)) is None


def test_praise_after_a_story_told_to_its_end_is_asked_what_shows_it_beyond_that_case():
    # Sets 45-46's raters: "tell me about one specific time" right after one was told asks for what was given.
    question = Question(text="Tell me about a time you kept a client who was about to leave.", kind=QuestionKind.behavioral)
    answer = ("Last March a dental practice told me they were moving their payroll to a cheaper bureau. I went to see "
              "the practice manager the same week, went through their last six months of queries, and found that "
              "two late payslips had been our mistake. I refunded that month's fee, moved them to a named contact, "
              "and set up a check before every run. They signed for another two years in April. Honestly, clients "
              "trust me.")
    heard = analyze(Transcript(text=answer), question.text, question.kind)
    told = toml_template("follow_ups.toml")["evidence"]["asks"]["praise_told"]
    follow = follow_up_text("evidence", question, heard, random.Random(0))
    assert "clients trust you" in follow and any(follow.endswith(ask) for ask in told)
    # Praise with no story behind it is still asked for the case that shows it.
    bare = analyze(Transcript(text="Honestly, clients trust me. I'm always honest with them and I pick up the phone."),
                   question.text, question.kind)
    assert not any(follow_up_text("evidence", question, bare, random.Random(0)).endswith(ask) for ask in told)


def test_evidence_of_a_plain_deed_gives_way_to_a_gap_that_names_something(monkeypatch):
    # No claim to back, so evidence could only name a deed ("you said you don't trust their log. How did you know?",
    # set 50's sheet); the story's missing ending is asked instead. With no other gap, none is asked: sets 43-92's
    # raters faulted 24 of the 27 evidence follow-ups asked of a plain deed or of nothing named.
    question = Question(text="A pool has gone cloudy and swimmers have sore eyes. Talk me through the last time.",
                        kind=QuestionKind.situational)
    answer = ("I don't trust the site's own log, so I took my own readings at the deep end and the shallow end. The "
              "combined chlorine was well over the limit and the filters hadn't been backwashed for a week. I told the "
              "duty manager to close the pool, backwashed both filters and recommended a full media change.")
    feedback = analyze(Transcript(text=answer), question.text, question.kind)
    monkeypatch.setattr(followups, "scored_gaps", lambda q, f: {"evidence": 0.5, "result": 0.4})
    assert followups.chosen_gap(question, feedback) == "result"
    monkeypatch.setattr(followups, "scored_gaps", lambda q, f: {"evidence": 0.5})
    assert followups.chosen_gap(question, feedback) is None
    # A claim to back is still asked for its evidence.
    claimed = analyze(Transcript(text=answer + " Honestly, nobody on the team reads water better than I do."),
                      question.text, question.kind)
    assert followups.chosen_gap(question, claimed) == "evidence"
    assert "water better" in followups.follow_up_text("evidence", question, claimed, random.Random(0))


def test_a_claim_that_cannot_be_said_back_gives_way_to_the_next_claim():
    # "Oh I'm brilliant with that" has no whole clause to say back; before, a plain step was asked for its evidence
    # (set 16's rater: "all unevidenced self-praise"). The next claim is named instead.
    question = Question(text="How do you handle a customer who is upset about a late repair?", kind=QuestionKind.technical)
    answer = ("Oh I'm brilliant with that, honestly. I let them say their piece first, then I tell them exactly where the "
              "part is and when the engineer can come, and I ring them back the day before. Customers always love me for that.")
    heard = analyze(Transcript(text=answer), question.text, question.kind)
    assert unbacked_claim(answer, question.text).match == "I'm brilliant"
    assert followups.chosen_gap(question, heard) == "evidence"
    assert "customers always love you" in follow_up_text("evidence", question, heard, random.Random(0))


def test_an_improvement_called_significant_is_a_claim_of_size():
    found = unbacked_claim("When we shipped the re-ranker the improvement was really significant.", STORY.text)
    assert found is not None and found.kind == "size" and found.match == "improvement was really significant"


def test_a_comparison_after_because_is_a_reason_but_after_since_a_claim():
    assert unbacked_claim("I invite the older players, because pickleball is much easier on the body.", STORY.text) is None
    found = unbacked_claim("Since then their customs compliance is massively better.", STORY.text)
    assert found is not None and found.match == "massively better"
