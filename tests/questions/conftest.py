"""Helpers shared by the notes-probe tests."""

import random

from mockint.questions.notes import extract_topics
from mockint.questions.probes import probe, to_probe


def probes_for(notes: str) -> list[str]:
    """The probes a candidate with these first-round notes would be asked, in order (a fixed wording seed)."""
    return [probe(t, random.Random(0)) for t in to_probe(extract_topics(notes))]
