"""First-round probes: they name the topic and what went badly, and ask for what was missing."""

import random

import pytest

from mockint.questions.notes import extract_topics
from mockint.questions.probes import probe
from mockint.questions.validate import check_question


@pytest.mark.parametrize("notes, expected", [
    ("They asked about a gearbox fault I found on a 2.5 MW turbine. I forgot to mention the lockout procedure.",
     "In your first round you were asked about a gearbox fault you found on a 2.5 MW turbine, and you forgot to "
     "mention the lockout procedure. Take me through it again, and this time cover the lockout procedure: what did "
     "you do about it, and why did it matter?"),
    ("- asked how I'd handle a dog crashing under anaesthesia\n- I blanked on the drug doses",
     "In your first round you were asked how you'd handle a dog crashing under anaesthesia, and you blanked on the "
     "drug doses. Take me through it step by step now: what would you do first, what would you check, and when "
     "would you escalate?"),
    ("Talked about cutting breakdowns on 120 delivery vans. They wanted numbers on cost per mile and I didn't have them.",
     "In your first round you talked about cutting breakdowns on 120 delivery vans, and they wanted numbers on cost "
     "per mile and you didn't have them. Put numbers on it this time: what did you measure, and what did the results show?"),
])
def test_a_probe_names_the_topic_and_the_trouble_and_asks_for_what_was_missing(notes, expected):
    topic = extract_topics(notes)[0]
    assert probe(topic, random.Random(0)) == expected


def test_every_probe_passes_the_checker_of_questions():
    notes = ("They asked me to build a by-the-glass list for a seafood menu. I rambled about Burgundy.\n"
             "I was vague about my own part in the ADP migration.\nThey asked about caseload management with 80 children.")
    for topic in extract_topics(notes):
        text = probe(topic, random.Random(1))
        assert check_question(text).ok, text


def test_a_rendered_debrief_goes_through_the_same_path():
    from datetime import datetime, timezone

    from mockint.prep.debrief import Debrief, render_notes

    notes = render_notes(Debrief(id=1, role="Data Scientist", started_at=datetime.now(timezone.utc), steps={
        "their_questions": "Why are you leaving your current job?",
        "struggled": "the salary question\nI had no numbers for the A/B test",
        "my_questions": "What does on-call look like?",
    }))
    texts = [probe(t, random.Random(0)) for t in extract_topics(notes)]
    assert texts == [
        "In your first round you struggled with the salary question. Let's settle it now: what range are you "
        "looking for, and how did you arrive at it?",
        "In your first round you had no numbers for the A/B test. Put numbers on it this time: what did you "
        "measure, and what did the results show?",
        "In your first round you were asked why you are leaving your current job. Give me the honest, specific "
        "version now: what is pulling you towards this role, and what would make you stay?",
    ]
