"""The data that moves through mockint, as pydantic models.

Every other module speaks in these types: the planner makes `Question`s, the
transcriber makes `Transcript`s, the analyzer makes `Feedback`, the store saves
`Turn`s and `Session`s. Their JSON form is the public contract of `--json` output.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field


def utc_now() -> datetime:
    """The current time, timezone-aware, for timestamps that are stored."""
    return datetime.now(timezone.utc)


class QuestionKind(str, Enum):
    """What a question is testing; decides how its answer is judged."""

    technical = "technical"  # deep-dive into how something works or was built
    behavioral = "behavioral"  # "tell me about a time": expects a STAR story with evidence
    situational = "situational"  # "what would you do if": trade-offs, judgement
    culture = "culture"  # values, motivation, ways of working
    first_round = "first_round"  # digs into something from the first interview
    follow_up = "follow_up"  # a short probe after a weak answer


# How each kind is named to the candidate.
KIND_NAMES = {
    QuestionKind.technical: "Technical deep-dive",
    QuestionKind.behavioral: "Behavioral: evidence expected",
    QuestionKind.situational: "Situational: trade-offs",
    QuestionKind.culture: "Culture and values",
    QuestionKind.first_round: "From your first round",
    QuestionKind.follow_up: "Follow-up",
}

# Kinds whose answers should be a story (Situation, Task, Action, Result).
STORY_KINDS = {QuestionKind.behavioral, QuestionKind.first_round}

StarPartName = Literal["situation", "task", "action", "result"]
# The four parts of a STAR story, in story order: the one list every module uses.
STAR_PARTS: tuple[StarPartName, ...] = ("situation", "task", "action", "result")


class Role(BaseModel):
    """A job role with what a second round digs into and a bank of questions."""

    key: str = Field(description="file stem, e.g. 'software_engineer'")
    title: str
    summary: str = ""
    competencies: list[str] = []
    first_round: list[str] = Field(default=[], description="what a first round usually covers")
    second_round: list[str] = Field(default=[], description="what a second round digs into")
    bank: list["Question"] = []


class Question(BaseModel):
    """One interview question, with why it is asked and what a strong answer covers."""

    text: str
    kind: QuestionKind
    competency: str = ""
    reason: str = Field(default="", description="one line on why a second-round interviewer asks this")
    source: Literal["llm", "tailored", "bank", "template", "follow_up", "retry"] = Field(
        default="bank", description="who wrote it: llm (the model, freely), tailored (the model, from a bank question), bank, template")
    model: str | None = Field(default=None, description="the model that wrote it (source 'llm' or 'tailored'), e.g. "
                              "'qwen2.5:7b via 127.0.0.1:11434'; None for bank, template and follow-up questions")
    level: Literal["core", "hard"] = Field(default="core", description="hard: a deeper probe for later in a session")
    talking_points: list[str] = Field(default=[], description="the 2-4 points a strong answer covers")
    twist: str = Field(default="", description="a changed constraint the interviewer can add after the answer")
    story: bool | None = Field(default=None, description="whether the answer should tell one past event (read for "
                               "STAR); None: decided by the kind and the wording (feedback.classify.expects_story)")
    for_titles: list[str] = Field(default=[], exclude=True, description="bank only: asked only of titles with one of these words")
    not_for: list[str] = Field(default=[], exclude=True, description="bank only: never asked of titles with one of these words")
    for_managers: bool = Field(default=False, exclude=True, description="bank only: asked only of titles that lead people")

    @property
    def asks_story_by_kind(self) -> bool:
        """Whether the question asks for a story: by what its writer said (`story`), else by its kind alone.
        The follow-up chooser reads this; the feedback also reads the wording (feedback.classify.expects_story)."""
        return self.story if self.story is not None else self.kind in STORY_KINDS


class Word(BaseModel):
    """One transcribed word with its timing in seconds from the start of the answer."""

    text: str
    start: float
    end: float
    probability: float = 1.0


class Transcript(BaseModel):
    """What the candidate said or typed; timings only for spoken answers."""

    text: str
    words: list[Word] = []
    duration_seconds: float | None = Field(default=None, description="speaking time, first to last word; None for text")


Mode = Literal["text", "voice"]


class Answer(Transcript):
    """The candidate's answer to one question: what was said or typed, and how it was given."""

    mode: Mode = "text"
    audio: str | None = Field(default=None, description="path of the saved recording, for replay")
    complete: bool = Field(default=True, description="False when input ended mid-answer")


# ---- Feedback -----------------------------------------------------------------


class LengthFeedback(BaseModel):
    """How long the answer was against the target for its kind of question."""

    verdict: Literal["empty", "too_short", "ok", "too_long"]
    word_count: int
    seconds: float | None = None
    target_words: tuple[int, int]
    target_seconds: tuple[int, int]


class FillerHit(BaseModel):
    """One filler word or phrase, where it is in the transcript."""

    text: str
    filler: str = Field(description="normalised filler, e.g. 'um' for 'umm'")
    kind: Literal["hard", "soft"]
    start_char: int
    end_char: int
    time: float | None = None


class FillerFeedback(BaseModel):
    """Filler words: how many, which, and how dense."""

    total: int = 0
    hard: int = 0
    soft: int = 0
    counts: dict[str, int] = {}
    per_100_words: float = 0.0
    hits: list[FillerHit] = []


class Pause(BaseModel):
    """A silence between two words longer than the pause threshold."""

    start: float
    end: float
    seconds: float
    after_word: str = Field(description="the last word before the pause, to find it in the transcript")


class RamblingFeedback(BaseModel):
    """Whether the answer rambles, and which signals said so."""

    is_rambling: bool = False
    signals: list[str] = []
    details: dict[str, float] = {}
    drifted_from: str | None = None  # the sentence from which the answer moved away from the question


class StarPart(BaseModel):
    """One STAR component and the sentences that show it, best first."""

    present: bool = False
    evidence: list[str] = []


class StarFeedback(BaseModel):
    """Situation, Task, Action, Result: which are there, with evidence."""

    applicable: bool = False
    situation: StarPart = StarPart()
    task: StarPart = StarPart()
    action: StarPart = StarPart()
    result: StarPart = StarPart()

    def parts(self) -> list[tuple[StarPartName, StarPart]]:
        """The four parts with their names, in story order."""
        return [(name, getattr(self, name)) for name in STAR_PARTS]

    def missing(self) -> list[StarPartName]:
        """The names of the parts not found, in story order."""
        return [name for name, part in self.parts() if not part.present]

    @property
    def completeness(self) -> float | None:
        """Share of the four parts present, or None when STAR does not apply."""
        if not self.applicable:
            return None
        return sum(part.present for _, part in self.parts()) / len(STAR_PARTS)

    def headline_quotes(self) -> dict[StarPartName, str | None]:
        """One quote per part for a one-line view (None for a missing part): each part's best
        quote that no earlier part shows, so a sentence is not shown as both scene and task."""
        shown: dict[StarPartName, str | None] = {}
        for name, part in self.parts():
            fresh = [q for q in part.evidence if q not in shown.values()]
            shown[name] = (fresh or part.evidence or [None])[0]
        return shown


class Ownership(BaseModel):
    """How often the candidate says "I" versus "we"."""

    i: int = 0
    we: int = 0


class OnQuestionFeedback(BaseModel):
    """Whether the answer addressed the question asked, and the part of it that it missed."""

    addressed: bool = True
    missed: str | None = Field(default=None, description="the part of the question the answer did not address")
    unmentioned: list[str] = Field(default_factory=list,
                                   description="what the question is about that the answer never mentions, "
                                               "e.g. 'a complaint'")
    closer_to: str | None = Field(default=None, description="an earlier question of the session the answer "
                                                           "reads closer to, when it reads like that one's answer")

    def never_mentioned(self) -> str:
        """What the answer never mentions, as a phrase ("a doctor or a disagreement"); empty when nothing."""
        names = self.unmentioned
        return " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


class TalkingPointCoverage(BaseModel):
    """One of the question's talking points, and the sentence of the answer that covered it."""

    point: str
    covered: bool = False
    sentence: str | None = None


class Feedback(BaseModel):
    """Everything the analyzer says about one answer."""

    word_count: int = 0
    duration_seconds: float | None = None
    words_per_minute: float | None = None
    transcript: str = ""
    nothing_said: bool = False
    length: LengthFeedback
    fillers: FillerFeedback = FillerFeedback()
    pauses: list[Pause] = []
    rambling: RamblingFeedback = RamblingFeedback()
    star: StarFeedback = StarFeedback()
    ownership: Ownership = Ownership()
    result_quantified: bool = False
    on_question: OnQuestionFeedback | None = Field(default=None, description="None when no question was given, or after a follow-up")
    talking_points: list[TalkingPointCoverage] = Field(default=[], description="the question's points, covered or not")
    tips: list[str] = []
    comment: str | None = Field(default=None, description="optional short remark from the local LLM")


# ---- Sessions -----------------------------------------------------------------


class Turn(BaseModel):
    """One question and what came of it, saved the moment it ends."""

    index: int
    question: Question
    answer: Answer | None = None
    feedback: Feedback | None = None
    skipped: bool = False
    follow_up_of: int | None = Field(default=None, description="index of the main turn this follow-up probes")
    started_at: datetime = Field(default_factory=utc_now)
    ended_at: datetime | None = None


def main_question_numbers(turns: list[Turn]) -> list[str]:
    """A label per turn for what the candidate reads: main questions numbered 1, 2, 3; follow-ups as "↳".

    A follow-up is a turn of its own (its index counts it), so numbering by index would
    read 1, ↳, 3; this counts the main questions only.
    """
    labels, number = [], 0
    for turn in turns:
        if turn.follow_up_of is not None:
            labels.append("↳")
        else:
            number += 1
            labels.append(str(number))
    return labels


class RetryOf(BaseModel):
    """The saved question a retry session asks again."""

    session_id: int
    question: int = Field(description="its number in that session, as `mockint review` shows it")


class Session(BaseModel):
    """One practice session: its settings and its turns in order."""

    id: int | None = None
    role: str
    role_key: str
    mode: Mode = "text"
    notes: str | None = None
    model: str | None = Field(default=None, description="the model set to write the questions when the session "
                              "started; each question names the model that actually wrote it")
    retry_of: RetryOf | None = None
    started_at: datetime = Field(default_factory=utc_now)
    ended_at: datetime | None = None
    turns: list[Turn] = []


class SessionSummary(BaseModel):
    """One line of the list of sessions: what it was and how much was answered."""

    id: int
    role: str
    role_key: str
    mode: Mode
    started_at: datetime
    ended_at: datetime | None = None
    turns: int = 0
    answered: int = 0


# ---- Preparation around the practice ---------------------------------------------


class Debrief(BaseModel):
    """A saved debrief of an interview: the role and the answered steps, keyed by step."""

    id: int
    role: str | None = None
    role_key: str | None = None
    started_at: datetime
    ended_at: datetime | None = None
    steps: dict[str, str] = {}


class DebriefSummary(BaseModel):
    """One line of the list of debriefs."""

    id: int
    role: str | None = None
    role_key: str | None = None
    started_at: datetime
    ended_at: datetime | None = None
    steps: int = 0


class Story(BaseModel):
    """A work story in the candidate's bank, with how its retellings went."""

    id: int
    title: str
    text: str
    created_at: datetime
    attempts: int = 0
    best_score: int | None = None
    last_score: int | None = None


class StoryAttempt(BaseModel):
    """One retelling of a story from memory, scored against the saved version."""

    id: int
    story_id: int
    text: str
    mode: Mode
    score: int
    comparison: dict = Field(description="the prep.stories.Comparison it was scored with, as JSON")
    created_at: datetime


Role.model_rebuild()
