"""Where things live and which models and devices to use: one place, documented defaults.

Precedence for every setting: command-line option > environment variable
(`MOCKINT_<NAME>`, e.g. MOCKINT_SPEECH_RATE=150) > `config.toml` in the data directory
> the default here. Values are type-checked wherever they come from, so a typo in the
config file is one clear line, not a crash halfway through a session.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from mockint.errors import UserError

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent  # the repository, when mockint runs from a checkout
ENV_PREFIX = "MOCKINT_"

# The embedded defaults that `mockint models fetch` gets (see mockint/models/sources.py).
DEFAULT_LLM_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_WHISPER_DIR = "whisper-tiny.en"
DEFAULT_SENTENCE_DIR = "all-MiniLM-L6-v2"  # sentence vectors for the feedback (feedback/meaning.py)


@dataclass(frozen=True)
class Found:
    """A path mockint uses and where it came from, so `mockint doctor` can say."""

    path: Path
    source: str


def default_threads() -> int:
    """CPU threads for a model: all cores up to four (more adds little on a laptop and starves the UI)."""
    return max(1, min(4, os.cpu_count() or 2))


def home_dir() -> Path:
    """The user data directory: $MOCKINT_HOME, else the platform's user data directory."""
    env = os.environ.get("MOCKINT_HOME")
    return Path(env).expanduser() if env else Path(user_data_dir("mockint", appauthor=False))


def checkout_root() -> Path | None:
    """The repository when mockint runs from a source checkout (not installed from a wheel), else None."""
    return REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() and (REPO_ROOT / "prompts").is_dir() else None


def prompts_location() -> Found:
    """Role files and LLM prompt templates: $MOCKINT_PROMPTS, else prompts/ in a checkout, else the wheel's copy."""
    env = os.environ.get("MOCKINT_PROMPTS")
    if env:
        return Found(Path(env).expanduser(), "MOCKINT_PROMPTS")
    root = checkout_root()
    if root:
        return Found(root / "prompts", "the checkout's prompts/")
    return Found(PACKAGE_DIR / "prompts", "the copy installed with mockint")


def prompts_dir() -> Path:
    """Role files and LLM prompt templates (data, not code)."""
    return prompts_location().path


def fetch_dir() -> Path:
    """Where `mockint models fetch` puts models: $MOCKINT_MODELS, else models/ in the user data directory."""
    env = os.environ.get("MOCKINT_MODELS")
    return Path(env).expanduser() if env else home_dir() / "models"


def model_folders() -> list[Found]:
    """The folders searched for models, in order: $MOCKINT_MODELS alone, else a checkout's models/, then fetch_dir()."""
    if os.environ.get("MOCKINT_MODELS"):
        return [Found(fetch_dir(), "MOCKINT_MODELS")]
    root = checkout_root()
    checkout = [Found(root / "models", "the checkout's models/")] if root else []
    return [*checkout, Found(fetch_dir(), "the user data folder")]


def models_dir() -> Path:
    """The first folder searched for models (a checkout's models/ when there is one)."""
    return model_folders()[0].path


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


def setting_source(name: str, env: str) -> str:
    """Whether a setting came from the environment (its variable) or from config.toml."""
    return env if os.environ.get(env, "").strip() else f"config.toml ({name})"


def named_model(explicit: str | None, option: str, older_env: str, setting: str, settings: Settings) -> Found | None:
    """A model the user named: the command-line option, the older variable, then the setting (environment or file)."""
    value = getattr(settings, setting)
    if explicit:
        return Found(Path(explicit).expanduser(), option)
    if os.environ.get(older_env):
        return Found(Path(os.environ[older_env]).expanduser(), older_env)
    if value:
        return Found(Path(value).expanduser(), setting_source(setting, ENV_PREFIX + setting.upper()))
    return None


def locate_llm_model(explicit: str | None = None, settings: Settings | None = None) -> Found:
    """The GGUF to use and where it was found.

    Order: --model, then MOCKINT_MODEL (the older name) or MOCKINT_LLM_MODEL, then llm_model
    in config.toml, then the model folders (model_folders()). In a folder, a GGUF the user
    added wins over the embedded default, because someone who drops in a bigger model wants
    it used; the largest is taken if there are several. With nothing found, the path
    `mockint models fetch` would create, so the error names it.
    """
    named = named_model(explicit, "--model", "MOCKINT_MODEL", "llm_model", settings or Settings())
    if named:
        return named
    for folder in model_folders():
        ggufs = sorted(folder.path.glob("*.gguf")) if folder.path.is_dir() else []
        added = [p for p in ggufs if p.name != DEFAULT_LLM_FILE]
        if added:
            return Found(max(added, key=lambda p: p.stat().st_size), folder.source)
        if ggufs:
            return Found(ggufs[0], folder.source)
    return Found(model_folders()[-1].path / DEFAULT_LLM_FILE, "not found")


def locate_whisper_model(explicit: str | None = None, settings: Settings | None = None) -> Found:
    """The CTranslate2 Whisper folder to use and where it was found (the same order as the GGUF)."""
    named = named_model(explicit, "given by the caller", "MOCKINT_WHISPER", "whisper_model", settings or Settings())
    if named:
        return named
    for folder in model_folders():
        if (folder.path / DEFAULT_WHISPER_DIR / "model.bin").is_file():
            return Found(folder.path / DEFAULT_WHISPER_DIR, folder.source)
    return Found(model_folders()[-1].path / DEFAULT_WHISPER_DIR, "not found")


def locate_sentence_model() -> Found:
    """The sentence-vector model folder (all-MiniLM-L6-v2) and where it was found, searched like Whisper's."""
    for folder in model_folders():
        if (folder.path / DEFAULT_SENTENCE_DIR / "model.safetensors").is_file():
            return Found(folder.path / DEFAULT_SENTENCE_DIR, folder.source)
    return Found(model_folders()[-1].path / DEFAULT_SENTENCE_DIR, "not found")


def find_llm_model(explicit: str | None = None, settings: Settings | None = None) -> Path:
    """The GGUF to use (see locate_llm_model for the order)."""
    return locate_llm_model(explicit, settings).path


def find_whisper_model(explicit: str | None = None, settings: Settings | None = None) -> Path:
    """The CTranslate2 Whisper folder to use (see locate_whisper_model for the order)."""
    return locate_whisper_model(explicit, settings).path
