"""The follow-up message after an interview: a draft built from a session, and a checker for any draft.

The draft thanks the interviewer, says why the candidate wants the role, cites the result
of their strongest practice answer (chosen by its feedback: STAR complete, a measured
result, no rambling), offers more information, and comes with advice on when to send it
and a short nudge for a week later.

The checker flags what hurts a follow-up, sentence by sentence, from the lexicons in
prompts/prep/followup_check.toml: exaggerated interest, desperation, entitlement or
condescension, pushiness, and shouting. It prefers missing a borderline phrase to a false
alarm on a good draft: "please" is flagged only when it pleads, "haven't heard back" only
next to a short time span, capitals only when they are not an acronym.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

from mockint.domain import Session, Turn
from mockint.data import data_path, load_toml

ProblemKind = Literal["exaggeration", "desperation", "entitlement", "pushiness", "shouting"]
VOWELS = set("AEIOUY")
# A capitalised word this long with vowels is a word said loudly, unless it is a known acronym.
SHOUT_MIN_LETTERS = 4
# More exclamation marks than this in one message reads as shouting (one "Thank you!" is fine).
MAX_EXCLAMATIONS = 1
# A quoted result longer than this would crowd out the rest of a concise message.
MAX_QUOTE_WORDS = 40
SEND_ADVICE = ("Send it within a few days of the interview (the next working day is ideal). If there is no reply "
               "after about a week, one short nudge is fine; after that, wait for them.")


class Problem(BaseModel):
    """One thing in a draft that hurts it: what kind, the offending sentence, and what to do instead."""

    kind: ProblemKind
    text: str
    advice: str
    match: str = ""


class Draft(BaseModel):
    """A drafted thank-you message, when to send it, and the nudge for later."""

    subject: str
    message: str
    send: str = SEND_ADVICE
    nudge: str
    example: dict | None = None  # the session turn the message cites, if any


# ---- checking a draft (pure) ----------------------------------------------------


def sentences(text: str) -> list[str]:
    """A message's sentences: lines, then sentences within lines ("Thanks!!! I ..." splits after the marks)."""
    found = []
    for line in text.replace("\u2019", "'").splitlines():
        for part in re.split(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9])", line.strip()):
            if part.strip():
                found.append(part.strip())
    return found


def _phrase(phrase: str) -> re.Pattern[str]:
    body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
    ending = r"\w*" if phrase.endswith("*") else ""
    # Word boundaries only where the phrase starts or ends with a letter ("please!" ends with "!").
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase.rstrip("*")[-1:].isalnum() else ""
    return re.compile(start + body + ending + end, re.IGNORECASE)


@lru_cache(maxsize=8)
def _compiled(names: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [_phrase(n) for n in names]


def _first(sentence: str, phrases: list[str]) -> str:
    """The earliest of the phrases found in the sentence, as written there; empty if none."""
    found = [m for m in (p.search(sentence) for p in _compiled(tuple(phrases))) if m]
    return min(found, key=lambda m: m.start()).group() if found else ""


def shouted_words(sentence: str, acronyms: set[str], short_words: set[str]) -> list[str]:
    """Words in capitals that are not acronyms: long words with vowels, common short words, or runs of them."""
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9/&'-]*", sentence)
    loud: list[str] = []
    previous_caps = False
    for token in tokens:
        letters = re.sub(r"[^A-Za-z]", "", token)
        caps = len(letters) >= 2 and letters.isupper() and token not in acronyms
        if not caps:
            previous_caps = False
            continue
        word_like = len(letters) >= SHOUT_MIN_LETTERS and bool(VOWELS & set(letters))
        if word_like or token in short_words or previous_caps:
            loud.append(token)
        previous_caps = True
    return loud


def check_message(text: str) -> list[Problem]:
    """Everything in a follow-up draft that hurts it, in the order it appears."""
    data = load_toml(data_path("prep", "followup_check.toml"))
    push, shout = data["pushiness"], data["shouting"]
    acronyms, short_words = set(shout["acronyms"]), set(shout["short_words"])
    all_sentences = sentences(text)
    whole = " ".join(all_sentences)
    short_span = _first(whole, push["short_spans"])
    problems: list[Problem] = []
    exclaimed = 0
    for sentence in all_sentences:
        for rule in data["rule"]:
            found = _first(sentence, rule["phrases"])
            if found:
                problems.append(Problem(kind=rule["kind"], text=sentence, advice=rule["advice"], match=found))
        repeated = _first(sentence, push["repeated"])
        waiting = _first(sentence, push["waiting"])
        urgent = _first(sentence, push["urgent"])
        if repeated:
            problems.append(Problem(kind="pushiness", text=sentence, advice=push["advice"], match=repeated))
        elif waiting and short_span:
            problems.append(Problem(kind="pushiness", text=sentence, advice=push["advice"],
                                    match=f"{waiting} ... {short_span}"))
        elif urgent and _first(sentence, push["replies"]):
            problems.append(Problem(kind="pushiness", text=sentence, advice=push["advice"], match=urgent))
        marks = re.findall(r"[!?]*![!?]*", sentence)
        exclaimed += bool(marks)
        loud = shouted_words(sentence, acronyms, short_words)
        if any(len(m) > 1 for m in marks) or (marks and exclaimed > MAX_EXCLAMATIONS) or loud:
            what = ", ".join(loud) if loud else max(marks, key=len)
            problems.append(Problem(kind="shouting", text=sentence, advice=shout["advice"], match=what))
    return problems


# ---- drafting from a session (pure) ---------------------------------------------


def answer_strength(turn: Turn) -> float:
    """How strong an answer is as an example to cite: STAR complete, measured result, no rambling."""
    feedback = turn.feedback
    if feedback is None or turn.answer is None or feedback.nothing_said:
        return -1.0
    score = 4 * (feedback.star.completeness or 0.0)
    score += 3 if feedback.result_quantified else 0
    score += 1 if feedback.star.result.present else 0
    score += 1 if feedback.length.verdict == "ok" else 0
    score -= 2 if feedback.rambling.is_rambling else 0
    return score - feedback.fillers.per_100_words / 10


def strongest_turn(session: Session) -> Turn | None:
    """The answer of the session best suited to cite, or None when nothing was answered."""
    answered = [t for t in session.turns if answer_strength(t) >= 0]
    return max(answered, key=answer_strength, default=None)


HARD_FILLERS = re.compile(r"\b(?:u+h*m+|u+h+|e+r+m+|h+m+)\b[,.]?\s*", re.IGNORECASE)
LEADING_LINKS = re.compile(r"^(?:(?:and|so|but|well|okay|ok|anyway|as a result|in the end|eventually|finally|overall|"
                           r"ultimately|at the end of the day|all in all)\b[,]?\s*)+", re.IGNORECASE)


def quotable(sentence: str) -> str:
    """A result sentence tidied to sit inside the message: no fillers or opening link word, a plain full stop."""
    text = HARD_FILLERS.sub("", sentence).strip()
    text = LEADING_LINKS.sub("", text).strip(" ,;")
    text = re.sub(r"[!?]+$", ".", text).replace("!", ".")
    if not text:
        return ""
    if not re.match(r"I\b|[A-Z]{2}", text):
        text = text[0].lower() + text[1:]  # it continues "as I mentioned, ..."
    return text if text.endswith(".") else text + "."


def result_to_cite(turn: Turn) -> str:
    """The turn's best result sentence to quote (a measured one first), or empty if none is fit to send."""
    evidence = list(turn.feedback.star.result.evidence) if turn.feedback else []
    evidence.sort(key=lambda s: not re.search(r"\d|percent|per cent|%", s))
    for sentence in evidence:
        text = quotable(sentence)
        if text and len(text.split()) <= MAX_QUOTE_WORDS and not check_message(text):
            return text
    return ""


def draft_followup(session: Session, to: str | None = None, sender: str | None = None,
                   fallback_competency: str = "") -> Draft:
    """A concise thank-you message for the role practised in a session, citing its strongest example."""
    role = session.role
    turn = strongest_turn(session)
    competency = (turn.question.competency if turn else "") or fallback_competency
    cited = result_to_cite(turn) if turn else ""
    greeting = f"Dear {to}," if to else "Hello,"
    sign = "Best regards," + (f"\n{sender}" if sender else "")

    excited = "and I am excited about the role"
    excited += f", especially the chance to bring my experience in {competency} to your team." if competency else "."
    paragraphs = [
        greeting,
        f"Thank you for taking the time to speak with me about the {role} position. "
        f"I enjoyed learning more about the team and its work, {excited}",
    ]
    if cited:
        example_of = "an example of that work" if competency else "one of my examples"
        paragraphs.append(f"I was glad to share {example_of}; as I mentioned, {cited}")
    paragraphs += [
        "If it would help, I would be happy to send examples of my work, references or any other information.",
        "Thank you again for your time. I look forward to hearing from you.",
        sign,
    ]
    subject = f"Thank you: {role} interview"
    nudge = "\n\n".join([
        greeting,
        f"I hope you are well. I wanted to follow up briefly on my interview for the {role} position. "
        "I am still very interested in the role, and happy to provide anything else that would help.",
        sign,
    ])
    example = None
    if turn is not None:
        example = {"session": session.id, "turn": turn.index + 1, "question": turn.question.text,
                   "competency": turn.question.competency, "result": cited or None}
    return Draft(subject=subject, message="\n\n".join(paragraphs), nudge=f"Subject: Re: {subject}\n\n{nudge}",
                 example=example)
