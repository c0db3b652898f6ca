"""Where things live and which models and devices to use: one place, documented defaults.

Precedence for every setting: command-line option > environment variable >
`config.toml` in the data directory > the default here.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from mockint.errors import UserError

REPO_ROOT = Path(__file__).resolve().parent.parent

# The embedded defaults fetched by scripts/fetch_models.py (see models/README.md).
DEFAULT_LLM_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_WHISPER_DIR = "whisper-tiny.en"


def home_dir() -> Path:
    """The user data directory: $MOCKINT_HOME, else the platform's user data directory."""
    env = os.environ.get("MOCKINT_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("mockint", appauthor=False))


def models_dir() -> Path:
    """Where model files are looked for: $MOCKINT_MODELS, else models/ in the repository."""
    return Path(os.environ.get("MOCKINT_MODELS") or REPO_ROOT / "models").expanduser()


def prompts_dir() -> Path:
    """Role files and LLM prompt templates (data, not code)."""
    return Path(os.environ.get("MOCKINT_PROMPTS") or REPO_ROOT / "prompts")


@dataclass
class Settings:
    """User-adjustable settings; every field can be set in config.toml."""

    llm_model: str | None = None  # path to a GGUF; None = pick from models/
    whisper_model: str | None = None  # path to a CTranslate2 Whisper folder; None = embedded tiny.en
    llm_threads: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 2)))
    voice: str | None = None  # TTS voice id or name substring; None = system default
    speech_rate: int = 170  # words per minute for the spoken questions
    input_device: str | None = None  # sounddevice name substring or index
    output_device: str | None = None
    # Silence after speech that ends an answer. A little over the 2 s that the feedback calls
    # a long pause, so such a pause is heard and reported instead of cutting the candidate off.
    end_silence_seconds: float = 2.5
    max_answer_seconds: float = 240.0  # a hard stop for one answer
    no_speech_timeout_seconds: float = 20.0  # give up if the candidate never starts

    @classmethod
    def load(cls) -> "Settings":
        """Read config.toml from the data directory ($MOCKINT_CONFIG overrides the path)."""
        path = Path(os.environ.get("MOCKINT_CONFIG") or home_dir() / "config.toml")
        settings = cls()
        if not path.is_file():
            return settings
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise UserError(f"Cannot read the config file {path}: {exc}. Fix or delete it.") from None
        known = {f.name for f in fields(cls)}
        for key, value in data.items():
            if key not in known:
                raise UserError(f"Unknown setting '{key}' in {path}. Known settings: {', '.join(sorted(known))}.")
            setattr(settings, key, value)
        return settings


def find_llm_model(explicit: str | None = None, settings: Settings | None = None) -> Path:
    """The GGUF to use: --model, else config, else a GGUF the user dropped in models/, else the default.

    A GGUF the user added to models/ wins over the embedded default, because someone who
    drops in a bigger model wants it used; the largest one is taken if there are several.
    """
    settings = settings or Settings()
    chosen = explicit or os.environ.get("MOCKINT_MODEL") or settings.llm_model
    if chosen:
        return Path(chosen).expanduser()
    folder = models_dir()
    extra = [p for p in folder.glob("*.gguf") if p.name != DEFAULT_LLM_FILE] if folder.is_dir() else []
    if extra:
        return max(extra, key=lambda p: p.stat().st_size)
    return folder / DEFAULT_LLM_FILE


def find_whisper_model(explicit: str | None = None, settings: Settings | None = None) -> Path:
    """The CTranslate2 Whisper folder to use: option, config, else the embedded tiny.en."""
    settings = settings or Settings()
    chosen = explicit or os.environ.get("MOCKINT_WHISPER") or settings.whisper_model
    return Path(chosen).expanduser() if chosen else models_dir() / DEFAULT_WHISPER_DIR
