"""`mockint roles`: the job families mockint knows (any other title maps to the nearest), and one in detail."""

from __future__ import annotations

import json
from collections import Counter

import click
from rich.markup import escape
from rich.table import Table

from mockint.cli.common import console
from mockint.domain import QuestionKind, Role
from mockint.roles import list_roles, load_role


@click.command()
@click.argument("key", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def roles(key, as_json):
    """List the job families, or show one (mockint roles KEY); any other job title maps to the nearest."""
    if key:
        return show_role(load_role(key), as_json)
    families = list_roles()
    if as_json:
        click.echo(json.dumps([
            {"key": r.key, "title": r.title, "competencies": r.competencies, "questions": len(r.bank)}
            for r in families
        ], indent=2))
        return
    out = console()
    out.print(f"[bold]{len(families)} job families[/] · any other job title is matched to the nearest")
    table = Table(box=None, pad_edge=False, show_header=True, header_style="dim")
    table.add_column("family", no_wrap=True)
    table.add_column("key", no_wrap=True, style="dim")
    table.add_column("questions", justify="right", no_wrap=True)
    for r in families:
        table.add_row(escape(r.title), r.key, str(len(r.bank)))
    out.print(table)
    out.print("[dim]Details: mockint roles KEY · practise: mockint practice --role TITLE[/]")


def show_role(role: Role, as_json: bool) -> None:
    """One family: what it covers, its competencies and how many questions of each kind it has."""
    kinds = Counter(q.kind for q in role.bank)
    if as_json:
        click.echo(json.dumps({**role.model_dump(mode="json", exclude={"bank"}), "questions": len(role.bank),
                               "by_kind": {k.value: kinds[k] for k in QuestionKind if kinds[k]}}, indent=2))
        return
    out = console()
    out.print(f"[bold]{escape(role.title)}[/] ({role.key}) · {len(role.bank)} questions: "
              + ", ".join(f"{kinds[k]} {k.value}" for k in QuestionKind if kinds[k]))
    if role.summary:
        out.print(escape(role.summary))
    out.print("\n[bold]Competencies a second round probes[/]")
    out.print(bullets(role.competencies))
    if role.second_round:
        out.print("\n[bold]What the second round digs into[/]")
        out.print(bullets(role.second_round))


def bullets(lines: list[str]) -> Table:
    """A bulleted list whose wrapped lines hang under their text, not under the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        grid.add_row("  •", escape(line))
    return grid
