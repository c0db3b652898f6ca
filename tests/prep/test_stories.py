"""The story bank: numbers and names, competencies, retelling comparison, and the commands through the real CLI."""

from __future__ import annotations

import pytest

from mockint.prep.stories import compare, competencies, names, number_values
from tests.prep.conftest import BILLING_STORY, invoke, invoke_json

CONFLICT_STORY = """In my previous team, the tech lead and I disagreed about rewriting our payments service. He wanted a full rewrite; I thought it was too risky before the holiday season.
I had to find a way forward without stalling the team. I pulled the incident data from the last year and showed that 80% of outages came from two modules.
I proposed we rewrite just those two and pushed back on the rest, and we agreed to revisit after January.
In the end we cut payment incidents by half over the holidays, and the tech lead later asked me to lead the second phase.
"""
GOOD_RETELLING = """At Northwind the billing export failed every night and finance missed two deadlines.
I found a Postgres query locking the invoices table and rewrote it as an incremental job.
Now the close takes two days rather than five, and the export has not failed since.
"""


def test_numbers_compare_equal_however_they_are_written():
    assert number_values("2 days, two days, 2,000 people and $2k, 40% or forty percent") == {"2", "2000", "40"}
    assert number_values("twenty five tickets, a hundred users, 1.5m") == {"25", "100", "1500000"}
    assert number_values("No one else could do it.") == set()


def test_names_are_runs_of_capitals_but_not_a_sentence_opening():
    assert names(BILLING_STORY) == {"northwind logistics", "postgres", "grafana"}
    assert names("We moved to AWS. Then iOS.") == {"aws", "ios"}


def test_competencies_come_from_themes_and_from_the_roles():
    found = {c.name: c for c in competencies(CONFLICT_STORY)}
    assert {"conflict", "influence and persuasion", "leadership", "data-driven decision"} <= set(found)
    assert "disagreed" in found["conflict"].cues and "pushed back" in found["conflict"].cues
    billing = {c.name: c for c in competencies(BILLING_STORY)}
    assert "problem solving" in billing and "conflict" not in billing
    assert billing["month-end close and reconciliation"].roles == ["Accountant"]


def test_a_retelling_is_scored_by_the_key_points_it_keeps():
    assert compare(BILLING_STORY, BILLING_STORY, "Billing").score == 100
    assert compare(BILLING_STORY, "I like hiking and the weather was nice.", "Billing").score == 0
    result = compare(BILLING_STORY, GOOD_RETELLING, "Billing")
    status = {c.point.text.split()[1]: (c.status, c.missing) for c in result.points}
    assert status["spring"] == ("kept", [])  # the Northwind sentence: its name and number were said
    assert status["job"] == ("missed", ["6"])  # the six-week deadline was left out
    assert status["also"][0] == "missed"  # the finance fallback
    assert 30 < result.score < 80
    assert result.star["task"] == {"saved": True, "retold": False}
    assert result.star["action"] == {"saved": True, "retold": True}


def test_add_list_show_and_practise_a_story(billing_story):
    added = invoke(["stories", "add", str(billing_story), "--title", "Billing export outage"])
    assert added.exit_code == 0, added.output
    assert "Saved story 1: Billing export outage" in added.output
    assert "STAR: Situation ✓ · Task ✓ · Action ✓ · Result ✓ (the result has a number)" in added.output

    (story,) = invoke_json(["stories", "list", "--json"])["stories"]
    assert story["id"] == 1 and story["title"] == "Billing export outage" and story["attempts"] == 0
    assert story["star_complete"] == 1.0 and story["result_quantified"] is True
    assert any("Postgres" in s for s in story["star"]["action"])
    assert any("2 days instead of 5" in s for s in story["star"]["result"])  # quotes are best first
    assert "problem solving" in [c["name"] for c in story["competencies"]]

    practised = invoke(["stories", "practice", "1", "--text"], GOOD_RETELLING + "\n")
    assert practised.exit_code == 0, practised.output
    assert "Billing export outage" in practised.output and "Coverage" in practised.output
    assert "not said: 6" in practised.output

    shown = invoke_json(["stories", "show", "last", "--json"])
    (attempt,) = shown["attempts"]
    assert attempt["mode"] == "text" and attempt["text"] == GOOD_RETELLING.strip()
    assert attempt["score"] == attempt["comparison"]["score"] > 0
    (listed,) = invoke_json(["stories", "list", "--json"])["stories"]
    assert listed["attempts"] == 1 and listed["best_score"] == attempt["score"]
    assert "Retold 1 time(s)" in invoke(["stories", "show", "1"]).output


def test_a_second_try_is_compared_with_the_first(billing_story):
    invoke(["stories", "add", str(billing_story)])
    invoke(["stories", "practice", "1", "--text"], "At Northwind I fixed the billing export.\n\n")
    second = invoke(["stories", "practice", "1", "--text"], BILLING_STORY + "\n")
    assert "Coverage 100%" in second.output and "Best before:" in second.output
    assert invoke_json(["stories", "list", "--json"])["stories"][0]["title"] == "Billing"


@pytest.mark.parametrize("content, message", [
    (None, "The story file {path} does not exist."),
    ("  \n", "The story file {path} is empty."),
])
def test_a_missing_or_empty_story_file_is_one_clear_line(tmp_path, content, message):
    path = tmp_path / "story.txt"
    if content is not None:
        path.write_text(content)
    result = invoke(["stories", "add", str(path), "--title", "T"])
    assert result.exit_code == 2
    assert result.output.strip() == "mockint: " + message.format(path=path)


def test_practising_with_nothing_told_saves_nothing(billing_story):
    invoke(["stories", "add", str(billing_story)])
    result = invoke(["stories", "practice", "1", "--text"], "")
    assert result.exit_code == 2 and "Nothing was told" in result.output
    assert invoke_json(["stories", "show", "1", "--json"])["attempts"] == []
    missing = invoke(["stories", "practice", "4", "--text"], "x\n\n")
    assert missing.output.strip() == "mockint: There is no story 4. See the ids with: mockint stories list"
