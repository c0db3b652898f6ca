"""What the language model is asked to do, and the checks its drafts must pass to be shown.

Two tasks, both judged by meaning as well as form:
- tailor: adapt a vetted bank question to the candidate's own job title. Accepted only when
  the vetted content survives (most of its words, nearly all of its ask), the change is
  small, and the result still belongs to the job family (fit.py).
- write: a question of a given kind and competency from a few-shot prompt of the family's
  own bank. Accepted when it passes the form checks, belongs to the family, and (for a
  first-round probe) names the note's topic.
Measured (README, "How questions are written"): the embedded 135M model's drafts almost
never pass, so by default it only tailors, and a bigger model is needed to write freely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockint.domain import Question, QuestionKind, Role
from mockint.llm.base import LanguageModel
from mockint.questions.fit import fits_family
from mockint.questions.validate import Verdict, check_question, content_words
from mockint.questions.templates import text_template
from mockint.text import stem

# The interviewer never speaks of themselves ("tell me", "walk me through" are how interviewers ask).
FIRST_PERSON = re.compile(r"\b(?:I|my|mine|myself)\b|(?<!tell )(?<!give )(?<!walk )(?<!show )(?<!take )(?<!talk )\bme\b",
                          re.IGNORECASE)
# A tailored question keeps this share of the original's words, and this share of its ask
# (the part after the last colon: "how do you decide, and what do you tell the other two?").
KEEP_WORDS, KEEP_ASK = 0.7, 0.85
MAX_NEW_WORDS = 4  # and adds at most this many words of its own
NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")
# A model file this big (about a 3B model at 4 bits) writes freely; smaller ones only tailor.
# Measured: SmolLM2-135M's free drafts were usable 7% of the time. A server's model is sized
# by the parameters its name states ("qwen2.5:7b", "SmolLM2-135M-Instruct"), at 4 bits each;
# a name that states none ("mistral") is taken to be big: people serve big models.
FREE_WRITING_MIN_BYTES = 1_500_000_000
# A model this small (the 135M class) does not even tailor: its rewrites wreck the scenario.
TAILORING_MIN_BYTES = 500_000_000


@dataclass
class Draft:
    """One model draft and the verdict on it."""

    text: str
    verdict: Verdict


STATED_PARAMETERS = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*([bm])(?![a-z])", re.IGNORECASE)
BYTES_PER_PARAMETER = 0.5  # 4-bit weights, as local models are usually served


def model_size(llm: LanguageModel) -> int | None:
    """The model's size in bytes: its file's, or for a server what its name states; None when unknown."""
    path = getattr(llm, "path", None)
    if path is not None:
        try:
            return path.stat().st_size
        except OSError:
            return None
    stated = STATED_PARAMETERS.search(getattr(llm, "model_id", None) or llm.name or "")
    if stated is None:
        return None
    parameters = float(stated.group(1)) * (1e9 if stated.group(2).lower() == "b" else 1e6)
    return int(parameters * BYTES_PER_PARAMETER)


def big_enough(llm: LanguageModel | None, min_bytes: int) -> bool:
    """Whether the model writing now is at least `min_bytes` (unknown sizes count as big; no model as small)."""
    writing = llm.writing_now() if llm is not None else None
    if writing is None:
        return False
    size = model_size(writing)
    return size is None or size >= min_bytes


def can_write_freely(llm: LanguageModel | None) -> bool:
    """Whether the model writing now is big enough to write questions freely (see FREE_WRITING_MIN_BYTES)."""
    return big_enough(llm, FREE_WRITING_MIN_BYTES)


def can_tailor(llm: LanguageModel | None) -> bool:
    """Whether the model writing now is big enough to tailor bank questions (see TAILORING_MIN_BYTES)."""
    return big_enough(llm, TAILORING_MIN_BYTES)


def stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def ask_part(text: str) -> str:
    """What a question asks: the part after its last colon, or all of it."""
    return text.rsplit(":", 1)[-1]


def tailoring_verdict(original: str, draft: str, role: Role, roles: list[Role], title: str) -> Verdict:
    """Whether a tailored draft kept the vetted question's content and still fits the job."""
    verdict = check_question(draft)
    if not verdict.ok:
        return verdict
    text = verdict.text
    if FIRST_PERSON.search(text):
        return Verdict(False, text, "the interviewer speaks as the candidate")
    before, after = stems(original), stems(text)
    if not after - before:
        return Verdict(False, text, "unchanged")  # only words dropped is no adaptation
    if NUMBER.findall(original) != NUMBER.findall(text):
        return Verdict(False, text, "changed the numbers of the vetted question")
    kept = len(before & after) / max(1, len(before))
    ask_before = stems(ask_part(original))
    kept_ask = len(ask_before & after) / max(1, len(ask_before))
    if kept < KEEP_WORDS or kept_ask < KEEP_ASK:
        return Verdict(False, text, f"lost the vetted question ({kept:.0%} of its words, {kept_ask:.0%} of its ask)")
    if len(after - before) > MAX_NEW_WORDS:
        return Verdict(False, text, f"changed too much ({len(after - before)} new words)")
    if role.key != "general" and not fits_family(text, role.key, roles, set(content_words(title))):
        return Verdict(False, text, f"no longer fits the {role.title} family")
    return Verdict(True, text)


def tailor(llm: LanguageModel, question: Question, title: str, role: Role, roles: list[Role],
           attempts: int = 2) -> tuple[Question | None, list[Draft]]:
    """The bank question adapted to the candidate's title by the model, or None if no draft kept it."""
    prompt = text_template("tailor.txt").substitute(title=title, question=question.text).rstrip()
    drafts = []
    for attempt in range(attempts):
        raw = llm.complete(prompt, max_tokens=96, temperature=0.2 + 0.3 * attempt, stop=("\n",)).text.strip()
        verdict = tailoring_verdict(question.text, raw, role, roles, title)
        drafts.append(Draft(raw[:200], verdict))
        if verdict.ok:
            return question.model_copy(update={"text": verdict.text, "source": "tailored"}), drafts
    return None, drafts


def free_verdict(raw: str, *, asked: list[str], shown: list[str], role: Role, roles: list[Role],
                 title_words: set[str], topic: str = "") -> Verdict:
    """Whether a freely written draft may be asked: form, voice, family fit and, for a probe, the note's topic."""
    verdict = check_question(raw, asked=asked, prompt_texts=shown)
    if verdict.ok and FIRST_PERSON.search(verdict.text):
        verdict = Verdict(False, verdict.text, "the interviewer speaks as the candidate")
    if verdict.ok and role.key != "general" and not fits_family(verdict.text, role.key, roles, title_words):
        verdict = Verdict(False, verdict.text, f"does not belong to the {role.title} family")
    if verdict.ok and topic:
        wanted = stems(topic)
        if len(wanted & stems(verdict.text)) < max(1, round(0.5 * len(wanted))):
            verdict = Verdict(False, verdict.text, "does not probe the first-round note")
    return verdict


def completion_as_question(opener: str, completion: str) -> str:
    """The opener and the model's continuation as one question (the "?" stop string ate the question mark)."""
    ended_statement = completion.rstrip().endswith((".", "!", ":", ";"))
    return f"{opener}{completion}" + ("" if ended_statement or not completion.strip() else "?")


KIND_NAMES = {
    QuestionKind.technical: "technical deep-dive",
    QuestionKind.behavioral: "behavioral, asks for one specific past example with evidence",
    QuestionKind.situational: "situational, a dilemma with a trade-off",
    QuestionKind.culture: "culture and values, with a concrete example",
    QuestionKind.first_round: "follow-up on the first-round note",
}
