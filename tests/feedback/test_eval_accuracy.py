"""Accuracy of the analyzer on the hand-labelled evaluation set (tests/data/feedback_eval).

Run with -s to see the table; scripts/eval_feedback.py --errors lists the disagreements.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_feedback.py"


def load_script():
    spec = importlib.util.spec_from_file_location("eval_feedback", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluation():
    module = load_script()
    items = module.load()
    tallies = {split: module.score([i for i in items if i["split"] == split]) for split in module.SPLITS}
    tallies["all"] = module.score(items)
    for name in ("dev_styles", "dev_styles_2"):
        tallies[name] = module.score(module.load(module.TUNING_SETS[name]))
    print("\n" + module.table(tallies))
    return items, tallies


def test_the_set_is_large_and_varied(evaluation):
    items, _ = evaluation
    assert len(items) >= 60
    assert len({i["role"] for i in items}) >= 15
    kinds = {i["kind"] or i["labels"]["expected_kind"] for i in items if i["question"]}
    assert {"behavioral", "technical", "situational", "culture"} <= kinds
    assert sum(i["labels"]["is_rambling"] for i in items) >= 10
    assert sum(i["labels"]["star"] is None for i in items) >= 15


def test_star_components_are_at_least_90_percent_right(evaluation):
    _, tallies = evaluation
    assert tallies["all"].accuracy("star_components") >= 0.9
    assert tallies["fresh"].accuracy("star_components") >= 0.9  # written after tuning, never tuned on


def test_answers_in_the_blind_sets_styles_are_read_as_well(evaluation):
    # dev_styles.jsonl: spoken transcripts, non-native phrasing, two-story and failure answers,
    # clinical, retail, trades and public-sector jobs (tuned on; the blind set is scored apart).
    _, tallies = evaluation
    assert tallies["dev_styles"].accuracy("star_components") >= 0.9
    assert tallies["dev_styles"].accuracy("rambling") >= 0.95
    assert tallies["dev_styles"].accuracy("hard_fillers_exact") == 1.0
    # dev_styles_2.jsonl: the same styles, plus logistics and hospitality, results without a
    # cue word, duty roles as tasks, and drift into the speaker's career.
    assert tallies["dev_styles_2"].accuracy("star_components") >= 0.95
    assert tallies["dev_styles_2"].accuracy("rambling") >= 0.95
    assert tallies["dev_styles_2"].accuracy("hard_fillers_exact") == 1.0


def test_star_applies_to_exactly_the_story_questions(evaluation):
    _, tallies = evaluation
    assert tallies["all"].accuracy("star_applicable") >= 0.95


def test_rambling_is_at_least_90_percent_right(evaluation):
    _, tallies = evaluation
    assert tallies["all"].accuracy("rambling") >= 0.9
    assert tallies["fresh"].accuracy("rambling") >= 0.9


def test_hard_fillers_are_counted_exactly_in_every_answer(evaluation):
    _, tallies = evaluation
    assert tallies["all"].accuracy("hard_fillers_exact") == 1.0, tallies["all"].errors


def test_soft_fillers_and_quantified_results_are_mostly_right(evaluation):
    _, tallies = evaluation
    assert tallies["all"].accuracy("soft_fillers_exact") >= 0.9
    assert tallies["all"].accuracy("result_quantified") >= 0.9
    assert tallies["all"].accuracy("length") == 1.0


def test_answers_that_miss_the_question_are_flagged_without_false_alarms():
    module = load_script()
    tally = module.score_on_question(module.load(module.ON_QUESTION["on_question_dev"]))
    assert tally.accuracy("addresses_question") >= 0.8
    # No false alarm: every answer the labels call on the question is left alone.
    assert not [e for e in tally.errors if "got False" in e], tally.errors


def test_talking_points_said_in_other_words_are_found():
    module = load_script()
    points = module.load(module.TALKING_POINTS)
    tallies = [module.score_talking_points([i for i in points if i["split"] == "dev"]),
               module.score_talking_points(module.load(module.TALKING_POINTS_DEV_2))]
    right = sum(t.right["points_covered"] for t in tallies)
    total = sum(t.total["points_covered"] for t in tallies)
    assert right / total >= 0.68  # 70.1% with the sentence vectors, 60.4% with shared words alone
