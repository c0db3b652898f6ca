"""Who may write freely: a server's model is sized by the name it is served under, and a small stand-in
that took over from a server mid-session only does what its own size allows."""

from __future__ import annotations

import pytest

from mockint.llm.base import Completion, LanguageModel
from mockint.llm.fallback import FallbackModel
from mockint.errors import ModelError
from mockint.questions.writer import can_tailor, can_write_freely, model_size


class Named(LanguageModel):
    """A model known only by its name, as a server's is; fails when told to."""

    def __init__(self, name: str, fails: bool = False):
        self.name, self.model_id, self.fails = name, name, fails

    def complete(self, prompt, **options) -> Completion:
        if self.fails:
            raise ModelError("is not reachable")
        return Completion(text=" What changed?")


@pytest.mark.parametrize("name, size", [
    ("qwen2.5:7b", 3_500_000_000),
    ("Llama-3.1-8B-Instruct", 4_000_000_000),
    ("phi3:3.8b", 1_900_000_000),
    ("/models/SmolLM2-135M-Instruct.Q4_1.gguf", 67_500_000),
    ("qwen2.5:0.5b", 250_000_000),
    ("mistral", None),
    ("gpt-4o", None),  # the 4 is a version, not a size
])
def test_a_servers_model_is_sized_by_the_parameters_its_name_states(name, size):
    assert model_size(Named(name)) == size


def test_big_and_unknown_servers_write_freely_small_ones_do_not():
    assert can_write_freely(Named("qwen2.5:7b")) and can_write_freely(Named("mistral"))
    assert not can_write_freely(Named("SmolLM2-135M-Instruct")) and not can_tailor(Named("SmolLM2-135M-Instruct"))
    assert not can_write_freely(Named("qwen2.5:1.5b")) and can_tailor(Named("qwen2.5:1.5b"))
    assert not can_write_freely(None)


def test_a_small_stand_in_does_not_inherit_the_servers_licence():
    model = FallbackModel(Named("qwen2.5:7b", fails=True), lambda: Named("SmolLM2-135M-Instruct"), warn=lambda _: None)
    assert can_write_freely(model)  # the server, until it fails
    model.complete("Q:")
    assert model.fault and not can_write_freely(model) and not can_tailor(model)


def test_with_no_stand_in_the_bank_writes():
    def no_model() -> LanguageModel:
        raise ModelError("no GGUF")

    model = FallbackModel(Named("qwen2.5:7b", fails=True), no_model, warn=lambda _: None)
    model.complete("Q:")
    assert not can_write_freely(model) and not can_tailor(model)
