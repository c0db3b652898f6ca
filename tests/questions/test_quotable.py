"""The parser's reading of whether a clause can be said back whole (mockint/questions/quotable.py), on the real
small English pipeline."""

import pytest

from mockint.domain import Question, QuestionKind, Transcript
from mockint.feedback.analyze import analyze
from mockint.questions import quotable
from mockint.questions.anchors import anchor
from mockint.questions.quotable import said_whole

ANSWER = ("The main things I watch are the gas, the pit volume, and the rate of penetration. Meanwhile I rang the key "
          "holder, the branch manager, to tell him what was going on. Definitely the warm space we ran last winter. "
          "The unit was replaced the next day. Check the pressure first.")


@pytest.mark.parametrize("clause", ["I rang the key holder", "The unit was replaced the next day"])
def test_a_clause_with_its_subject_and_verb_is_whole(clause):
    assert said_whole(clause, ANSWER)


@pytest.mark.parametrize("clause", [
    "the pit volume",  # an item of a list
    "the branch manager, to tell him what was going on",  # a person named in apposition
    "we ran last winter",  # the inside of a relative clause: "the warm space (that) we ran"
    "Check the pressure first",  # no subject: "you said check the pressure first" is no English
])
def test_a_piece_that_is_no_clause_is_not_said_back(clause):
    assert not said_whole(clause, ANSWER)


def test_without_the_parser_every_clause_passes(monkeypatch):
    monkeypatch.setattr(quotable, "parser", lambda: None)
    assert said_whole("the pit volume", ANSWER)


def test_the_team_is_not_credited_with_a_relative_clause():
    question = Question(text="Tell me about a project you led that made a real difference to the centre.",
                        kind=QuestionKind.behavioral)
    answer = ("Definitely the warm space we ran last winter. So we'd noticed a lot of older people on their own, and "
              "with the energy prices people were sitting in the cold. We put in for a grant from the community "
              "foundation, and the volunteers were amazing. In the end the council put us on their warm spaces map.")
    feedback = analyze(Transcript(text=answer), question.text, question.kind)
    named = anchor("own_part", question, feedback)
    assert "ran last winter" not in named
    assert "grant" in named


def test_a_pipeline_that_fails_to_load_leaves_the_rules_to_decide(monkeypatch):
    # A spaCy that cannot read this pipeline raises on load; the follow-up must still come, from the rules alone.
    def broken(name):
        raise RuntimeError("[E050] pipeline built for another spaCy")

    monkeypatch.setattr(quotable.importlib, "import_module", broken)
    quotable._load.cache_clear()
    try:
        assert quotable.parser() is None
        assert said_whole("the pit volume", ANSWER)
    finally:
        monkeypatch.undo()
        quotable._load.cache_clear()
    assert quotable.parser() is not None


def test_a_claim_that_is_no_clause_is_said_with_the_clause_before_it():
    # "You said the best in the branch" (set 41's rater: a fragment); the piece before it makes it a clause.
    question = Question(text="A client rings at six to say four of the eight temps you placed haven't turned up. What "
                             "do you do?", kind=QuestionKind.situational)
    answer = ("I ring the four who have not turned up, in case they are just running late, and I check my reserve list "
              "for that site. I tell the client honestly how many I can get and by when. I have a strong bench, my fill "
              "rate is brilliant, probably the best in the branch.")
    named = anchor("evidence", question, analyze(Transcript(text=answer), question.text, question.kind))
    assert named.endswith("the best in the branch") and "fill rate is brilliant" in named


def test_a_piece_that_starts_halfway_through_a_list_is_not_said_back():
    # Seen in set 43's sheet: "So lanterns, did about eighty percent of a normal Friday." (rated garbled).
    answer = ("We moved the stock into the freezer room and the walk-in chillers, kept the bar open on bottles, and "
              "traded on until close. The boiler and the dishwasher were back by Saturday morning.")
    assert not said_whole("the walk-in chillers, kept the bar open on bottles", answer)
    assert not said_whole("the dishwasher were back by Saturday morning", answer)  # "were": the whole list
    assert said_whole("The boiler and the dishwasher were back by Saturday morning", answer)


def test_a_piece_that_stops_halfway_through_a_phrase_is_not_said_back():
    # Seen in set 45-46's sheets: "You said you'd look at what support." (rated garbled).
    answer = ("Then I'd look at what support we can put in place, and I'd walk the route before I let the group "
              "out. I make sure the driver and the escort both know the plan.")
    assert not said_whole("I'd look at what support", answer)
    assert not said_whole("I'd walk the route before", answer)
    assert not said_whole("I make sure the driver", answer)
    assert said_whole("I'd walk the route before I let the group out", answer)


def test_a_piece_that_stops_halfway_through_a_list_or_before_its_own_clause_is_not_said_back():
    # Seen in set 51-52's sheets: "You said you'd move the whole front line, the mortar racks." and "You said you weigh
    # the fee." (both rated clipped).
    answer = ("Then I'd move the whole front line, the mortar racks and the cakes, down to the second position. For the "
              "rest, we weigh the fee we lose against the value of voting. I'd tell the driver and the shunter. I took "
              "the bearing off the spare motor we keep for the mixer.")
    assert not said_whole("I'd move the whole front line, the mortar racks", answer)
    assert not said_whole("we weigh the fee", answer)
    assert said_whole("we weigh the fee we lose against the value of voting", answer)
    assert said_whole("I'd tell the driver", answer)  # the first item alone still reads whole
    assert said_whole("I took the bearing off the spare motor", answer)  # whole without what describes the motor


def test_a_piece_cut_before_its_own_object_or_pointing_back_is_not_said_back():
    # Seen in set 55-60's sheets: "You said you put a lot.", "So you wrapped the clifftop at twenty past five with
    # everything.", "You said the manager always says this." (all rated clipped or dangling).
    answer = ("I put a lot of variation of rhythm into the drills. We wrapped the clifftop at twenty past five with "
              "everything we needed for those scenes. My sales are always the best in the team, the manager always "
              "says this. I don't really enjoy that. I was watching the screw conveyor and the belt weigher.")
    assert not said_whole("I put a lot", answer)
    assert said_whole("I put a lot of variation of rhythm into the drills", answer)
    assert not said_whole("We wrapped the clifftop at twenty past five with everything", answer)
    assert not said_whole("the manager always says this", answer)
    assert not said_whole("I don't really enjoy", answer)
    assert said_whole("I was watching the screw conveyor", answer)  # the first item alone still reads whole


def test_a_piece_with_no_subject_does_not_read_as_a_clause():
    # Seen in set 62's sheet: "You said could've been a lot worse." (rated a throwaway remark, not a claim).
    assert not quotable.reads_as_a_clause("Could've been a lot worse")
    assert quotable.reads_as_a_clause("It could've been a lot worse")


def test_a_nouns_is_said_as_s_reads_as_a_clause_and_a_possessive_does_not():
    # The small parser took "rate's" for a possessive, so set 41's claim could not be said back and a plain step was
    # asked for its evidence instead.
    assert quotable.reads_as_a_clause("my fill rate's brilliant, probably the best in the branch")
    assert quotable.reads_as_a_clause("the shop's in a much better place than it was")
    assert quotable.reads_as_a_clause("the content's just so much clearer")
    assert not quotable.reads_as_a_clause("the client's biggest site")
    assert not quotable.reads_as_a_clause("my boss's car")
    assert not quotable.reads_as_a_clause("the customer's order")  # a noun ending "-er" is no comparative
    assert not quotable.reads_as_a_clause("the shop's owner")
