"""QuestionPlanner: second-round questions from the local LLM, checked, with a fallback that is always good.

Quality comes from structure, not from the model: the planner decides each question's
kind and competency (and which first-round topic it probes), asks the model only to
word it, with a few-shot prompt of the role's own bank questions, and checks the
result. What fails the check is retried, then replaced by a question from the role's
bank or a template bound to the candidate's own first-round topic. A bigger model
passes the check more often, so the same code gives it more of its own questions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from mockint.domain import Question, QuestionKind
from mockint.llm.base import LanguageModel
from mockint.questions.notes import NoteTopic, extract_topics
from mockint.questions.templates import text_template, toml_template
from mockint.questions.validate import (
    Verdict, check_question, content_words, on_topic, overlap, repeats, role_vocabulary,
)
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockint.roles import RoleMatch

# The order of kinds in an interview without notes: open technical, then a story, a dilemma, ...
KIND_CYCLE = [
    QuestionKind.technical,
    QuestionKind.behavioral,
    QuestionKind.situational,
    QuestionKind.behavioral,
    QuestionKind.culture,
]
KIND_LABELS = {
    QuestionKind.technical: "technical deep-dive",
    QuestionKind.behavioral: "behavioral, asks for one specific past example with evidence",
    QuestionKind.situational: "situational, a dilemma with a trade-off",
    QuestionKind.culture: "culture and values, with a concrete example",
    QuestionKind.first_round: "follow-up on the first-round note",
}
KIND_REASONS = {
    QuestionKind.technical: "goes below the surface of {c}: how it works, what you chose and why",
    QuestionKind.behavioral: "asks for evidence of {c}: one real story, your own actions, a measured result",
    QuestionKind.situational: "tests judgement in {c}: a trade-off with no perfect answer",
    QuestionKind.culture: "checks how you work and what you value, around {c}",
    QuestionKind.first_round: "goes back to your first round: {t}",
}
FIRST_ROUND_EVERY = 3  # with notes, every third question goes back to the first round
# The first words of each kind of question. The model continues from one of them: a
# tiny model stays on task when the question is already under way, and a bigger one
# loses nothing by it.
OPENERS = {
    QuestionKind.technical: ["How would you design", "Walk me through how you would", "What trade-offs would you weigh when", "How do you decide"],
    QuestionKind.behavioral: ["Tell me about a time you", "Describe a specific situation where you", "Give me an example of a time you"],
    QuestionKind.situational: ["Suppose", "Imagine that", "What would you do if"],
    QuestionKind.culture: ["What does", "How do you", "Tell me about a time when your"],
    # First-round openers name the candidate's own topic, so the model only writes the probe.
    QuestionKind.first_round: ["Going back to {topic}:", "In your first round you mentioned {topic}."],
}
# The interviewer never speaks of themselves, or of the candidate's work as theirs.
# ("Tell me", "give me", "walk me through" are how interviewers ask, so "me" after those is fine.)
FIRST_PERSON = re.compile(r"\b(?:I|my|mine|myself)\b|(?<!tell )(?<!give )(?<!walk )(?<!show )(?<!take )\bme\b", re.IGNORECASE)


@dataclass
class Slot:
    """What one question should be: its kind, competency and, for first-round probes, the topic."""

    kind: QuestionKind
    competency: str
    topic: NoteTopic | None = None


@dataclass
class Rejection:
    """A generated question the validator turned down, and why (shown by `questions --json`)."""

    text: str
    reason: str


@dataclass
class PlannerStats:
    """What happened while planning: where questions came from and what was rejected."""

    from_llm: int = 0
    from_fallback: int = 0
    rejections: list[Rejection] = field(default_factory=list)


class QuestionPlanner:
    """Plans and writes a session's questions for one role, one at a time."""

    def __init__(
        self,
        match: "RoleMatch",
        notes: str | None = None,
        llm: LanguageModel | None = None,
        *,
        rng: random.Random | None = None,
        llm_attempts: int = 3,
        instant_first: bool = False,
        openers: dict[QuestionKind, list[str]] | None = None,
    ):
        self.match = match
        self.role = match.role
        self.topics = extract_topics(notes)
        self.llm = llm
        self.rng = rng or random.Random()
        self.llm_attempts = llm_attempts
        # A session starts at once from the bank (or a first-round template) while the
        # model warms up and writes the rest in the background.
        self.instant_first = instant_first
        self.openers = openers or OPENERS
        self._shots: list[tuple[str, QuestionKind, str, str]] | None = None
        self.asked: list[str] = []
        role = match.role
        self.vocabulary = role_vocabulary(
            [match.title, role.title, role.summary, *role.competencies, *role.second_round, *(q.text for q in role.bank)]
            + [t.sentence for t in self.topics]
        )
        self.stats = PlannerStats()

    # ---- planning -----------------------------------------------------------

    def plan(self, count: int) -> list[Slot]:
        """The kind, competency and topic of each of `count` questions."""
        competencies = list(self.role.competencies) or ["general"]
        offset = self.rng.randrange(len(competencies))
        topics = list(self.topics)
        slots: list[Slot] = []
        kinds = iter(KIND_CYCLE * (count // len(KIND_CYCLE) + 1))
        for i in range(count):
            if topics and i % FIRST_ROUND_EVERY == 0:
                topic = topics.pop(0)
                slots.append(Slot(QuestionKind.first_round, self._competency_for(topic, competencies), topic))
            else:
                slots.append(Slot(next(kinds), competencies[(offset + i) % len(competencies)]))
        return slots

    def _competency_for(self, topic: NoteTopic, competencies: list[str]) -> str:
        """The role competency closest to a first-round topic."""
        return max(competencies, key=lambda c: overlap(c, topic.sentence))

    def questions(self, count: int) -> Iterator[Question]:
        """Yield `count` checked questions, writing each only when it is asked for."""
        for i, slot in enumerate(self.plan(count)):
            if i == 0 and self.instant_first:
                self.stats.from_fallback += 1
                yield self._accept(self._fallback(slot))
            else:
                yield self.write(slot)

    # ---- writing one question ----------------------------------------------

    def write(self, slot: Slot) -> Question:
        """One checked question for `slot`: the LLM's if it passes, else the fallback."""
        if self.llm is not None:
            prompt, shown = self._prompt(slot)
            for attempt in range(self.llm_attempts):
                opener = self.rng.choice(self.openers[slot.kind]).format(topic=slot.topic.topic if slot.topic else "")
                completion = self.llm.complete(
                    f"{prompt} {opener}", max_tokens=64, temperature=0.7 + 0.1 * attempt, stop=("\n", "?")
                ).text
                # The "?" stop string ends the completion at the question mark; a completion that
                # ended a sentence instead never asked anything.
                ended_statement = completion.rstrip().endswith((".", "!", ":", ";"))
                raw = f"{opener}{completion}" + ("" if ended_statement or not completion.strip() else "?")
                verdict = check_question(raw, asked=self.asked, prompt_texts=shown)
                if verdict.ok and FIRST_PERSON.search(verdict.text):
                    verdict = Verdict(False, verdict.text, "the interviewer speaks as the candidate")
                if verdict.ok and not on_topic(verdict.text, self.vocabulary):
                    verdict = Verdict(False, verdict.text, f"off-topic for a {self.match.title}")
                if verdict.ok and slot.topic and not (content_words(verdict.text) & content_words(slot.topic.topic)):
                    verdict = Verdict(False, verdict.text, "does not probe the first-round note")
                if verdict.ok:
                    self.stats.from_llm += 1
                    return self._accept(
                        Question(
                            text=verdict.text,
                            kind=slot.kind,
                            competency=slot.competency,
                            reason=self._reason(slot),
                            source="llm",
                        )
                    )
                self.stats.rejections.append(Rejection(text=raw.strip()[:200], reason=verdict.reason))
        self.stats.from_fallback += 1
        return self._accept(self._fallback(slot))

    def _accept(self, question: Question) -> Question:
        self.asked.append(question.text)
        return question

    def _reason(self, slot: Slot) -> str:
        topic = slot.topic.sentence if slot.topic else ""
        return KIND_REASONS[slot.kind].format(c=slot.competency, t=topic)

    def _prompt(self, slot: Slot) -> tuple[str, list[str]]:
        """The few-shot completion prompt for a slot, and the example questions it shows.

        Everything but the last lines is the same for every question of a session, so
        llama.cpp reuses its evaluated prefix and only the slot's own lines cost time.
        """
        examples = self._examples()
        lines = []
        for ex_comp, ex_kind, ex_note, ex_text in examples:
            lines.append(f"Competency: {ex_comp}\nKind: {KIND_LABELS[ex_kind]}")
            if ex_note:
                lines.append(f"First-round note: {ex_note}")
            lines.append(f"Question: {ex_text}\n")
        prompt = text_template("question.txt").substitute(
            title=self.match.title,
            examples="\n".join(lines),
            competency=slot.competency,
            kind=KIND_LABELS[slot.kind],
            note_line=f"\nFirst-round note: {slot.topic.sentence}" if slot.topic else "",
        )
        return prompt.rstrip(), [ex[3] for ex in examples]

    def _examples(self) -> list[tuple[str, QuestionKind, str, str]]:
        """One bank question of each kind (and a first-round example with notes), fixed per session."""
        if self._shots is None:
            shots = []
            for kind in (QuestionKind.technical, QuestionKind.behavioral, QuestionKind.situational, QuestionKind.culture):
                pool = [q for q in self.role.bank if q.kind == kind]
                if pool:
                    q = self.rng.choice(pool)
                    shots.append((q.competency, q.kind, "", q.text))
            if self.topics:
                s = self.rng.choice(toml_template("first_round.toml")["examples"])
                shots.append(("the first-round topic", QuestionKind.first_round, s["note"], s["question"]))
            self._shots = shots
        return self._shots

    def _fallback(self, slot: Slot) -> Question:
        """A question that is always good: a first-round template, else an unused bank question."""
        if slot.topic is not None:
            templates = toml_template("first_round.toml")["templates"]
            options = templates["struggled" if slot.topic.struggled else "discussed"]
            for text in self.rng.sample(options, len(options)):
                candidate = text.format(topic=slot.topic.topic)
                if check_question(candidate, asked=self.asked).ok:
                    return Question(text=candidate, kind=slot.kind, competency=slot.competency,
                                    reason=self._reason(slot), source="template")
        # Bank questions are curated and reviewed, so they are not put through the checker of
        # model-written drafts (it judges form and would turn some good ones down); they only
        # must not repeat what this session already asked.
        unused = [q for q in self.role.bank if not repeats(q.text, self.asked)]
        for match in (
            lambda q: q.kind == slot.kind and q.competency == slot.competency,
            lambda q: q.kind == slot.kind,
            lambda q: True,
        ):
            pool = [q for q in unused if match(q)]
            if pool:
                return self.rng.choice(pool).model_copy(update={"source": "bank"})
        # A session longer than the bank: reuse the least recently asked bank question.
        return self.role.bank[len(self.asked) % len(self.role.bank)].model_copy(update={"source": "bank"})
