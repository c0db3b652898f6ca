"""Filler words: hard ones always, soft ones only where they work as fillers, traps never."""

import pytest

from mockint.domain import Word
from mockint.feedback.fillers import find_fillers, summarize_fillers


def counts(text: str) -> dict[str, int]:
    hits = find_fillers(text)
    return summarize_fillers(hits, max(1, len(text.split()))).counts


def test_hard_fillers_and_their_elongations_are_counted_whatever_the_case_and_punctuation():
    text = "Umm, so I... Uhh. Hmmm, ermm, uhm, we shipped it. Er, ah, um uh hm."
    assert counts(text) == {"um": 3, "uh": 2, "hmm": 2, "erm": 1, "er": 1, "ah": 1, "so": 1}


@pytest.mark.parametrize("text", [
    "I like Python and I'd like to use it more.",
    "I would like to lead the team.",
    "It sounds like a plan, and it looked like it would work.",
    "We automated it so that nobody had to do it by hand.",
    "Right now the team is small, but right before launch we grew.",
    "It was a well-designed system and it went well.",
    "That is the kind of impact I want, and what sort of team you have matters.",
    "We also used tools like Jira and Slack.",
    "Like I said, the deadline was fixed.",
    "When I worked in the ER, I tended to err on the side of caution.",
    "My umbrella, the hummus and the Uhlmann report.",
    "You know how it is with contractors.",
    "What I mean is that the plan was fine.",
    "What actually happened was a timeout.",
    "I think so, and so on.",
])
def test_filler_traps_are_not_counted(text):
    assert find_fillers(text) == []


@pytest.mark.parametrize("text, expected", [
    ("We were, like, four engineers.", {"like": 1}),
    ("We had like 20 tickets open.", {"like": 1}),
    ("It was, you know, hard to explain.", {"you know": 1}),
    ("I mean, we had no choice.", {"I mean": 1}),
    ("It was basically a rewrite and I literally rewrote it.", {"basically": 1, "literally": 1}),
    ("I kind of took over and it was sort of messy.", {"kind of": 1, "sort of": 1}),
    ("Actually, the key was the chart.", {"actually": 1}),
    ("Well, when I took over, we were last, right?", {"well": 1, "right": 1}),
    ("So I was working at a bank. So yeah, that was it.", {"so": 2}),
    ("Um, so last term I had a student.", {"um": 1, "so": 1}),
    ("The caterer just, like, didn't show up.", {"like": 1}),
])
def test_soft_fillers_are_counted_where_they_work_as_fillers(text, expected):
    assert counts(text) == expected


def test_multi_word_fillers_are_one_hit_spanning_both_words():
    text = "It was, you know, fine."
    [hit] = find_fillers(text)
    assert (hit.filler, hit.kind, text[hit.start_char:hit.end_char]) == ("you know", "soft", "you know")


def test_summary_gives_totals_kinds_and_rate_per_100_words():
    hits = find_fillers("Um, I was, like, late. Uh, sorry.")
    summary = summarize_fillers(hits, word_count=8)
    assert (summary.total, summary.hard, summary.soft) == (3, 2, 1)
    assert summary.counts == {"um": 1, "like": 1, "uh": 1}
    assert summary.per_100_words == 37.5


def test_spoken_fillers_carry_the_time_they_were_said():
    words = [Word(text=" Um,", start=0.0, end=0.3), Word(text=" I", start=0.5, end=0.6),
             Word(text=" fixed", start=0.6, end=0.9), Word(text=" it,", start=0.9, end=1.1),
             Word(text=" uh,", start=2.0, end=2.2), Word(text=" fast.", start=2.4, end=2.7)]
    hits = find_fillers("Um, I fixed it, uh, fast.", words)
    assert [(h.filler, h.time) for h in hits] == [("um", 0.0), ("uh", 2.0)]
