#!/usr/bin/env python3
"""Feedback latency in the browser: from the end of a spoken answer to its feedback on screen.

    .venv/bin/python scripts/bench_web.py [--rounds 3] [--json] [--screenshots DIR]

Runs the real app (real LLM, Whisper and voice) on a loopback port and Debian's chromium
with a fake microphone playing an espeak-ng answer (about 12 s) into the page's
AudioWorklet. For each round it starts a one-question spoken session, presses Record, and
reads the page's own clock (performance.now()) at two moments: when the server says the
answer has ended (the end-of-answer silence ran out) and when the feedback is on screen.
A second measure presses Stop right after the answer's last word instead. Target: the
feedback within 1 s of the end of the answer. With --screenshots, saves the practice page
during a question, the feedback, and the review page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 1.0


def measure(page, stop_after_seconds: float | None) -> float:
    """One answer: Record, let the fake microphone speak, return seconds from its end to the feedback."""
    from playwright.sync_api import expect

    expect(page.locator("#q-text")).not_to_be_empty(timeout=120_000)
    page.get_by_role("button", name="Record").click()
    if stop_after_seconds is not None:
        page.wait_for_timeout(stop_after_seconds * 1000)
        page.get_by_role("button", name="Stop").click()
    try:
        expect(page.get_by_role("region", name="Feedback").locator("blockquote")).to_be_visible(timeout=120_000)
    except AssertionError:
        said = {name: page.locator(f"#{name}").inner_text() for name in ("alert", "notice", "rec-status")}
        raise RuntimeError(f"no feedback within 120 s; the page says {said}") from None
    timing = page.evaluate("() => window.mockintPage.timings[window.mockintPage.timings.length - 1]")
    return (timing["feedback"] - timing["ended"]) / 1000


def run(rounds: int, shots: Path | None) -> dict:
    from playwright.sync_api import expect, sync_playwright

    from mockint.engines import Engines
    from tests.speech.speech_data import espeak, silence
    from tests.web.conftest import BROWSER_ARGS, CHROMIUM, SPOKEN_ANSWER, serve, write_wav

    work = Path(tempfile.mkdtemp(prefix="mockint-bench-web-"))
    os.environ["MOCKINT_HOME"] = str(work / "home")
    speech = espeak(SPOKEN_ANSWER)
    wav = write_wav(work / "answer.wav", __import__("numpy").concatenate([silence(0.6), speech, silence(1.0)]))
    speech_seconds = 0.6 + speech.size / 16000
    app = serve(Engines(), seed=None)
    results: dict[str, list[float]] = {"after_end_of_answer_silence_s": [], "after_stop_button_s": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=BROWSER_ARGS + [f"--use-file-for-fake-audio-capture={wav}%noloop"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        for i in range(rounds * 2):
            by_stop = i % 2 == 1
            page.goto(app.url)
            page.get_by_label("Role").fill("software engineer")
            page.get_by_label("Speak answers").check()
            page.get_by_label("Questions", exact=True).select_option("1")
            page.get_by_role("button", name="Start").click()
            if shots and i == 0:
                expect(page.locator("#q-text")).not_to_be_empty(timeout=120_000)
                page.screenshot(path=str(shots / "practice.png"), full_page=True)
            seconds = measure(page, speech_seconds + 0.3 if by_stop else None)
            results["after_stop_button_s" if by_stop else "after_end_of_answer_silence_s"].append(seconds)
            if shots and i == 0:
                page.screenshot(path=str(shots / "feedback.png"), full_page=True)
            summary, follow_up = page.locator("#summary"), page.get_by_role("button", name="Next question")
            expect(summary.or_(follow_up)).to_be_visible(timeout=120_000)
            if not summary.is_visible():  # a follow-up was chosen: this round has measured what it came for
                page.get_by_role("button", name="End session").click()
            expect(summary).to_be_visible(timeout=60_000)
            if shots and i == 0:
                page.get_by_role("link", name="Review this session").click()
                page.screenshot(path=str(shots / "review.png"), full_page=True)
        browser.close()
    app.server.stop()
    report = {name: {"median": round(statistics.median(v), 3), "max": round(max(v), 3), "runs": [round(x, 3) for x in v]}
              for name, v in results.items()}
    report["target_s"] = TARGET_SECONDS
    report["answer_speech_s"] = round(speech_seconds, 2)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args(argv)
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    report = run(args.rounds, args.screenshots)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for name in ("after_end_of_answer_silence_s", "after_stop_button_s"):
        r = report[name]
        print(f"feedback_latency_{name}: median {r['median']:.2f} s, max {r['max']:.2f} s "
              f"(target ≤ {TARGET_SECONDS:g} s) runs {r['runs']}")
    print(f"({report['answer_speech_s']} s answers; {time.perf_counter() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
