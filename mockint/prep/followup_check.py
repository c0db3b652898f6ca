"""Checking a follow-up message after an interview, as a careful coach would, sentence by sentence.

What hurts a follow-up comes in three shapes, and each has its own check:
- something said that should not be (exaggeration, desperation, entitlement, condescension,
  negativity, pushiness, slang): phrases from prompts/prep/followup_check.toml, per sentence;
- how it is said (shouting, fillers, all lower case, no greeting or sign-off): rules in code
  reading lists from the same file;
- something a thank-you must have and lacks (thanks, enthusiasm, one specific thing from
  the conversation), and a message sent too soon when the dates are known.
The checker prefers missing a borderline phrase to a false alarm on a good draft: "please"
is flagged only when it pleads, "haven't heard back" only next to a short time span,
capitals only when they spell a common word, not an acronym.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from mockint.data import data_path, load_toml
from mockint.feedback.fillers import find_fillers
from mockint.prep.message_parts import Message, first_phrase, parse_message, shouted_words, specific_anchors
from mockint.prep.send_timing import MessageType, SendDates, too_soon

ProblemKind = Literal[
    "no_thanks", "no_enthusiasm", "no_specifics", "exaggeration", "desperation", "entitlement", "condescension",
    "pushiness", "shouting", "register", "too_soon", "negativity", "placeholder",
]
# More exclamation marks than this in one message reads as shouting (one "Thank you!" is fine).
MAX_EXCLAMATIONS = 1
# Share of sentences starting in lower case above which the message reads as written all in lower case.
LOWERCASE_SHARE = 0.6
PLACEHOLDER = re.compile(r"\[[^\]\n]{3,}\]")


class Problem(BaseModel):
    """One thing in a draft that hurts it: what kind, the offending sentence, and what to do instead."""

    kind: ProblemKind
    text: str = ""
    advice: str
    match: str = ""


def check_rules() -> dict:
    """The checker's lexicons and advice (prompts/prep/followup_check.toml)."""
    return load_toml(data_path("prep", "followup_check.toml"))


# ---- the checks (pure) -------------------------------------------------------------


def said_problems(sentences: list[str], data: dict) -> list[Problem]:
    """What should not be said: one problem per kind per sentence, from the phrase rules and pushiness."""
    push = data["pushiness"]
    short_span = first_phrase(" ".join(sentences), push["short_spans"])
    problems = []
    for sentence in sentences:
        for rule in data["rule"]:
            found = first_phrase(sentence, rule["phrases"])
            if found:
                problems.append(Problem(kind=rule["kind"], text=sentence, advice=rule["advice"], match=found))
        repeated = first_phrase(sentence, push["repeated"])
        waiting = first_phrase(sentence, push["waiting"])
        urgent = first_phrase(sentence, push["urgent"])
        match = repeated or (waiting and short_span and f"{waiting} ... {short_span}") or (
            urgent and first_phrase(sentence, push["replies"]) and urgent)
        if match and not any(p.kind == "pushiness" and p.text == sentence for p in problems):
            problems.append(Problem(kind="pushiness", text=sentence, advice=push["advice"], match=match))
    return problems


def shouting_problems(sentences: list[str], shout: dict) -> list[Problem]:
    """Common words in capitals, "!!" anywhere, and any exclamation mark after the first."""
    acronyms, short_words, named = set(shout["acronyms"]), set(shout["short_words"]), set(shout["named_by"])
    problems, exclaimed = [], 0
    for sentence in sentences:
        marks = re.findall(r"[!?]*![!?]*", sentence)
        exclaimed += bool(marks)
        loud = shouted_words(sentence, acronyms, short_words, named)
        if any(len(m) > 1 for m in marks) or (marks and exclaimed > MAX_EXCLAMATIONS) or loud:
            what = ", ".join(loud) if loud else max(marks, key=len)
            problems.append(Problem(kind="shouting", text=sentence, advice=shout["advice"], match=what))
    return problems


def register_problems(message: Message, register: dict) -> list[Problem]:
    """A casual register: fillers and slang, all lower case, no greeting or no sign-off."""
    advice, problems = register["advice"], []
    counted = set(register["fillers"])
    for sentence in ([message.greeting] if message.greeting else []) + list(message.sentences):
        casual = [h.text for h in find_fillers(sentence) if h.filler in counted
                  and not re.search(r"\b(?:sure|as|if|let|do)\s+$", sentence[:h.start_char], re.IGNORECASE)]
        slang = first_phrase(sentence, register["slang"])
        if casual or slang:
            problems.append(Problem(kind="register", text=sentence, advice=advice,
                                    match=", ".join(casual + ([slang] if slang else []))))
    starts = [s for s in message.sentences if re.match(r"[\"'(]?[A-Za-z]", s)]
    lower = [s for s in starts if re.match(r"[\"'(]?[a-z]", s)]
    if len(lower) >= 2 and len(lower) >= LOWERCASE_SHARE * len(starts):
        problems.append(Problem(kind="register", text=lower[0], advice=register["lowercase_advice"],
                                match="all lower case"))
    if not message.greeting:
        problems.append(Problem(kind="register", advice=register["greeting_advice"], match="no greeting"))
    if not message.sign_off:
        problems.append(Problem(kind="register", advice=register["sign_off_advice"], match="no sign-off"))
    return problems


def missing_problems(message: Message, message_type: MessageType, data: dict, found: set[str]) -> list[Problem]:
    """What a message of its type must have and lacks: thanks, enthusiasm, one specific thing from the talk."""
    missing, problems = data["missing"], []
    text = " ".join([message.subject, *message.sentences])
    for kind in ("no_thanks", "no_enthusiasm"):
        need = missing[kind]
        # Overstated or pleading interest is still interest: the problem is how it is said, already flagged.
        stated_otherwise = bool(set(need.get("also", [])) & found)
        if message_type in need["types"] and not stated_otherwise and not first_phrase(text, need["phrases"]):
            problems.append(Problem(kind=kind, advice=need["advice"]))
    specifics = missing["no_specifics"]
    if message_type in specifics["types"] and not specific_anchors(message, specifics):
        problems.append(Problem(kind="no_specifics", advice=specifics["advice"]))
    return problems


NUDGE_WORDS = re.compile(r"\b(?:follow(?:ing)? up|check(?:ing)? in|any update|an update|update on|where things stand|"
                         r"status of|writing once more|hear(?:d)? back)\b", re.IGNORECASE)
THANKS_FOR = re.compile(r"\bthank(?:s| you)(?: so much| very much)? for "
                        r"(?:the|your|meeting|taking|speaking|interviewing|"
                        r"talking|having|showing|inviting|welcoming|a |our)", re.IGNORECASE)


def guess_message_type(text: str, dates: SendDates | None = None) -> MessageType:
    """Whether a draft is a thank-you or a nudge: a message after an earlier one is a nudge; else by its words."""
    if dates and (dates.last_sent or dates.interview):
        return "nudge" if dates.last_sent else "thank_you"
    return "nudge" if NUDGE_WORDS.search(text) and not THANKS_FOR.search(text) else "thank_you"


def check_sentence(sentence: str) -> list[Problem]:
    """What hurts one sentence on its own (said or how it is said), for a sentence about to go into a draft."""
    data = check_rules()
    message = parse_message(f"Hello,\n\n{sentence}\n\nBest,\nA", data["parts"])
    return said_problems(list(message.sentences), data) + shouting_problems(list(message.sentences), data["shouting"]) \
        + register_problems(message, data["register"])


def check_message(text: str, message_type: MessageType = "thank_you", dates: SendDates | None = None) -> list[Problem]:
    """Everything that hurts a follow-up draft: what is said and how, in reading order, then what is missing."""
    data = check_rules()
    placeholders = PLACEHOLDER.findall(text)
    # A placeholder stands for the specific thing the writer will put there: the other checks read it as such.
    message = parse_message(PLACEHOLDER.sub("the specific point", text), data["parts"])
    sentences = [message.subject, *message.sentences] if message.subject else list(message.sentences)
    problems = said_problems(sentences, data) + shouting_problems(sentences, data["shouting"])
    problems += register_problems(message, data["register"])
    order = {s: i for i, s in reversed(list(enumerate([message.greeting, *sentences])))}
    problems.sort(key=lambda p: order.get(p.text, len(order)))
    if not placeholders:
        problems += missing_problems(message, message_type, data, {p.kind for p in problems})
    late = too_soon(message_type, dates) if dates else ""
    if late:
        problems.append(Problem(kind="too_soon", text=late, advice=data["too_soon"]["advice"]))
    problems += [Problem(kind="placeholder", text=p, advice=data["placeholder"]["advice"], match=p)
                 for p in placeholders]
    return problems
