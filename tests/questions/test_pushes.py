"""Later questions push on what the candidate said: a twist, a challenged claim, what they would change."""

from dataclasses import replace

from mockint.domain import Question, QuestionKind
from mockint.questions.notes import extract_topics
from mockint.questions.pushes import Heard, claims, differently, note_claims, push, twist

ANSWER = ("So the checkout kept timing out. I led the fix with two engineers. We cut p99 latency from 900 to "
          "200 milliseconds, and I decided to roll back the framework upgrade first.")


def test_claims_are_whole_clauses_to_the_candidate_with_numbers_first():
    assert claims(ANSWER) == [
        ("your team cut p99 latency from 900 to 200 milliseconds", "number"),
        ("you decided to roll back the framework upgrade first", "decision"),
        ("you led the fix with two engineers", "action"),
    ]


def test_a_twist_names_the_earlier_scenario():
    q = Question(text="In the cruise you get a caution for the loss of one hydraulic system: walk me through it?",
                 kind=QuestionKind.technical, twist="Now it happens at night over the ocean: what changes?")
    assert twist(q) == ("Back to the earlier scenario: in the cruise you get a caution for the loss of one hydraulic "
                        "system. Now it happens at night over the ocean: what changes?")


def test_what_would_you_do_differently_names_the_story():
    assert differently("Tell me about a production incident you owned from detection to postmortem: what did you do?") == (
        "Going back to the production incident you owned from detection to postmortem: knowing what you know now, "
        "what would you do differently, and why?")


def test_push_prefers_a_twist_then_a_claim_and_never_pushes_twice():
    story = Question(text="Tell me about a launch you rescued: what did you cut?", kind=QuestionKind.behavioral)
    scenario = Question(text="A release fails at midnight: what do you do?", kind=QuestionKind.situational,
                        twist="Now the on-call engineer is unreachable: who do you call?")
    heard = [Heard(story, ANSWER), Heard(scenario, "I would roll back.")]
    used: set[str] = set()
    first, second = push(heard, [], used), push(heard, [], used)
    assert first[1] == "twist" and "a release fails at midnight" in first[0]
    assert second == ("Earlier you said your team cut p99 latency from 900 to 200 milliseconds. How did you measure "
                      "that, and what else could explain the change?", "challenge")


def test_without_answers_a_first_round_claim_is_challenged_and_then_nothing():
    used: set[str] = set()
    text, how = push([], ["you stopped the job and told the customer"], used)
    assert text.startswith("In your first round you said you stopped the job") and how == "challenge"
    assert push([], ["you stopped the job and told the customer"], used) is None


def test_an_answer_the_panel_put_right_is_never_challenged_as_a_claim():
    corrected = ("- scenario: resident found on the floor, nobody saw. I said I ask the other carers. Sue say no - check "
                 "for injury, call the nurse, fill the accident form")
    (topic,) = extract_topics(corrected)
    assert topic.said == "you ask the other carers" and topic.trouble == "corrected"
    assert note_claims([topic]) == []
    assert note_claims([replace(topic, trouble="vague")]) == ["you ask the other carers"]  # said, not put right
