"""First-round probes: they name the topic and what went badly, and ask for what was missing."""

import random

import pytest

from mockint.questions.notes import extract_topics
from mockint.questions.probes import probe, wants_story
from mockint.questions.validate import check_question


@pytest.mark.parametrize("notes, expected", [
    ("They asked about a gearbox fault I found on a 2.5 MW turbine. I forgot to mention the lockout procedure.",
     "In your first interview we talked about a gearbox fault you found on a 2.5 MW turbine, and you didn't mention "
     "the lockout procedure. Where does it come in, and why does it matter?"),
    ("- asked how I'd handle a dog crashing under anaesthesia\n- I blanked on the drug doses",
     # The gap is named and asked for as numbers (was "what are the key points, and where would you check them?").
     "In your first interview we asked how you'd handle a dog crashing under anaesthesia, and you weren't sure of the "
     "drug doses. Take me through them now: what are the numbers, and how do you use them in practice?"),
    ("Talked about cutting breakdowns on 120 delivery vans. They wanted numbers on cost per mile and I didn't have them.",
     # An achievement's figures are asked for before and after (was "how do you keep track of them?").
     "In your first interview we talked about cutting breakdowns on 120 delivery vans, and you didn't have the figures "
     "to hand. What were the actual figures, before and after, and how did you measure them?"),
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
        "In your first interview we talked about the salary question. Let's settle it now: what range are you "
        "looking for, and how did you arrive at it?",
        "In your first interview we talked about the A/B test, and you didn't have the figures to hand. What were the "
        "actual figures, before and after, and how did you measure them?",
        "In your first interview we asked why you are leaving your current job. Tell me more now, as specifically "
        "as you can: what is drawing you to this role, and what would make you stay?",
    ]


@pytest.mark.parametrize("notes, story", [
    ("They asked for an example of a time I handled a complaint and no example came to mind.", True),
    ("Talked about the ADP migration. I was vague about my own part in it.", True),
    # A fact, one part of a story, or a short version of the main points: no STAR panel for these answers.
    ("Asked what HEMA is and I blanked.", False),
    ("They asked about the falls audit, I wasn't sure of the outcome.", False),
    ("asked about the difference between a hazard and a risk, got it wrong", False),
])
def test_a_probe_says_whether_it_asks_for_one_past_event_told_in_full(notes, story):
    assert wants_story(extract_topics(notes)[0]) is story
