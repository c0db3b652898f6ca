"""Reading mockint's data files under prompts/ (roles, templates, lexicons): one loader for all.

Data files are edited by hand, so each is parsed once per version of the file (its
modification stamp says which) and a broken one fails with one line naming it.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from string import Template

from mockint.config import prompts_dir
from mockint.errors import UserError


def data_path(*parts: str) -> Path:
    """The path of a data file under the prompts folder, e.g. data_path("prep", "ask.toml")."""
    return prompts_dir().joinpath(*parts)


def load_toml(path: Path) -> dict:
    """A TOML data file as a dict; UserError naming the file if it is missing or broken."""
    try:
        stat = path.stat()
    except OSError:
        raise UserError(f"The data file {path} is missing. Restore it from the repository.") from None
    return _parse_toml(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parse_toml(path: Path, mtime_ns: int, size: int) -> dict:
    """One TOML file, parsed once per version of the file (the stamp and size say which)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"The data file {path} is broken ({exc}). Fix it or restore it from the repository.") from None


def load_template(path: Path) -> Template:
    """A text template with $placeholders."""
    try:
        return Template(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"Cannot read the template {path} ({exc}). Restore it from the repository.") from None
