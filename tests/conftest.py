"""Shared fixtures: every test gets its own data folder, and the real embedded models."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockint.config import DEFAULT_LLM_FILE, DEFAULT_WHISPER_DIR, models_dir

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def mockint_home(tmp_path, monkeypatch) -> Path:
    """A fresh $MOCKINT_HOME per test, so tests never touch the user's sessions."""
    home = tmp_path / "mockint-home"
    monkeypatch.setenv("MOCKINT_HOME", str(home))
    monkeypatch.delenv("MOCKINT_MODEL", raising=False)
    monkeypatch.delenv("MOCKINT_CONFIG", raising=False)
    return home


@pytest.fixture(scope="session")
def embedded_llm_path() -> Path:
    """The embedded default GGUF; the set-up fetches it, so its absence is a failure, not a skip."""
    path = models_dir() / DEFAULT_LLM_FILE
    assert path.is_file(), f"{path} missing: run scripts/setup.sh"
    return path


@pytest.fixture(scope="session")
def embedded_llm(embedded_llm_path):
    """The real SmolLM2-135M model, loaded once for the whole test run."""
    from mockint.llm import load_model

    model = load_model(embedded_llm_path)
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def whisper_path() -> Path:
    path = models_dir() / DEFAULT_WHISPER_DIR
    assert (path / "model.bin").is_file(), f"{path} missing: run scripts/setup.sh"
    return path
