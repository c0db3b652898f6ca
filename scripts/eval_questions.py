#!/usr/bin/env python3
"""Blind rating of the questions candidates see: generate them, make a shuffled sheet, report the ratings.

  generate  plan sessions for every job title of a titles file (with and without its first-round
            notes) and save every question with where it came from (bank, tailored, llm, template),
            the model and the planner version. `--code DIR` runs the planner of another checkout
            (e.g. a worktree at an older commit) for a before/after comparison.
  sheet     mix one or more generated files, shuffle them, and write the rater's sheet (job title,
            notes, question: nothing about where it came from), an empty ratings file to fill in,
            and the key that maps each item back to its source (the rater does not open it).
  report    read the key and the filled-in ratings and print rates per version, source and model,
            and the issue's targets.

See tests/data/question_eval/README.md for how to rate and the exact commands.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import random
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "question_eval"
RATING_COLUMNS = ["item", "grammatical", "fits_job", "second_round", "verbatim", "incoherent", "probes_struggle", "comment"]
YES = {"y", "yes", "1", "true"}


def load_planner(code: Path):
    """The planner, role matcher and model loader of the checkout at `code` (this one by default)."""
    sys.path.insert(0, str(code))
    for name in [m for m in sys.modules if m == "mockint" or m.startswith("mockint.")]:
        del sys.modules[name]
    planner = importlib.import_module("mockint.questions.planner")
    roles = importlib.import_module("mockint.roles")
    llm = importlib.import_module("mockint.llm")
    return planner.QuestionPlanner, roles.resolve_role, llm.load_model


def generate(args) -> int:
    """Plan a session per title, without and with notes, and save every question with its origin."""
    QuestionPlanner, resolve_role, load_model = load_planner(args.code.resolve())
    if args.llm_url:  # the model an OpenAI-compatible server serves (MOCKINT_LLM_SERVER_MODEL picks one)
        from mockint.llm.server import ServerModel
        llm = ServerModel(args.llm_url, model=os.environ.get("MOCKINT_LLM_SERVER_MODEL"))
        llm.warm_up()
        model = llm.name
    else:
        llm = load_model(args.model) if args.model else None
        model = args.model.name if args.model else "none"
    cases = [json.loads(line) for line in args.titles.read_text().splitlines() if line.strip()]
    numbered = list(enumerate(cases))[args.offset::args.stride]
    if args.limit:
        numbered = numbered[: args.limit]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    with args.out.open("w") as out:
        for number, case in numbered:
            for with_notes in ([False, True] if not args.notes_only else [True]):
                notes = case["notes"] if with_notes else None
                match = resolve_role(case["title"])
                planner = QuestionPlanner(match, notes, llm, rng=random.Random(number))
                session = []
                for position, question in enumerate(planner.questions(args.count), 1):
                    session.append({
                        "case": case["id"], "title": case["title"], "notes": notes or "", "position": position,
                        "text": question.text, "kind": question.kind.value, "source": question.source,
                        "family": match.role.key, "model": model, "version": args.version,
                    })
                # Written a session at a time, so a slow run stopped early keeps what it finished.
                out.write("".join(json.dumps(row) + "\n" for row in session))
                out.flush()
                rows.extend(session)
                print(f"{case['id']} {'notes' if with_notes else 'no notes'}: {args.count} questions", file=sys.stderr)
    print(f"wrote {len(rows)} questions to {args.out}", file=sys.stderr)
    return 0


def sheet(args) -> int:
    """Shuffle generated questions into a sheet with their origin hidden, plus an empty ratings file and the key."""
    rows = [json.loads(line) for path in args.generated for line in path.read_text().splitlines() if line.strip()]
    # The same question from two versions or sessions is rated once; the key lists every origin.
    unique: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in rows:
        unique[(row["title"], row["notes"], row["text"])].append(row)
    items = list(unique.items())
    random.Random(args.seed).shuffle(items)
    out = args.dir
    out.mkdir(parents=True, exist_ok=True)
    with (out / "sheet.csv").open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["item", "job_title", "first_round_notes", "question"])
        for number, ((title, notes, text), _) in enumerate(items, 1):
            writer.writerow([f"q{number:03d}", title, notes, text])
    with (out / "key.jsonl").open("w") as fh:
        for number, (_, origins) in enumerate(items, 1):
            fh.write(json.dumps({"item": f"q{number:03d}", "origins": [
                {k: o[k] for k in ("version", "model", "source", "kind", "family", "case", "position")}
                for o in origins]}) + "\n")
    ratings = out / "ratings.csv"
    if not ratings.exists() or args.force:
        with ratings.open("w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(RATING_COLUMNS)
            for number in range(1, len(items) + 1):
                writer.writerow([f"q{number:03d}"] + [""] * (len(RATING_COLUMNS) - 1))
    print(f"wrote {len(items)} items to {out / 'sheet.csv'}, the key to {out / 'key.jsonl'}, "
          f"and an empty {ratings.name}", file=sys.stderr)
    return 0


def rate(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.0%} ({sum(values)}/{len(values)})" if values else "n/a"


def report(args) -> int:
    """Rates per version, source and model from the filled-in ratings, and the issue's targets."""
    key = {row["item"]: row["origins"] for row in map(json.loads, (args.dir / "key.jsonl").read_text().splitlines())}
    with (args.dir / "ratings.csv").open() as fh:
        ratings = {r["item"]: r for r in csv.DictReader(fh) if (r.get("verbatim") or "").strip()}
    if not ratings:
        print(f"No ratings yet in {args.dir / 'ratings.csv'}: fill in the 'verbatim' column (y/n) and the others.")
        return 1
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for item, rating in ratings.items():
        for origin in key[item]:
            groups[(origin["version"], origin["model"], origin["source"])].append(rating | {"kind": origin["kind"]})
            groups[(origin["version"], origin["model"], "all")].append(rating | {"kind": origin["kind"]})
    yes = lambda r, col: (r.get(col) or "").strip().lower() in YES  # noqa: E731
    print(f"{'version':8} {'model':36} {'source':9} {'n':>4}  {'verbatim':>14} {'incoherent':>12} "
          f"{'fits job':>14} {'2nd round':>14} {'probes struggle':>16}")
    for (version, model, source), rows in sorted(groups.items()):
        probes = [yes(r, "probes_struggle") for r in rows if r["kind"] == "first_round"]
        print(f"{version:8} {model:36} {source:9} {len(rows):4}  {rate([yes(r, 'verbatim') for r in rows]):>14} "
              f"{rate([yes(r, 'incoherent') for r in rows]):>12} {rate([yes(r, 'fits_job') for r in rows]):>14} "
              f"{rate([yes(r, 'second_round') for r in rows]):>14} {rate(probes):>16}")
    print("\nTargets (issue 9): all questions >= 90% verbatim and none incoherent; model-written or "
          "model-tailored >= 85% verbatim; notes probes >= 80% sensible and aimed at the struggle.")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate", help="plan sessions and save every question with its origin")
    g.add_argument("--titles", type=Path, default=DATA / "titles_and_notes.jsonl")
    g.add_argument("--model", type=Path, help="a GGUF file (default: no model, bank and templates only)")
    g.add_argument("--llm-url", help="an OpenAI-compatible server's URL instead of a GGUF (e.g. http://127.0.0.1:11434/v1)")
    g.add_argument("--code", type=Path, default=REPO, help="the checkout whose planner to run (default: this one)")
    g.add_argument("--version", default="after", help="a label for the planner version, e.g. before or after")
    g.add_argument("--count", type=int, default=5, help="questions per session")
    g.add_argument("--offset", type=int, default=0, help="start at title N (to split a slow run)")
    g.add_argument("--stride", type=int, default=1, help="take every Nth title from the offset (to split a slow run)")
    g.add_argument("--limit", type=int, help="only N titles")
    g.add_argument("--notes-only", action="store_true", help="only the sessions with notes")
    g.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("sheet", help="shuffle generated questions into a blind sheet")
    s.add_argument("generated", type=Path, nargs="+")
    s.add_argument("--dir", type=Path, default=DATA / "blind")
    s.add_argument("--seed", type=int, default=9)
    s.add_argument("--force", action="store_true", help="overwrite an existing ratings file")
    r = sub.add_parser("report", help="rates per version, source and model from the ratings")
    r.add_argument("--dir", type=Path, default=DATA / "blind")
    args = parser.parse_args()
    return {"generate": generate, "sheet": sheet, "report": report}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
