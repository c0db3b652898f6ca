"""A model with a stand-in: the server's model while it answers, then the embedded model for good.

A session must not stop because a server went away. The first fault (not reachable, too
slow, an error, a reply that is not the OpenAI format) is said once on stderr, and that
completion and every later one come from the fallback; the server is not asked again, so
a dead server costs one timeout, not one per question. If the fallback cannot be loaded
either, completions come back empty and the planner takes the role's bank questions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from mockint.domain import Question
from mockint.errors import ModelError
from mockint.llm.base import Completion, LanguageModel

NO_MODEL = "none (the role's question bank)"


class FallbackModel(LanguageModel):
    """`primary` until its first fault, then the model `open_fallback` gives (or none)."""

    def __init__(self, primary: LanguageModel, open_fallback: Callable[[], LanguageModel],
                 warn: Callable[[str], None], what: str = "the LLM server"):
        self.primary = primary
        self._open_fallback = open_fallback
        self._fallback: LanguageModel | None = None
        self._fallback_problem: str | None = None
        self._warn = warn
        self.what = what
        self.fault: str | None = None  # why the primary was given up, once it was

    @property
    def name(self) -> str:
        """The model that writes now: the primary's until a fault, then the fallback's."""
        if self.fault is None:
            return self.primary.name
        return self._fallback.name if self._fallback is not None else NO_MODEL

    def writing_now(self) -> LanguageModel | None:
        """The primary until a fault, then the fallback (None when it could not be loaded)."""
        if self.fault is None:
            return self.primary
        return self._fallback.writing_now() if self._fallback is not None else None

    def _load_fallback(self) -> None:
        """Load the fallback now, once; a problem is kept to be told if the fallback is ever needed."""
        if self._fallback is None and self._fallback_problem is None:
            try:
                fallback = self._open_fallback()
                fallback.warm_up()
                self._fallback = fallback
            except ModelError as exc:
                self._fallback_problem = str(exc)

    def _give_up_primary(self, reason: str) -> None:
        self._load_fallback()
        self.fault = reason
        if self._fallback is not None:
            instead = f"questions come from {self._fallback.name} on this computer instead"
        else:
            instead = (f"the local model cannot stand in ({self._fallback_problem.rstrip('.')}), "
                       "so questions come from the role's question bank")
        self._warn(f"{self.what} {reason.rstrip('.')}; {instead}.")

    def warm_up(self) -> None:
        """Check the primary and load the fallback now, so a switch mid-session never loads a model.

        (Loading a GGUF silences the terminal for a moment; in the background it could swallow
        a line the candidate should see.)
        """
        if self.fault is None:
            try:
                self.primary.warm_up()
            except ModelError as exc:
                self._give_up_primary(str(exc))
        self._load_fallback()

    def complete(self, prompt, *, max_tokens=64, temperature=0.8, stop=("\n",), seed=None) -> Completion:
        options = {"max_tokens": max_tokens, "temperature": temperature, "stop": stop, "seed": seed}
        if self.fault is None:
            try:
                return self.primary.complete(prompt, **options)
            except ModelError as exc:
                self._give_up_primary(str(exc))
        if self._fallback is None:
            return Completion(text="")
        return self._fallback.complete(prompt, **options)


def credit_writer(questions: Iterator[Question], llm: LanguageModel) -> Iterator[Question]:
    """The questions, each one the model wrote carrying that model's name.

    Called as each question is written, so the name is the model's that wrote it: after a
    fallback mid-session, the fallback's.
    """
    for question in questions:
        if question.source in ("llm", "tailored") and question.model is None:
            question = question.model_copy(update={"model": llm.name})
        yield question
