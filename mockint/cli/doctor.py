"""`mockint doctor`: what mockint found (models, voice, devices, data folder) and how to fix the rest."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import asdict, dataclass

import click
from rich.table import Table

from mockint.cli.common import console, engines, settings
from mockint.config import Settings, find_llm_model, find_whisper_model, home_dir
from mockint.errors import UserError
from mockint.llm.llama import check_gguf
from mockint.speech.devices import list_devices, match_device
from mockint.speech.tts import check_tts

FIX_PORTAUDIO = "Debian/Ubuntu: apt install libportaudio2 · macOS: brew install portaudio · Windows: included"
FIX_DEVICE = "plug in or enable one; `mockint devices` lists what is seen; text practice works without"
FIX_VOICE = "Debian/Ubuntu: apt install espeak-ng · macOS: built in (NSSpeechSynthesizer) · Windows: built in (SAPI5)"


@dataclass
class Check:
    """One thing doctor looked at."""

    name: str
    ok: bool
    found: str
    fix: str = ""
    essential: bool = True  # text practice needs it; voice-only checks are not essential


def check_home() -> Check:
    """The data folder and its database (a damaged one is set aside and recovered here)."""
    try:
        store = engines().store(None)
    except UserError as exc:
        return Check("data folder", False, str(exc), f"set MOCKINT_HOME to a writable folder (now {home_dir()})")
    store.close()
    found = store.recovery.describe(store.path) if store.recovery else str(store.path)
    return Check("data folder", True, found)


def check_llm(config: Settings) -> Check:
    """The GGUF that would write the questions."""
    try:
        path = check_gguf(find_llm_model(None, config))
    except UserError as exc:
        return Check("question model (GGUF)", False, str(exc), "run scripts/setup.sh, or put a .gguf in models/")
    return Check("question model (GGUF)", True, f"{path} ({path.stat().st_size / 1e6:.0f} MB)")


def check_module(module: str, name: str, fix: str, essential: bool = True) -> Check:
    """Whether a Python package is installed (without importing it)."""
    spec = importlib.util.find_spec(module)
    return Check(name, spec is not None, "installed" if spec else "not installed", "" if spec else fix, essential)


def check_whisper(config: Settings) -> Check:
    """The Whisper folder that would transcribe spoken answers."""
    folder = find_whisper_model(None, config)
    ok = (folder / "model.bin").is_file() and (folder / "config.json").is_file()
    return Check("speech-to-text model (Whisper)", ok, str(folder),
                 "" if ok else "run scripts/setup.sh, or set whisper_model to a CTranslate2 Whisper folder",
                 essential=False)


def check_voice(config: Settings) -> Check:
    """Renders a word with the configured voice, so a bad voice setting shows up here."""
    problems = check_tts(config.voice)
    if problems:
        return Check("text-to-speech voice", False, problems[0], FIX_VOICE, essential=False)
    return Check("text-to-speech voice", True, f"speaks ({config.voice or 'system default voice'})", essential=False)


def check_devices(config: Settings) -> list[Check]:
    """The microphone and speaker mockint would use (the configured ones, else the defaults)."""
    try:
        devices = list_devices()
    except UserError as exc:
        return [Check("audio devices", False, str(exc), FIX_PORTAUDIO, False)]
    checks = []
    for name, kind, spec in (("microphone", "input", config.input_device), ("speaker", "output", config.output_device)):
        try:
            device = match_device(devices, spec, kind)
            checks.append(Check(name, True, f"{device.name} (#{device.index})", essential=False))
        except UserError as exc:
            checks.append(Check(name, False, str(exc), FIX_DEVICE, essential=False))
    return checks


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def doctor(as_json):
    """Check models, voice, audio devices and the data folder, and say how to fix what is missing."""
    config = settings()
    checks = [
        check_home(),
        check_llm(config),
        check_module("llama_cpp", "llama-cpp-python", "run scripts/setup.sh"),
        check_whisper(config),
        check_module("faster_whisper", "faster-whisper", "run scripts/setup.sh", essential=False),
        check_voice(config),
        *check_devices(config),
    ]
    if as_json:
        click.echo(json.dumps([asdict(c) for c in checks], indent=2))
    else:
        table = Table(title="mockint doctor", title_justify="left")
        table.add_column("")
        table.add_column("check")
        table.add_column("found", overflow="fold")  # paths must show whole, not cut with an ellipsis
        table.add_column("how to fix", overflow="fold")
        for c in checks:
            table.add_row("[green]ok[/]" if c.ok else ("[red]missing[/]" if c.essential else "[yellow]missing[/]"),
                          c.name, c.found, c.fix)
        out = console()
        out.print(table)
        out.print("Ready for spoken practice." if all(c.ok for c in checks) else
                  "Text practice works when every essential check is ok; spoken practice needs them all.")
    if not all(c.ok for c in checks if c.essential):
        raise SystemExit(1)
