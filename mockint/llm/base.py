"""The LanguageModel interface: plain text completion, which is all mockint needs."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass
class Completion:
    """A completion's text and what it cost, for benchmarks."""

    text: str
    tokens: int = 0
    seconds: float = 0.0


class LanguageModel(ABC):
    """A text-completion model. Implementations load lazily and are not thread-safe."""

    name: str = "model"

    @abstractmethod
    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int = 64,
        temperature: float = 0.8,
        stop: tuple[str, ...] = ("\n",),
        seed: int | None = None,
    ) -> Completion:
        """Continue `prompt` until a stop string or `max_tokens`."""

    def warm_up(self) -> None:
        """Load the weights now rather than on the first completion."""

    def writing_now(self) -> "LanguageModel | None":
        """The model whose text the next completion will be (a stand-in may have taken over); None: no model."""
        return self
