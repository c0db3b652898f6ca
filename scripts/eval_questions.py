#!/usr/bin/env python3
"""Measure how well a GGUF model writes second-round questions through the planner.

For each model and role it plans a session and reports: how many questions the model
wrote that passed the checker (the rest came from the bank or templates), every
rejected draft with its reason, the time to the first question, and the questions.
This is how the default model was chosen (see the README's notes on models).

Usage: python scripts/eval_questions.py [--model PATH ...] [--llm-url URL ...] [--count N] [--seeds K] [--json] [--show]
(--llm-url measures the model an OpenAI-compatible server serves; MOCKINT_LLM_SERVER_MODEL picks one.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mockint.config import find_llm_model  # noqa: E402
from mockint.llm import LanguageModel, load_model  # noqa: E402
from mockint.llm.server import ServerModel  # noqa: E402
from mockint.questions import QuestionPlanner  # noqa: E402
from mockint.roles import resolve_role  # noqa: E402

NOTES = (
    "They asked about the payments migration I led in 2023. I struggled to explain how I measured the "
    "rollout's success. We discussed my approach to code review. I rambled when asked why I am leaving my job."
)
CASES = [("software engineer", NOTES), ("registered nurse", None), ("sales representative", None)]


def evaluate(model_path: Path | LanguageModel, count: int, seeds: int, show: bool) -> dict:
    """Plan `seeds` sessions per role with one model (a GGUF, or a server's) and tally what happened."""
    llm = model_path if isinstance(model_path, LanguageModel) else load_model(model_path)
    started = time.perf_counter()
    llm.warm_up()
    load_s = time.perf_counter() - started
    tally = {"model": model_path.name, "load_s": round(load_s, 2), "roles": []}
    reasons: Counter[str] = Counter()
    total_llm = total = 0
    for role, notes in CASES:
        for seed in range(seeds):
            planner = QuestionPlanner(resolve_role(role), notes, llm, rng=random.Random(seed))
            t0 = time.perf_counter()
            questions, first_s = [], None
            for q in planner.questions(count):
                questions.append(q)
                first_s = first_s if first_s is not None else time.perf_counter() - t0
            elapsed = time.perf_counter() - t0
            reasons.update(r.reason for r in planner.stats.rejections)
            total_llm += planner.stats.from_llm
            total += len(questions)
            tally["roles"].append({
                "role": role, "notes": bool(notes), "seed": seed,
                "from_llm": planner.stats.from_llm, "from_fallback": planner.stats.from_fallback,
                "first_question_s": round(first_s, 2), "session_s": round(elapsed, 2),
                "questions": [f"[{q.source}/{q.kind.value}] {q.text}" for q in questions],
                "rejected": [f"{r.reason}: {r.text}" for r in planner.stats.rejections],
            })
            if show:
                print(f"\n## {model_path.name} · {role}{' (with notes)' if notes else ''} · seed {seed}")
                for line in tally["roles"][-1]["questions"]:
                    print("  " + line)
                for line in tally["roles"][-1]["rejected"]:
                    print("  rejected: " + line)
    tally["llm_share"] = round(total_llm / total, 3)
    tally["rejection_reasons"] = dict(reasons.most_common())
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", type=Path, help="GGUF file (repeatable); default: the default")
    parser.add_argument("--llm-url", action="append", default=[], help="an OpenAI-compatible server (repeatable)")
    parser.add_argument("--count", type=int, default=6)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", action="store_true", help="print every question and rejection")
    args = parser.parse_args()
    servers = [ServerModel(url, model=os.environ.get("MOCKINT_LLM_SERVER_MODEL"), timeout=600) for url in args.llm_url]
    models = [*(args.model or ([] if servers else [find_llm_model()])), *servers]
    results = [evaluate(m, args.count, args.seeds, args.show) for m in models]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"\n{'model':40} {'load s':>7} {'LLM share':>10} {'1st q s':>8}  top rejection reasons")
    for r in results:
        first = sum(x["first_question_s"] for x in r["roles"]) / len(r["roles"])
        top = ", ".join(f"{k} {v}" for k, v in list(r["rejection_reasons"].items())[:4])
        print(f"{r['model']:40} {r['load_s']:7.2f} {r['llm_share']:10.0%} {first:8.2f}  {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
