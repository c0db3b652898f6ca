"""A debrief of a real interview: the steps it walks through, and the notes it becomes for the planner.

The planner reads free-text notes and probes sentences with cues such as "They asked
about ...", "I struggled with ..." and "I talked about ..." (mockint.questions.notes).
The debrief's answers are therefore rendered into exactly those sentences: a question
the interviewer asked ("How did you validate the model?") becomes reported speech in the
candidate's voice ("They asked how I validated the model."), a hard moment becomes "I
struggled with ...". What the candidate asked *them* is written without any cue, so the
interviewer never "goes back" to the candidate's own questions.

A second-round debrief asks, besides, who the candidate met, what was discussed, what
excited them and what the next steps are: what the thank-you message after that round
cites (mockint.prep.followup). Its round is told by those steps, so the store needs no
column for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockint.data import data_path, load_toml
from mockint.domain import Debrief
from mockint.errors import UserError
from mockint.questions.note_cues import STRUGGLE, TOPIC_CUES
from mockint.questions.reported import IMPERATIVE, WH, reported_question

# The steps whose keys the renderer knows; the data file may reword them but not rename them.
STEP_KEYS = ("their_questions", "answers", "struggled", "went_well", "my_questions", "wish_asked")
# A second round's steps: who, what and why first (they make the thank-you), then how it went.
ROUND_TWO_KEYS = ("met", "discussed", "excited", "their_questions", "answers", "struggled", "went_well",
                  "my_questions", "next_steps")
ROUND_TWO_ONLY = frozenset(ROUND_TWO_KEYS) - frozenset(STEP_KEYS)
# Headings of the rendered notes. None of them holds a cue the planner would read as a topic.
HEADINGS = {
    "met": "Who I met:",
    "discussed": "What we discussed:",
    "excited": "What excited me:",
    "their_questions": "Their questions:",
    "answers": "My answers:",
    "struggled": "Hard moments:",
    "went_well": "Good moments:",
    "my_questions": "My questions to them:",
    "wish_asked": "Questions for next time:",
    "next_steps": "Next steps:",
}
ROUND_NAMES = {1: "First-round", 2: "Second-round"}


@dataclass(frozen=True)
class Step:
    """One question of the debrief walk-through."""

    key: str
    title: str
    prompt: str
    hint: str = ""


def debrief_round(debrief: Debrief) -> int:
    """Which interview round a debrief is about: 2 when any second-round-only step was answered."""
    return 2 if ROUND_TWO_ONLY & set(debrief.steps) else 1


def round_step_keys(debrief: Debrief) -> tuple[str, ...]:
    """The keys of the steps a debrief's round asks, in order."""
    return ROUND_TWO_KEYS if debrief_round(debrief) == 2 else STEP_KEYS


def load_steps(round_number: int = 1) -> list[Step]:
    """A round's walk-through steps from prompts/prep/debrief.toml, checked against the keys the renderer knows."""
    table, keys = ("round_two_steps", ROUND_TWO_KEYS) if round_number == 2 else ("steps", STEP_KEYS)
    data = load_toml(data_path("prep", "debrief.toml"))
    steps = [Step(s["key"], s["title"], s["prompt"], s.get("hint", "")) for s in data.get(table, [])]
    if sorted(s.key for s in steps) != sorted(keys):
        raise UserError(f"prompts/prep/debrief.toml [[{table}]] must have exactly these step keys: {', '.join(keys)}.")
    return steps


# ---- reading what the candidate typed (pure) ------------------------------------


def items(text: str | None) -> list[str]:
    """The separate points of one answer: its lines, without bullets or numbering."""
    if not text:
        return []
    points = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])\s*", "", line).strip()
        if line:
            points.append(line)
    return points


def _sentence(text: str) -> str:
    """A line as one sentence: first letter capital, ending with a full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _looks_like_question(line: str) -> bool:
    words = line.lower().split()
    return line.rstrip().endswith("?") or bool(words) and (words[0] in WH or bool(IMPERATIVE.match(line.strip())))


def _without_cues(line: str) -> str:
    """A question the candidate asked (or wishes they had), without "I asked"/"I wish I had asked" around it."""
    line = re.sub(r"^(?:i\s+(?:wish\s+i\s+(?:had|'d)\s+|would\s+have\s+|should\s+have\s+)?(?:asked|ask)"
                  r"(?:\s+(?:them|him|her|the interviewer))?\s*(?:about\s+)?:?\s*)", "", line.strip(), flags=re.I)
    return line[0].upper() + line[1:] if line else line


# ---- rendering (pure) -----------------------------------------------------------

# How a hard or a good moment is worded for the planner: (cue already present, a question they asked, anything else).
OWN_WORDS = {
    "struggled": (STRUGGLE, "I struggled when they asked {}", "I struggled with {}"),
    "went_well": (TOPIC_CUES, "They asked {}, which went well", "I talked about {}, which went well"),
}


def render_step(key: str, text: str | None) -> list[str]:
    """The note lines for one step's answer, worded with the cues the planner reads."""
    lines = []
    for point in items(text):
        if key == "their_questions":
            reported = reported_question(point)
            lines.append(_sentence(f"They asked {reported}") if reported else "")
        elif key == "answers":
            lines.append(_sentence(point if TOPIC_CUES.search(point) or point.lower().startswith(("i ", "i'"))
                                   else f"I talked about {point}"))
        elif key == "discussed":
            lines.append(_sentence(point if TOPIC_CUES.search(point) else f"We discussed {point}"))
        elif key in OWN_WORDS:
            cue, asked, told = OWN_WORDS[key]
            # Kept as written when it already has a cue the planner reads; else worded so that it does.
            if cue.search(point):
                lines.append(_sentence(point))
            else:
                lines.append(_sentence(asked.format(reported_question(point)) if _looks_like_question(point)
                                       else told.format(point)))
        elif key in ("met", "excited", "next_steps"):  # facts for the follow-up, not topics for the planner
            lines.append(_sentence(point))
        else:  # my_questions, wish_asked: the candidate's own questions, kept out of the planner's topics
            question = _without_cues(point)
            lines.append(question if question.endswith("?") else _sentence(question))
    return [f"- {line}" for line in lines if line]


def render_notes(debrief: Debrief) -> str:
    """The debrief as interview notes text, for the planner (`--debrief`) and for reading."""
    role = f" for {debrief.role}" if debrief.role else ""
    date = debrief.started_at.astimezone().strftime("%Y-%m-%d")
    blocks = [f"{ROUND_NAMES[debrief_round(debrief)]} debrief {debrief.id}{role}, {date}."]
    for key in round_step_keys(debrief):
        lines = render_step(key, debrief.steps.get(key))
        if lines:
            blocks.append("\n".join([HEADINGS[key], *lines]))
    return "\n\n".join(blocks) + "\n"


def is_empty(debrief: Debrief) -> bool:
    """Whether nothing at all was typed in the debrief."""
    return not any(text.strip() for text in debrief.steps.values())
