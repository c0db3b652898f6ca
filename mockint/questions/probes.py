"""Second-round probes of the first round: a lead that names the topic and what went badly, then the ask.

The words come from two places only: a topic from the notes that passed `sayable` (a clean
phrase an interviewer would say; notes.py drops the rest) and fixed wording in
prompts/templates/first_round.toml. What went badly is never pasted from the notes: its kind
(no figures, a fact that would not come, a calculation, rambling, ...) picks a fixed phrase and
an ask that fits that kind of trouble, in the past for what the candidate did and with "would"
for what they would do.
"""

from __future__ import annotations

import random
import re

from mockint.questions.notes import NoteTopic
from mockint.questions.shorthand import sayable
from mockint.questions.templates import toml_template

# A question about why the candidate wants the move: its probe asks for the real reasons.
MOTIVATION = re.compile(r"\bwhy you(?:'re| are)? (?:want|leav|left|looking|applied|chose|join)\w*|\bmotivat\w*", re.I)
SALARY = re.compile(r"\b(?:salary|pay|compensation|package|notice period)\b", re.I)


# A topic that is one event the candidate lived through: "going one level deeper" fits it.
STORY = re.compile(r"\byou (?:\w+ed|led|ran|did|made|found|caught|built|won|lost|wrote|took|gave|chose|held|brought|"
                   r"sent|told|set up|dealt)\b|\b(?:case|incident|claim|inspection|project|migration|review|"
                   r"exhibition|campaign|complaint|deviation|breakdown|error|install|enquiry|story|rollout|launch|"
                   r"outage|dispute|tender|evaluation)\b", re.I)


def worth_probing(topic: NoteTopic) -> bool:
    """Whether a second-round interviewer would go back to this topic: it went badly, or it is a story to go deeper on."""
    trouble = trouble_of(topic)
    if trouble in ("nothing_named", "salary", "motivation"):
        return True
    if trouble == "fine":
        return topic.form in ("thing", "claim") and bool(STORY.search(topic.topic))
    return True


def trouble_of(topic: NoteTopic) -> str:
    """The kind of trouble that decides the probe's wording: the notes' kind, or what the topic itself calls for."""
    if not topic.topic and not topic.missing:
        return "nothing_named"
    if SALARY.search(topic.topic):
        return "salary"
    if MOTIVATION.search(topic.topic):
        return "motivation"
    if not topic.struggled:
        return "fine"
    if topic.trouble == "omission" and not missing_of(topic):
        return "omission_unnamed"
    return topic.trouble or "other"


def missing_of(topic: NoteTopic) -> str:
    """What was left out, when it can be said cleanly; else ""."""
    return sayable(topic.missing) if topic.missing else ""


def lead(topic: NoteTopic) -> str:
    """The sentence that takes the candidate back to the first round, ending before the full stop."""
    templates = toml_template("first_round.toml")
    leads, said = templates["leads"], templates["trouble_said"]
    trouble = trouble_of(topic)
    if trouble == "nothing_named":
        return leads["nothing_named"]
    if not topic.topic:
        return leads["only_missing"].format(missing=missing_of(topic))
    if topic.form == "claim":
        text = leads["claim"].format(topic=topic.topic)
    elif topic.form == "task":
        text = leads["asked_task"].format(topic=topic.topic)
    elif topic.form == "question":
        text = leads["asked_question"].format(topic=topic.topic)
    else:
        text = leads["talked"].format(topic=topic.topic)
    phrase = said.get(trouble, said["other"])
    return f"{text}, {phrase.format(missing=missing_of(topic))}" if phrase else text


def ask(topic: NoteTopic, rng: random.Random) -> str:
    """What the probe asks, chosen by the trouble's kind and whether the topic is hypothetical."""
    asks = toml_template("first_round.toml")["asks"]
    trouble = trouble_of(topic)
    if not topic.topic and trouble != "nothing_named":
        trouble = "only_missing"
    options = asks.get(trouble, asks["other"])
    if topic.hypothetical:
        tense = "would"
    elif STORY.search(topic.topic) or topic.form == "claim":
        tense = "past"
    else:
        tense = "plain"  # a subject rather than one event ("your conversion rate", "deposit protection")
    return rng.choice(options.get(tense) or options["past"]).format(missing=missing_of(topic))


def probe(topic: NoteTopic, rng: random.Random) -> str:
    """The whole first-round probe, e.g. "In your first interview we talked about the falls audit, and
    you weren't sure of the outcome. What did it change in the end, in numbers if you can?"."""
    return f"{capitalised(lead(topic))}. {ask(topic, rng)}"


def capitalised(text: str) -> str:
    """The text with its first letter upper case (and the rest as written: names keep their case)."""
    return text[:1].upper() + text[1:]
