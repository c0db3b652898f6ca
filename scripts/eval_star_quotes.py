"""How often the quote the STAR panel shows for a part is a clause labelled with that part.

Usage: .venv/bin/python scripts/eval_star_quotes.py [SET ...]   (default: train_7 train_8 train_9)

The panel shows one quote per STAR part (StarFeedback.headline_quotes). For every STAR answer of
the given sets that has clause labels in tests/data/feedback_eval/star_clauses.jsonl, it counts a
shown quote right when it holds a clause labelled with its part, clean when every labelled clause
inside it has that part, and repeated when an earlier part shows the same quote. train_7-9 are the
sets the learned STAR heads were not fitted on.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from mockint.domain import QuestionKind, Transcript
from mockint.feedback import analyze

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "feedback_eval"


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", "", text.lower()).split())


def holds(quote: str, clause: str) -> bool:
    """Whether a shown quote and a labelled clause are the same text, or one holds the other."""
    q, c = normalised(quote), normalised(clause)
    return bool(c) and (c in q or q in c)


def main(sets: list[str]) -> None:
    labels = {}
    for line in open(EVAL_DIR / "star_clauses.jsonl"):
        row = json.loads(line)
        labels[(row["set"], row["id"])] = row["clauses"]
    shown = right = clean = repeated = 0
    for name in sets:
        for line in open(EVAL_DIR / f"{name}.jsonl"):
            item = json.loads(line)
            clauses = labels.get((name, item["id"]))
            if not clauses or not item["labels"].get("star"):
                continue
            kind = QuestionKind(item["kind"]) if item.get("kind") else None
            fb = analyze(Transcript(text=item["answer"]), item.get("question"), kind)
            seen: set[str] = set()
            for part, quote in fb.star.headline_quotes().items():
                if quote is None:
                    continue
                inside = [c for c in clauses if holds(quote, c["text"])]
                ok = any(part in c["parts"] for c in inside)
                shown += 1
                right += ok
                clean += ok and all(part in c["parts"] for c in inside)
                repeated += quote in seen
                seen.add(quote)
    print(f"quotes shown {shown}: right {right} ({right / shown:.1%}), clean {clean} ({clean / shown:.1%}), "
          f"repeated across parts {repeated}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["train_7", "train_8", "train_9"])
