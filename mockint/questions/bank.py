"""Choosing the next question from a family's curated bank: the right kind, harder later, fit for the title.

Bank questions are vetted content, so they are never put through the checker of model
drafts. What is checked is fit: for a title the family only approximates, a question that
names the family's own job ("which lawyer taught you the most", for a clinical trial
coordinator mapped elsewhere) presumes a job the candidate does not have, and is skipped.
"""

from __future__ import annotations

import random
import re

from mockint.domain import Question, QuestionKind
from mockint.questions.validate import repeats
from mockint.text import names_any


def presumes_another_job(text: str, identity: frozenset[str], title: str) -> bool:
    """Whether a question names a job (its family's "lawyer", "electrician") that the candidate's title does not."""
    title_words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", title)}
    named = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", text)} & {w.rstrip("s") for w in identity}
    return bool(named - title_words)


# Title words that say the job leads people or a service: a question about managing a team,
# a budget or a site is asked only of these ("Head Housekeeper", "Team Leader", "Deputy Manager").
LEADING_WORDS = frozenset(
    "manager manageress head headteacher director chief supervisor lead leader superintendent foreman "
    "matron sister charge gm ceo cfo coo cto cio cmo vp president principal".split()
)


def manages_people(title: str) -> bool:
    """Whether a job title names a job that leads people ("Bar Manager", "Head of Audit", "Team Lead")."""
    return any(word in LEADING_WORDS for word in re.findall(r"[a-z]+", title.lower()))


def wrong_specialty(question: Question, title: str) -> bool:
    """Whether a bank question is for another specialty or seniority of its family than the candidate's title names.

    A question marked `not_for = ["conveyanc", ...]` is never asked of a "Conveyancing Solicitor";
    one marked `for_titles = ["hvac", ...]` only of titles naming one of those words, and one marked
    `for_managers = true` only of titles that lead people (prompts/roles/README.md).
    """
    if names_any(title, question.not_for):
        return True
    if question.for_managers and not manages_people(title):
        return True
    return bool(question.for_titles) and not names_any(title, question.for_titles)


def choose(
    bank: list[Question],
    kind: QuestionKind,
    competency: str,
    level: str,
    asked: list[str],
    rng: random.Random,
    unfit: frozenset[str] = frozenset(),
) -> Question:
    """An unused bank question, as close as possible to the kind, level and competency wanted.

    `unfit` holds the texts not to use for this candidate (they presume another job); they are
    used only when nothing else is left, so a long session never runs dry.
    """
    fresh = [q for q in bank if not repeats(q.text, asked)]
    usable = [q for q in fresh if q.text not in unfit] or fresh
    for wanted in (
        lambda q: q.kind == kind and q.level == level and q.competency == competency,
        lambda q: q.kind == kind and q.level == level,
        lambda q: q.kind == kind,
        lambda q: q.level == level,
        lambda q: True,
    ):
        pool = [q for q in usable if wanted(q)]
        if pool:
            return rng.choice(pool).model_copy(update={"source": "bank"})
    # A session longer than the bank: the least recently asked question comes round again.
    return bank[len(asked) % len(bank)].model_copy(update={"source": "bank"})
