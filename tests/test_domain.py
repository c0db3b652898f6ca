"""Domain helpers that views rely on."""

from __future__ import annotations

from mockint.domain import STAR_PARTS, Question, QuestionKind, StarFeedback, StarPart, Turn, main_question_numbers


def turn(index: int, follow_up_of: int | None = None, skipped: bool = False) -> Turn:
    kind = QuestionKind.follow_up if follow_up_of is not None else QuestionKind.behavioral
    return Turn(index=index, question=Question(text=f"Question {index}?", kind=kind),
                follow_up_of=follow_up_of, skipped=skipped)


def test_main_questions_are_numbered_in_order_and_follow_ups_are_arrows():
    turns = [turn(0), turn(1, follow_up_of=0), turn(2), turn(3, follow_up_of=2), turn(4, follow_up_of=2), turn(5)]
    assert main_question_numbers(turns) == ["1", "↳", "2", "↳", "↳", "3"]


def test_a_skipped_main_question_keeps_its_number():
    assert main_question_numbers([turn(0, skipped=True), turn(1)]) == ["1", "2"]
    assert main_question_numbers([]) == []


def test_the_one_line_star_view_shows_each_sentence_once_when_another_quote_is_there():
    star = StarFeedback(applicable=True,
                        situation=StarPart(present=True, evidence=["We were two nurses short."]),
                        task=StarPart(present=True, evidence=["We were two nurses short.", "I had to cover bay 3."]),
                        action=StarPart(present=True, evidence=["I moved the HCA to bay 3."]),
                        result=StarPart(present=True, evidence=["I moved the HCA to bay 3."]))
    shown = star.headline_quotes()
    assert shown["situation"] == "We were two nurses short."
    assert shown["task"] == "I had to cover bay 3."
    assert shown["action"] == "I moved the HCA to bay 3."
    assert shown["result"] == "I moved the HCA to bay 3."  # its only quote: shown again rather than hidden
    assert StarFeedback(applicable=True).headline_quotes() == dict.fromkeys(STAR_PARTS)
