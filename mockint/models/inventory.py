"""Which known models are present in the model folders, where, and whether they are intact."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockint.config import Found
from mockint.errors import UserError
from mockint.models.integrity import State, state_of
from mockint.models.progress import ProgressSink
from mockint.models.sources import SOURCES, ModelSource


@dataclass(frozen=True)
class Installed:
    """One known model and what was found of it: the first searched folder that holds it."""

    source: ModelSource
    state: State
    folder: Path | None = None
    where: str = ""  # which folder that is, e.g. "the user data folder"


def find_installed(source: ModelSource, folders: list[Found], *, rehash: bool = False,
                   progress: ProgressSink | None = None) -> Installed:
    """The model as found in the first of `folders` that holds it (missing if none does)."""
    for folder in folders:
        if source.checked_path(folder.path).exists():
            state = state_of(source, folder.path, rehash=rehash, progress=progress)
            return Installed(source, state, folder.path, folder.source)
    return Installed(source, State.missing)


def choose_sources(names: tuple[str, ...] | list[str], everything: bool = False) -> list[ModelSource]:
    """The models named (all known ones with `everything`, else the defaults); UserError for an unknown name."""
    known = {source.name: source for source in SOURCES}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UserError(f"No model named '{unknown[0]}'. Known models: {', '.join(known)}.")
    if names:
        return [known[name] for name in names]
    return [source for source in SOURCES if everything or source.default]
