"""A whole spoken session in real Chromium: a fake microphone plays an espeak-ng answer with "um" and "uh"
through the page's AudioWorklet and WebSocket into the real streaming Whisper and end-of-answer rules."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from mockint.store import Store
from tests.speech.speech_data import fillers_in
from mockint.speech.wer import word_error_rate
from tests.web.conftest import SPOKEN_ANSWER, needs_chromium
from tests.web.test_typed_session_in_chromium import next_step, start

pytestmark = needs_chromium
# tiny.en on espeak-ng's voice: 10-25% of words differ between runs (where pieces are cut varies
# with timing); a broken pipeline (lost pieces, a wrong sample rate) is far above this.
MAX_WORD_ERROR_RATE = 0.4


def test_a_spoken_session_is_transcribed_coached_saved_and_reviewable(page: Page, web, mockint_home):
    start(page, "software engineer", "Speak answers", 1)
    expect(page.get_by_text(re.compile(r"spoken answers"))).to_be_visible(timeout=60_000)
    answers = 0
    while True:
        expect(page.locator("#q-text")).not_to_be_empty()
        page.get_by_role("button", name="Record").click()
        expect(page.get_by_role("button", name="Stop")).to_be_enabled()
        # the level meter moves while the answer is spoken
        expect(page.get_by_role("meter", name="Microphone level")).to_have_attribute(
            "aria-valuenow", re.compile(r"^([3-9]\d|100)$"))
        feedback = page.get_by_role("region", name="Feedback")
        # the end-of-answer silence ends the recording by itself; the feedback follows
        expect(feedback).to_contain_text("words a minute", timeout=90_000)  # a spoken answer has a pace
        answers += 1
        transcript = feedback.locator("blockquote").inner_text()
        # Where the streaming transcriber cuts the answer into pieces depends on timing, and
        # Whisper's words for espeak-ng vary with it ("finance team", "fine and steam"): the
        # transcript is judged as a whole against what was said.
        assert word_error_rate(SPOKEN_ANSWER, transcript) <= MAX_WORD_ERROR_RATE, transcript
        marked = [m.lower() for m in feedback.locator("blockquote mark").all_inner_texts()]
        assert len(marked) >= 2 and any(m.startswith("um") for m in marked), (transcript, marked)
        if next_step(page) == "summary":
            break
        page.get_by_role("button", name="Next question").click()
    expect(page.locator("#summary")).to_contain_text(f"{answers} answered")

    saved = Store().load_session(1)
    assert saved.mode == "voice" and len(saved.turns) == answers
    first = saved.turns[0]
    assert first.answer.mode == "voice" and first.answer.complete and first.answer.words
    assert sum(fillers_in(first.answer.text).values()) >= 2 and first.feedback.fillers.total >= 2
    recording = Path(first.answer.audio)
    assert recording.is_file() and recording.is_relative_to(mockint_home)

    page.get_by_role("link", name="Review this session").click()
    article = page.locator("article").first
    expect(article).to_contain_text(" ".join(first.answer.text.split()[:6]))  # the saved transcript
    expect(article.locator("audio")).to_have_count(1)  # the recording, embedded
    expect(article.locator("mark").first).to_be_visible()
