"""Recall and precision of `mockint followup --check` on hand-labelled follow-up drafts.

Usage: .venv/bin/python scripts/eval_followup.py [FILE.jsonl] [--errors] [--json]
Default FILE: tests/data/followup_eval/drafts_dev.jsonl (the set to tune on). Each line holds
`text`, `type` (thank_you | nudge), `meta` (interview_date, previous_message_date,
send_date) and `labels` (the problem categories; empty for a good draft).

Prints, per category and overall, how many labelled drafts the check caught (recall) and
how many of its flags of that kind were right (precision); then, per draft, how many bad
drafts were caught and how many good ones were flagged. --errors prints every miss and
false alarm: use it on the tuning set only, never on the blind one (drafts.jsonl).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from mockint.prep.followup_check import check_message
from mockint.prep.send_timing import SendDates

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "followup_eval"
DEV_SET = EVAL_DIR / "drafts_dev.jsonl"


def load(path: Path) -> list[dict]:
    """The labelled drafts of one file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dates_of(meta: dict) -> SendDates:
    """The draft's dates as the CLI would pass them."""
    day = lambda key: date.fromisoformat(meta[key]) if meta.get(key) else None  # noqa: E731
    return SendDates(interview=day("interview_date"), last_sent=day("previous_message_date"), send=day("send_date"))


def flagged_kinds(item: dict) -> set[str]:
    """The problem kinds the check raises on one draft (placeholders are not a category of the set)."""
    problems = check_message(item["text"], item["type"], dates_of(item.get("meta") or {}))
    return {p.kind for p in problems} - {"placeholder"}


def score(items: list[dict]) -> dict:
    """Per-category and per-draft counts, and the disagreements."""
    caught, labelled, raised = Counter(), Counter(), Counter()
    errors, drafts = [], Counter()
    for item in items:
        expected, got = set(item["labels"]), flagged_kinds(item)
        for kind in expected:
            labelled[kind] += 1
            caught[kind] += kind in got
        for kind in got:
            raised[kind] += 1
        bad = bool(expected)
        drafts["bad" if bad else "good"] += 1
        drafts["bad_caught" if bad and got else "good_flagged" if got else "clean"] += 1
        if expected != got:
            errors.append({"id": item["id"], "type": item["type"], "missed": sorted(expected - got),
                           "false": sorted(got - expected)})
    categories = {}
    for kind in sorted(set(labelled) | set(raised)):
        categories[kind] = {
            "labelled": labelled[kind], "caught": caught[kind], "raised": raised[kind],
            "recall": caught[kind] / labelled[kind] if labelled[kind] else None,
            "precision": caught[kind] / raised[kind] if raised[kind] else None,
        }
    total_caught, total_labelled, total_raised = sum(caught.values()), sum(labelled.values()), sum(raised.values())
    flagged = drafts["bad_caught"] + drafts["good_flagged"]
    overall = {
        "bad_drafts": drafts["bad"], "bad_caught": drafts["bad_caught"],
        "good_drafts": drafts["good"], "good_flagged": drafts["good_flagged"],
        "draft_recall": drafts["bad_caught"] / drafts["bad"] if drafts["bad"] else None,
        "draft_precision": drafts["bad_caught"] / flagged if flagged else None,
        "label_recall": total_caught / total_labelled if total_labelled else None,
        "label_precision": total_caught / total_raised if total_raised else None,
    }
    return {"categories": categories, "overall": overall, "errors": errors}


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def print_table(result: dict) -> None:
    """The per-category table and the per-draft summary, as Markdown."""
    print("| category | labelled | caught | flagged | recall | precision |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, c in result["categories"].items():
        print(f"| {kind} | {c['labelled']} | {c['caught']} | {c['raised']} | {_pct(c['recall'])} | "
              f"{_pct(c['precision'])} |")
    o = result["overall"]
    print(f"| all categories | | | | {_pct(o['label_recall'])} | {_pct(o['label_precision'])} |")
    print(f"\nBad drafts caught: {o['bad_caught']}/{o['bad_drafts']} ({_pct(o['draft_recall'])}); "
          f"good drafts flagged: {o['good_flagged']}/{o['good_drafts']}; "
          f"precision of a flag: {_pct(o['draft_precision'])}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEV_SET)
    parser.add_argument("--errors", action="store_true", help="print every disagreement (tuning set only)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"eval_followup: {args.file} does not exist.", file=sys.stderr)
        return 2
    result = score(load(args.file))
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if args.errors or k != "errors"}, indent=2))
        return 0
    print_table(result)
    if args.errors:
        print()
        for e in result["errors"]:
            print(f"{e['id']} ({e['type']}): missed {e['missed'] or '-'}; false {e['false'] or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
