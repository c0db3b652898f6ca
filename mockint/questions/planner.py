"""QuestionPlanner: a session's second-round questions, each one a real interviewer would ask.

Quality comes from structure; the model adds only what it measurably does well. The planner
decides every question's kind, competency and level itself, then fills each slot from:
- the first-round notes: a probe of what went badly first (probes.py, whole clauses only);
- the family's vetted bank, easier first and harder later, skipping questions that presume
  another job (bank.py); a big enough model tailors them to the candidate's title, accepted
  only when the vetted content survives (writer.py);
- what the candidate has said: later slots push with a twist, a challenged claim or "what
  would you do differently" (pushes.py).
A model big enough to write freely (writer.can_write_freely) also writes questions of its
own, checked by form and meaning; whatever fails is replaced by the bank or a template.

The session engine tells the planner what was answered through `hear(question, answer)`;
questions are written one at a time, when asked for, from what has been heard by then.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mockint.domain import Question, QuestionKind
from mockint.llm.base import LanguageModel
from mockint.questions import bank, probes, pushes
from mockint.questions.fit import notes_doubt_family
from mockint.questions.notes import NoteTopic, extract_topics
from mockint.questions.pushes import Heard
from mockint.questions.templates import text_template, toml_template
from mockint.questions.validate import content_words, overlap, repeats
from mockint.questions.writer import (
    KIND_NAMES, can_tailor, can_write_freely, completion_as_question, free_verdict, tailor,
)

if TYPE_CHECKING:
    from mockint.domain import Turn
    from mockint.roles import RoleMatch

# The order of kinds in an interview without notes: open technical, then a story, a dilemma, ...
KIND_CYCLE = [
    QuestionKind.technical,
    QuestionKind.behavioral,
    QuestionKind.situational,
    QuestionKind.behavioral,
    QuestionKind.culture,
]
KIND_REASONS = {
    QuestionKind.technical: "goes below the surface of {c}: how it works, what you chose and why",
    QuestionKind.behavioral: "asks for evidence of {c}: one real story, your own actions, a measured result",
    QuestionKind.situational: "tests judgement in {c}: a trade-off with no perfect answer",
    QuestionKind.culture: "checks how you work and what you value, around {c}",
    QuestionKind.first_round: "goes back to your first round: {t}",
}
PUSH_REASONS = {
    "twist": "raises the stakes on an earlier scenario: one constraint changes",
    "challenge": "challenges a claim you made: a second round tests what you say",
    "differently": "asks what you would change: reflection is what a second round listens for",
}
FIRST_ROUND_EVERY = 3  # with notes, every third question goes back to the first round
FIRST_PUSH = 3  # from the fourth question on, every other question pushes on what was said
# The first words of each kind of question a model writes freely: it continues from one of them.
OPENERS = {
    QuestionKind.technical: ["How would you design", "Walk me through how you would", "What trade-offs would you weigh when", "How do you decide"],
    QuestionKind.behavioral: ["Tell me about a time you", "Describe a specific situation where you", "Give me an example of a time you"],
    QuestionKind.situational: ["Suppose", "Imagine that", "What would you do if"],
    QuestionKind.culture: ["What does", "How do you", "Tell me about a time when your"],
    QuestionKind.first_round: ["Going back to {topic}:", "In your first round you mentioned {topic}."],
}


@dataclass
class Slot:
    """What one question should be: kind, competency, level, and for a probe its first-round topic."""

    kind: QuestionKind
    competency: str
    topic: NoteTopic | None = None
    level: str = "core"
    push: bool = False  # push on what the candidate has said, when there is something to push on


@dataclass
class Rejection:
    """A model draft the checks turned down, and why (shown by `questions --json`)."""

    text: str
    reason: str


@dataclass
class PlannerStats:
    """What happened while planning: where questions came from and what was rejected."""

    from_llm: int = 0  # written or tailored by the model
    from_fallback: int = 0  # bank, templates and pushes
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
        free_writing: bool | None = None,
        tailoring: bool | None = None,
    ):
        from mockint.roles import identity_words, list_roles

        self.match = match
        self.role = match.role
        # Only topics a second-round interviewer would go back to: what went badly, or a story to go deeper on.
        self.topics = probes.to_probe(extract_topics(notes))
        self.llm = llm
        self.rng = rng or random.Random()
        self.llm_attempts = llm_attempts
        # A session starts at once from the bank (or a first-round probe) while the model
        # warms up and writes the rest in the background.
        self.instant_first = instant_first
        self.openers = openers or OPENERS
        # None: decided before each question by the size of the model writing then (writer.py),
        # so a small stand-in that took over from a server mid-session does not write freely.
        self._free_writing, self._tailoring = free_writing, tailoring
        all_roles = list_roles()
        self.roles = [r for r in all_roles if r.key != "general"]
        identity = identity_words(self.role.key) if not match.exact else frozenset()
        self.unfit = frozenset(q.text for q in self.role.bank if bank.presumes_another_job(q.text, identity, match.title)
                               or bank.wrong_specialty(q, match.title))
        # When the family has nothing left that fits this title, the general questions (which
        # fit any job) are asked rather than one written for another job of the family.
        self.general = next((r for r in all_roles if r.key == "general"), None) if self.role.key != "general" else None
        self._bank_drawn = 0
        # Notes that read like another job than the family only approximating the title: general questions only.
        self.doubted = match.mixed and notes_doubt_family(notes, self.role.key, self.roles)
        self.general_unfit = frozenset(q.text for q in (self.general.bank if self.general else [])
                                       if bank.wrong_specialty(q, match.title))
        self.title_words = set(content_words(match.title))
        self._shots: list[tuple[str, QuestionKind, str, str]] | None = None
        self.asked: list[str] = []
        self.heard: list[Heard] = []
        self._heard_lock = threading.Lock()
        self._pushed: set[str] = set()
        self.stats = PlannerStats()

    # ---- what the session engine tells the planner ---------------------------

    def hear(self, question: Question, answer: str) -> None:
        """Record an answered question, so later questions can push on it (thread-safe)."""
        with self._heard_lock:
            self.heard.append(Heard(question, answer or ""))

    @property
    def free_writing(self) -> bool:
        """Whether the model may write a question of its own now."""
        if self.llm is None:
            return False
        return can_write_freely(self.llm) if self._free_writing is None else self._free_writing

    @property
    def tailoring(self) -> bool:
        """Whether the model may tailor a bank question to the candidate's title now."""
        if self.llm is None or self.match.exact:
            return False
        return can_tailor(self.llm) if self._tailoring is None else self._tailoring

    def on_turn(self, turn: "Turn") -> None:
        """The session engine's hook (run_session(..., on_turn=planner.on_turn)): hear every answered turn."""
        if turn.answer is not None and not turn.skipped and turn.answer.text.strip():
            self.hear(turn.question, turn.answer.text)

    # ---- planning -----------------------------------------------------------

    def plan(self, count: int) -> list[Slot]:
        """The kind, competency, level and topic of each of `count` questions."""
        competencies = list(self.role.competencies) or ["general"]
        offset = self.rng.randrange(len(competencies))
        topics = list(self.topics)
        slots: list[Slot] = []
        kinds = iter(KIND_CYCLE * (count // len(KIND_CYCLE) + 1))
        pushes_due = FIRST_PUSH
        for i in range(count):
            level = "hard" if i >= count / 2 else "core"
            if topics and i % FIRST_ROUND_EVERY == 0:
                topic = topics.pop(0)
                if topic.form == "claim":
                    self._pushed.add(topic.topic)  # probed already: not challenged again later
                slots.append(Slot(QuestionKind.first_round, self._competency_for(topic, competencies), topic, level))
                continue
            push = i >= pushes_due
            if push:
                pushes_due = i + 2
            slots.append(Slot(next(kinds), competencies[(offset + i) % len(competencies)], level=level, push=push))
        return slots

    def _competency_for(self, topic: NoteTopic, competencies: list[str]) -> str:
        """The role competency closest to a first-round topic."""
        return max(competencies, key=lambda c: overlap(c, topic.sentence))

    def questions(self, count: int) -> Iterator[Question]:
        """Yield `count` questions, writing each only when it is asked for."""
        for i, slot in enumerate(self.plan(count)):
            if i == 0 and self.instant_first:
                yield self._accept(self._without_model(slot))
            else:
                yield self._accept(self._fill(slot))

    # ---- filling one slot ----------------------------------------------------

    def _fill(self, slot: Slot) -> Question:
        if slot.push:
            pushed = self._push(slot)
            if pushed is not None:
                return pushed
        if self.free_writing:
            written = self.write(slot, accept=False)
            if written.source == "llm":
                return written
        if slot.topic is None and self.tailoring:
            chosen = self._from_bank(slot)
            tailored, drafts = tailor(self.llm, chosen, self.match.title, self.role, self.roles)
            self.stats.rejections.extend(Rejection(d.text, d.verdict.reason) for d in drafts if not d.verdict.ok)
            # (a small stand-in that took over mid-draft from a server may not tailor: not asked)
            if tailored is not None and self.tailoring and not repeats(tailored.text, self.asked):
                self.stats.from_llm += 1
                return tailored
            self.stats.from_fallback += 1
            return chosen
        return self._without_model(slot)

    def _without_model(self, slot: Slot) -> Question:
        """The slot's question from the notes or the bank alone: always good, always instant."""
        self.stats.from_fallback += 1
        if slot.topic is not None:
            return Question(text=probes.probe(slot.topic, self.rng), kind=QuestionKind.first_round,
                            competency=slot.competency, reason=self._reason(slot), source="template", level=slot.level,
                            story=probes.wants_story(slot.topic))
        return self._from_bank(slot)

    def _from_bank(self, slot: Slot) -> Question:
        fitting = [q for q in self.role.bank if q.text not in self.unfit and not repeats(q.text, self.asked)]
        self._bank_drawn += 1
        # For a title the family only approximates, two questions in three are general ones (RoleMatch.mixed),
        # the first from the family.
        take_general = not fitting or self.doubted or (self.match.mixed and self._bank_drawn % 3 != 1)
        if take_general and self.general is not None:
            return bank.choose(self.general.bank, slot.kind, "", slot.level, self.asked, self.rng, self.general_unfit)
        return bank.choose(self.role.bank, slot.kind, slot.competency, slot.level, self.asked, self.rng, self.unfit)

    def _push(self, slot: Slot) -> Question | None:
        """A question that pushes on what was heard (or on a claim in the notes), or None."""
        with self._heard_lock:
            heard = list(self.heard)
        found = pushes.push(heard, pushes.note_claims(self.topics), self._pushed)
        if found is None:
            return None
        text, how = found
        if repeats(text, self.asked):
            return None
        self.stats.from_fallback += 1
        kind = QuestionKind.situational if how == "twist" else QuestionKind.behavioral
        return Question(text=text, kind=kind, competency=slot.competency, reason=PUSH_REASONS[how],
                        source="bank" if how == "twist" else "template", level="hard")

    # ---- the model writing freely (bigger models) -----------------------------

    def write(self, slot: Slot, accept: bool = True) -> Question:
        """The model's own question for `slot` if a draft passes the checks, else the slot's fallback."""
        if self.llm is not None:
            prompt, shown = self._prompt(slot)
            topic = slot.topic.topic if slot.topic else ""
            for attempt in range(self.llm_attempts):
                opener = self.rng.choice(self.openers[slot.kind]).format(topic=topic)
                completion = self.llm.complete(
                    f"{prompt} {opener}", max_tokens=64, temperature=0.7 + 0.1 * attempt, stop=("\n", "?")
                ).text
                if not self.free_writing:
                    break  # a small stand-in took over from a server mid-draft: what it wrote is not asked
                raw = completion_as_question(opener, completion)
                verdict = free_verdict(raw, asked=self.asked, shown=shown, role=self.role, roles=self.roles,
                                       title_words=self.title_words, topic=topic)
                if verdict.ok:
                    self.stats.from_llm += 1
                    question = Question(text=verdict.text, kind=slot.kind, competency=slot.competency,
                                        reason=self._reason(slot), source="llm", level=slot.level)
                    return self._accept(question) if accept else question
                self.stats.rejections.append(Rejection(text=raw.strip()[:200], reason=verdict.reason))
        if not accept:
            return Question(text="", kind=slot.kind, source="bank")  # nothing usable: the caller falls back
        return self._accept(self._without_model(slot))

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
            lines.append(f"Competency: {ex_comp}\nKind: {KIND_NAMES[ex_kind]}")
            if ex_note:
                lines.append(f"First-round note: {ex_note}")
            lines.append(f"Question: {ex_text}\n")
        prompt = text_template("question.txt").substitute(
            title=self.match.title,
            examples="\n".join(lines),
            competency=slot.competency,
            kind=KIND_NAMES[slot.kind],
            note_line=f"\nFirst-round note: {slot.topic.sentence}" if slot.topic else "",
        )
        return prompt.rstrip(), [ex[3] for ex in examples]

    def _examples(self) -> list[tuple[str, QuestionKind, str, str]]:
        """One bank question of each kind (and a first-round example with notes), fixed per session."""
        if self._shots is None:
            shots = []
            for kind in (QuestionKind.technical, QuestionKind.behavioral, QuestionKind.situational, QuestionKind.culture):
                pool = [q for q in self.role.bank if q.kind == kind and q.text not in self.unfit]
                if pool:
                    q = self.rng.choice(pool)
                    shots.append((q.competency, q.kind, "", q.text))
            if self.topics:
                s = self.rng.choice(toml_template("first_round.toml")["examples"])
                shots.append(("the first-round topic", QuestionKind.first_round, s["note"], s["question"]))
            self._shots = shots
        return self._shots
