"""Where models and prompts are looked for, in a checkout and installed, and what doctor, list and verify say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import mockint.config as config
from mockint.cli import cli
from mockint.config import (DEFAULT_LLM_FILE, DEFAULT_SENTENCE_DIR, DEFAULT_WHISPER_DIR, PACKAGE_DIR, Settings,
                            locate_llm_model, locate_whisper_model, model_folders, prompts_location)

REAL_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


def gguf(path: Path, size: int = 16) -> Path:
    """A file that passes the GGUF check (its magic), of a chosen size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"GGUF" + bytes(size))
    return path


def whisper(folder: Path) -> Path:
    path = folder / DEFAULT_WHISPER_DIR
    path.mkdir(parents=True, exist_ok=True)
    (path / "model.bin").write_bytes(b"weights")
    (path / "config.json").write_text("{}")
    return path


@pytest.fixture
def checkout(tmp_path, monkeypatch) -> Path:
    """mockint running from a checkout at tmp/checkout (pyproject.toml, prompts/, models/)."""
    root = tmp_path / "checkout"
    (root / "prompts").mkdir(parents=True)
    (root / "models").mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'mockint'\n")
    monkeypatch.setattr(config, "REPO_ROOT", root)
    monkeypatch.delenv("MOCKINT_MODELS", raising=False)
    monkeypatch.delenv("MOCKINT_PROMPTS", raising=False)
    return root


@pytest.fixture
def installed(tmp_path, monkeypatch) -> Path:
    """mockint installed from a wheel: its folder's parent is site-packages, not a checkout."""
    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.setattr(config, "REPO_ROOT", site)
    monkeypatch.delenv("MOCKINT_MODELS", raising=False)
    monkeypatch.delenv("MOCKINT_PROMPTS", raising=False)
    return site


def test_a_checkout_searches_its_models_then_the_user_data_folder(checkout, mockint_home, tmp_path, monkeypatch):
    user = mockint_home / "models"
    assert [(f.path, f.source) for f in model_folders()] == [
        (checkout / "models", "the checkout's models/"), (user, "the user data folder")]
    assert locate_llm_model() == config.Found(user / DEFAULT_LLM_FILE, "not found")

    gguf(user / DEFAULT_LLM_FILE)
    assert locate_llm_model() == config.Found(user / DEFAULT_LLM_FILE, "the user data folder")
    gguf(user / "bigger-3b.gguf", size=64)  # a model the user added wins over the default in its folder
    assert locate_llm_model() == config.Found(user / "bigger-3b.gguf", "the user data folder")
    gguf(checkout / "models" / DEFAULT_LLM_FILE)  # the checkout's folder comes first
    assert locate_llm_model() == config.Found(checkout / "models" / DEFAULT_LLM_FILE, "the checkout's models/")

    whisper(user)
    assert locate_whisper_model() == config.Found(user / DEFAULT_WHISPER_DIR, "the user data folder")
    whisper(checkout / "models")
    assert locate_whisper_model().source == "the checkout's models/"

    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("MOCKINT_MODELS", str(elsewhere))  # replaces the search, so its models are used or missed
    assert [f.path for f in model_folders()] == [elsewhere]
    assert locate_llm_model() == config.Found(elsewhere / DEFAULT_LLM_FILE, "not found")
    gguf(elsewhere / DEFAULT_LLM_FILE)
    assert locate_llm_model() == config.Found(elsewhere / DEFAULT_LLM_FILE, "MOCKINT_MODELS")


def test_a_named_model_comes_before_every_folder(checkout, mockint_home, monkeypatch, tmp_path):
    gguf(checkout / "models" / DEFAULT_LLM_FILE)
    mockint_home.mkdir(parents=True, exist_ok=True)
    (mockint_home / "config.toml").write_text(f'llm_model = "{tmp_path / "from-config.gguf"}"\n'
                                              f'whisper_model = "{tmp_path / "whisper-config"}"\n')
    assert locate_llm_model(settings=Settings.load()).source == "config.toml (llm_model)"
    assert locate_whisper_model(settings=Settings.load()).source == "config.toml (whisper_model)"
    monkeypatch.setenv("MOCKINT_LLM_MODEL", str(tmp_path / "from-env.gguf"))
    assert locate_llm_model(settings=Settings.load()) == config.Found(tmp_path / "from-env.gguf", "MOCKINT_LLM_MODEL")
    monkeypatch.setenv("MOCKINT_MODEL", str(tmp_path / "older-name.gguf"))
    assert locate_llm_model(settings=Settings.load()).source == "MOCKINT_MODEL"
    assert locate_llm_model("~/given.gguf", Settings.load()) == config.Found(Path.home() / "given.gguf", "--model")


def test_installed_mockint_uses_its_own_prompts_and_the_user_data_folder(installed, mockint_home, monkeypatch):
    assert config.checkout_root() is None
    assert [f.source for f in model_folders()] == ["the user data folder"]
    assert prompts_location() == config.Found(PACKAGE_DIR / "prompts", "the copy installed with mockint")
    monkeypatch.setenv("MOCKINT_PROMPTS", "/srv/my-prompts")
    assert prompts_location() == config.Found(Path("/srv/my-prompts"), "MOCKINT_PROMPTS")


def test_a_checkout_reads_its_own_prompts(checkout):
    assert prompts_location() == config.Found(checkout / "prompts", "the checkout's prompts/")


def link_real_models(folder: Path, embedded_llm_path: Path, whisper_path: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / DEFAULT_LLM_FILE).symlink_to(embedded_llm_path)
    (folder / DEFAULT_WHISPER_DIR).symlink_to(whisper_path, target_is_directory=True)
    sentence_model = whisper_path.parent / DEFAULT_SENTENCE_DIR  # the set-up fetches both into one folder
    assert (sentence_model / "model.safetensors").is_file(), f"{sentence_model} missing: run scripts/setup.sh"
    (folder / DEFAULT_SENTENCE_DIR).symlink_to(sentence_model, target_is_directory=True)


def test_doctor_says_where_each_model_and_the_prompts_were_found(installed, mockint_home, monkeypatch,
                                                                  embedded_llm_path, whisper_path):
    link_real_models(mockint_home / "models", embedded_llm_path, whisper_path)
    monkeypatch.setenv("MOCKINT_PROMPTS", str(REAL_PROMPTS))
    result = CliRunner().invoke(cli, ["doctor", "--json"])
    checks = {c["name"]: c for c in json.loads(result.output)}
    llm, stt, prompts = (checks[name] for name in
                         ("question model (GGUF)", "speech-to-text model (Whisper)", "roles and templates"))
    assert llm["ok"] and llm["found"].endswith("(98 MB), from the user data folder")
    assert llm["found"].startswith(str(mockint_home / "models" / DEFAULT_LLM_FILE))
    assert stt["ok"] and stt["found"] == f"{mockint_home / 'models' / DEFAULT_WHISPER_DIR}, from the user data folder"
    assert prompts["ok"] and prompts["found"].endswith("roles, from MOCKINT_PROMPTS")
    meaning = checks["sentence meaning model (MiniLM)"]
    assert meaning["ok"] and meaning["found"] == f"{mockint_home / 'models' / DEFAULT_SENTENCE_DIR}, from the user data folder"


def test_doctor_says_a_damaged_sentence_model_is_damaged(installed, mockint_home, monkeypatch):
    folder = mockint_home / "models" / DEFAULT_SENTENCE_DIR
    folder.mkdir(parents=True)
    (folder / "model.safetensors").write_bytes(b"\x00" * 4)  # cut short
    (folder / "tokenizer.json").write_text("{}")
    monkeypatch.setenv("MOCKINT_PROMPTS", str(REAL_PROMPTS))
    checks = {c["name"]: c for c in json.loads(CliRunner().invoke(cli, ["doctor", "--json"]).output)}
    meaning = checks["sentence meaning model (MiniLM)"]
    assert not meaning["ok"] and meaning["found"] == f"{folder} is damaged: talking points are read by shared words only"
    assert meaning["fix"].startswith("run `mockint models fetch`")


def test_doctor_without_models_says_to_fetch_them(installed, monkeypatch):
    monkeypatch.setenv("MOCKINT_PROMPTS", str(REAL_PROMPTS))
    result = CliRunner().invoke(cli, ["doctor", "--json"])
    checks = {c["name"]: c for c in json.loads(result.output)}
    assert result.exit_code == 1
    assert not checks["question model (GGUF)"]["ok"]
    assert checks["question model (GGUF)"]["fix"].startswith("run `mockint models fetch`")
    assert checks["speech-to-text model (Whisper)"]["fix"].startswith("run `mockint models fetch`")


def test_list_and_verify_check_the_real_models(installed, mockint_home, embedded_llm_path, whisper_path):
    link_real_models(mockint_home / "models", embedded_llm_path, whisper_path)
    listed = CliRunner().invoke(cli, ["models", "list", "--json"])
    states = {m["name"]: (m["state"], m["folder"], m["where"]) for m in json.loads(listed.output)}
    folder = str(mockint_home / "models")
    assert states == {"smollm2-135m": ("verified", folder, "the user data folder"),
                      "whisper-tiny.en": ("verified", folder, "the user data folder"),
                      "all-minilm-l6-v2": ("verified", folder, "the user data folder")}
    verified = CliRunner().invoke(cli, ["models", "verify"])
    assert verified.exit_code == 0, verified.output
    assert verified.output.count("verified") == 3


def test_verify_fails_on_a_damaged_or_missing_model(installed, mockint_home):
    gguf(mockint_home / "models" / DEFAULT_LLM_FILE)  # the right name, not the right file
    result = CliRunner().invoke(cli, ["models", "verify"])
    assert result.exit_code == 1
    assert "smollm2-135m       damaged" in result.output and "whisper-tiny.en    missing" in result.output
    assert result.output.strip().splitlines()[-1] == (
        "mockint: smollm2-135m, whisper-tiny.en, all-minilm-l6-v2: missing or damaged. Run `mockint models fetch` to fetch them again.")
