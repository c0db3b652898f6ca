"""How well the follow-ups pick the answer's gap, on scripted answers with labels; and a sheet to rate.

Usage: python scripts/eval_followups.py [FILE.jsonl] [--show] [--sheet] [--seed N]

Default FILE: tests/data/question_eval/follow_up_dev.jsonl (the set to tune on). Each line holds
`id`, `role`, `question`, `kind`, `answer` and `labels` {needs_follow_up, gap, anchor, good_follow_up},
gap one of result, own_part, decision, evidence, detail, none. Every answer goes through the real
analyzer (mockint.feedback.analyze) and the real chooser (mockint.questions.followups).

Prints, per labelled gap: how many answers, how often "needs a follow-up" was right, how often the
gap was right, and how many follow-ups named a clause of the answer. --show prints each answer's
follow-up (for the dev set: never run it on the evaluation set, follow_up_cases.jsonl).
--sheet writes, under tests/data/question_eval/followups_blind/ (or --sheet-dir), `sheet.csv` (item, role, question,
answer, follow_up or "(none)", in shuffled order), an empty `ratings.csv` for a separate rater
(item, names_content, right_gap, natural: y/n, comment) and `key.csv` (item to case id and the
chosen gap, for whoever reports the ratings; not for the rater). It will not overwrite ratings.
--ratings reports a filled-in ratings.csv in --sheet-dir (named and the right gap, rightly none).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mockint.domain import Question, QuestionKind, Transcript
from mockint.feedback.analyze import analyze
from mockint.questions.followups import choose_follow_up, chosen_gap
from mockint.questions.templates import toml_template

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests/data/question_eval/follow_up_dev.jsonl"
SHEET_DIR = ROOT / "tests/data/question_eval/followups_blind"
GAPS = ["result", "own_part", "decision", "evidence", "detail", "none"]


def run(cases: list[dict], seed: int) -> list[dict]:
    """Each case with the chooser's gap and follow-up added (`got_gap`, `follow_up`, `anchored`)."""
    unanchored = {wording["unanchored"] for wording in toml_template("follow_ups.toml").values()}
    out = []
    for n, case in enumerate(cases):
        question = Question(text=case["question"], kind=QuestionKind(case["kind"]))
        feedback = analyze(Transcript(text=case["answer"]), question.text, question.kind)
        follow = choose_follow_up(question, feedback, random.Random(seed + n))
        out.append({**case, "got_gap": chosen_gap(question, feedback) or "none",
                    "follow_up": follow.text if follow else None,
                    "anchored": bool(follow) and follow.text not in unanchored})
    return out


def report(results: list[dict]) -> None:
    """Per-gap agreement with the labels, then the totals."""
    rows = defaultdict(Counter)
    for r in results:
        want = r["labels"]["gap"]
        for key in (want, "all"):
            rows[key]["n"] += 1
            rows[key]["need_right"] += (r["follow_up"] is not None) == r["labels"]["needs_follow_up"]
            rows[key]["gap_right"] += r["got_gap"] == want
            rows[key]["asked"] += r["follow_up"] is not None
            rows[key]["anchored"] += r["anchored"]
    print(f"{'labelled gap':<13}{'n':>4}{'needs right':>13}{'gap right':>11}{'named a clause':>16}")
    for key in [g for g in GAPS if g in rows] + ["all"]:
        c = rows[key]
        named = f"{c['anchored']}/{c['asked']}" if c["asked"] else "-"
        print(f"{key:<13}{c['n']:>4}{c['need_right']:>8}/{c['n']:<4}{c['gap_right']:>6}/{c['n']:<4}{named:>16}")
    confusion = Counter((r["labels"]["gap"], r["got_gap"]) for r in results if r["labels"]["gap"] != r["got_gap"])
    if confusion:
        print("wrong gaps (labelled -> chosen): " + ", ".join(f"{a}->{b} x{n}" for (a, b), n in confusion.most_common()))


def write_sheet(results: list[dict], seed: int, sheet_dir: Path = SHEET_DIR) -> None:
    """The rater's sheet (shuffled, labels and chosen gaps hidden), an empty ratings file, and the key."""
    sheet_dir.mkdir(parents=True, exist_ok=True)
    ratings = sheet_dir / "ratings.csv"
    if ratings.exists() and any(row.get("names_content") for row in csv.DictReader(ratings.open())):
        sys.exit(f"{ratings} already holds ratings; move it away first.")
    order = list(results)
    random.Random(seed).shuffle(order)
    with (sheet_dir / "sheet.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["item", "role", "question", "answer", "follow_up"])
        for item, r in enumerate(order, 1):
            w.writerow([item, r["role"], r["question"], r["answer"], r["follow_up"] or "(none)"])
    with ratings.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["item", "names_content", "right_gap", "natural", "comment"])
        for item in range(1, len(order) + 1):
            w.writerow([item, "", "", "", ""])
    with (sheet_dir / "key.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["item", "case", "chosen_gap"])
        for item, r in enumerate(order, 1):
            w.writerow([item, r["id"], r["got_gap"]])
    print(f"wrote {sheet_dir / 'sheet.csv'}, {ratings} and {sheet_dir / 'key.csv'} ({len(order)} items)")


def report_ratings(sheet_dir: Path, cases: list[dict]) -> None:
    """A separate rater's verdicts (ratings.csv, read through key.csv): how many follow-ups named the
    answer and probed its right gap, and how many answers left alone deserved to be."""
    key = {r["item"]: r for r in csv.DictReader((sheet_dir / "key.csv").open())}
    rated = {r["item"]: r for r in csv.DictReader((sheet_dir / "ratings.csv").open())}
    by_id = {c["id"]: c for c in cases}
    asked = [i for i in key if key[i]["chosen_gap"] != "none"]
    left = [i for i in key if key[i]["chosen_gap"] == "none"]

    def yes(item: str, column: str) -> bool:
        return rated[item][column].strip().lower() == "y"

    both = sum(yes(i, "names_content") and yes(i, "right_gap") for i in asked)
    rightly_none = sum(yes(i, "right_gap") for i in left)
    print(f"follow-ups asked: {len(asked)}; names the answer's content: {sum(yes(i, 'names_content') for i in asked)}"
          f"/{len(asked)}; right gap: {sum(yes(i, 'right_gap') for i in asked)}/{len(asked)}; both: {both}/{len(asked)}; "
          f"natural: {sum(yes(i, 'natural') for i in asked)}/{len(asked)}")
    print(f"no follow-up: {len(left)}; rightly none: {rightly_none}/{len(left)}")
    print(f"all {len(key)} answers handled right (named and the right gap, or rightly none): {both + rightly_none}/{len(key)}")
    weak = [i for i in key if by_id[key[i]["case"]]["labels"]["gap"] != "none"]
    print(f"weak answers (the writer's labels) that got a follow-up: {sum(i in asked for i in weak)}/{len(weak)}; "
          f"strong answers left alone: {sum(i in left for i in key if i not in weak)}/{len(key) - len(weak)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEV))
    parser.add_argument("--show", action="store_true", help="print every follow-up (dev set only)")
    parser.add_argument("--sheet", action="store_true", help="write the blind sheet and an empty ratings file")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--sheet-dir", type=Path, default=SHEET_DIR, help="where --sheet writes (one folder per set)")
    parser.add_argument("--ratings", action="store_true", help="report the rater's verdicts in --sheet-dir instead")
    args = parser.parse_args(argv)
    path = Path(args.file)
    if not path.is_file():
        print(f"No such file: {path}. Give a .jsonl of labelled answers (see the docstring).", file=sys.stderr)
        return 2
    try:
        cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    except json.JSONDecodeError as err:
        print(f"{path} is not JSON lines ({err}); each line must be one labelled answer.", file=sys.stderr)
        return 2
    if args.ratings:
        report_ratings(args.sheet_dir, cases)
        return 0
    results = run(cases, args.seed)
    if args.show:
        for r in results:
            mark = "ok " if r["got_gap"] == r["labels"]["gap"] else "XX "
            print(f"{mark}{r['id']} [{r['labels']['gap']} -> {r['got_gap']}] {r['follow_up'] or '(none)'}")
    report(results)
    if args.sheet:
        write_sheet(results, args.seed, args.sheet_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
