#!/usr/bin/env python3
"""How the analyzer's time grows with the answer's length: it must stay linear.

Builds answers of 1k, 10k and 100k words from the labelled answers in
tests/data/feedback_eval (typed with punctuation, typed without any, and spoken with word
timings and fillers), times analyze() on each (best of --rounds), and checks the targets:
100k words in under 10 s, and at most ~100x the time of 1k words. It times the word cues and
rules, which read every answer: beyond MEANING_MAX_WORDS (1,500) they read it alone, and the
sentence model's share (about 40 ms a sentence) is measured by scripts/bench.py.

Usage: python scripts/bench_analyze.py [--rounds N] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from mockint.domain import QuestionKind, Transcript, Word
from mockint.feedback import analyze

ANSWERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "feedback_eval" / "answers.jsonl"
SIZES = (1_000, 10_000, 100_000)
QUESTION = "Tell me about a time you had to deliver under pressure."
POINTS = ["what was at stake", "the steps you took yourself", "the measured result"]
TARGET_100K_S = 10.0
TARGET_RATIO = 100.0


def source_words() -> list[str]:
    """Every word of the labelled answers, in order, with their punctuation."""
    answers = [json.loads(line)["answer"] for line in ANSWERS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return " ".join(answers).split()


def make(style: str, n: int, pool: list[str]) -> Transcript:
    """An answer of n words in one style: punctuated, unpunctuated, or spoken with timings."""
    chosen = [pool[i % len(pool)] for i in range(n)]
    if style == "unpunctuated":
        chosen = [re.sub(r"[^\w'’-]", "", w).lower() or "and" for w in chosen]
    text = " ".join(chosen)
    if style != "spoken":
        return Transcript(text=text)
    words = [Word(text=w, start=i * 0.4, end=i * 0.4 + 0.3) for i, w in enumerate(chosen)]
    return Transcript(text=text, words=words, duration_seconds=n * 0.4)


def best_time(transcript: Transcript, rounds: int) -> float:
    """The fastest of `rounds` runs of the whole analysis, in seconds."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        # the rules alone: answers this long are past MEANING_MAX_WORDS, so only 1k would be read by meaning
        analyze(transcript, question=QUESTION, kind=QuestionKind.behavioral, talking_points=POINTS, encoder=False)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="runs per size; the fastest counts")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    pool = source_words()
    results: dict[str, dict[str, float]] = {}
    for style in ("punctuated", "unpunctuated", "spoken"):
        row = {f"{n // 1000}k_words_s": round(best_time(make(style, n, pool), args.rounds), 3) for n in SIZES}
        row["ratio_100k_to_1k"] = round(row["100k_words_s"] / max(row["1k_words_s"], 1e-6), 1)
        results[style] = row
    ok = all(r["100k_words_s"] < TARGET_100K_S and r["ratio_100k_to_1k"] <= TARGET_RATIO * 1.2
             for r in results.values())
    if args.json:
        print(json.dumps({"analysis": results, "targets_met": ok}, indent=2))
    else:
        print(f"{'style':<14}" + "".join(f"{k:>18}" for k in next(iter(results.values()))))
        for style, row in results.items():
            print(f"{style:<14}" + "".join(f"{v:>18}" for v in row.values()))
        print(f"targets (100k words < {TARGET_100K_S:.0f} s, ~{TARGET_RATIO:.0f}x of 1k): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
