"""Writing and checking interview questions: planner, validator, follow-ups."""

from mockint.questions.followups import choose_follow_up
from mockint.questions.planner import QuestionPlanner
from mockint.questions.validate import check_question

__all__ = ["QuestionPlanner", "check_question", "choose_follow_up"]
