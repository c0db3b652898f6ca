"""A typed practice session in real Chromium through the real server: questions, feedback, saved, reviewable."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from mockint.store import Store
from tests.web.conftest import needs_chromium

pytestmark = needs_chromium

TYPED_ANSWER = ("Um, when our ward moved to electronic charting I was asked to train the night shift. "
                "I ran short sessions at the start of each shift and, uh, paired nurses who struggled with a "
                "colleague. Within a month charting errors fell by thirty percent.")


def start(page: Page, role: str, mode: str, count: int, notes: str = "") -> None:
    """Fill in the start form by its labels, as a person would, and press Start."""
    page.get_by_label("Role").fill(role)
    if notes:
        page.get_by_label("First-round notes").fill(notes)
    page.get_by_label(mode).check()
    page.get_by_label("Questions", exact=True).select_option(str(count))
    page.get_by_role("button", name="Start").click()


def next_step(page: Page) -> str:
    """Wait for what comes after an answer's feedback: the next question ("question") or the summary."""
    summary = page.get_by_role("heading", name="Session summary")
    following = page.get_by_role("button", name="Next question")
    expect(summary.or_(following)).to_be_visible(timeout=180_000)  # the LLM may be writing the next one
    return "summary" if summary.is_visible() else "question"


def test_a_typed_session_is_answered_saved_and_reviewable(page: Page, web, mockint_home):
    start(page, "registered nurse", "Type answers", 2, notes="They asked about handovers; I struggled with the "
                                                          "question about a difficult family.")
    expect(page.get_by_text(re.compile(r"Session 1 · Registered nurse", re.I))).to_be_visible(timeout=60_000)
    questions = []
    while True:
        question = page.locator("#q-text")
        expect(question).not_to_be_empty()
        questions.append(question.inner_text())
        page.get_by_label("Your answer").fill(TYPED_ANSWER)
        page.get_by_role("button", name="Send").click()
        feedback = page.get_by_role("region", name="Feedback")
        expect(feedback).to_contain_text(questions[-1][:40], timeout=30_000)
        # the live feedback marks the fillers the analyzer found and says what it measured
        expect(feedback.locator("blockquote mark")).to_have_text(["Um", "uh"])
        expect(feedback).to_contain_text("Fillers")
        if next_step(page) == "summary":
            break
        page.get_by_role("button", name="Next question").click()
    assert len(questions) >= 2  # two main questions, perhaps a follow-up
    summary = page.locator("#summary")
    expect(summary).to_contain_text(f"{len(questions)} answered")

    saved = Store().load_session(1)
    assert saved.mode == "text" and saved.role.lower() == "registered nurse" and saved.notes.startswith("They asked")
    assert [t.question.text for t in saved.turns] == questions
    assert all(t.answer.text == TYPED_ANSWER and t.feedback.fillers.total == 2 for t in saved.turns)
    assert saved.ended_at is not None

    summary.get_by_role("link", name="Review this session").click()
    expect(page).to_have_url(re.compile(r"/sessions/1/review$"))
    expect(page.get_by_role("heading", name=re.compile("Session 1: Registered nurse", re.I))).to_be_visible()
    expect(page.locator("article")).to_have_count(len(questions))
    expect(page.locator("article").first).to_contain_text("electronic charting")
