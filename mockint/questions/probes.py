"""Second-round probes of the first round: a lead that names the topic and what went badly, then the ask.

The words come from two places only: whole clauses of the candidate's notes (parsed by
notes.py) and fixed wording in prompts/templates/first_round.toml. The ask is chosen by
the kind of trouble the notes describe (no numbers, rambling, something left out, ...),
and by whether the topic was what the candidate did or what they would do.
"""

from __future__ import annotations

import random
import re

from mockint.questions.notes import NoteTopic
from mockint.questions.templates import toml_template


# A question about why the candidate wants the move: its probe asks for the real reasons.
MOTIVATION = re.compile(r"\bwhy you(?:'re| are)? (?:want|leav|left|looking|applied|chose|join)\w*|\bmotivat\w*", re.I)


SALARY = re.compile(r"\b(?:salary|pay|compensation|package|notice period)\b", re.I)


def lead(topic: NoteTopic) -> str:
    """The sentence that takes the candidate back to the first round, ending before the full stop."""
    templates = toml_template("first_round.toml")
    leads, said = templates["leads"], templates["trouble_said"]
    if not topic.topic and not topic.went_badly:
        return leads["nothing_named"]
    if not topic.topic or (topic.went_badly and topic.topic.lower() in topic.went_badly.lower()):
        return leads["only_trouble"].format(went_badly=topic.went_badly)
    if topic.form == "claim":
        text = leads["claim"].format(topic=topic.topic)
    elif topic.asked:
        plain = topic.form == "thing" and not topic.topic.lower().endswith(" question")
        text = leads["asked_thing" if plain else "asked_question"].format(topic=topic.topic)
    else:
        text = leads["talked"].format(topic=topic.topic)
    if topic.struggled:
        text += ", " + (f"and {topic.went_badly}" if topic.went_badly else said.get(topic.trouble, said["other"]))
    return text


def ask(topic: NoteTopic, rng: random.Random) -> str:
    """What the probe asks, chosen by the trouble's kind and whether the topic is hypothetical."""
    asks = toml_template("first_round.toml")["asks"]
    trouble = topic.trouble or "fine"
    if not topic.topic and not topic.went_badly:
        trouble = "nothing_named"
    elif SALARY.search(topic.topic):
        trouble = "salary"
    elif MOTIVATION.search(topic.topic):
        trouble = "motivation"
    elif not topic.struggled:
        trouble = "fine"
    options = asks.get(trouble, asks["other"])
    tense = "would" if topic.hypothetical else "past"
    if trouble == "omission" and not topic.missing:
        tense = "none"
    return rng.choice(options[tense]).format(missing=topic.missing)


def probe(topic: NoteTopic, rng: random.Random) -> str:
    """The whole first-round probe, e.g. "In your first round you were asked about X, and you
    forgot to mention Y. Take me through it again, and this time cover Y: ...?"."""
    return f"{capitalised(lead(topic))}. {ask(topic, rng)}"


def capitalised(text: str) -> str:
    """The text with its first letter upper case (and the rest as written: names keep their case)."""
    return text[:1].upper() + text[1:]
