"""Rambling is a combination of signals, never length or fillers alone."""

from mockint.domain import QuestionKind, Transcript
from mockint.feedback import analyze
from mockint.feedback import rambling as signals

Q = "Tell me about a time you handled a difficult customer."


def rambling_of(text: str, question: str = Q):
    return analyze(Transcript(text=text), question=question).rambling


def test_a_concise_answer_full_of_fillers_is_disfluent_not_rambling():
    text = ("Um, so, last month a customer, uh, called about a late order for his daughter's birthday. Um, I "
            "had to, like, calm him down and get the parcel to him in time. I, uh, checked the warehouse system, "
            "found the parcel, and, um, sent it by courier. Uh, he got it the next day and, um, he thanked us.")
    fb = analyze(Transcript(text=text), question=Q)
    assert fb.word_count >= 50 and fb.fillers.per_100_words > 10
    assert signals.FILLERS in fb.rambling.signals  # noticed, and named in the feedback...
    assert not fb.rambling.is_rambling  # ...but fillers alone do not make an answer ramble


def test_a_short_answer_never_rambles():
    assert not rambling_of("Um, uh, I, like, you know, fixed it, um, I guess, so yeah.").is_rambling


def test_going_round_in_circles_is_rambling_by_repetition():
    text = ("The customer was difficult, really difficult, the most difficult customer I have had. She was "
            "difficult because she complained, and she complained about everything, and complaining was all "
            "she did. I tried to be patient, and being patient is important with difficult customers, because "
            "difficult customers need patience. So I was patient with her, very patient. Like I said, she was "
            "difficult and she complained, and I was patient, and patience is the key with difficult customers. "
            "In the end I was patient and she was still difficult.")
    result = rambling_of(text)
    assert result.is_rambling
    assert signals.REPETITION in result.signals


def test_a_story_that_never_reaches_what_the_candidate_did_is_rambling():
    text = ("A couple of years ago I worked in a call centre for an energy company with about 400 agents. "
            "There was one customer who had been overcharged for months, because his meter had been read "
            "wrongly since he moved in, and he had already called nine times. Every time he called he got a "
            "different agent, and every agent opened a new ticket, so nobody could see the whole history. "
            "His wife was ill at the time, which made the bills even more stressful for him, and the company "
            "had just changed its billing system, so a lot of accounts had problems that winter. The press had "
            "also picked up stories about billing errors, and management was nervous about complaints.")
    result = rambling_of(text)
    assert result.is_rambling
    assert signals.LATE_ACTION in result.signals


def test_a_long_but_focused_answer_is_not_rambling():
    text = ("Last winter a hotel client of ours was about to cancel because their booking engine kept "
            "double-booking rooms. As their account manager, I was responsible for keeping them. I flew out "
            "to meet their front desk team, watched how they took bookings, and found that two channels were "
            "syncing every hour instead of every minute. I worked with our engineers to change the sync, and "
            "I called the general manager every Friday for a month with the numbers. Double bookings fell "
            "from twelve a week to none, and they renewed for three years. Since then I visit every new "
            "client in their first month, because seeing the work in person found the problem in a day.")
    result = rambling_of(text)
    assert not result.is_rambling


def test_trailing_off_and_fillers_together_make_rambling_and_are_listed():
    text = ("So, um, there was this, uh, customer, and, um, he was, like, really angry, and, uh, I was, like, "
            "trying to help, and, um, he kept, uh, shouting, and, you know, I kind of, um, let him, uh, talk, "
            "and, um, then I, uh, looked at his, um, account, and, like, it was, uh, a billing thing, I think, "
            "and, um, yeah, it was, like, a long call, and, uh, so yeah")
    result = rambling_of(text)
    assert result.is_rambling
    assert analyze(Transcript(text=text), question=Q, encoder=False).rambling.is_rambling  # the rules agree
    assert {signals.FILLERS, signals.NO_CONCLUSION} <= set(result.signals)


def test_a_situational_answer_that_never_says_what_you_would_do_is_flagged():
    text = ("That's a good question, and it happens a lot. Deadlines are important in every team, and some "
            "people are better with deadlines than others. Some managers are very strict and some are relaxed, "
            "and a lot of it depends on the company culture. Culture matters a lot, and every company is "
            "different, and anyway it depends on the person too, and people are different.")
    result = analyze(Transcript(text=text), question="What would you do if a colleague kept missing deadlines?",
                     kind=QuestionKind.situational).rambling
    assert result.is_rambling
    assert signals.NO_ANSWER in result.signals


def test_jumping_between_stories_is_rambling_with_its_own_tip():
    text = ("I've had a few of those as an area manager. The first one that comes to mind is Wakefield, which was "
            "bottom of the area on every measure when I took it on, and the store manager there was lovely but had "
            "been promoted too early. So I spent a lot of time there, two days a week for a while. And then there "
            "was Pontefract, which was a different problem: fine on sales, but the shrinkage was really bad, and "
            "that's a whole story in itself. At Wakefield we did a lot of coaching with the manager.")
    fb = analyze(Transcript(text=text), question="Tell me about a time you turned around an underperforming store.")
    assert fb.rambling.is_rambling and "jumps between stories" in fb.rambling.signals
    assert fb.rambling.details["story_hops"] >= 2
    assert any("more than one story" in tip for tip in fb.tips)
