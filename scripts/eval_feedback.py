"""Accuracy of the feedback analyzer on the hand-labelled set in tests/data/feedback_eval.

Usage: .venv/bin/python scripts/eval_feedback.py [--errors] [--split dev|holdout|all]
Prints one row per signal (dev, holdout and all answers) and, with --errors, every
answer where the analyzer and the label disagree.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from mockint.domain import STAR_PARTS, QuestionKind, Transcript
from mockint.feedback import analyze

EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "feedback_eval" / "answers.jsonl"
# dev: used to tune the rules; holdout: looked at once, after tuning; fresh: written after
# tuning and labelled before the analyzer ever ran on it.
SPLITS = ("dev", "holdout", "fresh")
SIGNALS = ("star_components", "star_applicable", "rambling", "hard_fillers_exact", "soft_fillers_exact",
           "result_quantified", "length")


@dataclass
class Tally:
    """Right and total per signal, and the disagreements."""

    right: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SIGNALS})
    total: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SIGNALS})
    errors: list[str] = field(default_factory=list)

    def add(self, signal: str, ok: bool, item_id: str, detail: str) -> None:
        self.total[signal] += 1
        self.right[signal] += ok
        if not ok:
            self.errors.append(f"{item_id}: {signal}: {detail}")

    def accuracy(self, signal: str) -> float | None:
        return self.right[signal] / self.total[signal] if self.total[signal] else None


def load(path: Path = EVAL_SET) -> list[dict]:
    """The labelled answers."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(items: list[dict]) -> Tally:
    """Run the analyzer on each answer and compare every labelled signal."""
    tally = Tally()
    for item in items:
        labels, item_id = item["labels"], item["id"]
        kind = QuestionKind(item["kind"]) if item["kind"] else None
        fb = analyze(Transcript(text=item["answer"]), question=item["question"], kind=kind)
        expected_star = labels["star"]
        tally.add("star_applicable", fb.star.applicable == (expected_star is not None), item_id,
                  f"got {fb.star.applicable}")
        if expected_star is not None and fb.star.applicable:
            for part, got in fb.star.parts():
                tally.add("star_components", got.present == expected_star[part], item_id,
                          f"{part} got {got.present} {got.evidence[:1]}")
        elif expected_star is not None:
            for part in STAR_PARTS:  # STAR wrongly judged not applicable: every part counts as missed
                tally.add("star_components", not expected_star[part], item_id, f"{part}: STAR not applied")
        tally.add("rambling", fb.rambling.is_rambling == labels["is_rambling"], item_id,
                  f"got {fb.rambling.is_rambling} {fb.rambling.signals} {fb.rambling.details}")
        tally.add("hard_fillers_exact", fb.fillers.hard == labels["hard_fillers"], item_id,
                  f"got {fb.fillers.hard}, labelled {labels['hard_fillers']}")
        if labels.get("soft_fillers") is not None:
            soft = [h.text for h in fb.fillers.hits if h.kind == "soft"]
            tally.add("soft_fillers_exact", fb.fillers.soft == labels["soft_fillers"], item_id,
                      f"got {fb.fillers.soft} {soft}, labelled {labels['soft_fillers']}")
        if labels.get("result_quantified") is not None and expected_star is not None:
            tally.add("result_quantified", fb.result_quantified == labels["result_quantified"], item_id,
                      f"got {fb.result_quantified} {fb.star.result.evidence}")
        if labels.get("length"):
            tally.add("length", fb.length.verdict == labels["length"], item_id, f"got {fb.length.verdict}")
    return tally


def table(tallies: dict[str, Tally]) -> str:
    """A plain-text table: one row per signal, one column per split."""
    names = list(tallies)
    lines = [f"{'signal':<20}" + "".join(f"{n:>17}" for n in names)]
    for signal in SIGNALS:
        cells = []
        for name in names:
            t = tallies[name]
            acc = t.accuracy(signal)
            cells.append(f"{'-':>17}" if acc is None else f"{acc:>7.1%} ({t.right[signal]:>3}/{t.total[signal]:<3})")
        lines.append(f"{signal:<20}" + "".join(cells))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--split", default="all", choices=[*SPLITS, "all"], help="which errors to list")
    args = parser.parse_args()
    items = load()
    tallies = {}
    for split in SPLITS:
        chosen = [i for i in items if i["split"] == split]
        tallies[f"{split} ({len(chosen)})"] = score(chosen)
    tallies[f"all ({len(items)})"] = score(items)
    print(table(tallies))
    if args.errors:
        chosen = [i for i in items if args.split == "all" or i["split"] == args.split]
        print("\n".join(["", f"Disagreements ({args.split}):", *score(chosen).errors]))


if __name__ == "__main__":
    main()
