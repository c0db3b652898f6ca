"""Bank questions fit the candidate's specialty within a family (not_for / for_titles in prompts/roles)."""

import random

import pytest

from mockint.questions.bank import wrong_specialty
from mockint.questions.planner import QuestionPlanner
from mockint.roles import list_roles, resolve_role


def bank_questions(title: str, count: int = 10) -> list[str]:
    planner = QuestionPlanner(resolve_role(title), rng=random.Random(3))
    return [q.text for q in planner.questions(count) if q.source == "bank"]


@pytest.mark.parametrize("title, never", [
    ("Network Administrator", ["Kubernetes", "database node", "CI pipeline", "platform team"]),
    ("Conveyancing Solicitor", ["court deadline", "due diligence", "witness statement", "disclosure"]),
    ("Wills and Probate Paralegal", ["court deadline", "due diligence", "witness statement", "disclosure"]),
    ("Adult Safeguarding Social Worker", ["seven-year-old", "care proceedings", "toddler", "foster care", "15-year-old"]),
    ("Child Protection Social Worker", ["older man", "learning disability"]),
    ("Plumber", ["fuse board", "RCD", "circuit"]),
    ("Commercial Electrician", ["relief valve", "flue gas"]),
    ("Pharmacy Technician", ["prescriber's decision", "fentanyl", "gentamicin", "non-formulary"]),
])
def test_a_specialty_is_never_asked_about_another_specialty_of_its_family(title, never):
    asked = bank_questions(title)
    assert len(asked) == 10
    for text in asked:
        assert not any(word.lower() in text.lower() for word in never), (title, text)


def test_not_for_and_for_titles_match_word_starts_of_the_title():
    (litigation,) = [q for q in next(r for r in list_roles() if r.key == "legal").bank if "court deadline" in q.text]
    assert wrong_specialty(litigation, "Residential Conveyancer") and not wrong_specialty(litigation, "Litigation Associate")
    (hvac,) = [q for q in next(r for r in list_roles() if r.key == "skilled_trades").bank if "rooftop unit" in q.text]
    assert wrong_specialty(hvac, "Electrician") and not wrong_specialty(hvac, "HVAC Engineer")


@pytest.mark.parametrize("role", [r for r in list_roles()], ids=lambda r: r.key)
def test_every_family_keeps_eight_questions_for_any_specialty(role):
    free = [q for q in role.bank if not q.not_for and not q.for_titles]
    assert len(free) >= 8, f"{role.key}: {len(free)} questions fit every specialty"
