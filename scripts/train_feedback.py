"""Fit the feedback's learned models: STAR by clause, and rambling by answer (mockint/feedback/weights/).

Usage:
  .venv/bin/python scripts/train_feedback.py        # choose the settings by cross-validation, fit, write

The labels are in tests/data/feedback_eval: each answer's STAR parts and rambling verdict, and, in
star_clauses.jsonl, which of its clauses tell each STAR part (labelled by hand, clause by clause,
within the answer's own labels). The blind sets (unseen_2, unseen_3 and the on-question and
talking-point sets) are never read here.

Settings (the L2 penalty and, per head, the threshold) are chosen by cross-validation that holds
out whole answers, 5 folds by 3 shuffles, scored as the feedback uses the verdict (an answer has
a STAR part when a clause reaches the threshold). They are chosen on the held-out answers of the
sets the rules were never tuned on (FRESH_SETS), because those are the answers like the ones
a candidate gives; the table of every setting is printed. The heads are then fitted on all the
training sets. STAR is fitted first: rambling reads STAR as the feedback will.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mockint.domain import STAR_PARTS, QuestionKind, Transcript  # noqa: E402
from mockint.feedback import learned_rambling, learned_star  # noqa: E402
from mockint.feedback.analyze import analyze, resolve_kind  # noqa: E402
from mockint.feedback.fillers import find_fillers  # noqa: E402
from mockint.feedback.linear import WEIGHTS_DIR, fit_logistic, load_heads  # noqa: E402
from mockint.feedback.meaning import shared_encoder  # noqa: E402
from mockint.feedback.rambling import SIGNALS, Facts, weigh_signals  # noqa: E402
from mockint.feedback.star import label_parts, read_units  # noqa: E402
from mockint.feedback.thresholds import RAMBLING_MIN_WORDS  # noqa: E402
from mockint.text import split_sentences, word_count  # noqa: E402

EVAL_DIR = ROOT / "tests" / "data" / "feedback_eval"
CLAUSE_LABELS = EVAL_DIR / "star_clauses.jsonl"
TRAINING_SETS = ("answers", "dev_styles", "dev_styles_2", "unseen") + tuple(f"train_{k}" for k in range(1, 7))
# Written after the rules were tuned, and never tuned on by hand: the settings are chosen on these.
FRESH_SETS = ("unseen",) + tuple(f"train_{k}" for k in range(1, 7))
STAR_L2 = (30.0, 100.0, 300.0)
RAMBLING_L2 = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)
FOLDS, SHUFFLES = 5, 3


def read_set(name: str) -> list[dict]:
    return [json.loads(line) for line in (EVAL_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def star_examples(encoder) -> list[dict]:
    """Every STAR answer with clause labels: its clauses' feature rows, their labels, the answer's labels."""
    clause_labels = {}
    for line in CLAUSE_LABELS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        clause_labels[(record["set"], record["id"])] = record["clauses"]
    examples = []
    for name in TRAINING_SETS:
        for item in read_set(name):
            star = item["labels"].get("star")
            if not star or (name, item["id"]) not in clause_labels:
                continue
            units = read_units(item["answer"], find_fillers(item["answer"]))
            labelled = clause_labels[(name, item["id"])]
            if [u.clause.text for u in units] != [c["text"] for c in labelled]:
                print(f"skipped {name}/{item['id']}: its clauses are cut differently now", file=sys.stderr)
                continue
            label_parts(units)
            examples.append({"set": name, "x": learned_star.clause_features(units, encoder),
                             "y": np.array([[p in c["parts"] for p in STAR_PARTS] for c in labelled], dtype=float),
                             "answer": np.array([star[p] for p in STAR_PARTS], dtype=bool)})
    return examples


def rambling_examples(encoder) -> list[dict]:
    """Every answer labelled for rambling: its answer-level features (STAR read by the fitted STAR model)."""
    examples = []
    for name in TRAINING_SETS:
        for item in read_set(name):
            label = item["labels"].get("is_rambling")
            if label is None:
                continue
            text, question = item["answer"], item.get("question")
            kind = resolve_kind(question, QuestionKind(item["kind"]) if item.get("kind") else None)
            feedback = analyze(Transcript(text=text), question, kind, encoder=encoder)
            facts = Facts(text=text, sentences=split_sentences(text), units=read_units(text, find_fillers(text)),
                          fillers=feedback.fillers, star=feedback.star, kind=kind, word_count=word_count(text),
                          too_long=feedback.length.verdict == "too_long", question=question)
            verdict = weigh_signals(facts)
            features = learned_rambling.answer_features(facts, verdict, SIGNALS, encoder)
            examples.append({"set": name, "x": features, "y": np.array([[float(label)]]),
                             "answer": np.array([bool(label)]), "rules": np.array([verdict.is_rambling]),
                             "eligible": facts.word_count >= RAMBLING_MIN_WORDS})
    return examples


def verdicts(head, example: dict) -> float:
    """The answer's highest probability (one row for rambling, one per clause for STAR)."""
    return float(head.probability(example["x"]).max()) if example.get("eligible", True) else 0.0


def choose(examples: list[dict], heads: list[str], l2_choices: tuple[float, ...]) -> tuple[float, list[float]]:
    """Cross-validate every L2 and threshold; print the table; return the L2 and per-head thresholds
    most accurate on the fresh sets' held-out answers."""
    fresh = [e["set"] in FRESH_SETS for e in examples]
    best: tuple[float, float, list[float]] = (-1.0, 0.0, [])
    for l2 in l2_choices:
        right = np.zeros((len(THRESHOLDS), len(heads)))
        count = 0
        for shuffle in range(SHUFFLES):
            order = np.random.default_rng(shuffle).permutation(len(examples))
            for fold in range(FOLDS):
                held = set(order[fold::FOLDS].tolist())
                train = [e for i, e in enumerate(examples) if i not in held and e.get("eligible", True)]
                features = np.vstack([e["x"] for e in train])
                for j in range(len(heads)):
                    head = fit_logistic(features, np.concatenate([e["y"][:, j] for e in train]), l2, 0.5)
                    for i in held:
                        if fresh[i]:
                            chance = verdicts(head, examples[i])
                            right[:, j] += [(chance >= t) == examples[i]["answer"][j] for t in THRESHOLDS]
                count += sum(fresh[i] for i in held)
        accuracy = right / count
        picks = [THRESHOLDS[int(np.argmax(accuracy[:, j]))] for j in range(len(heads))]
        overall = float(np.mean(accuracy.max(0)))
        rows = "  ".join(f"t={t}: {accuracy[k].round(3).tolist()}" for k, t in enumerate(THRESHOLDS))
        print(f"  l2={l2:<5} {rows}  best {overall:.4f}", flush=True)
        if overall > best[0]:
            best = (overall, l2, picks)
    return best[1], best[2]


def fit_and_write(name: str, examples: list[dict], heads: list[str], l2_choices: tuple[float, ...],
                  rules_accuracy: Callable[[dict], np.ndarray]) -> None:
    """Choose the settings, fit every head on all the examples, and write weights/<name>.json."""
    fresh = [e for e in examples if e["set"] in FRESH_SETS]
    rules = sum(rules_accuracy(e) for e in fresh) / len(fresh)
    print(f"{name}: {len(examples)} answers; the rules alone on the fresh sets ({len(fresh)}): {rules.round(3).tolist()}")
    l2, picks = choose(examples, heads, l2_choices)
    train = [e for e in examples if e.get("eligible", True)]
    features = np.vstack([e["x"] for e in train])
    fitted = {head: fit_logistic(features, np.concatenate([e["y"][:, j] for e in train]), l2, picks[j]).to_json()
              for j, head in enumerate(heads)}
    WEIGHTS_DIR.mkdir(exist_ok=True)
    out = WEIGHTS_DIR / f"{name}.json"
    out.write_text(json.dumps({"fitted": date.today().isoformat(), "sets": list(TRAINING_SETS),
                               "answers": len(examples), "rows": int(len(features)), "l2": l2,
                               "thresholds": dict(zip(heads, picks)), "heads": fitted}) + "\n", encoding="utf-8")
    load_heads.cache_clear()
    print(f"  chose l2={l2}, thresholds {dict(zip(heads, picks))}; wrote {out.relative_to(ROOT)}")


def main() -> None:
    encoder = shared_encoder()
    if encoder is None:
        sys.exit("The sentence model is not installed: run scripts/setup.sh first.")
    fit_and_write(learned_star.MODEL_NAME, star_examples(encoder), list(STAR_PARTS), STAR_L2,
                  lambda e: (e["x"][:, learned_star.RULE_PARTS].max(0) > 0) == e["answer"])
    fit_and_write(learned_rambling.MODEL_NAME, rambling_examples(encoder), ["rambling"], RAMBLING_L2,
                  lambda e: e["rules"] == e["answer"])


if __name__ == "__main__":
    main()
