"""Local language models behind one narrow interface."""

from mockint.llm.base import Completion, LanguageModel

__all__ = ["Completion", "LanguageModel", "load_model"]


def load_model(path, threads: int | None = None) -> LanguageModel:
    """Open a GGUF model with llama.cpp; checked at once, loaded lazily on first use."""
    from mockint.llm.llama import LlamaModel

    return LlamaModel(path, threads=threads)
