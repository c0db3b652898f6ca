"""Everything else in the app, in Chromium: sessions, a review, progress charts, stories, questions to ask,
the follow-up draft and its check; and a whole typed session by keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from mockint.domain import Answer, Question, QuestionKind, Session, Transcript, Turn
from mockint.feedback import analyze
from mockint.roles import resolve_role
from mockint.store import Store
from tests.web.conftest import needs_chromium

pytestmark = needs_chromium

STORY_ANSWER = ("Um, last winter our checkout failed every Friday evening. I was asked to find out why. "
                "I traced it to a cache that expired during the payroll batch and moved the batch to Sunday. "
                "As a result, failed checkouts fell by ninety percent and support calls halved.")


@pytest.fixture
def practised(mockint_home) -> Session:
    """One saved session with an analyzed story answer, as a practice leaves it."""
    store = Store()
    match = resolve_role("software engineer")
    session = store.start_session(Session(role=match.title, role_key=match.role.key, mode="text"))
    question = Question(text="Tell me about a production problem you solved.", kind=QuestionKind.behavioral)
    feedback = analyze(Transcript(text=STORY_ANSWER), question=question.text, kind=question.kind)
    store.save_turn(session.id, Turn(index=0, question=question, answer=Answer(text=STORY_ANSWER), feedback=feedback))
    store.end_session(session.id)
    store.close()
    return session


def test_sessions_review_and_progress(page: Page, web, practised):
    page.get_by_role("link", name="Sessions").click()
    row = page.get_by_role("row", name=re.compile("Software Engineer", re.I))
    expect(row).to_contain_text("1 of 1")
    row.get_by_role("link", name="Review").click()
    expect(page.get_by_role("heading", name=re.compile("Session 1: Software Engineer", re.I))).to_be_visible()
    expect(page.locator("article mark").first).to_have_text("Um")
    page.get_by_role("link", name="← All sessions").click()
    page.get_by_role("link", name="Progress").click()
    expect(page.locator("figure svg")).to_have_count(4)  # pace, fillers, STAR, length: the review's chart code
    expect(page.get_by_role("img", name="Fillers per 100 words, per session")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^1 "))).to_contain_text("Software Engineer")


def test_stories_are_added_analysed_and_retold(page: Page, web):
    page.get_by_role("link", name="Stories").click()
    page.get_by_label("Title").fill("Friday checkout failures")
    page.get_by_label("Story").fill(STORY_ANSWER)
    page.get_by_role("button", name="Save the story").click()
    expect(page.get_by_role("heading", name="Friday checkout failures")).to_be_visible()
    expect(page.locator("ul.star li.yes")).to_have_count(4)
    expect(page.get_by_text("The result has a number in it.")).to_be_visible()
    page.get_by_label("Your retelling").fill("Our checkout failed on Fridays. I moved the payroll batch to Sunday.")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", name=re.compile(r"Your retelling: \d+% of the key points"))).to_be_visible()
    assert Store().story_attempts(1)[0].text.startswith("Our checkout failed")


def test_questions_to_ask_and_the_follow_up_with_its_check(page: Page, web, practised):
    page.get_by_role("link", name="Questions to ask").click()
    page.get_by_label("Role").fill("software engineer")
    page.get_by_role("button", name="Suggest questions").click()
    expect(page.locator("ol.asks > li")).to_have_count(8)
    page.get_by_role("link", name="Follow-up").click()
    page.get_by_label("And a practice session").select_option(str(practised.id))
    page.get_by_label("To").fill("Ms Alvarez")
    page.get_by_role("button", name="Draft the message").click()
    draft = page.locator("pre.message").first
    expect(draft).to_contain_text("Subject: Thank you: Software Engineer interview", ignore_case=True)
    expect(draft).to_contain_text("Dear Ms Alvarez,")
    # no debrief chosen: what only the real interview can say is left in brackets, and the page says so
    expect(page.get_by_text(re.compile(r"Fill in the \d+ parts? in \[brackets\]"))).to_be_visible()
    page.get_by_label("Your draft").fill("Hi, I NEED this job. Please reply ASAP, I am the best candidate you will ever meet.")
    page.get_by_role("button", name="Check the draft").click()
    expect(page.locator("ul.problems li").first).to_be_visible()
    expect(page.get_by_role("heading", name="The check")).to_be_visible()


def test_a_typed_session_by_keyboard_alone(page: Page, web):
    def tab_to(element_id: str, limit: int = 25) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
                return
        raise AssertionError(f"Tab never reached #{element_id}")

    expect(page.get_by_role("button", name="Start")).to_be_enabled()
    tab_to("role")
    page.keyboard.type("registered nurse")
    tab_to("count")
    page.keyboard.press("Home")  # one question
    tab_to("start")
    page.keyboard.press("Enter")
    answer = page.get_by_label("Your answer")
    expect(answer).to_be_focused(timeout=60_000)  # the answer box takes the focus when a question comes
    page.keyboard.type("I stayed calm, listened to the family, and, um, explained the plan step by step.")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("region", name="Feedback")).to_contain_text("explained the plan", timeout=30_000)
    while not page.get_by_role("heading", name="Session summary").is_visible():
        following = page.get_by_role("button", name="Next question")
        if following.is_visible():  # a follow-up: answer it by keyboard too
            tab_to("next")
            page.keyboard.press("Enter")
            expect(answer).to_be_focused()
            page.keyboard.type("We agreed on daily calls, and the complaints stopped.")
            page.keyboard.press("Control+Enter")
        page.wait_for_timeout(200)
    review = page.get_by_role("link", name="Review this session")
    for _ in range(10):
        page.keyboard.press("Tab")
        if review.evaluate("link => link === document.activeElement"):
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/sessions/1/review$"))
