"""Talking points: which the answer's words covered, with the sentence, and keyword traps not credited."""

from mockint.domain import Transcript
from mockint.feedback import analyze
from mockint.feedback.talking_points import cover_points
from mockint.text import split_sentences

ANSWER = ("I'd grab the visitor book and take the sign-in list out with me. Then I'd guide the visitors down the "
          "main stairs and make sure nobody uses the lifts. The contractors on the roof I'd leave to the fire "
          "marshal.")
POINTS = ["the sign-in list taken out", "visitors guided out without using lifts",
          "missing people reported to the fire marshal"]


def test_each_point_comes_back_in_order_with_the_sentence_that_covered_it():
    # Shared words only: with the sentence vectors the keyword trap below is credited (a measured
    # trade-off, see feedback/talking_points.py; tests/feedback/test_meaning.py covers that reading).
    fb = analyze(Transcript(text=ANSWER), question="The fire alarm goes off while you're on reception: what do "
                 "you do?", talking_points=POINTS, encoder=False)
    assert [p.point for p in fb.talking_points] == POINTS
    first, second, third = fb.talking_points
    assert first.covered and first.sentence == "I'd grab the visitor book and take the sign-in list out with me."
    assert second.covered and second.sentence.startswith("Then I'd guide the visitors down the main stairs")
    # "fire marshal" is named, but nobody missing is reported: a keyword alone is not the point.
    assert not third.covered and third.sentence is None
    assert any("missing people reported to the fire marshal" in tip for tip in fb.tips)


def test_a_point_in_a_single_word_needs_that_word_and_no_points_give_an_empty_list():
    sentences = split_sentences("We staged the incentives. Nobody dropped out.")
    covered = cover_points(["incentives"], sentences)
    assert covered[0].covered and covered[0].sentence == "We staged the incentives."
    assert cover_points([], sentences) == []
    assert analyze(Transcript(text=ANSWER)).talking_points == []


def test_an_answer_that_says_nothing_of_a_point_leaves_it_uncovered():
    covered = cover_points(["a named guideline or evidence change"],
                           split_sentences("I'm passionate about learning and I read around whenever I can."))
    assert not covered[0].covered
