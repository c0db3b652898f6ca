"""Whether a model on disk is intact: its sha256, remembered in a stamp so it is not re-hashed on every run."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

from mockint.models.progress import ProgressSink
from mockint.models.sources import ModelSource

CHUNK = 1 << 20


class State(str, Enum):
    """What is on disk for one model."""

    verified = "verified"
    missing = "missing"
    damaged = "damaged"  # present, but its sha256 is not the expected one


def chunks(fh: BinaryIO, progress: ProgressSink | None, task: Any) -> Iterator[bytes]:
    """A file's bytes in 1 MB pieces (models are 100 MB), advancing `task` on `progress` as they are read."""
    for chunk in iter(lambda: fh.read(CHUNK), b""):
        if progress is not None and task is not None:
            progress.advance(task, len(chunk))
        yield chunk


def sha256_of(path: Path, progress: ProgressSink | None = None, label: str = "") -> str:
    """The hex sha256 of a file, shown on `progress` if given."""
    digest = hashlib.sha256()
    task = progress.add_task(label or f"check {path.name}", total=path.stat().st_size) if progress else None
    with path.open("rb") as fh:
        for chunk in chunks(fh, progress, task):
            digest.update(chunk)
    if progress is not None:
        progress.remove_task(task)
    return digest.hexdigest()


def stamp_path(checked: Path) -> Path:
    """The stamp written beside a verified file: its sha256, newer than the file itself."""
    return checked.with_name(checked.name + ".sha256")


def write_stamp(source: ModelSource, folder: Path) -> None:
    """Remember that the model in `folder` was verified (a read-only folder just goes unstamped)."""
    try:
        stamp_path(source.checked_path(folder)).write_text(source.sha256 + "\n", encoding="utf-8")
    except OSError:
        pass


def has_fresh_stamp(checked: Path, sha256: str) -> bool:
    """Whether a stamp newer than the file says it was verified with this sha256."""
    stamp = stamp_path(checked)
    try:
        return stamp.stat().st_mtime >= checked.stat().st_mtime and stamp.read_text(encoding="utf-8").strip() == sha256
    except OSError:
        return False


def state_of(source: ModelSource, folder: Path, *, rehash: bool = False, progress: ProgressSink | None = None) -> State:
    """Whether `source` is in `folder` and intact; a fresh stamp saves hashing unless `rehash` is asked for."""
    checked = source.checked_path(folder)
    if not checked.is_file():
        return State.missing
    if not rehash and has_fresh_stamp(checked, source.sha256):
        return State.verified
    if sha256_of(checked, progress, f"check {source.name}") == source.sha256:
        write_stamp(source, folder)
        return State.verified
    stamp_path(checked).unlink(missing_ok=True)
    return State.damaged
