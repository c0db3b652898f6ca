"""The missing-ending head: what the closing sentences mean, against the labelled "result" gaps."""

from mockint.domain import QuestionKind
from mockint.questions import ending_told

SCENE = ("One of our Saturday regulars had ordered a birthday cake and the shop gave it to someone else by mistake. I rang "
         "her as soon as I found out, said sorry straight away, and ")
TOLD = SCENE + ("I baked her a new one that afternoon myself. I drove it round to her house by four, before the party. "
                "She still comes in every Saturday, and her sister has ordered two cakes from us since.")
CUT = SCENE + ("I started baking her a new one myself. What I learned from it is to check the collection list twice on a "
               "Saturday.")


def test_a_story_told_to_its_end_reads_as_less_likely_missing_it_than_one_cut_at_a_lesson():
    told = ending_told.ending_missing_chance(QuestionKind.behavioral, TOLD)
    cut = ending_told.ending_missing_chance(QuestionKind.behavioral, CUT)
    assert told is not None and cut is not None
    assert told < cut


def test_without_its_weights_the_head_says_nothing(monkeypatch):
    monkeypatch.setattr(ending_told, "load_heads", lambda name: None)
    assert ending_told.ending_missing_chance(QuestionKind.behavioral, TOLD) is None
