"""What the page says when things go wrong: a second tab, no microphone permission, a microphone
unplugged mid-answer, and the server restarted mid-session (the answers given are saved)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from mockint.store import Store
from tests.web.conftest import BROWSER_ARGS, CHROMIUM, needs_chromium
from tests.web.test_typed_session_in_chromium import start

pytestmark = needs_chromium
ROOT = Path(__file__).resolve().parents[2]


def test_a_second_tab_is_told_to_use_the_first(page: Page, web):
    expect(page.get_by_role("button", name="Start")).to_be_enabled()
    second = page.context.new_page()
    second.goto(web.base + "/")
    expect(second.get_by_role("alert")).to_contain_text("already open in another tab")
    expect(second.get_by_role("button", name="Start")).to_be_disabled()
    page.close()  # the first tab goes away: the second takes over by itself
    expect(second.get_by_role("button", name="Start")).to_be_enabled(timeout=10_000)
    expect(second.get_by_role("alert")).to_be_hidden()


@pytest.fixture(scope="module")
def browser_that_refuses_the_microphone(playwright):
    """Chromium as a candidate who said no to the microphone prompt."""
    refusing = playwright.chromium.launch(executable_path=CHROMIUM, args=[
        a for a in BROWSER_ARGS if a != "--use-fake-ui-for-media-stream"] + ["--deny-permission-prompts"])
    yield refusing
    refusing.close()


def test_no_microphone_permission_says_how_to_allow_it_and_offers_typing(browser_that_refuses_the_microphone, web):
    page = browser_that_refuses_the_microphone.new_page()
    page.goto(web.url)
    start(page, "software engineer", "Speak answers", 1)
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("alert")).to_contain_text("permission was refused")
    expect(page.get_by_role("alert")).to_contain_text("Allow the microphone")
    # typing the answer instead works in the same spoken session
    page.get_by_label("Your answer").fill("I would first reproduce the fault, then roll back the change.")
    page.get_by_role("button", name="Send").click()
    # The session's first answer waits for the analyzer's models to finish loading, as in the other web tests: the
    # 5-second default failed once in a CI run on a machine busy with other jobs (stop 47).
    expect(page.get_by_role("region", name="Feedback")).to_contain_text("reproduce the fault", timeout=30_000)
    page.close()


def test_a_microphone_unplugged_mid_answer_keeps_what_was_said(page: Page, web):
    start(page, "software engineer", "Speak answers", 1)
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("meter", name="Microphone level")).to_have_attribute(
        "aria-valuenow", re.compile(r"^([3-9]\d|100)$"))
    page.wait_for_timeout(3000)  # a few words in
    # Chromium ends a track with this event when its device goes away
    page.evaluate("() => window.mockintPage.mic.track.dispatchEvent(new Event('ended'))")
    expect(page.get_by_role("alert")).to_contain_text("microphone stopped in the middle of your answer")
    feedback = page.get_by_role("region", name="Feedback")
    expect(feedback).to_contain_text("Your answer (unfinished)", timeout=60_000)
    saved = Store().load_session(1).turns[0]
    assert saved.answer.mode == "voice" and not saved.answer.complete and saved.answer.text


def test_the_server_restarting_mid_session_says_the_answers_are_saved(browser, tmp_path, mockint_home):
    """A real `mockint web` process, killed after one answer and started again on the same port.

    It runs with HOME, TMPDIR and its working folder pointed at empty folders: they stay
    empty, since everything it writes goes under MOCKINT_HOME. (It also gets a session's
    XDG_RUNTIME_DIR, as on any desktop: the sound library keeps its socket folder there.)"""
    outside = {name: tmp_path / name for name in ("home", "tmp", "cwd")}
    for folder in [*outside.values(), tmp_path / "runtime"]:
        folder.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(outside["home"]), "TMPDIR": str(outside["tmp"]), "MOCKINT_HOME": str(mockint_home),
           "XDG_RUNTIME_DIR": str(tmp_path / "runtime"), "PYTHONPATH": str(ROOT)}

    def launch(port: int = 0) -> tuple[subprocess.Popen, str]:
        process = subprocess.Popen([sys.executable, "-m", "mockint", "web", "--no-browser", "--port", str(port),
                                    "--seed", "3"], cwd=outside["cwd"], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        line = process.stdout.readline()
        assert "mockint is running at http://127.0.0.1:" in line, line
        return process, line.split()[-1]

    server, url = launch()
    page = browser.new_page()
    try:
        page.goto(url)
        start(page, "registered nurse", "Type answers", 3)
        page.get_by_label("Your answer").fill("I, um, escalated to the charge nurse and documented every step.")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_role("region", name="Feedback")).to_contain_text("charge nurse", timeout=60_000)
        server.send_signal(signal.SIGKILL)  # no goodbye: as if the computer slept or the process died
        server.wait()
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("mockint has stopped")
        expect(alert).to_contain_text("Your 1 answer in session 1 is saved")
        port = int(re.search(r":(\d+)/", url).group(1))
        server, _ = launch(port)
        expect(alert).to_contain_text("mockint was restarted", timeout=15_000)
        expect(alert).to_contain_text("Your 1 answer in session 1 is saved")
    finally:
        page.close()
        server.terminate()
        server.wait(20)
    saved = Store().load_session(1)
    assert [t.answer.text for t in saved.turns] == ["I, um, escalated to the charge nurse and documented every step."]
    assert all(not any(folder.iterdir()) for folder in outside.values()), {n: list(f.iterdir()) for n, f in outside.items()}
