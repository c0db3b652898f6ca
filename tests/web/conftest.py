"""The web app under test: the real server on a loopback port, real engines, and Debian's chromium.

The server runs in a thread of the test process (one LLM and one Whisper model loaded
for the whole run); the browser is Debian's chromium driven by Playwright, with a fake
microphone that plays an espeak-ng answer full of "um" and "uh".
"""

from __future__ import annotations

import shutil
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from mockint.engines import Engines
from mockint.web import Launch, create_app
from mockint.web.server import BackgroundServer, bind
from tests.speech.speech_data import espeak, silence

CHROMIUM = "/usr/bin/chromium"
NO_CHROMIUM = not Path(CHROMIUM).exists() or shutil.which("espeak-ng") is None
needs_chromium = pytest.mark.skipif(NO_CHROMIUM, reason="chromium or espeak-ng missing (scripts/setup.sh --test)")

SPOKEN_ANSWER = (
    "Um, in my last role I led the move of our billing system to a new platform. "
    "Uh, the old one kept failing at the end of every month. "
    "I planned the move in three stages and, um, tested each one with the finance team. "
    "In the end we cut failed payments by forty percent."
)
# Chromium's switches for a test run: a fake microphone playing the answer once, no prompts, and none of
# the background networking this machine's closed network refuses.
BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
]


def write_wav(path: Path, samples: np.ndarray, rate: int = 16000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype("<i2").tobytes())
    return path


@pytest.fixture(scope="session")
def answer_wav(tmp_path_factory) -> Path:
    """The fake microphone's sound: half a second of quiet, the spoken answer, then quiet."""
    audio = np.concatenate([silence(0.6), espeak(SPOKEN_ANSWER), silence(1.0)])
    return write_wav(tmp_path_factory.mktemp("mic") / "answer.wav", audio)


@pytest.fixture(scope="session")
def shared_engines(embedded_llm) -> Engines:
    """Real engines, with the models loaded once for every server of the run."""
    from mockint.speech.stt import Transcriber

    transcriber = Transcriber()
    transcriber.load()
    return Engines(language_model=lambda model, settings: embedded_llm, speech_to_text=lambda settings: transcriber)


@dataclass
class RunningApp:
    """A served app: its address, its launch key, and the app's state (the practice sessions)."""

    server: BackgroundServer
    launch: Launch
    state: object

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    @property
    def url(self) -> str:
        return self.launch.url()


def serve(engines: Engines, host: str = "127.0.0.1", seed: int | None = 7) -> RunningApp:
    sock = bind(host, 0)
    launch = Launch.new(sock.getsockname()[1])
    app = create_app(engines, launch, seed=seed)
    return RunningApp(BackgroundServer(app, sock).start(), launch, app.state)


@pytest.fixture
def web(shared_engines, mockint_home):
    """The app served on a free loopback port for one test, on that test's own MOCKINT_HOME."""
    running = serve(shared_engines)
    yield running
    running.server.stop()
    running.state.practice.wait(30)


@pytest.fixture(scope="session")
def playwright():
    """Playwright, started once (its sync API runs one instance per thread)."""
    if NO_CHROMIUM:
        pytest.skip("chromium or espeak-ng missing (scripts/setup.sh --test)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright, answer_wav):
    """Debian's chromium, headless, with the fake microphone; one for the whole run."""
    launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS + [
        f"--use-file-for-fake-audio-capture={answer_wav}%noloop"])
    yield launched
    launched.close()


@pytest.fixture
def page(browser, web):
    """A fresh tab (its own cookies) on the app's first page, opened with the printed link."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.goto(web.url)
    yield tab
    context.close()
