"""The follow-up message after a real interview: a thank-you and a later nudge, drafted from what happened there.

The message cites the real interview, never the mock one: who the candidate met, one thing
they discussed, why the candidate is excited, and, in the candidate's own words, one clean
measured example they gave (all from a debrief of that interview, `mockint debrief --round 2`).
Whatever the debrief does not say is a clearly marked placeholder ("[one thing you
discussed ...]") for the candidate to fill in. A practice session never supplies the
message's words: its strongest clean, measured result is offered beside the draft as a
suggestion, in case the candidate told that story in the interview too.

Everything here is pure (facts in, text out) except `session_competency`, which reads the role file;
the CLI and the web page read the store and show the draft.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel

from mockint.domain import Debrief, Session, Turn
from mockint.errors import UserError
from mockint.feedback.fillers import find_fillers
from mockint.prep.debrief import items
from mockint.prep.followup_check import Problem, check_message, check_sentence
from mockint.prep.message_parts import is_common_word
from mockint.prep.send_timing import SendDates, earliest_send
from mockint.roles import load_role

# A cited sentence longer than this would crowd out the rest of a concise message.
MAX_QUOTE_WORDS = 30
# A practice answer is offered as an example only when it is this strong (see answer_strength).
MIN_STRENGTH = 7.0
NUMBER = re.compile(r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred|"
                    r"thousand|million|half|double|doubled|tripled|percent|per cent)\b", re.IGNORECASE)
# "I described the churn model and its 12% lift" reports what was said: the rest is the thing told.
REPORTED = re.compile(r"^i\s+(?:described|talked about|told (?:them|him|her|you) about|explained|mentioned|shared|"
                      r"walked (?:them|him|her) through|gave (?:the|an|my) example of|used the example of)\s+",
                      re.IGNORECASE)
# A subject and a verb ("the team ships its models", "you are moving to"), not a noun phrase
# ("the churn model for the new tier", "the new clinics in Leeds"): an auxiliary after a
# subject, or a word in -s/-ed followed by its object ("ships its", "owns the"); after "you",
# "we" or "they" any word is the verb ("you let nurses lead"). Not caught: "patients come first".
DETERMINER = r"(?:the|your|our|a|an|this|that|their|its)"
CLAUSE = re.compile(rf"^(?:you|we|they)\s+[a-z']+\s+\w|^(?:it|(?:{DETERMINER}\s+)?(?!{DETERMINER}\b)(?:[\w-]+\s+){{0,2}}?[\w-]+)\s+"
                    rf"(?:(?:is|are|was|were|has|have|had|can|will|would|does|did)\s+\w"
                    rf"|[a-z]+(?:s|ed)\s+(?:{DETERMINER}|his|her|every|all|each)\b)", re.IGNORECASE)
SPOKEN_CUES = re.compile(r"^(?:(?:we|they)\s+(?:talked|spoke)\s+about|(?:we|they)\s+discussed|discussed|talked about|"
                         r"(?:they|\w+)\s+(?:described|explained|told me about|showed me|walked me through|mentioned)|"
                         r"i(?:'m| am| was)?\s+(?:really\s+)?excited\s+(?:about|by)|excited\s+(?:about|by))\s+",
                         re.IGNORECASE)
SEND_ADVICE = "Send it today or the next working day."
PLACEHOLDERS = {
    "name": "[interviewer's name]",
    "role": "[job title]",
    "discussed": "[one thing you discussed, e.g. a project or problem they described]",
    "excited": "[what about the role or team excites you]",
    "sender": "[your name]",
}


class InterviewFacts(BaseModel):
    """What a follow-up can say about one real interview; empty where nobody wrote it down."""

    role: str | None = None
    interviewers: list[str] = []
    discussed: list[str] = []
    excited: list[str] = []
    answers: list[str] = []
    next_steps: str | None = None
    interview_date: date | None = None


class Draft(BaseModel):
    """A drafted thank-you, when to send it, the nudge for later, and where its example came from."""

    subject: str
    message: str
    send: str = SEND_ADVICE
    nudge: str
    nudge_from: date | None = None
    placeholders: list[str] = []
    practice_example: dict | None = None  # a strong practice result the candidate may use, never put in the message


# ---- facts from a debrief (pure) --------------------------------------------------


def person_name(line: str) -> str:
    """The name in a "who I met" line: "Priya Shah, Head of Data" -> "Priya Shah"."""
    return re.split(r"\s*(?:[,(;:]|\s[-–—]\s|\bfrom\b|\bthe\b)", line.strip(), maxsplit=1)[0].strip()


def facts_from_debrief(debrief: Debrief) -> InterviewFacts:
    """The facts a follow-up can cite from a debrief (a first-round one has no who, what or why)."""
    steps = debrief.steps
    return InterviewFacts(
        role=debrief.role,
        interviewers=[name for name in (person_name(line) for line in items(steps.get("met"))) if name],
        discussed=items(steps.get("discussed")),
        excited=items(steps.get("excited")),
        answers=items(steps.get("answers")) + items(steps.get("went_well")),
        next_steps=" ".join(items(steps.get("next_steps"))) or None,
        interview_date=debrief.started_at.date(),
    )


# ---- turning notes into sentences for them (pure) ------------------------------------


def to_them(phrase: str) -> str:
    """A note in the candidate's words, addressed to the interviewer: "their roadmap" -> "your roadmap"."""
    for pattern, repl in ((r"\bthey're\b", "you're"), (r"\bthey've\b", "you've"), (r"\bthey'll\b", "you'll"),
                          (r"\btheirs\b", "yours"), (r"\btheir\b", "your"),
                          (r"\bthey\b", "you"), (r"\bthem\b", "you")):
        phrase = re.sub(pattern, repl, phrase, flags=re.IGNORECASE)
    return phrase


def as_phrase(note: str) -> str:
    """A note as a phrase to put mid-sentence: no cue words in front, no full stop, a lower-case start."""
    text = SPOKEN_CUES.sub("", note.strip()).rstrip(" .!;")
    text = to_them(text)
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and is_common_word(first):
        text = text[0].lower() + text[1:]  # "The new rota" -> "the new rota"; "Kafka" stays
    return text


def is_clean(sentence: str) -> bool:
    """Whether the candidate's own sentence is fit to send: no fillers and nothing the check would flag."""
    return not find_fillers(sentence) and not check_sentence(sentence)


def citable(note: str) -> str:
    """The candidate's note as a sentence for the message, if one of its clauses is clean, short and measured.

    A note often holds what they said they would do and what they achieved ("I said I'd
    backtest it; our last model cut churn from 9% to 7%"): each clause is tried on its own.
    """
    for clause in re.split(r"\s*;\s*|(?<=[.!?])\s+", note.strip()):
        sentence = cited_clause(clause.strip().rstrip("."))
        if sentence:
            return sentence
    return ""


def cited_clause(note: str) -> str:
    """One clause as a sentence for the message, or empty when it is not fit to cite."""
    if not note or not NUMBER.search(note) or len(note.split()) > MAX_QUOTE_WORDS or not is_clean(note):
        return ""
    reported = REPORTED.match(note)
    if reported:
        return f"I was glad to tell you about {to_them(note[reported.end():])}."
    if re.match(r"i\s+(?:said|told|promised|would|'d)\b|i'd\b", note, re.IGNORECASE):
        return ""  # what they said they would do is not a result
    if re.match(r"(?:i|my|our|we)\b", note, re.IGNORECASE):
        return f"As I mentioned, {note[0].upper() if note[:2].lower() == 'i ' else note[0].lower()}{note[1:]}."
    return ""  # a fragment ("12% lift") says too little on its own


def excited_phrase(note: str) -> str:
    """What excites the candidate, fit to follow "especially": a clause gets "that" in front of it."""
    phrase = as_phrase(note)
    if CLAUSE.match(phrase) and not re.match(r"(?:how|what|why|that|when|where|the way)\b", phrase):
        return f"that {phrase}"
    return phrase


# ---- a practice session: a suggestion, never the message (pure) ----------------------------


def answer_strength(turn: Turn) -> float:
    """How strong an answer is as an example: STAR complete, measured result, no rambling, few fillers."""
    feedback = turn.feedback
    if feedback is None or turn.answer is None or feedback.nothing_said:
        return -1.0
    score = 4 * (feedback.star.completeness or 0.0)
    score += 3 if feedback.result_quantified else 0
    score += 1 if feedback.star.result.present else 0
    score += 1 if feedback.length.verdict == "ok" else 0
    score -= 2 if feedback.rambling.is_rambling else 0
    return score - feedback.fillers.per_100_words / 10


def practice_example(session: Session) -> dict | None:
    """The session's strongest answer's measured result, if the answer is strong and the sentence clean; else None."""
    strong = [t for t in session.turns if answer_strength(t) >= MIN_STRENGTH and t.feedback.result_quantified]
    for turn in sorted(strong, key=answer_strength, reverse=True):
        for sentence in turn.feedback.star.result.evidence:
            text = sentence.strip()
            if NUMBER.search(text) and len(text.split()) <= MAX_QUOTE_WORDS and is_clean(text):
                return {"session": session.id, "turn": turn.index + 1, "question": turn.question.text,
                        "competency": turn.question.competency, "result": text}
    return None


# ---- the draft (pure) --------------------------------------------------------------


def draft_followup(facts: InterviewFacts, to: str | None = None, sender: str | None = None,
                   session: Session | None = None, competency: str = "") -> Draft:
    """A thank-you under 150 words citing the real interview, with placeholders for what the facts lack."""
    name = to or (facts.interviewers[0] if facts.interviewers else PLACEHOLDERS["name"])
    role = facts.role or (session.role if session else None) or PLACEHOLDERS["role"]
    discussed = as_phrase(facts.discussed[0]) if facts.discussed else PLACEHOLDERS["discussed"]
    excited = excited_phrase(facts.excited[0]) if facts.excited else PLACEHOLDERS["excited"]
    heard = "hearing " if re.match(r"(?:how|why|what|where|when|who|that)\b", discussed) else "our conversation about "
    example = next((c for c in map(citable, facts.answers) if c), "")
    shows = f"your experience in {competency}" if competency else "you fit the role"
    paragraphs = [
        f"Dear {name},",
        f"Thank you for taking the time to meet with me about the {role} role. "
        f"I especially enjoyed {heard}{discussed}.",
        f"I am excited about the role, especially {excited}. " + (
            example or f"[One example from the interview that shows {shows}, with its result in numbers.]"),
        "I would be happy to send examples of my work, references or anything else that would help.",
        "Best regards,\n" + (sender or PLACEHOLDERS["sender"]),
    ]
    others = [p for p in facts.interviewers if p != name]
    if others:
        paragraphs.insert(3, f"Please pass on my thanks to {' and '.join(others[:2])} as well.")
    message = "\n\n".join(paragraphs)
    nudge_from = earliest_send("nudge", SendDates(interview=facts.interview_date, last_sent=facts.interview_date)) \
        if facts.interview_date else None
    return Draft(subject=f"Thank you: {role} interview", message=message,
                 send=send_advice(facts.next_steps, nudge_from),
                 nudge=draft_nudge(name, role, discussed, sender), nudge_from=nudge_from,
                 placeholders=re.findall(r"\[[^\]\n]+\]", message),
                 practice_example=practice_example(session) if session else None)


def send_advice(next_steps: str | None, nudge_from: date | None) -> str:
    """When to send the thank-you and when a nudge becomes fair, from what they said about next steps."""
    advice = SEND_ADVICE
    if next_steps:
        advice += f" Next steps, from your debrief: \"{next_steps.rstrip('.')}.\""
        advice += " If that passes without news, one short"
        advice += f" nudge is fair (not before {nudge_from:%a %d %b})." if nudge_from else " nudge is fair."
    else:
        when = f"from {nudge_from:%a %d %b}" if nudge_from else "after about a week"
        advice += f" If there is no reply, one short nudge {when} is fine; after that, wait for them."
    return advice


def draft_nudge(name: str, role: str, discussed: str, sender: str | None) -> str:
    """The short nudge for after about a week without a reply: interest restated, one specific, no pressure."""
    return "\n\n".join([
        f"Subject: Re: Thank you: {role} interview",
        f"Dear {name},",
        f"I hope you are well. I wanted to follow up on my interview for the {role} role. I am still very "
        f"interested in it, and in {discussed}.",
        "Please let me know if there is any update on the timeline, or anything else I can send.",
        "Best regards,\n" + (sender or PLACEHOLDERS["sender"]),
    ])


# ---- the draft for the front ends ----------------------------------------------------------


def session_competency(session: Session | None) -> str:
    """The first competency of the session's job family, for the example placeholder; "" if unknown."""
    if session is None:
        return ""
    try:
        competencies = load_role(session.role_key).competencies
    except UserError:
        return ""  # a role file removed since the session: the placeholder just says less
    return competencies[0] if competencies else ""


def checked_draft(debrief: Debrief | None, session: Session | None, to: str | None = None,
                  sender: str | None = None) -> tuple[Draft, list[Problem]]:
    """The thank-you from a debrief of the interview (either may be absent), and what the check finds in it.

    Placeholders are left out of the problems: the draft lists them itself.
    """
    facts = facts_from_debrief(debrief) if debrief is not None else InterviewFacts()
    draft = draft_followup(facts, to, sender, session, session_competency(session))
    problems = [p for p in check_message(f"Subject: {draft.subject}\n\n{draft.message}") if p.kind != "placeholder"]
    return draft, problems
