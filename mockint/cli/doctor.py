"""`mockint doctor`: what mockint found (models, voice, devices, data folder) and how to fix the rest."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import asdict, dataclass

import click
from rich.table import Table

from mockint.cli.common import console, engines, llm_url_option, settings
from mockint.config import (Settings, checkout_root, home_dir, locate_llm_model, locate_sentence_model,
                            locate_whisper_model, prompts_location)
from mockint.errors import UserError
from mockint.feedback.meaning import encoder_in
from mockint.llm.llama import check_gguf
from mockint.questions.quotable import PIPELINE as PARSER_PACKAGE
from mockint.speech.devices import list_devices, match_device
from mockint.speech.tts import check_tts

FIX_MODELS = "run `mockint models fetch`" + (" (or scripts/setup.sh)" if checkout_root() else "")
FIX_PORTAUDIO = "Debian/Ubuntu: apt install libportaudio2 · macOS: brew install portaudio · Windows: included"
FIX_DEVICE = "plug in or enable one; `mockint devices` lists what is seen; text practice works without"
FIX_SERVER = ("start it (ollama serve · lms server start · llama-server -m MODEL.gguf · vllm serve MODEL) or correct "
              "llm_url; until then the local model writes the questions")
SERVER_SECONDS = 5.0  # listing models is instant on every server; doctor should not hang on one that is not
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
    """The GGUF that would write the questions, and where it was found."""
    found = locate_llm_model(None, config)
    try:
        path = check_gguf(found.path)
    except UserError as exc:
        return Check("question model (GGUF)", False, str(exc), f"{FIX_MODELS}, or pass --model with a .gguf file")
    return Check("question model (GGUF)", True, f"{path} ({path.stat().st_size / 1e6:.0f} MB), from {found.source}")


def check_prompts() -> Check:
    """The roles and templates: the checkout's prompts/, the copy installed with mockint, or $MOCKINT_PROMPTS."""
    found = prompts_location()
    roles = sorted((found.path / "roles").glob("*.toml"))
    if not roles:
        return Check("roles and templates", False, f"no role files in {found.path / 'roles'} (from {found.source})",
                     "unset MOCKINT_PROMPTS, or reinstall mockint")
    return Check("roles and templates", True, f"{found.path}, {len(roles)} roles, from {found.source}")


def check_server(config: Settings) -> Check:
    """The OpenAI-compatible server in llm_url, if one is set: reachable, and serving the model asked for."""
    if not config.llm_url:
        return Check("LLM server", True, "none set: the local model writes the questions "
                     "(a bigger one through Ollama, LM Studio, llama.cpp or vLLM: see the README)", essential=False)
    from mockint.llm.server import ServerError, ServerModel

    key = config.llm_api_key.get_secret_value() if config.llm_api_key else None
    server = ServerModel(config.llm_url, api_key=key, timeout=SERVER_SECONDS)
    try:
        listed = server.list_models(timeout=SERVER_SECONDS)
    except ServerError as exc:
        return Check("LLM server", False, f"{server.url} {exc}", FIX_SERVER, essential=False)
    finally:
        server.close()
    return server_verdict(server.url, config.llm_server_model, listed)


def server_verdict(url: str, wanted: str | None, listed: list[str]) -> Check:
    """Whether a reachable server serves the model mockint would ask for (the first listed, if none was named)."""
    if not listed:
        return Check("LLM server", False, f"{url} is up but lists no models",
                     "load one on the server (e.g. ollama pull qwen2.5:7b, or lms load MODEL)", essential=False)
    if wanted is None:
        more = f" (the first of {len(listed)}; choose one with llm_server_model)" if len(listed) > 1 else ""
        return Check("LLM server", True, f"{url} is up, serving {listed[0]}{more}", essential=False)
    if wanted in listed or f"{wanted}:latest" in listed:  # Ollama lists "qwen2.5" as "qwen2.5:latest"
        return Check("LLM server", True, f"{url} is up, serving {wanted}", essential=False)
    return Check("LLM server", False, f"{url} is up but does not list {wanted} (it lists {', '.join(listed[:5])})",
                 f"set llm_server_model to one it lists, or load {wanted} on the server (e.g. ollama pull {wanted})",
                 essential=False)


def check_module(module: str, name: str, fix: str, essential: bool = True) -> Check:
    """Whether a Python package is installed (without importing it)."""
    spec = importlib.util.find_spec(module)
    return Check(name, spec is not None, "installed" if spec else "not installed", "" if spec else fix, essential)


def check_whisper(config: Settings) -> Check:
    """The Whisper folder that would transcribe spoken answers, and where it was found."""
    found = locate_whisper_model(None, config)
    ok = (found.path / "model.bin").is_file() and (found.path / "config.json").is_file()
    return Check("speech-to-text model (Whisper)", ok, f"{found.path}, from {found.source}" if ok else
                 f"{found.path} ({found.source})",
                 "" if ok else f"{FIX_MODELS}, or set whisper_model to a CTranslate2 Whisper folder",
                 essential=False)


def check_sentence_model() -> Check:
    """The sentence-vector model that reads whether an answer is on the question and covers its points."""
    found = locate_sentence_model()
    there = (found.path / "model.safetensors").is_file()
    ok = there and encoder_in(found.path) is not None  # loads it (0.3 s): a damaged file shows here
    state = "" if ok else (" is damaged" if there else f" ({found.source})")
    return Check("sentence meaning model (MiniLM)", ok, f"{found.path}, from {found.source}" if ok else
                 f"{found.path}{state}: talking points are read by shared words only",
                 "" if ok else FIX_MODELS, essential=False)


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
@llm_url_option
def doctor(as_json, llm_url):
    """Check models, voice, audio devices and the data folder, and say how to fix what is missing."""
    config = settings()
    if llm_url:
        config.llm_url = llm_url
    checks = [
        check_home(),
        check_prompts(),
        check_llm(config),
        check_server(config),
        check_module("llama_cpp", "llama-cpp-python", "run scripts/setup.sh"),
        check_whisper(config),
        check_sentence_model(),
        check_module("faster_whisper", "faster-whisper", "run scripts/setup.sh", essential=False),
        # Follow-ups work without it, but may then say back a piece of the answer that is no clause (quotable.py).
        check_module(PARSER_PACKAGE, "follow-up parser (spaCy)", "run scripts/setup.sh", essential=False),
        check_voice(config),
        *check_devices(config),
    ]
    if as_json:
        click.echo(json.dumps([asdict(c) for c in checks], indent=2))
    else:
        # No borders and the fix under what was found: at 80 columns the text gets the room it needs.
        table = Table(title="mockint doctor", title_justify="left", box=None, padding=(0, 2, 0, 0))
        table.add_column("", no_wrap=True)
        table.add_column("check", max_width=22)
        table.add_column("found, and how to fix", overflow="fold")  # paths must show whole, not cut with an ellipsis
        for c in checks:
            table.add_row("[green]ok[/]" if c.ok else ("[red]missing[/]" if c.essential else "[yellow]missing[/]"),
                          c.name, c.found + (f"\n[bold]fix:[/] {c.fix}" if c.fix else ""))
        out = console()
        out.print(table)
        out.print("Ready for spoken practice." if all(c.ok for c in checks) else
                  "Text practice works when every essential check is ok; spoken practice needs all.")
    if not all(c.ok for c in checks if c.essential):
        raise SystemExit(1)
