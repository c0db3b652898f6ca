"""`mockint roles`: the job families mockint knows (any other title maps to the nearest)."""

from __future__ import annotations

import json

import click
from rich.table import Table

from mockint.cli.common import console
from mockint.roles import list_roles


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def roles(as_json):
    """List the built-in roles (any other job title works too)."""
    all_roles = list_roles()
    if as_json:
        click.echo(json.dumps([
            {"key": r.key, "title": r.title, "competencies": r.competencies, "questions": len(r.bank)}
            for r in all_roles
        ], indent=2))
        return
    table = Table(title="Built-in roles (any other job title maps to the nearest)", title_justify="left")
    table.add_column("key")
    table.add_column("title")
    table.add_column("competencies")
    table.add_column("bank", justify="right")
    for r in all_roles:
        table.add_row(r.key, r.title, ", ".join(r.competencies), str(len(r.bank)))
    console().print(table)
