"""llama.cpp (llama-cpp-python) backend for any GGUF model file."""

from __future__ import annotations

import os
import time
from pathlib import Path

from mockint.errors import ModelError
from mockint.llm.base import Completion, LanguageModel

GGUF_MAGIC = b"GGUF"


def check_gguf(path: Path) -> Path:
    """Fail with one clear line unless `path` is a readable GGUF file."""
    if not path.exists():
        raise ModelError(
            f"Model file not found: {path}. Run `mockint models fetch` to fetch the default model, "
            "or pass --model with the path of a .gguf file."
        )
    if not path.is_file():
        raise ModelError(f"Model path is not a file: {path}. Pass the path of a .gguf file.")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ModelError(f"Cannot read the model file {path}: {exc.strerror}.") from None
    if magic != GGUF_MAGIC:
        raise ModelError(f"Not a GGUF model file: {path}. mockint needs a llama.cpp .gguf model.")
    return path


class LlamaModel(LanguageModel):
    """A GGUF model run on the CPU by llama.cpp, loaded on first use."""

    def __init__(self, path: str | os.PathLike, threads: int | None = None, n_ctx: int = 2048):
        self.path = check_gguf(Path(path).expanduser())
        self.name = self.path.name
        self.threads = threads or max(1, min(4, os.cpu_count() or 2))
        self.n_ctx = n_ctx
        self._llama = None

    def _load(self):
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise ModelError(
                    "llama-cpp-python is not installed in this environment: run scripts/setup.sh."
                ) from None
            try:
                self._llama = Llama(
                    model_path=str(self.path),
                    n_ctx=self.n_ctx,
                    n_threads=self.threads,
                    n_batch=512,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as exc:
                raise ModelError(f"llama.cpp could not load {self.path}: {exc}. Is the file complete?") from None
        return self._llama

    def warm_up(self) -> None:
        self._load()

    def complete(self, prompt, *, max_tokens=64, temperature=0.8, stop=("\n",), seed=None) -> Completion:
        llama = self._load()
        if seed is not None:
            llama.set_seed(seed)
        started = time.perf_counter()
        result = llama.create_completion(
            prompt,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=0.9,
            repeat_penalty=1.1,
            stop=list(stop),
        )
        seconds = time.perf_counter() - started
        return Completion(
            text=result["choices"][0]["text"],
            tokens=result["usage"]["completion_tokens"],
            seconds=seconds,
        )
