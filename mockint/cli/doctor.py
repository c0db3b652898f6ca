"""`mockint doctor`: what mockint found (models, voice, devices, data folder) and how to fix the rest."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import asdict, dataclass

import click
from rich.table import Table

from mockint.cli.common import console


@dataclass
class Check:
    """One thing doctor looked at."""

    name: str
    ok: bool
    found: str
    fix: str = ""
    essential: bool = True  # text practice needs it; voice-only checks are not essential


def check_llm() -> Check:
    from mockint.config import Settings, find_llm_model
    from mockint.errors import UserError
    from mockint.llm.llama import check_gguf

    try:
        path = check_gguf(find_llm_model(None, Settings.load()))
    except UserError as exc:
        return Check("question model (GGUF)", False, str(exc), "run scripts/setup.sh, or put a .gguf in models/")
    size = path.stat().st_size / 1e6
    return Check("question model (GGUF)", True, f"{path} ({size:.0f} MB)")


def check_module(module: str, name: str, fix: str, essential: bool = True) -> Check:
    spec = importlib.util.find_spec(module)
    return Check(name, spec is not None, "installed" if spec else "not installed", "" if spec else fix, essential)


def check_whisper() -> Check:
    from mockint.config import Settings, find_whisper_model

    folder = find_whisper_model(None, Settings.load())
    ok = (folder / "model.bin").is_file() and (folder / "config.json").is_file()
    return Check("speech-to-text model (Whisper)", ok, str(folder),
                 "" if ok else "run scripts/setup.sh, or set whisper_model to a CTranslate2 Whisper folder",
                 essential=False)


def check_voice() -> Check:
    """Renders a word with the configured voice, so a bad voice setting shows up here."""
    from mockint.config import Settings
    from mockint.speech.tts import check_tts

    fix = "Debian/Ubuntu: apt install espeak-ng · macOS: built in (NSSpeechSynthesizer) · Windows: built in (SAPI5)"
    voice = Settings.load().voice
    problems = check_tts(voice)
    if problems:
        return Check("text-to-speech voice", False, problems[0], fix, essential=False)
    return Check("text-to-speech voice", True, f"speaks ({voice or 'system default voice'})", essential=False)


def check_devices() -> list[Check]:
    """The microphone and speaker mockint would use (the configured ones, else the defaults)."""
    from mockint.config import Settings
    from mockint.errors import UserError

    fix_pa = "Debian/Ubuntu: apt install libportaudio2 · macOS: brew install portaudio · Windows: included"
    fix_dev = "plug in or enable one; `mockint devices` lists what is seen; text practice works without"
    try:
        from mockint.speech.devices import list_devices, match_device

        devices = list_devices()
    except ImportError:
        return [Check("audio devices", False, "speech support is not installed", "run scripts/setup.sh", False)]
    except UserError as exc:
        return [Check("audio devices", False, str(exc), fix_pa, False)]
    settings = Settings.load()
    checks = []
    for name, kind, spec in (("microphone", "input", settings.input_device), ("speaker", "output", settings.output_device)):
        try:
            device = match_device(devices, spec, kind)
            checks.append(Check(name, True, f"{device.name} (#{device.index})", essential=False))
        except UserError as exc:
            checks.append(Check(name, False, str(exc), fix_dev, essential=False))
    return checks


def check_home() -> Check:
    from mockint.config import home_dir
    from mockint.errors import UserError
    from mockint.store import Store

    try:
        store = Store()
        store.close()
        return Check("data folder", True, str(store.path))
    except UserError as exc:
        return Check("data folder", False, str(exc), f"set MOCKINT_HOME to a writable folder (now {home_dir()})")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def doctor(as_json):
    """Check models, voice, audio devices and the data folder, and say how to fix what is missing."""
    checks = [
        check_home(),
        check_llm(),
        check_module("llama_cpp", "llama-cpp-python", "run scripts/setup.sh"),
        check_whisper(),
        check_module("faster_whisper", "faster-whisper", "run scripts/setup.sh", essential=False),
        check_voice(),
        *check_devices(),
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
        voice_ready = all(c.ok for c in checks)
        out.print("Ready for spoken practice." if voice_ready else
                  "Text practice works when every essential check is ok; spoken practice needs them all.")
    if not all(c.ok for c in checks if c.essential):
        raise SystemExit(1)
