"""Accuracy of the feedback analyzer on the hand-labelled sets in tests/data/feedback_eval.

Usage: .venv/bin/python scripts/eval_feedback.py [--errors SET] [--blind] [--words-only] [--no-star]
Prints the signal table for answers.jsonl by split (dev, holdout, fresh, all),
dev_styles.jsonl and dev_styles_2.jsonl, then agreement on "did it address the question"
(on_question_dev.jsonl, on_question_dev_2.jsonl, oq_train_1-5.jsonl; a pair from a mock
interview sees the interview's earlier questions) and on talking points (talking_points.jsonl
split dev, talking_points_dev_2.jsonl, tp_train_1-2.jsonl). With --blind also the blind sets
(unseen_2-5.jsonl, on_question.jsonl and on_question_2-5.jsonl, talking points split eval,
talking_points_2-4.jsonl): tables only, their items and per-item errors are never printed.
--no-star skips the STAR, rambling and filler table (the slow part). --errors SET lists every disagreement in a tuning set.
--words-only: no sentence vectors: STAR and rambling by the rules alone, talking points by shared
words alone, as before the learned models and the sentence model came.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from mockint.domain import STAR_PARTS, QuestionKind, Transcript
from mockint.feedback import analyze

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "feedback_eval"
EVAL_SET = EVAL_DIR / "answers.jsonl"
# dev: used to tune the rules; holdout: looked at once, after tuning; fresh: written after
# tuning and labelled before the analyzer ever ran on it.
SPLITS = ("dev", "holdout", "fresh")
# Sets beside answers.jsonl: written in the blind set's styles (for tuning), and the blind set.
# unseen (the first blind set, spent) and train_1-6 are what the learned models are fitted on.
TUNING_SETS = {name: EVAL_DIR / f"{name}.jsonl"
               for name in ("dev_styles", "dev_styles_2", "unseen", *(f"train_{k}" for k in range(1, 10)))}
BLIND_SETS = {name: EVAL_DIR / f"{name}.jsonl" for name in ("unseen_2", "unseen_3", "unseen_4", "unseen_5")}
ON_QUESTION = {"on_question_dev": EVAL_DIR / "on_question_dev.jsonl",
               "on_question_dev_2": EVAL_DIR / "on_question_dev_2.jsonl",
               "on_question": EVAL_DIR / "on_question.jsonl",
               "on_question_2": EVAL_DIR / "on_question_2.jsonl",
               "on_question_3": EVAL_DIR / "on_question_3.jsonl",
               "on_question_4": EVAL_DIR / "on_question_4.jsonl",
               "on_question_5": EVAL_DIR / "on_question_5.jsonl",
               # written at stop 43, each by a helper who saw no code, and committed before anything ran on them
               "on_question_6": EVAL_DIR / "on_question_6.jsonl",
               "on_question_7": EVAL_DIR / "on_question_7.jsonl",
               # answers to first-round probes (stop 33): the first was tuned on once, the second held out
               "on_question_probes": EVAL_DIR / "on_question_probes.jsonl",
               "on_question_probes_2": EVAL_DIR / "on_question_probes_2.jsonl",
               **{f"oq_train_{k}": EVAL_DIR / f"oq_train_{k}.jsonl" for k in range(1, 6)}}
TALKING_POINTS = EVAL_DIR / "talking_points.jsonl"
TALKING_POINTS_DEV_2 = EVAL_DIR / "talking_points_dev_2.jsonl"  # a tuning set, every item split "dev"
TALKING_POINTS_2 = EVAL_DIR / "talking_points_2.jsonl"  # blind, every item split "blind"
TALKING_POINTS_3 = EVAL_DIR / "talking_points_3.jsonl"  # blind, every item split "blind"
TALKING_POINTS_4 = EVAL_DIR / "talking_points_4.jsonl"  # blind, every item split "blind"
TALKING_POINTS_TRAIN = (EVAL_DIR / "tp_train_1.jsonl", EVAL_DIR / "tp_train_2.jsonl")  # tuning, split "train"
BLIND_NAMES = {"unseen_2", "unseen_3", "unseen_4", "unseen_5",
               "on_question", "on_question_2", "on_question_3", "on_question_4", "on_question_5", "on_question_6",
               "on_question_7", "on_question_probes_2",
               "talking_points_eval", "talking_points_2", "talking_points_3", "talking_points_4"}
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


def score(items: list[dict], meaning: bool = True) -> Tally:
    """Run the analyzer on each answer and compare every labelled signal."""
    tally = Tally()
    for item in items:
        labels, item_id = item["labels"], item["id"]
        kind = QuestionKind(item["kind"]) if item["kind"] else None
        fb = analyze(Transcript(text=item["answer"]), question=item["question"], kind=kind, encoder=meaning)
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
    width = max(18, *(len(n) + 2 for n in names))
    lines = [f"{'signal':<20}" + "".join(f"{n:>{width}}" for n in names)]
    for signal in SIGNALS:
        cells = []
        for name in names:
            t = tallies[name]
            acc = t.accuracy(signal)
            cell = "-" if acc is None else f"{acc:>7.1%} ({t.right[signal]:>3}/{t.total[signal]:<3})"
            cells.append(f"{cell:>{width}}")
        lines.append(f"{signal:<20}" + "".join(cells))
    return "\n".join(lines)


def score_on_question(items: list[dict], meaning: bool = True) -> Tally:
    """Agreement on whether each answer addressed its question; a pair from a mock interview is
    judged, as in a session, knowing the interview's questions asked before it."""
    tally = Tally(right={"addresses_question": 0}, total={"addresses_question": 0})
    for item in items:
        interview = item.get("interview") or []
        earlier = interview[:interview.index(item["question"])] if item["question"] in interview else []
        fb = analyze(Transcript(text=item["answer"]), question=item["question"], encoder=meaning,
                     earlier_questions=earlier)
        got = fb.on_question.addressed if fb.on_question else True
        tally.add("addresses_question", got == item["labels"]["addresses_question"], item["id"],
                  f"got {got} (missed: {fb.on_question.missed if fb.on_question else None}), "
                  f"labelled missed: {item['labels']['missed']}")
    return tally


def score_talking_points(items: list[dict], meaning: bool = True) -> Tally:
    """Agreement, point by point, on whether the answer covered each talking point."""
    tally = Tally(right={"points_covered": 0}, total={"points_covered": 0})
    for item in items:
        fb = analyze(Transcript(text=item["answer"]), question=item["question"], talking_points=item["talking_points"],
                     encoder=meaning)
        for point in fb.talking_points:
            labelled = item["labels"]["covered"].get(point.point)
            tally.add("points_covered", point.covered == (labelled is not None), item["id"],
                      f"{point.point!r}: got {point.sentence!r}, labelled {labelled!r}")
    return tally


def small_table(title: str, signal: str, tallies: dict[str, Tally]) -> str:
    """One row: the signal's agreement on each set."""
    cells = "".join(f"{name:>24}: {t.accuracy(signal):.1%} ({t.right[signal]}/{t.total[signal]})"
                    for name, t in tallies.items() if t.total[signal])
    return f"{title:<20}{cells}"


def tuning_sets() -> dict[str, list[dict]]:
    """Every set the rules may be tuned on: answers.jsonl by split, and the style sets present."""
    items = load()
    sets = {split: [i for i in items if i["split"] == split] for split in SPLITS}
    sets["all"] = items
    sets.update({name: load(path) for name, path in TUNING_SETS.items() if path.is_file()})
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", metavar="SET", help="list every disagreement in a tuning set "
                        "(dev, holdout, fresh, all, dev_styles, dev_styles_2, on_question_dev, "
                        "on_question_dev_2, talking_points_dev, talking_points_dev_2)")
    parser.add_argument("--blind", action="store_true", help="also score the blind set (table only)")
    parser.add_argument("--words-only", action="store_true", help="no sentence vectors: the word cues and rules alone")
    parser.add_argument("--no-star", action="store_true", help="skip the STAR, rambling and filler sets (slow)")
    args = parser.parse_args()
    sets = {} if args.no_star else tuning_sets()
    if args.blind and not args.no_star:
        sets.update({name: load(path) for name, path in BLIND_SETS.items()})
    tallies = {f"{name} ({len(items)})": score(items, not args.words_only) for name, items in sets.items()}
    if tallies:
        print(table(tallies))
    question_sets = {name: load(path) for name, path in ON_QUESTION.items()
                     if path.is_file() and (args.blind or name not in BLIND_NAMES)}
    question_tallies = {name: score_on_question(items, not args.words_only) for name, items in question_sets.items()}
    print(small_table("addresses_question", "addresses_question", question_tallies))
    points = load(TALKING_POINTS) if TALKING_POINTS.is_file() else []
    point_sets = {"talking_points_dev": [i for i in points if i["split"] == "dev"]}
    if TALKING_POINTS_DEV_2.is_file():
        point_sets["talking_points_dev_2"] = load(TALKING_POINTS_DEV_2)
    point_sets["tp_train"] = [i for path in TALKING_POINTS_TRAIN if path.is_file() for i in load(path)]
    if args.blind:
        point_sets["talking_points_eval"] = [i for i in points if i["split"] == "eval"]
        for name, path in (("talking_points_2", TALKING_POINTS_2), ("talking_points_3", TALKING_POINTS_3),
                           ("talking_points_4", TALKING_POINTS_4)):
            if path.is_file():
                point_sets[name] = load(path)
    point_tallies = {name: score_talking_points(items, not args.words_only) for name, items in point_sets.items() if items}
    print(small_table("talking_points", "points_covered", point_tallies))
    if args.errors:
        every = {**tallies_by_name(sets), **question_tallies, **point_tallies}
        if args.errors not in every or args.errors in BLIND_NAMES:
            raise SystemExit(f"--errors: choose a tuning set: {', '.join(s for s in every if s not in BLIND_NAMES)}")
        print("\n".join(["", f"Disagreements ({args.errors}):", *every[args.errors].errors]))


def tallies_by_name(sets: dict[str, list[dict]]) -> dict[str, Tally]:
    """The signal tallies of the tuning sets, by set name (blind sets left out)."""
    return {name: score(items) for name, items in sets.items() if name not in BLIND_NAMES}


if __name__ == "__main__":
    main()
