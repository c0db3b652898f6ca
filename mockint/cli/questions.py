"""`mockint questions`: what the interviewer would ask, without starting a session."""

from __future__ import annotations

import json
import random
import time

import click
from rich.markup import escape

from mockint.cli.common import console, engines, family_line, family_option, first_round_notes, llm_url_option, settings
from mockint.llm.fallback import credit_writer
from mockint.questions import QuestionPlanner
from mockint.roles import resolve_role


@click.command()
@click.option("--role", "role_text", required=True, help="The role, e.g. 'product manager' or any job title.")
@click.option("--notes", type=click.Path(dir_okay=False), help="Notes from your first round (a text file).")
@click.option("--debrief", "debrief_ref", metavar="ID|last",
              help="A saved first-round debrief, used like notes (see `mockint debrief`).")
@click.option("--count", "-n", default=5, show_default=True, type=click.IntRange(1, 50), help="How many questions.")
@click.option("--model", help="A GGUF model file (default: models/).")
@llm_url_option
@family_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--seed", type=int, hidden=True)
def questions(role_text, notes, debrief_ref, count, model, llm_url, family, as_json, seed):
    """Generate second-round questions for a role, without starting a session."""
    match = resolve_role(role_text, family)
    notes_text = first_round_notes(notes, debrief_ref)
    config = settings()
    if llm_url:
        config.llm_url = llm_url
    llm = engines().language_model(model, config)
    llm.warm_up()  # loads the model, or finds the server's, so the time below is the writing and the name is known
    model_name = llm.name
    planner = QuestionPlanner(match, notes_text, llm, rng=random.Random(seed))
    started = time.perf_counter()
    generated, first_seconds = [], None
    for question in credit_writer(planner.questions(count), llm):
        generated.append(question)
        first_seconds = first_seconds if first_seconds is not None else time.perf_counter() - started
    stats = planner.stats
    if as_json:
        click.echo(json.dumps({
            "role": match.title,
            "role_key": match.role.key,
            "family": {"key": match.role.key, "title": match.role.title, "exact": match.exact, "with_general": match.mixed,
                       "general_only": planner.doubted,
                       "also": [{"key": r.key, "title": r.title} for r in match.also]},
            "model": model_name,
            "questions": [q.model_dump(mode="json") for q in generated],
            "from_llm": stats.from_llm,
            "from_fallback": stats.from_fallback,
            "rejected": [{"text": r.text, "reason": r.reason} for r in stats.rejections],
            "seconds_to_first": round(first_seconds, 3),
        }, indent=2))
        return
    out = console()
    out.print(f"[bold]Second-round questions: {escape(match.title)}[/]")
    out.print(f"[dim]{escape(family_line(match, planner.doubted))}[/]")
    for i, q in enumerate(generated, 1):
        out.print(f"\n{i}. {escape(q.text)}")
        out.print(f"   [dim]{q.kind.value} · {q.competency} · {escape(q.reason)} · by {escape(q.model or q.source)}[/]")
    writers = " and ".join(dict.fromkeys(q.model for q in generated if q.model)) or model_name
    out.print(f"\n[dim]{stats.from_llm} written by {escape(writers)}, {stats.from_fallback} from the bank or templates; "
              f"{len(stats.rejections)} drafts rejected by the checker.[/]")
