"""The sentence that makes an answer's choice without a reason (mockint/questions/pivotal_choice.py), read by the real
sentence model and the stored head, and the decision follow-up that names it. The answers are written here, in none
of the labelled sets."""

import random

import pytest

from mockint.domain import Question, QuestionKind, Transcript
from mockint.feedback.analyze import analyze
from mockint.feedback.linear import load_heads
from mockint.feedback.meaning import shared_encoder
from mockint.questions import pivotal_choice
from mockint.questions.followups import choose_follow_up, chosen_gap
from mockint.questions.pivotal_choice import MODEL_NAME, choice_chances, sentence_signals

BAKERY = Question(text="Talk me through how you'd cut waste on the bread line without running out by the afternoon.",
                  kind=QuestionKind.technical)
# Every step has its reason but one, said in passing: the switch to a par-baked supplier.
SWITCH_IN_PASSING = (
    "So first I'd pull three months of the till data by hour, because waste is mostly the last two bakes of the day "
    "and you need to see when the shelves actually empty. Then I'd set the afternoon bakes from that, smaller and "
    "later, so the shelf looks full but there's less left at close. I'd mark down at four rather than six, because "
    "people shop on the way home and a six o'clock reduction is too late to sell. On the sourdough we switched the "
    "whole range over to a par-baked supplier. And I'd track waste as a percentage of what we baked each week, so "
    "the team can see it going down, and we got it from about eleven percent to six in two months.")
# The same plan with the switch explained: nothing is left unexplained.
SWITCH_EXPLAINED = SWITCH_IN_PASSING.replace(
    "par-baked supplier.",
    "par-baked supplier, because it finishes in eight minutes, so we could bake to the queue instead of guessing at "
    "seven in the morning.")


def test_a_choice_with_no_reason_among_explained_steps_is_flagged_by_its_word_signals():
    sentences = ["I'd pull the till data, because waste is mostly the late bakes.",
                 "We switched the whole range over to a par-baked supplier.",
                 "I'd mark down at four rather than six, because people shop on the way home."]
    unexplained_among_reasons = sentence_signals(sentences)[:, 4]
    assert unexplained_among_reasons.tolist() == [0.0, 1.0, 0.0]
    assert sentence_signals([]).shape == (0, pivotal_choice.SIGNALS)  # an empty answer reads as no sentences


def test_an_empty_or_one_word_answer_reads_without_error():
    assert choice_chances("", shared_encoder()) == []
    assert len(choice_chances("Yes.", shared_encoder())) == 1


def test_the_stored_head_fits_the_features_read_now():
    heads = load_heads(MODEL_NAME)
    assert heads is not None and "choice" in heads
    rows = pivotal_choice.sentence_rows(["We switched suppliers."], shared_encoder())
    assert rows.shape[1] == len(heads["choice"].weights)


def test_the_switch_said_in_passing_is_the_surest_sentence_and_explaining_it_lowers_its_chance():
    encoder = shared_encoder()
    chances = choice_chances(SWITCH_IN_PASSING, encoder)
    surest, chance = max(chances, key=lambda pair: pair[1])
    assert "par-baked supplier" in surest
    explained = dict(choice_chances(SWITCH_EXPLAINED, encoder))
    explained_chance = next(c for s, c in explained.items() if "par-baked" in s)
    assert explained_chance < chance


def test_the_decision_follow_up_names_the_switch():
    feedback = analyze(Transcript(text=SWITCH_IN_PASSING), BAKERY.text, BAKERY.kind)
    if chosen_gap(BAKERY, feedback) != "decision":
        pytest.fail(f"the unexplained switch was not asked about: {chosen_gap(BAKERY, feedback)}")
    follow = choose_follow_up(BAKERY, feedback, random.Random(0))
    assert "par-baked supplier" in follow.text


def test_without_the_head_nothing_is_read(monkeypatch):
    monkeypatch.setattr(pivotal_choice, "load_heads", lambda name: None)
    assert choice_chances(SWITCH_IN_PASSING, shared_encoder()) == []
    assert pivotal_choice.pivotal_sentence(SWITCH_IN_PASSING, shared_encoder(), 0.0) is None
