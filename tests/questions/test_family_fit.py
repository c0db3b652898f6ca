"""Bank questions fit the candidate's specialty within a family (not_for / for_titles in prompts/roles)."""

import random
import re

import pytest

from mockint.domain import Question, Role
from mockint.questions.bank import manages_people, wrong_specialty
from mockint.questions.planner import QuestionPlanner
from mockint.roles import RoleMatch, list_roles, resolve_role


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
    ("Gas Engineer", ["fuse board", "RCD", "circuit", "electric vehicle"]),
    ("Electrician", ["relief valve", "flue gas", "radiators", "smell gas"]),
    ("Dispensing Assistant", ["final accuracy check", "ward", "dispenser or trainee you trained"]),
    ("Hospital Pharmacy Technician", ["co-codamol", "child's cough", "flu vaccinations", "monitored dosage"]),
    ("Nursery Practitioner", ["detention", "grade level", "exit tickets", "students"]),
    ("Development Management Officer", ["joists", "fire safety inspection", "drainage", "sign off building work"]),
    ("Building Control Surveyor", ["committee", "NPPF", "section 106", "conservation area", "pre-application"]),
    ("Compliance Officer", ["subject access", "DPIA", "ICO", "lawful basis", "retention schedule"]),
    ("Care Worker", ["CQC inspector", "a rota", "supervision", "controlled drugs check"]),
    ("Network Engineer", ["Active Directory", "virtual host", "file server", "director's account"]),
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
    # Inside another word is not a word start: a shepherd is no dairy herdsman, loss prevention no event.
    (mastitis,) = [q for q in next(r for r in list_roles() if r.key == "agriculture_land").bank if "mastitis" in q.text]
    assert wrong_specialty(mastitis, "Shepherd (upland ewes)") and not wrong_specialty(mastitis, "Relief Herdsperson")
    (crowd,) = [q for q in next(r for r in list_roles() if r.key == "security_officer").bank if "crowd surges" in q.text]
    assert wrong_specialty(crowd, "Store Loss Prevention Guard") and not wrong_specialty(crowd, "Event Security Steward")


@pytest.mark.parametrize("role", [r for r in list_roles()], ids=lambda r: r.key)
def test_every_family_keeps_eight_questions_for_any_specialty(role):
    free = [q for q in role.bank if not q.not_for and not q.for_titles and not q.for_managers]
    assert len(free) >= 8, f"{role.key}: {len(free)} questions fit every specialty"


def test_a_question_for_managers_is_asked_only_of_titles_that_lead_people():
    budget = Question(text="Finance cuts your labour budget by 10%: what do you protect?", kind="situational",
                      for_managers=True)
    for leader in ["Bar Manager", "Head Housekeeper", "Team Leader", "Deputy Headteacher", "Head of Operations"]:
        assert manages_people(leader) and not wrong_specialty(budget, leader), leader
    for staff in ["Transport Planner", "Credit Controller", "Senior Care Assistant", "HR Business Partner"]:
        assert not manages_people(staff) and wrong_specialty(budget, staff), staff


def test_when_nothing_in_the_family_fits_the_title_the_general_questions_are_asked():
    # A family whose every question is for managers, and a candidate who manages no one.
    managing = [Question(text=text, kind="behavioral", competency="leading", for_managers=True) for text in [
        "Tell me about a restructure you led that your supervisors resisted: what did you change?",
        "How do you set next year's labour budget when demand forecasts disagree?",
        "Walk me through the daily meeting you run with your shift leads: what is on the board?",
        "Tell me about a time you had to manage out a supervisor who was not performing?",
        "Finance asks you to cut 10% of overtime this quarter: what do you protect first?",
    ]]
    family = Role(key="site_management", title="Site Management", competencies=["leading"], bank=managing)
    general = {q.text for q in next(r for r in list_roles() if r.key == "general").bank}

    planner = QuestionPlanner(RoleMatch(title="Site Planner", role=family), rng=random.Random(1))
    asked = [q.text for q in planner.questions(5) if q.source == "bank"]
    assert asked and all(text in general for text in asked), asked

    manager = QuestionPlanner(RoleMatch(title="Site Manager", role=family, exact=True), rng=random.Random(1))
    assert all(q.text in {m.text for m in managing} for q in manager.questions(5) if q.source == "bank")


def test_a_title_the_family_only_approximates_gets_two_questions_in_three_from_the_general_bank():
    general = {q.text for q in next(r for r in list_roles() if r.key == "general").bank}
    approximate = resolve_role("Theatre Recovery Nurse")
    assert approximate.role.key == "registered_nurse" and approximate.mixed
    asked = [q.text for q in QuestionPlanner(approximate, rng=random.Random(2)).questions(6) if q.source == "bank"]
    assert [text in general for text in asked] == [False, True, True] * 2

    for settled in (resolve_role("Registered Nurse"), resolve_role("Theatre Recovery Nurse", family="registered_nurse")):
        assert not settled.mixed  # the family names the title, or the candidate chose it
        asked = [q.text for q in QuestionPlanner(settled, rng=random.Random(2)).questions(6) if q.source == "bank"]
        assert not any(text in general for text in asked)


WINDOW_NOTES = """- met Dave the owner and his supervisor Kim, 30 min in the van yard
- asked how I use a water-fed pole on a three-storey block and about working at height, ladders vs reach-and-wash
- struggled on the risk assessment for a conservatory roof, could not say when I'd need a harness
- round planning went fine, they liked that I kept my own customers on a four-weekly round"""
SWIM_NOTES = """- panel: head of swimming lessons and the school's PE lead
- asked about teaching a nervous year 2 class to float, and how I plan lessons for mixed ability groups
- blanked on the safeguarding procedure when a child discloses something in the changing rooms
- behaviour management in a noisy pool went fine, they liked my lesson plan for stroke technique"""


def test_notes_that_read_like_another_job_turn_an_approximate_family_to_general_questions():
    general = {q.text for q in next(r for r in list_roles() if r.key == "general").bank}
    window = resolve_role("Window Cleaner")  # "windows" takes it to systems administrators
    assert window.role.key == "it_infrastructure" and window.mixed
    planner = QuestionPlanner(window, WINDOW_NOTES, rng=random.Random(4))
    assert planner.doubted
    assert all(q.text in general for q in planner.questions(6) if q.source == "bank")

    swim = QuestionPlanner(resolve_role("Swimming Teacher"), SWIM_NOTES, rng=random.Random(4))
    assert swim.match.mixed and not swim.doubted  # the notes read like teaching: the mix stays
    assert not QuestionPlanner(window, None, rng=random.Random(4)).doubted  # no notes, no doubt


def test_a_tramping_lorry_driver_gets_lorry_questions_not_passenger_ones():
    # "Tramping" (nights out in the cab) starts with "tram": the word start alone must not make it a tram job.
    title = "Class 1 HGV driver (tramping, nights out)"
    asked = [q.text for q in resolve_role(title).role.bank if not wrong_specialty(q, title)]
    assert not [text for text in asked if "passenger" in text.lower()]
    assert [text for text in asked if "trailer" in text.lower() or "tachograph" in text.lower()]


@pytest.mark.parametrize("title", ["Mobile Dog Groomer (self-employed)", "Freelance Sound Recordist"])
def test_someone_who_works_for_themselves_is_not_asked_about_a_boss_or_colleagues(title):
    # (blind26: a self-employed personal trainer was asked what he tells the person who set his deadline)
    match = resolve_role(title)
    assert match.role.key == "general"
    asked = [q.text for q in match.role.bank if not wrong_specialty(q, title)]
    assert len(asked) >= 20
    assert not [t for t in asked if re.search(r"person in charge|colleague|someone senior|people you work with", t)]
