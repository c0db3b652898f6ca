"""Loads the prompt and question templates in prompts/templates (data, not code)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from string import Template

from mockint.config import prompts_dir
from mockint.errors import UserError


def _read(name: str) -> str:
    path = prompts_dir() / "templates" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Cannot read the template {path}: {exc.strerror}. Restore it from the repository.") from None


@lru_cache(maxsize=None)
def toml_template(name: str) -> dict:
    """A TOML template file as a dict."""
    try:
        return tomllib.loads(_read(name))
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"The template prompts/templates/{name} is not valid TOML: {exc}.") from None


@lru_cache(maxsize=None)
def text_template(name: str) -> Template:
    """A text template with $placeholders."""
    return Template(_read(name))
