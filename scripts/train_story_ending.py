"""Fit the missing-ending head (mockint/questions/ending_told.py) on the scripted follow-up sets.

Usage: python scripts/train_story_ending.py [--report-only]

Each labelled answer is one row (ending_told.ending_features) with y = 1 when its labelled gap is "result". Before
fitting, the sets are split into 8 folds and each fold is predicted by a head fitted on the others: that AUC, and how
many answers labelled "result" fall under the veto threshold (learned_gap.ENDING_TOLD_BELOW), are the honest figures.
Then the head is fitted on every set and written to mockint/feedback/weights/story_ending.json. Sets 65 and later are
only scored, never fitted on: 65-68 were rated blind before the head was made (their raters' comments were read while
making it), 69-72 were written after it.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

from mockint.domain import QuestionKind
from mockint.feedback.linear import WEIGHTS_DIR, fit_logistic
from mockint.feedback.meaning import shared_encoder
from mockint.questions.ending_told import MODEL_NAME, ending_features
from mockint.questions.learned_gap import ENDING_TOLD_BELOW

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests/data/question_eval"
TRAINING_SETS = ["follow_up_dev", "follow_up_cases"] + [f"follow_up_cases_{n}" for n in range(2, 65)]
SCORED_ONLY = [f"follow_up_cases_{n}" for n in range(65, 73)]
# L2 300 against 30, 100 and 1000, by the AUC held out by fold (stop 50: 0.890, 0.896, 0.900, 0.739).
L2 = 300.0
FOLDS = 8


def rows_of(names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, labels (1 for "result") and each row's set index, for the named sets."""
    encoder = shared_encoder()
    if encoder is None:
        sys.exit("train_story_ending: the sentence model is missing (models/all-MiniLM-L6-v2): run scripts/setup.sh")
    x, y, group = [], [], []
    for index, name in enumerate(names):
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            x.append(ending_features(QuestionKind(case["kind"]), case["answer"], encoder))
            y.append(float(case["labels"]["needs_follow_up"] and case["labels"]["gap"] == "result"))
            group.append(index)
    return np.stack(x), np.array(y), np.array(group)


def auc(chances: np.ndarray, labels: np.ndarray) -> float:
    """How often a "result" answer scores above another (ties count half)."""
    pos, neg = chances[labels == 1], chances[labels == 0]
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def main() -> None:
    x, y, group = rows_of(TRAINING_SETS)
    held_out = np.zeros(len(y))
    for fold in range(FOLDS):
        test = group % FOLDS == fold
        held_out[test] = fit_logistic(x[~test], y[~test], L2, 0.5).probability(x[test])
    vetoed = held_out < ENDING_TOLD_BELOW
    print(f"held out by fold ({len(y)} answers, {int(y.sum())} labelled result): AUC {auc(held_out, y):.3f}; "
          f"under {ENDING_TOLD_BELOW}: {int(vetoed.sum())} answers, {int(y[vetoed].sum())} of them labelled result")
    head = fit_logistic(x, y, L2, 0.5)
    later_x, later_y, _ = rows_of(SCORED_ONLY)
    later = head.probability(later_x)
    print(f"sets 65-72, never fitted on ({len(later_y)} answers): AUC {auc(later, later_y):.3f}; under "
          f"{ENDING_TOLD_BELOW}: {int((later < ENDING_TOLD_BELOW).sum())}, "
          f"{int(later_y[later < ENDING_TOLD_BELOW].sum())} of them labelled result")
    if "--report-only" in sys.argv:
        return
    out = WEIGHTS_DIR / f"{MODEL_NAME}.json"
    out.write_text(json.dumps({"fitted": date.today().isoformat(), "sets": TRAINING_SETS, "answers": len(y), "l2": L2,
                               "heads": {"ending_missing": head.to_json()}}) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
