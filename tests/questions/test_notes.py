"""First-round notes: the topics a second round goes back to."""

from mockint.questions.notes import extract_topics

NOTES = """They asked about the payments migration I led in 2023.
I struggled to explain how I measured the rollout's success.
- system design on rate limiting went badly, I forgot about caching
I rambled when asked why I am leaving my job.
The weather was nice."""


def test_topics_are_found_rephrased_and_struggles_come_first():
    topics = extract_topics(NOTES)
    phrases = [t.topic for t in topics]
    assert phrases[:3] == [
        "how you measured the rollout's success",
        "system design on rate limiting",
        "why you are leaving your job",
    ]
    assert "the payments migration you led in 2023" in phrases
    assert all(t.struggled for t in topics[:3]) and not topics[-1].struggled
    assert not any("weather" in p for p in phrases)


def test_notes_without_cue_words_still_give_a_topic():
    topics = extract_topics("Panel of three engineers from the billing platform team.")
    assert len(topics) == 1 and "billing platform" in topics[0].topic


def test_empty_notes_give_nothing():
    assert extract_topics(None) == [] and extract_topics("  \n") == []
