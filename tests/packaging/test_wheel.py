"""The wheel carries the roles and templates, and mockint installed from it works outside the checkout.

The wheel is built offline (hatchling from the dev dependencies, no build isolation) and
installed with --target into a folder that is not a checkout; commands then run from a
folder outside the repository, with the models in the user data folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mockint.config import DEFAULT_LLM_FILE, DEFAULT_WHISPER_DIR

ROOT = Path(__file__).resolve().parents[2]
OFFLINE_PIP = {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def pip(*args: str, env: dict) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="hatchling comes with the dev dependencies: run scripts/setup.sh")
    out = tmp_path_factory.mktemp("dist")
    pip("wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(out), str(ROOT),
        env={**os.environ, **OFFLINE_PIP})
    (built,) = out.glob("mockint-*.whl")
    return built


def test_the_wheel_carries_every_prompt_file_as_it_is_in_the_repository(wheel):
    shipped = {p.relative_to(ROOT / "prompts").as_posix(): p.read_bytes()
               for p in (ROOT / "prompts").rglob("*") if p.is_file()}
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        packaged = {n.removeprefix("mockint/prompts/"): archive.read(n)
                    for n in names if n.startswith("mockint/prompts/")}
    assert len(shipped) > 40 and packaged == shipped
    assert "mockint/models/sources.py" in names and "mockint/cli/models.py" in names
    assert not [n for n in names if n.split("/")[0] in ("tests", "scripts", "models", "prompts")]


def test_installed_from_the_wheel_mockint_runs_from_anywhere(wheel, tmp_path, embedded_llm_path, whisper_path):
    site = tmp_path / "site-packages"
    pip("install", "--no-deps", "--target", str(site), str(wheel), env={**os.environ, **OFFLINE_PIP})
    home = tmp_path / "home"
    (home / "models").mkdir(parents=True)
    (home / "models" / DEFAULT_LLM_FILE).symlink_to(embedded_llm_path)
    (home / "models" / DEFAULT_WHISPER_DIR).symlink_to(whisper_path, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKINT_")}
    env.update(PYTHONPATH=str(site), MOCKINT_HOME=str(home))  # the installed copy, not this checkout's

    def mockint(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mockint", *args], capture_output=True, text=True, env=env,
                              cwd=tmp_path)

    roles = mockint("roles", "--json")
    assert roles.returncode == 0, roles.stderr
    assert len(json.loads(roles.stdout)) == len(list((ROOT / "prompts" / "roles").glob("*.toml")))
    doctor = mockint("doctor", "--json")
    checks = {c["name"]: c for c in json.loads(doctor.stdout)}
    assert checks["roles and templates"]["found"].startswith(str(site / "mockint" / "prompts"))
    assert checks["roles and templates"]["found"].endswith("from the copy installed with mockint")
    assert checks["question model (GGUF)"]["found"].endswith("from the user data folder")
    assert checks["speech-to-text model (Whisper)"]["found"].endswith("from the user data folder")
