"""Helpers shared by the commands: the console, reading input files, opening engines."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from mockint.errors import UserError


def console() -> Console:
    """The console everything is printed to; plain text when output is piped."""
    return Console(highlight=False, soft_wrap=False)


def read_text_file(path: str | Path, what: str) -> str:
    """Read a UTF-8 text file the user named, failing with one clear line."""
    path = Path(path).expanduser()
    if not path.exists():
        raise UserError(f"The {what} file {path} does not exist.")
    if path.is_dir():
        raise UserError(f"The {what} path {path} is a folder; pass a text file.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"The {what} file {path} is not UTF-8 text. Save it as plain text and try again.") from None
    except OSError as exc:
        raise UserError(f"Cannot read the {what} file {path}: {exc.strerror}.") from None
    if not text.strip():
        raise UserError(f"The {what} file {path} is empty.")
    return text


def open_llm(model: str | None):
    """The local LLM the user chose (or the default), checked now and loaded on first use."""
    from mockint.config import Settings, find_llm_model
    from mockint.llm import load_model

    settings = Settings.load()
    return load_model(find_llm_model(model, settings), threads=settings.llm_threads)
