"""`mockint devices`: the microphones and speakers mockint can use, to pick one by name or number."""

from __future__ import annotations

import click
from rich.table import Table

from mockint.cli.common import console
from mockint.speech.devices import list_devices


@click.command()
def devices() -> None:
    """List audio input and output devices (use a name part or the number with --input-device/--output-device)."""
    found = list_devices()  # a DeviceError (no PortAudio) becomes one line in the CLI group
    out = console()
    if not found:
        out.print("No audio devices found: check that this machine has a microphone and speakers.")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("#", "name", "host API", "in", "out", "default"):
        table.add_column(column, justify="right" if column in ("#", "in", "out") else "left")
    for d in found:
        default = ", ".join(kind for kind, flag in (("input", d.default_input), ("output", d.default_output)) if flag)
        table.add_row(str(d.index), d.name, d.hostapi, str(d.input_channels), str(d.output_channels), default)
    out.print(table)
    out.print("[dim]Choose with --input-device/--output-device NAME-PART or NUMBER.[/]")
