"""First-round notes: topic, what was said and what went badly, each a whole clause."""

import random

from mockint.questions.notes import extract_topics
from mockint.questions.probes import probe

NOTES = """They asked about the payments migration I led in 2023.
I struggled to explain how I measured the rollout's success.
- system design on rate limiting went badly, I forgot about caching
I rambled when asked why I am leaving my job.
The weather was nice."""


def test_a_struggle_right_after_a_topic_is_about_that_topic_and_comes_first():
    topics = extract_topics(NOTES)
    first = topics[0]
    assert first.topic == "the payments migration you led in 2023" and first.asked and first.struggled
    assert first.went_badly == "you struggled to explain how you measured the rollout's success"
    assert first.trouble == "numbers"  # "measured": the probe asks for the numbers
    phrases = [t.topic for t in topics]
    assert "the system design on rate limiting" in phrases and not any("weather" in p for p in phrases)
    assert all(t.struggled for t in topics)


def test_numbers_and_names_are_kept_whole_and_nothing_is_cut_mid_phrase():
    (topic,) = extract_topics("They asked about a gearbox fault I found on a 2.5 MW turbine at Hornsea, "
                              "which took 3 days to fix. I forgot to mention the lockout procedure until they prompted me.")
    assert topic.topic == "a gearbox fault you found on a 2.5 MW turbine at Hornsea"
    assert topic.trouble == "omission" and topic.missing == "the lockout procedure"
    assert topic.went_badly == "you forgot to mention the lockout procedure until they prompted you"


def test_what_the_candidate_said_is_kept_as_a_claim_to_challenge():
    topics = extract_topics("They asked about a roof install where the rafters were rotten. "
                            "I said I stopped the job and told the customer.")
    assert topics[0].said == "you stopped the job and told the customer"


def test_a_labelled_exercise_is_a_hypothetical_topic():
    (topic,) = extract_topics("System design: serving a recommendation model at 5k QPS.\n"
                              "Went badly: I didn't know how to handle feature freshness.")
    assert topic.topic == "serving a recommendation model at 5k QPS" and topic.hypothetical
    assert topic.struggled and topic.trouble == "explain"


def test_a_hard_moment_that_names_its_own_question_is_a_topic_of_its_own():
    topics = extract_topics("They asked about the year-end migration to ADP.\n"
                            "I struggled with the question on handling an overpayment to a senior director.")
    assert [t.topic for t in topics] == ["handling an overpayment to a senior director", "the year-end migration to ADP"]


def test_the_candidates_own_questions_to_them_are_never_topics():
    topics = extract_topics("They asked about the churn model.\n\nMy questions to them:\n- I asked about the roadmap")
    assert [t.topic for t in topics] == ["the churn model"]


def test_notes_that_name_nothing_whole_give_a_probe_that_pastes_nothing():
    (topic,) = extract_topics("Panel of three engineers from the billing platform team.")
    assert topic.topic == "" and not topic.struggled
    assert probe(topic, random.Random(0)) == ("Let's go back to your first interview. Which of your answers would you most "
                                              "like to give again, and what would you say differently now?")


def test_question_and_answer_notes_keep_the_answer_with_its_question():
    topics = extract_topics("Q: How do you prioritise your workload?\nA: I rambled, no structure\n"
                            "Conflict question - used the story about the night shift rota. I didn't show impact.")
    assert [(t.topic, t.trouble) for t in topics] == [("how you prioritise your workload", "rambling"),
                                                     ("the conflict question", "vague")]


def test_empty_notes_give_nothing():
    assert extract_topics(None) == [] and extract_topics("  \n") == []
