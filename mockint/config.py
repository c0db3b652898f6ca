"""Where things live and which models and devices to use: one place, documented defaults.

Precedence for every setting: command-line option > environment variable
(`MOCKINT_<NAME>`, e.g. MOCKINT_SPEECH_RATE=150) > `config.toml` in the data directory
> the default here. Values are type-checked wherever they come from, so a typo in the
config file is one clear line, not a crash halfway through a session.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from platformdirs import user_data_dir
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from mockint.errors import UserError

REPO_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "MOCKINT_"

# The embedded defaults fetched by scripts/fetch_models.py (see models/README.md).
DEFAULT_LLM_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_WHISPER_DIR = "whisper-tiny.en"


def default_threads() -> int:
    """CPU threads for a model: all cores up to four (more adds little on a laptop and starves the UI)."""
    return max(1, min(4, os.cpu_count() or 2))


def home_dir() -> Path:
    """The user data directory: $MOCKINT_HOME, else the platform's user data directory."""
    env = os.environ.get("MOCKINT_HOME")
    return Path(env).expanduser() if env else Path(user_data_dir("mockint", appauthor=False))


def models_dir() -> Path:
    """Where model files are looked for: $MOCKINT_MODELS, else models/ in the repository."""
    return Path(os.environ.get("MOCKINT_MODELS") or REPO_ROOT / "models").expanduser()


def prompts_dir() -> Path:
    """Role files and LLM prompt templates (data, not code)."""
    return Path(os.environ.get("MOCKINT_PROMPTS") or REPO_ROOT / "prompts")


class Settings(BaseModel):
    """User-adjustable settings; each can be set in config.toml or as MOCKINT_<NAME> in the environment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    llm_model: str | None = Field(None, description="path to a GGUF; None = pick from models/")
    whisper_model: str | None = Field(None, description="a CTranslate2 Whisper folder; None = embedded tiny.en")
    llm_threads: int = Field(default_factory=default_threads, ge=1, le=64)
    # A bigger model through any OpenAI-compatible server (Ollama, LM Studio, llama.cpp's server, vLLM).
    # Nothing is sent anywhere unless this is set; the GGUF above stands in if the server fails.
    llm_url: str | None = Field(None, description="e.g. http://127.0.0.1:11434/v1; None = only the local GGUF")
    llm_server_model: str | None = Field(None, description="the model to ask the server for; None = the first listed")
    llm_api_key: SecretStr | None = Field(None, description="sent as a Bearer token, for servers that want one")
    llm_api: Literal["auto", "completions", "chat"] = Field(
        "auto", description="auto = completions, or chat on a server without a completions endpoint")
    # Generous: the first answer of a session may include the server loading a 7B model and reading
    # the whole prompt on a CPU, and it is written while the candidate answers. A dead server costs it once.
    llm_timeout_seconds: float = Field(120.0, gt=0, le=600, description="longest one server answer may take")
    voice: str | None = Field(None, description="TTS voice id or part of its name; None = system default")
    speech_rate: int = Field(170, ge=60, le=400, description="words per minute for the spoken questions")
    input_device: str | None = Field(None, description="microphone: name part or index (see mockint devices)")
    output_device: str | None = Field(None, description="speaker: name part or index")
    # Silence after speech that ends an answer. A little over the 2 s that the feedback calls
    # a long pause, so such a pause is heard and reported instead of cutting the candidate off.
    end_silence_seconds: float = Field(2.5, gt=0, le=30)
    max_answer_seconds: float = Field(240.0, gt=0, description="a hard stop for one answer")
    no_speech_timeout_seconds: float = Field(20.0, gt=0, description="give up if the candidate never starts")

    @field_validator("llm_url")
    @classmethod
    def _check_llm_url(cls, value: str | None) -> str | None:
        from mockint.llm.urls import normalise_url

        return normalise_url(value) if value else None

    @classmethod
    def load(cls) -> "Settings":
        """config.toml ($MOCKINT_CONFIG overrides its path), then MOCKINT_<NAME> variables on top."""
        path = Path(os.environ.get("MOCKINT_CONFIG") or home_dir() / "config.toml")
        values: dict = {}
        if path.is_file():
            try:
                values = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise UserError(f"Cannot read the config file {path}: {exc}. Fix or delete it.") from None
            unknown = sorted(set(values) - set(cls.model_fields))
            if unknown:
                raise UserError(f"Unknown setting '{unknown[0]}' in {path}. "
                                f"Known settings: {', '.join(cls.model_fields)}.")
        source = f"{path} or the environment" if values else "the environment"
        for name in cls.model_fields:
            env = os.environ.get(ENV_PREFIX + name.upper())
            if env is not None and env.strip():
                values[name] = env.strip()
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            error = exc.errors()[0]
            name = ".".join(str(part) for part in error["loc"])
            message = error["msg"].removeprefix("Value error, ")  # pydantic's label for a validator's own message
            raise UserError(f"The setting '{name}' in {source} is not valid: {message}.") from None


def find_llm_model(explicit: str | None = None, settings: Settings | None = None) -> Path:
    """The GGUF to use: --model, else MOCKINT_LLM_MODEL or config, else a GGUF dropped in models/, else the default.

    A GGUF the user added to models/ wins over the embedded default, because someone who
    drops in a bigger model wants it used; the largest one is taken if there are several.
    MOCKINT_MODEL is the older name of MOCKINT_LLM_MODEL and still works.
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
    """The CTranslate2 Whisper folder to use: option, MOCKINT_WHISPER_MODEL or config, else the embedded tiny.en."""
    settings = settings or Settings()
    chosen = explicit or os.environ.get("MOCKINT_WHISPER") or settings.whisper_model
    return Path(chosen).expanduser() if chosen else models_dir() / DEFAULT_WHISPER_DIR
