"""Test doubles for the orchestrator's unit tests. Real-engine tests live beside them."""

from __future__ import annotations

from mockint.llm.base import Completion, LanguageModel


class ScriptedLLM(LanguageModel):
    """Replies with a fixed script of completions, in order, and records the prompts."""

    name = "scripted"

    def __init__(self, replies: list[str]):
        self.replies = list(replies)
        self.prompts: list[str] = []

    def complete(self, prompt, *, max_tokens=64, temperature=0.8, stop=("\n",), seed=None) -> Completion:
        self.prompts.append(prompt)
        text = self.replies.pop(0) if self.replies else ""
        return Completion(text=text, tokens=len(text.split()))
