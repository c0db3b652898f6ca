"""How often a typed job title gets the family a hiring manager would give it, against hand labels.

Usage: python scripts/eval_role_matching.py [FILE.jsonl] [--errors]

FILE (default tests/data/question_eval/title_families.jsonl) holds one title per line,
{"id", "title", "family", "note"}, `family` a key of prompts/roles or "general" when no family's
questions would fit the job. Prints how many titles got their family, and how the rest went
wrong: a family title that fell to general, a family title sent to another family, or a title
no family covers that was given one anyway (its candidate then hears another job's questions).
--errors lists every miss.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mockint.roles import resolve_role  # noqa: E402

DEFAULT = ROOT / "tests/data/question_eval/title_families.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="list every title that got the wrong family")
    args = parser.parse_args(argv)
    try:
        rows = [json.loads(line) for line in args.file.read_text().splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as err:
        print(f"Cannot read {args.file}: {err}. Give a .jsonl of labelled titles.", file=sys.stderr)
        return 2
    outcomes: Counter[str] = Counter()
    misses = []
    for row in rows:
        got = resolve_role(row["title"]).role.key
        want = row["family"]
        if got == want:
            outcomes["right"] += 1
            continue
        if want == "general":
            outcomes["no family covers it, given one"] += 1
        elif got == "general":
            outcomes["a family's title, fell to general"] += 1
        else:
            outcomes["a family's title, sent to another family"] += 1
        misses.append((row["title"], want, got))
    print(f"right: {outcomes['right']}/{len(rows)} ({outcomes['right'] / len(rows):.0%})")
    for outcome, count in outcomes.most_common():
        if outcome != "right":
            print(f"  {outcome}: {count}")
    if args.errors:
        for title, want, got in misses:
            print(f"  {title!r}: labelled {want}, got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
