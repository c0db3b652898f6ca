"""The follow-up's gap chosen by the learned heads over the rules' signals (mockint/questions/learned_gap.py), and
what the follow-up names when no single rule found the gap.
Each answer goes through the real analyzer; the answers are written here, in none of the training sets."""

import dataclasses
import json
import random
from pathlib import Path

import pytest

from mockint.domain import Question, QuestionKind, Transcript
from mockint.feedback.analyze import analyze
from mockint.feedback.linear import load_heads
from mockint.feedback.meaning import shared_encoder
from mockint.questions import learned_gap
from mockint.questions.anchors import anchor
from mockint.questions.answer_gaps import rule_gap, unbacked_claim
from mockint.questions.followups import choose_follow_up
from mockint.questions.learned_gap import CHOICES, MODEL_NAME, find_gap, gap_features
from mockint.questions.story_ending import tells_ending
from mockint.questions.templates import toml_template
from mockint.questions.who_acted import told_in_first_person

COMPLAINT = Question(text="Tell me about a time you handled an angry customer.", kind=QuestionKind.behavioral)
# The supervisor did the work; the candidate called her over and made tea. The rules read a missing ending.
SUPERVISOR_DID_IT = (
    "So this was at the garden centre last spring, a man came in furious because the shed we'd delivered had a cracked "
    "panel. I was on the tills so I called my supervisor over. My supervisor, Joanne, took him into the office and she "
    "listened to the whole thing, then she rang the supplier and she got a replacement panel booked for the Saturday. She "
    "also gave him a voucher for twenty pounds. I was there the whole time and I helped make him a cup of tea. He left "
    "happy and he's still a regular now.")
SLOT = Question(text="What would you do if two customers both wanted the last delivery slot on Christmas Eve?",
                kind=QuestionKind.situational)
# The plan's one real choice (first come, first served) comes with no reason; the rules took a later "if" for one.
FIRST_COME = (
    "First I'd, um, I'd keep them both calm and talk to them one at a time. I'd give the slot to the one who ordered "
    "first. For the other one I'd ring the other branch to see if they have a van free, and I'd offer a discount on the "
    "delivery. Then after Christmas I'd look at how the slots got double-booked and tell my manager.")
PROCESS = Question(text="Tell me about a time you improved a process.", kind=QuestionKind.behavioral)
STRONG = ("Last year our courier bill had grown fast and finance flagged it. I benchmarked three other carriers, took the "
          "quotes to our account manager, and got them to match the cheapest one. The bill dropped by 24 percent the next "
          "quarter, about 9,000 pounds, and I moved the returns to the same contract.")


def heard(question: Question, answer: str):
    return analyze(Transcript(text=answer), question.text, question.kind)


def test_the_stored_heads_fit_the_features_read_now():
    heads = load_heads(MODEL_NAME)
    assert heads is not None and set(heads) == set(CHOICES)
    width = len(gap_features(PROCESS, heard(PROCESS, STRONG), shared_encoder()))
    assert all(len(head.weights) == width for head in heads.values())


def test_others_doing_the_key_work_is_asked_about_where_the_rules_ask_for_an_ending():
    fb = heard(COMPLAINT, SUPERVISOR_DID_IT)
    assert rule_gap(COMPLAINT, fb) == "result"
    assert find_gap(COMPLAINT, fb) == "own_part"
    follow = choose_follow_up(COMPLAINT, fb, random.Random(0))
    assert "Joanne" in follow.text and "you" in follow.text.split(".", 1)[1]


def test_a_choice_the_rules_let_pass_is_asked_about_and_the_courtesy_before_it_is_not_named():
    fb = heard(SLOT, FIRST_COME)
    assert rule_gap(SLOT, fb) is None
    # Surer than of moving on by more than the margin that leaves barely-sure choices alone.
    scores = learned_gap_scores(fb, SLOT)
    assert scores["decision"] - scores["none"] >= learned_gap.DECISION_MARGIN
    assert find_gap(SLOT, fb) == "decision"
    follow = choose_follow_up(SLOT, fb, random.Random(0)).text
    assert "you'd give the slot to the one who ordered first" in follow and "calm" not in follow


def test_a_strong_story_is_left_alone():
    # Asked "why" from stop 37 to stop 38 (decision 0.55 against none 0.38); the clause signals settled it until stop 45,
    # when the refit heads asked why of its last clause ("I moved the returns to the same contract"): decision 0.51
    # against none 0.45. A choice the heads are barely surer of than of moving on is no longer asked (stop 47).
    fb = heard(PROCESS, STRONG)
    scores = learned_gap_scores(fb)
    assert 0 < scores["decision"] - scores["none"] < learned_gap.DECISION_MARGIN
    assert find_gap(PROCESS, fb) is None


def learned_gap_scores(feedback, question: Question = PROCESS) -> dict[str, float]:
    """The heads' scores as ranked_gaps weighs them, before its rules."""
    heads = load_heads(MODEL_NAME)
    row = gap_features(question, feedback, shared_encoder())[None, :]
    scores = {choice: float(heads[choice].probability(row)[0]) for choice in CHOICES}
    scores["none"] *= learned_gap.none_weight(MODEL_NAME)
    return scores


BAD_NEWS = ("Last March a wedding cake order clashed with an oven failure, so I rang the bride two days before and told "
            "her straight that we couldn't do the three tiers. I offered her two tiers and a cutting cake at the back, at "
            "the price of two tiers, because the kitchen could bake that in the one oven we had. She said yes on the phone. "
            "The cake went out on the Saturday morning and she left us a five star review the week after.")


def test_the_clause_signals_hear_an_ending_said_without_outcome_words():
    # The story-ending rules miss "she left us a five star review"; the learned STAR reading of each clause does not.
    ended = learned_gap.clause_signals(BAD_NEWS, shared_encoder())
    stopped = learned_gap.clause_signals(BAD_NEWS.rsplit(" She said yes", 1)[0], shared_encoder())
    assert not tells_ending(BAD_NEWS)
    assert ended[1] > 0.8 and ended[7] == 1.0  # the surest outcome clause in the last third; one passes the threshold
    assert stopped[1] < 0.3 and stopped[7] == 0.0
    assert ended[3] > 0.5  # the surest action of the candidate's ("I rang the bride")


def test_without_the_sentence_model_the_rules_decide(monkeypatch):
    monkeypatch.setattr(learned_gap, "shared_encoder", lambda: None)
    fb = heard(COMPLAINT, SUPERVISOR_DID_IT)
    assert find_gap(COMPLAINT, fb) == rule_gap(COMPLAINT, fb) == "result"


def test_without_the_weights_the_rules_decide(monkeypatch):
    monkeypatch.setattr(learned_gap, "load_heads", lambda name: None)
    fb = heard(COMPLAINT, SUPERVISOR_DID_IT)
    assert find_gap(COMPLAINT, fb) == rule_gap(COMPLAINT, fb) == "result"


def test_weights_fitted_on_other_features_are_not_read(monkeypatch):
    fb = heard(COMPLAINT, SUPERVISOR_DID_IT)
    heads = load_heads(MODEL_NAME)
    shorter = {name: dataclasses.replace(head, weights=head.weights[:-1], mean=head.mean[:-1], scale=head.scale[:-1])
               for name, head in heads.items()}
    monkeypatch.setattr(learned_gap, "load_heads", lambda name: shorter)
    assert find_gap(COMPLAINT, fb) == rule_gap(COMPLAINT, fb) == "result"


def test_the_weight_of_none_fitted_with_the_heads_is_read(monkeypatch, tmp_path):
    fb = heard(COMPLAINT, SUPERVISOR_DID_IT)
    fitted = find_gap(COMPLAINT, fb)
    assert fitted is not None
    settings = {"none_weight": 1000.0}  # "none" outweighs every gap: nothing is asked
    monkeypatch.setattr(learned_gap, "load_setting", lambda name, key: settings.get(key))
    assert find_gap(COMPLAINT, fb) is None
    settings["none_weight"] = "damaged"  # an unreadable weight counts "none" like a gap
    assert find_gap(COMPLAINT, fb) == fitted


def test_nothing_said_gets_no_follow_up():
    assert find_gap(COMPLAINT, heard(COMPLAINT, "")) is None


# What a follow-up names when the gap was weighed in rather than read by one rule.
CONSULTATION = Question(text="Tell me about a time you handled a contentious public consultation.", kind=QuestionKind.behavioral)


def test_a_team_deed_is_named_whole_and_a_team_state_is_not():
    answer = ("So the plans for the new bus lanes had, you know, over two hundred objections, mainly from shop owners. We had a lot "
              "of angry emails. We held a drop-in evening at the town hall so people could see the drawings and, you know, talk "
              "to the engineers. We changed the loading bays and we moved one stop, and the scheme went through cabinet.")
    fb = heard(CONSULTATION, answer)
    named = anchor("own_part", CONSULTATION, fb)
    assert named == "the team held a drop-in evening at the town hall"


def test_a_choice_is_named_without_its_trailing_aside():
    question = Question(text="Tell me about a time you had to make a quick decision under pressure.",
                        kind=QuestionKind.behavioral)
    answer = ("Saturday night, a hundred covers booked, and at half five the combi oven died. So I made the call to drop the "
              "set menu and cook from the grill, just eight dishes we could do on the stove. I rewrote the menu and briefed "
              "the team. We served everyone and nobody complained.")
    assert anchor("decision", question, heard(question, answer)) == "you made the call to drop the set menu and cook from the grill"


@pytest.mark.parametrize("gap, question, answer, named", [
    # The candidate's own part said at the edge of the work is what to ask about.
    ("own_part", "Tell me about a case you're proud of.",
     "The unfair dismissal claim against a care provider, last year. I led on it, I mean the partner was the named fee "
     "earner and we had counsel for the hearing. Counsel took apart the director in cross-examination and the tribunal "
     "found for our client.", "you led on it"),
    # Others did the work, the team did nothing as a team: name what the manager did.
    ("own_part", "Tell me about an event you delivered under pressure.",
     "Last summer the main stage lost power forty minutes before the headliner. My manager sorted it, she got the "
     "generator company on the radio and they brought in the backup. The band were only twelve minutes late in the end.",
     "she got the generator company on the radio"),
    # Its object cut from the clause ("involved in that"), the preposition goes too.
    ("own_part", "Tell me about a wellbeing initiative you were part of.",
     "Last year a lot of staff on the shop floor were struggling and leaving. So a working group got set up, the head of "
     "HR sponsored it, and I was really involved in that. The group ran a survey, the OH provider did some manager "
     "training, and the head of HR got a new policy signed off. Sickness absence went down the next year.",
     "you were really involved"),
    # A clause that names the team itself is said back with "you", not "the team ... as a team".
    ("own_part", "Tell me about a claim you handled that was disputed.",
     "We had a flood claim from a restaurant last spring. We agreed an interim payment so they could pay staff. There was "
     "a dispute about the drains, but we looked at it as a team and agreed it wasn't a reason to decline. We settled it "
     "in eleven weeks.", "you looked at it as a team and agreed it wasn't a reason to decline"),
    # A choice said as "the call was to", not as "I chose".
    ("decision", "How do you decide whether to release a borderline batch? Give me a real example.",
     "Last year four brackets were just outside tolerance. I checked the gauge first and then the Cpk, which was 1.1. "
     "So the sensible call was to release it under concession, and the customer signed the form.",
     "the sensible call was to release it under concession"),
    # The plan's courtesy is not the detail asked about.
    ("detail", "A guest arrives at 11pm and their room has been given away. What do you do?",
     "I'd apologise sincerely, because it's our mistake. I'd communicate clearly and make sure the guest feels heard. "
     "I'd follow the company process and make sure the guest leaves happy.",
     "you'd communicate clearly and make sure the guest feels heard"),
    # A claim the clause splitter ran on into the next clause is said from its subject.
    ("evidence", "Tell me about a time you turned round an unhappy client.",
     "Their usage had flatlined, so I ran six training sessions over three weeks, tailored by team. After that adoption "
     "went through the roof, honestly, the ops director said it was like a different product.",
     "adoption went through the roof"),
])
def test_what_the_follow_up_names(gap, question, answer, named):
    asked = Question(text=question, kind=QuestionKind.behavioral)
    assert anchor(gap, asked, heard(asked, answer)) == named


def test_a_total_it_finished_on_is_how_it_ended_and_idioms_are_claims():
    assert tells_ending("The appeal was behind. I rebuilt the donation form in a day. We finished on seventy-four thousand.")
    assert unbacked_claim("After that adoption went through the roof.", "").match == "went through the roof"
    assert unbacked_claim("We made big savings on the contract.", "").match == "made big savings"
    assert unbacked_claim("Errors basically dropped off a cliff.", "").match == "dropped off a cliff"


def test_an_ending_still_to_come_is_asked_where_it_stands_not_how_it_ended():
    question = Question(text="Tell me about a funding bid you wrote that you're proud of.", kind=QuestionKind.behavioral)
    answer = ("The Lottery bid for our young carers project. I pulled local census data and our referral numbers, and I ran "
              "two sessions with the young carers so their voices were in it. It got through to stage two. We put in the "
              "full application for three hundred and twenty thousand over three years. So, yeah, fingers crossed on that one.")
    follow = choose_follow_up(question, heard(question, answer), random.Random(0)).text
    pending = toml_template("follow_ups.toml")["result"]["asks"]["pending"]
    assert any(follow.endswith(ask) for ask in pending)


def test_a_story_that_ends_on_a_measured_outcome_is_not_asked_how_it_ended():
    question = Question(text="How do you guide players through a big open level without it feeling linear? Give me an "
                             "example.", kind=QuestionKind.technical)
    answer = ("On the harbour level players kept missing the radio mast. I lit the paths I wanted taken in warm light and "
              "the dead ends in cool light, and I took the objective marker off. We ran three rounds of playtests with "
              "about twelve people each, I moved a truck that people got stuck behind, and I added a zipline back up "
              "from the wrong side. By the third round, median time to the mast was down to eleven minutes from "
              "nineteen.")
    fb = heard(question, answer)
    assert learned_gap.ends_on_a_measure(question, answer)
    assert "result" not in learned_gap.ranked_gaps(question, fb)
    # An ending with no measure is still one to ask about.
    unmeasured = answer.replace("median time to the mast was down to eleven minutes from nineteen", "I handed it over")
    assert not learned_gap.ends_on_a_measure(question, unmeasured)


def test_a_story_that_ends_on_a_lasting_change_is_not_asked_how_it_ended():
    question = Question(text="Tell me about a time you found a fault in a check that everyone trusted.",
                        kind=QuestionKind.behavioral)
    answer = ("The fire extinguisher log at the depot said every unit was checked monthly, but two of them on the loading "
              "bay had been discharged and never refilled. I walked the site with the log and the tags, found four more "
              "with out-of-date tags, and took it to the site manager with photos. We moved the checks to a QR tag on "
              "each unit, so the log fills in when the unit is actually scanned. We haven't had a missed unit since.")
    assert learned_gap.ends_on_a_lasting_change(answer)
    assert "result" not in learned_gap.ranked_gaps(question, heard(question, answer))
    # The same story stopped at its last step is still asked how it ended; "since the audit" starts a time, no ending.
    stopped = answer.replace(" We haven't had a missed unit since.", " Since the audit I check the tags myself.")
    assert not learned_gap.ends_on_a_lasting_change(stopped)


def labelled_case(set_name: str, case_id: str) -> tuple[Question, str]:
    """One labelled answer of a scripted follow-up set: its question and its answer."""
    path = Path(__file__).resolve().parents[1] / "data/question_eval" / f"{set_name}.jsonl"
    case = next(c for c in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if c["id"] == case_id)
    return Question(text=case["question"], kind=QuestionKind(case["kind"])), case["answer"]


@pytest.mark.parametrize("set_name, case_id", [
    ("follow_up_cases_64", "s64-33"),  # "Car was out at five past ten. Customer happy, no comeback."
    ("follow_up_cases_55", "s55-22"),  # "He's not been late since, that's nine games"
])
def test_a_story_that_told_its_ending_in_plain_words_is_not_asked_how_it_ended(monkeypatch, set_name, case_id):
    # Both were asked "how did it turn out?" and rated faults ("outcome already given"); the regex and STAR signals
    # miss their endings, the missing-ending head (ending_told.py) does not.
    question, answer = labelled_case(set_name, case_id)
    feedback = heard(question, answer)
    assert learned_gap.find_gap(question, feedback) != "result"
    monkeypatch.setattr(learned_gap, "ENDING_TOLD_BELOW", 0.0)  # without the head's veto the heads ask it
    assert learned_gap.find_gap(question, feedback) == "result"


@pytest.mark.parametrize("set_name, case_id", [
    ("follow_up_cases_70", "s70-14"),  # all "I": "no team in the answer" (its rater)
    ("follow_up_cases_45", "s45-06"),  # "the team provided bins and a portaloo": "answer was all 'I'" (its rater)
])
def test_a_story_told_in_the_first_person_is_not_asked_for_the_candidates_own_part(monkeypatch, set_name, case_id):
    # Both were asked "what was your own part?" and rated the wrong gap.
    question, answer = labelled_case(set_name, case_id)
    feedback = heard(question, answer)
    assert told_in_first_person(answer)
    assert learned_gap.find_gap(question, feedback) != "own_part"
    monkeypatch.setattr(learned_gap, "told_in_first_person", lambda answer: False)  # without the veto the heads ask it
    assert learned_gap.find_gap(question, feedback) == "own_part"


@pytest.mark.parametrize("answer, first_person", [
    ("I rang the depot, I moved the slot and I told the client myself. We looked at it on the tablet together.", True),
    ("We rang the depot, we moved the slot and we told the client. I checked the paperwork.", False),
    # Someone else's deed, or a part claimed in a phrase, is what the own-part follow-up asks about.
    ("I was on the tills. My supervisor took him into the office, she rang the supplier and she booked a new panel. "
     "I made the tea and I waved him off.", False),
    ("I owned the whole cutover. I was on every call and I signed it off.", False),
])
def test_an_answer_told_in_the_first_person(answer, first_person):
    assert told_in_first_person(answer) is first_person


@pytest.mark.parametrize("set_name, case_id", [
    ("follow_up_cases_73", "s73-07"),  # "She went away to do another draft over the summer. And I think that's the thing
    ("follow_up_cases_65", "s65-16"),  # for me, ...": both left alone, and "never says how it ended" (their raters)
])
def test_a_story_that_closes_on_its_lesson_is_asked_how_it_ended(monkeypatch, set_name, case_id):
    question, answer = labelled_case(set_name, case_id)
    feedback = heard(question, answer)
    assert learned_gap.find_gap(question, feedback) == "result"
    monkeypatch.setattr(learned_gap, "LESSON_ENDING_MISSING", 2.0)  # without the rule the heads move on
    assert learned_gap.find_gap(question, feedback) is None


def test_how_did_it_end_names_the_last_event_before_the_lesson():
    # s66-08 was asked "You said what you took from it is that anger at a diagnosis is very often grief. What happened
    # after that?", a lesson asked how it ended.
    from mockint.questions.anchors import anchor
    question, answer = labelled_case("follow_up_cases_66", "s66-08")
    assert anchor("result", question, heard(question, answer)) == "you gave her the carers' group details"


def test_a_claim_named_is_asked_as_what_it_claims():
    # s75-11: the rules found a praise claim first, the follow-up named "the revenue went through the roof" and asked
    # "beyond this one case, what do people say or do that shows it?" ("revenue needs numbers", its rater).
    from mockint.questions.followups import follow_up_text
    question, answer = labelled_case("follow_up_cases_75", "s75-11")
    asked = follow_up_text("evidence", question, heard(question, answer), random.Random(0))
    assert "the revenue went through the roof" in asked and "before and after" in asked
