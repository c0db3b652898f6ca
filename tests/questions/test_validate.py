"""The question checker: what a candidate may be asked, and what is rejected and why."""

import pytest

from mockint.questions.validate import check_question, clean_question, is_yes_no

GOOD = [
    "Walk me through the hardest trade-off you made in your last system design, and how you decided?",
    "Tell me about a time you missed a deadline: what did you do, and what was the result?",
    "How would you prioritize two urgent patient requests arriving at the same moment, and why?",
    "Would you choose speed or accuracy for the quarterly forecast, and why?",  # a choice, not yes/no
    "Suppose the launch slips by two weeks: what would you cut first, and what would it cost?",
]


@pytest.mark.parametrize("text", GOOD)
def test_good_questions_pass(text):
    verdict = check_question(text)
    assert verdict.ok, verdict.reason
    assert verdict.text == text


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("Please make yourself seen.", "not a question or a request"),
        ("What about you?", "too short (3 words)"),
        ("Did you ever lead a migration project with a measurable result?", "yes/no question"),
        ("Would you like to explain how the payments migration went in detail?", "yes/no question"),
        ("Here is a second-round question: how do you measure impact?", "chatter, not a question"),
        ("What is the capital of France and how many people live there?", "not a question to the candidate"),
        ("What is your favourite colour and your favourite food?", "too shallow for a second round"),
        ("How how how do you measure the impact of your work?", "garbled"),
        ("What " + "really " * 60 + "matters to you and why?", "too long (66 words)"),
    ],
)
def test_bad_questions_are_rejected_with_a_reason(raw, reason):
    verdict = check_question(raw)
    assert not verdict.ok
    assert verdict.reason == reason


def test_near_duplicates_and_prompt_echoes_are_rejected():
    earlier = "Tell me about a time you resolved a conflict in your team: what did you do?"
    assert check_question(
        "Tell me about a time you resolved a conflict within your team: what exactly did you do?", asked=[earlier]
    ).reason == "near-duplicate of an earlier question"
    assert check_question(earlier, prompt_texts=[earlier]).reason == "echo of the prompt"
    assert check_question(
        "How do you decide which metrics matter when a launch goes wrong?", asked=[earlier]
    ).ok


def test_a_request_ending_with_a_full_stop_is_a_question():
    assert check_question("Tell me about a time you lost a customer, and how you handled it.").ok


def test_depth_is_specificity_not_the_word_how():
    assert check_question("How do you handle stress at work?").reason == "too shallow for a second round"
    assert check_question("How do you handle accruals and cut-off at year end for expenses whose invoices arrive late?").ok


def test_cleaning_strips_numbering_labels_and_trailing_text():
    assert clean_question('2. "How did you measure the impact of that change?" And then') == (
        "How did you measure the impact of that change?"
    )
    assert clean_question("Question: Why did you pick Kafka?") == "Why did you pick Kafka?"


def test_yes_no_detection_looks_at_the_main_clause():
    assert is_yes_no("You led the migration. Did it work?")
    assert not is_yes_no("You led the migration. How did you know it worked?")
