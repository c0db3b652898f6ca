"""The learned STAR and rambling models, with the real sentence model: they catch what the rules miss,
they say why in the candidate's own words, and the rules stand alone when a model is missing."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mockint.domain import QuestionKind, Transcript
from mockint.feedback import analyze, learned_star
from mockint.feedback.fillers import find_fillers
from mockint.feedback.linear import WEIGHTS_DIR, load_heads
from mockint.feedback.rambling import DRIFT, Facts, first_step_sentence
from mockint.feedback.star import judge_star, label_parts, read_units
from mockint.text import split_sentences

# Written for these tests, in none of the labelled sets: a task said as the role on the night,
# with no goal wording, which the rules do not read as a task.
SHUNTER = ("at the depot um we had a trailer come in with the load shifted right over to one side and uh the "
           "pallets were leaning on the curtain so I was the shunter on that night and I put the trailer on the "
           "end bay I got the forklift driver to take the top layer off from the low side and we restacked the "
           "rest by hand it took us till two the trailer went back out at six full and nothing was broke")
MISTAKE = "Tell me about a time you made a mistake at work."
# A short, true story, then the rest of the answer about other things, with no "anyway" or "by the way".
DRIFTING = ("On my second week on the surgical ward I gave a patient his antibiotic an hour late because I misread "
            "the chart. I told the nurse in charge straight away, we filled in the incident form and the doctor "
            "said there was no harm done. The ward was very short staffed that winter, there were three agency "
            "nurses most nights and the manager was off with her back. A lot of the older nurses had left for the "
            "new hospital in the city because the parking was free there and the shifts were shorter. My own plan "
            "was always to go into theatres, I did a placement there in my second year and loved the teamwork. My "
            "mum was a theatre nurse too so I grew up hearing about it. The hospital has a rotation programme now "
            "that lets new starters try three areas in their first two years, which I think is a great idea.")
FOCUSED = ("On my second week on the surgical ward I gave a patient his antibiotic an hour late because I misread "
           "the chart. I told the nurse in charge straight away and we filled in the incident form. The doctor "
           "checked him and said there was no harm done. Since then I read the chart back aloud before every "
           "drug round, and I have not had a late dose since.")



def test_the_learned_reading_finds_a_task_said_as_a_role_that_the_rules_miss(encoder):
    question = "Tell me about a time something went wrong on shift."
    by_rules = analyze(Transcript(text=SHUNTER), question=question, kind=QuestionKind.behavioral, encoder=False)
    assert not by_rules.star.task.present
    learned = analyze(Transcript(text=SHUNTER), question=question, kind=QuestionKind.behavioral, encoder=encoder)
    assert learned.star.task.present
    assert learned.star.task.evidence == ["so I was the shunter on that night"]
    assert all(part.present for _, part in learned.star.parts())


def test_drift_with_no_digression_word_is_rambling_and_the_tip_quotes_where_it_began(encoder):
    by_rules = analyze(Transcript(text=DRIFTING), question=MISTAKE, encoder=False)
    assert not by_rules.rambling.is_rambling
    learned = analyze(Transcript(text=DRIFTING), question=MISTAKE, encoder=encoder)
    assert learned.rambling.is_rambling
    assert learned.rambling.signals[0] == DRIFT
    assert learned.rambling.drifted_from.startswith("The ward was very short staffed that winter")
    assert any(tip.startswith("From \u201cThe ward was very short staffed") for tip in learned.tips)


def test_the_same_story_told_to_its_end_is_not_rambling(encoder):
    learned = analyze(Transcript(text=FOCUSED), question=MISTAKE, encoder=encoder)
    assert not learned.rambling.is_rambling
    assert learned.rambling.drifted_from is None
    assert learned.star.action.present and learned.star.result.present


def test_the_stored_heads_fit_the_features_the_analyzer_computes(encoder):
    units = read_units(FOCUSED, find_fillers(FOCUSED))
    label_parts(units)
    width = learned_star.clause_features(units, encoder).shape[1]
    star = json.loads((WEIGHTS_DIR / "star.json").read_text())
    assert set(star["heads"]) == {"situation", "task", "action", "result"}
    assert {len(head["weights"]) for head in star["heads"].values()} == {width}
    assert "unseen_2" not in star["sets"] and "unseen_3" not in star["sets"]  # the blind sets stay blind
    probabilities = learned_star.part_probabilities(units, encoder)
    assert all(np.all((p >= 0) & (p <= 1)) for p in probabilities.values())


def test_a_missing_or_damaged_weights_file_leaves_the_rules_to_decide(tmp_path, monkeypatch, encoder):
    by_rules = analyze(Transcript(text=SHUNTER), question=MISTAKE, kind=QuestionKind.behavioral, encoder=False)
    for damage in ("missing", "not json"):
        folder = tmp_path / damage
        folder.mkdir()
        if damage == "not json":
            (folder / "star.json").write_text("{nope")
            (folder / "rambling.json").write_text("")
        monkeypatch.setattr("mockint.feedback.linear.WEIGHTS_DIR", folder)
        load_heads.cache_clear()
        try:
            fallback = analyze(Transcript(text=SHUNTER), question=MISTAKE, kind=QuestionKind.behavioral,
                               encoder=encoder)
        finally:
            load_heads.cache_clear()
        assert fallback.star == by_rules.star
        assert fallback.rambling.is_rambling == by_rules.rambling.is_rambling
        assert "learned_probability" not in fallback.rambling.details


def facts_of(text: str, story: bool, encoder) -> Facts:
    sentences = split_sentences(text)
    units = read_units(text, find_fillers(text), sentences)
    star = judge_star(units, story, encoder)
    return Facts(text=text, sentences=sentences, units=units, fillers=None, star=star, kind=None,
                 word_count=len(text.split()), too_long=False, question=MISTAKE)


def test_in_a_story_drift_is_looked_for_only_after_its_first_step(encoder):
    # A general opening and then the story: the story's first sentence is far from the question's
    # words but is not drift. Drift can begin only after the sentence of the first step.
    opened = ("A lot of night work is deciding before you know everything. One night in March the fog at the "
              "airfield was forecast to lift by two. I held the departure and called in a standby crew. The fog "
              "stayed and we cancelled at four.")
    assert first_step_sentence(facts_of(opened, True, encoder)) == 2
    assert first_step_sentence(facts_of("I always check the gauge first. It saves a lot of time.", True, encoder)) is None
    assert first_step_sentence(facts_of("I want to work here because the team is small.", False, encoder)) == 0


# Written for these tests, in none of the labelled sets: a story prepared for one question of a
# nursing interview, then told again when a later question asks something else.
DISAGREED = "Tell me about a time you disagreed with a consultant about a patient's care plan."
NEW_SYSTEM = "Tell me about a time you had to learn a new system quickly."
PRIORITISE = "How do you prioritise your patients at the start of a busy night shift?"
CONSULTANT_STORY = ("On a night shift last winter the consultant wanted to send an elderly lady home the next morning. "
                    "I had seen her confused twice overnight and her urine output had dropped, so I did not agree. "
                    "I asked to speak to him after the ward round and showed him the fluid chart and my notes. "
                    "He listened, ordered bloods, and they showed an infection. She stayed three more days and "
                    "went home well.")


def test_an_answer_prepared_for_an_earlier_question_is_flagged_where_the_word_cues_pass_it(encoder):
    asked = dict(question=NEW_SYSTEM, earlier_questions=[DISAGREED])
    assert analyze(Transcript(text=CONSULTANT_STORY), encoder=False, **asked).on_question.addressed  # cues pass it
    learned = analyze(Transcript(text=CONSULTANT_STORY), encoder=encoder, **asked).on_question
    assert not learned.addressed and learned.missed == "a time you had to learn a new system quickly"
    # told for its own question, after the other one, it is on the question
    own = analyze(Transcript(text=CONSULTANT_STORY), question=DISAGREED, earlier_questions=[NEW_SYSTEM],
                  encoder=encoder)
    assert own.on_question.addressed


def test_a_flagged_answer_names_the_earlier_question_it_sounds_like(encoder):
    fb = analyze(Transcript(text=CONSULTANT_STORY), question=PRIORITISE, earlier_questions=[DISAGREED], encoder=encoder)
    assert not fb.on_question.addressed and fb.on_question.closer_to == DISAGREED
    assert "sounds more like one for an earlier question" in fb.tips[0]
    alone = analyze(Transcript(text=CONSULTANT_STORY), question=PRIORITISE, encoder=encoder)
    assert alone.on_question.closer_to is None


def test_a_short_answer_is_not_said_to_belong_to_an_earlier_question(encoder):
    fb = analyze(Transcript(text="I'm really good with stressed animals, the farmers all say so."),
                 question="Tell me about a time you couldn't do something you'd promised someone at work.",
                 earlier_questions=["Take me through the last time you had more work than you could get through."],
                 encoder=encoder)
    assert fb.on_question.closer_to is None and not any("earlier question" in tip for tip in fb.tips)


def test_without_the_on_question_weights_the_word_cues_decide(tmp_path, monkeypatch, encoder):
    monkeypatch.setattr("mockint.feedback.linear.WEIGHTS_DIR", tmp_path)
    load_heads.cache_clear()
    try:
        fb = analyze(Transcript(text=CONSULTANT_STORY), question=NEW_SYSTEM, earlier_questions=[DISAGREED],
                     encoder=encoder)
    finally:
        load_heads.cache_clear()
    assert fb.on_question.addressed
    fitted = json.loads((WEIGHTS_DIR / "on_question.json").read_text())
    assert not {"on_question", "on_question_2", "on_question_3", "on_question_4", "on_question_5", "on_question_6",
                "on_question_7", "on_question_probes_2"} & set(fitted["sets"])


class RefusingEncoder:
    """A sentence model that must not be asked: analyze() reads answers this long by rules alone."""

    def vectors(self, texts):
        raise AssertionError("the sentence model was asked to read an answer beyond MEANING_MAX_WORDS")


def test_an_answer_longer_than_the_models_know_is_read_by_the_rules_alone():
    from mockint.feedback.thresholds import MEANING_MAX_WORDS

    words = FOCUSED.split()
    long_answer = " ".join(words[i % len(words)] for i in range(MEANING_MAX_WORDS + 50))
    fb = analyze(Transcript(text=long_answer), question=MISTAKE, talking_points=["what went wrong"],
                 earlier_questions=[DISAGREED], encoder=RefusingEncoder())
    assert fb.word_count > MEANING_MAX_WORDS and fb.star.applicable
    with pytest.raises(AssertionError):  # and an answer of ordinary length is read by meaning
        analyze(Transcript(text=FOCUSED), question=MISTAKE, encoder=RefusingEncoder())
