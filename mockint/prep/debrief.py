"""A first-round debrief: the steps it walks through, and the notes it becomes for the planner.

The planner reads free-text notes and probes sentences with cues such as "They asked
about ...", "I struggled with ..." and "I talked about ..." (mockint.questions.notes).
The debrief's answers are therefore rendered into exactly those sentences: a question
the interviewer asked ("How did you validate the model?") becomes reported speech in the
candidate's voice ("They asked how I validated the model."), a hard moment becomes "I
struggled with ...". What the candidate asked *them* is written without any cue, so the
interviewer never "goes back" to the candidate's own questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockint.data import data_path, load_toml
from mockint.domain import Debrief
from mockint.errors import UserError
from mockint.questions.notes import STRUGGLE, TOPIC_CUES

# The steps whose keys the renderer knows; the data file may reword them but not rename them.
STEP_KEYS = ("their_questions", "answers", "struggled", "went_well", "my_questions", "wish_asked")
# Headings of the rendered notes. None of them holds a cue the planner would read as a topic.
HEADINGS = {
    "their_questions": "Their questions:",
    "answers": "My answers:",
    "struggled": "Hard moments:",
    "went_well": "Good moments:",
    "my_questions": "My questions to them:",
    "wish_asked": "Questions for next time:",
}


@dataclass(frozen=True)
class Step:
    """One question of the debrief walk-through."""

    key: str
    title: str
    prompt: str
    hint: str = ""


def load_steps() -> list[Step]:
    """The walk-through's steps from prompts/prep/debrief.toml, checked against the keys the renderer knows."""
    data = load_toml(data_path("prep", "debrief.toml"))
    steps = [Step(s["key"], s["title"], s["prompt"], s.get("hint", "")) for s in data.get("steps", [])]
    if sorted(s.key for s in steps) != sorted(STEP_KEYS):
        raise UserError(f"prompts/prep/debrief.toml must have exactly these step keys: {', '.join(STEP_KEYS)}.")
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


WH = ("how", "why", "what", "when", "where", "which", "who")
AUXILIARIES = {"did", "do", "does", "would", "will", "can", "could", "should", "have", "has", "had",
               "is", "are", "was", "were", "might"}
BE_FIRST_PERSON = {"are": "am", "were": "was"}
# The interviewer's "you" is "I" in the candidate's notes, and their "we" is "they".
SUBJECTS = {"you": "I", "we": "they"}
ADVERBS = {"ever", "really", "actually", "personally", "also", "first", "then", "finally", "just", "once"}
PREPOSITIONS = {"to", "for", "with", "about", "at", "from", "of", "by", "on", "into", "than", "like", "and", "or"}
IRREGULAR_PAST = {
    "be": "was", "become": "became", "begin": "began", "break": "broke", "bring": "brought", "build": "built",
    "buy": "bought", "catch": "caught", "choose": "chose", "come": "came", "cut": "cut", "deal": "dealt",
    "do": "did", "draw": "drew", "drive": "drove", "feel": "felt", "fight": "fought", "find": "found",
    "forget": "forgot", "get": "got", "give": "gave", "go": "went", "grow": "grew", "handle": "handled",
    "have": "had", "hear": "heard", "hold": "held", "keep": "kept", "know": "knew", "lead": "led", "learn": "learned",
    "leave": "left", "let": "let", "lose": "lost", "make": "made", "mean": "meant", "meet": "met", "pay": "paid",
    "put": "put", "read": "read", "rebuild": "rebuilt", "run": "ran", "say": "said", "see": "saw", "sell": "sold",
    "send": "sent", "set": "set", "shut": "shut", "speak": "spoke", "spend": "spent", "split": "split",
    "stand": "stood", "take": "took", "teach": "taught", "tell": "told", "think": "thought",
    "understand": "understood", "win": "won", "write": "wrote", "oversee": "oversaw", "rewrite": "rewrote",
}
# "Tell me about X", "Walk me through X", "Describe X": the topic is X.
IMPERATIVE = re.compile(
    r"^(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:"
    r"(?:tell|talk|walk|take) (?:me|us) (?:about|through)|talk (?:about|through)|describe|explain|"
    r"(?:give|share with) (?:me|us) (?:an? |some )?examples? of|share)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def past_tense(verb: str) -> str:
    """The simple past of an English verb: irregular from a table, else by spelling."""
    lower = verb.lower()
    if lower in IRREGULAR_PAST:
        return IRREGULAR_PAST[lower]
    if lower.endswith("e"):
        return lower + "d"
    if re.search(r"[^aeiou]y$", lower):
        return lower[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lower) and len(lower) <= 4:
        return lower + lower[-1] + "ed"  # plan -> planned, ship -> shipped
    return lower + "ed"


def to_first_person(phrase: str) -> str:
    """Rewrite the interviewer's "you/your" as the candidate's "I/my" (the notes are the candidate's)."""
    for pattern, repl in ((r"\byou're\b", "I'm"), (r"\byou've\b", "I've"), (r"\byou'd\b", "I'd"),
                          (r"\byou'll\b", "I'll"), (r"\byourself\b", "myself"), (r"\byours\b", "mine"),
                          (r"\byour\b", "my")):
        phrase = re.sub(pattern, repl, phrase, flags=re.IGNORECASE)
    words = phrase.split(" ")
    for i, word in enumerate(words):
        bare = word.rstrip(",;:")
        if bare.lower() != "you":
            continue
        before = words[i - 1].lower() if i > 0 else ""
        after = words[i + 1].lower().strip(",;:") if i + 1 < len(words) else ""
        # "what motivates you", "about you": the object; "you led the team": the subject.
        as_object = not after or after in PREPOSITIONS or before in PREPOSITIONS or bare != word
        words[i] = ("me" if as_object else "I") + word[len(bare):]
    return " ".join(words)


def reported_question(line: str) -> str:
    """A question the interviewer asked, as reported speech after "They asked ...".

    "How did you validate the churn model?" -> "how I validated the churn model";
    "Tell me about a conflict with your manager" -> "about a conflict with my manager";
    "Have you managed a team?" -> "whether I have managed a team"; "the salary question" ->
    "about the salary question".
    """
    text = line.strip().rstrip("?.! ").strip()
    text = re.sub(r"^(?:they asked(?: me)?|asked(?: me)?)\s*(?::\s*)?", "", text, flags=re.IGNORECASE)
    if not text:
        return ""
    imperative = IMPERATIVE.match(text)
    if imperative:
        return "about " + to_first_person(imperative.group("rest"))
    words = text.split()
    lower = [w.lower() for w in words]
    if lower[0] in {"about", "whether", "if"}:
        return to_first_person(text[0].lower() + text[1:])
    if lower[0] in WH:
        aux = next((i for i in range(1, min(len(words), 5)) if lower[i] in AUXILIARIES), None)
        if aux is None:
            return to_first_person(lower[0] + " " + " ".join(words[1:]))  # "why I'm leaving" is already reported
        return " ".join([*lower[:aux], inverted(lower[aux], words[aux + 1:])]).strip()
    if lower[0] in AUXILIARIES and len(words) > 1 and lower[1] in SUBJECTS:
        return "whether " + inverted(lower[0], words[1:])
    return "about " + to_first_person(text[0].lower() + text[1:] if not text[:2].isupper() else text)


def inverted(aux: str, rest: list[str]) -> str:
    """The statement order of a question's remainder: "did" + "you lead it" -> "I led it"."""
    if not rest:
        return aux
    subject = SUBJECTS.get(rest[0].lower())
    if subject:
        tail = rest[1:]
        if aux == "did":
            # "did you ever lead" -> "I ever led": the verb is the first word after any adverbs.
            k = next((i for i, w in enumerate(tail) if w.lower() not in ADVERBS), len(tail))
            verb = [past_tense(tail[k])] if k < len(tail) else []
            return to_first_person(" ".join([subject, *tail[:k], *verb, *tail[k + 1:]]))
        if aux in {"do", "does"}:
            return to_first_person(" ".join([subject, *tail]))
        return to_first_person(" ".join([subject, BE_FIRST_PERSON.get(aux, aux) if subject == "I" else aux, *tail]))
    if aux in {"is", "are", "was", "were"}:
        # "what is your biggest weakness" -> "what my biggest weakness is"
        return to_first_person(" ".join([*rest, aux]))
    return to_first_person(" ".join([aux, *rest]))  # another subject: keep the question's own order


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
        elif key in OWN_WORDS:
            cue, asked, told = OWN_WORDS[key]
            # Kept as written when it already has a cue the planner reads; else worded so that it does.
            if cue.search(point):
                lines.append(_sentence(point))
            else:
                lines.append(_sentence(asked.format(reported_question(point)) if _looks_like_question(point)
                                       else told.format(point)))
        else:  # my_questions, wish_asked: the candidate's own questions, kept out of the planner's topics
            question = _without_cues(point)
            lines.append(question if question.endswith("?") else _sentence(question))
    return [f"- {line}" for line in lines if line]


def render_notes(debrief: Debrief) -> str:
    """The debrief as first-round notes text, for the planner (`--debrief`) and for reading."""
    role = f" for {debrief.role}" if debrief.role else ""
    date = debrief.started_at.astimezone().strftime("%Y-%m-%d")
    blocks = [f"First-round debrief {debrief.id}{role}, {date}."]
    for key in STEP_KEYS:
        lines = render_step(key, debrief.steps.get(key))
        if lines:
            blocks.append("\n".join([HEADINGS[key], *lines]))
    return "\n\n".join(blocks) + "\n"


def is_empty(debrief: Debrief) -> bool:
    """Whether nothing at all was typed in the debrief."""
    return not any(text.strip() for text in debrief.steps.values())
