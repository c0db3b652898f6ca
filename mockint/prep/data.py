"""Loads the data files in prompts/prep (templates and lexicons, not code)."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from mockint.config import prompts_dir
from mockint.errors import UserError


def prep_data(name: str) -> dict:
    """A TOML file from prompts/prep as a dict; UserError naming the file if it is missing or broken."""
    path = prompts_dir() / "prep" / name
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        raise UserError(f"The data file {path} is missing. Restore it from the repository.") from None
    return _parse(path, stamp)


@functools.lru_cache(maxsize=32)
def _parse(path: Path, stamp: int) -> dict:
    """One data file, parsed once per version of the file (the stamp says which)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"The data file {path} is broken ({exc}). Restore it from the repository.") from None
