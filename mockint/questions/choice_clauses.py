"""Which clause of an answer is its decision: what a decision follow-up names ("you'd cancel the last elective case").

A choice said as one ("I went with glulam beams", "I made the call to pull it") comes before a deed that may be one, a
plain deed and a plan's steps, and those before the steps that gather facts or keep the peace ("you'd look at the
notes", "you'd stay calm"), which seldom turn on a judgement. Pure functions of the clause's text.
"""

from __future__ import annotations

import re

from mockint.questions.answer_gaps import ACTED, CHOICE, COURTESY, PLAN

# A choice named as one: "the sensible call was to release it under concession".
CALL = re.compile(r"\bthe (?:\w+ )?(?:call|decision|choice) was to\b", re.IGNORECASE)
# A choice told as a plain deed or as advice, when the answer never says "decided" ("I made the call to pull the unit
# off", "I ended up closing the Saturday programme", "I said I think we should divert", "I told him he should
# incorporate", "I declined it at that amount"): what the decision follow-up names when nothing says "chose".
DECIDED = re.compile(
    r"\b(?:I|we)\s+(?:\w+ly\s+|just\s+|then\s+)?(?:made the (?:\w+ )?call|took the (?:\w+ )?decision|ended up \w+ing|"
    r"(?:said|told (?:him|her|them|the \w+))(?: that)?(?:,? (?:look|I think))?,? (?:we|he|she|they|you) should|"
    r"declined|pulled|cancell?ed|closed|dropped|moved|diverted|cut|postponed|delayed|scrapped|replaced|"
    r"set up \w+ as|went ahead|turned (?:\w+ ){0,2}down|rejected|said no|went straight (?:to|for)|switched|skipped)\b",
    re.IGNORECASE,
)
# A plan's step that gathers facts or tells others, which a decision follow-up should not be tied to.
GATHERING = re.compile(r"^(?:[\w',]+\s+){0,3}?(?:I'd|I would|I'll|I will|I|we'd|we)\s+(?:\w+ly\s+|first\s+|then\s+)?(?:check|look|"
                       r"talk|speak|ask|find out|read|review|gather|go and (?:look|check|see)|let (?:\w+ ){1,6}?know|"
                       r"make sure|confirm|size|get (?:the|a|all)|pull (?:the|up))\b", re.IGNORECASE)
# The alternative named beside the choice: "rather than a re-screen", "instead of the stage weights", "not a penalty fare".
ALTERNATIVE_NAMED = re.compile(r"\b(?:rather than|instead of)\b|,\s+not (?:a|an|the|just)\b|,\s+no \w+$", re.IGNORECASE)
# What was ruled out: not done ("I don't scribe them", "I wouldn't send it back through"), or the alternative named.
REJECTED = re.compile(r"\b(?:I|we)\s+(?:wouldn't|would not|didn't|did not|don't|do not|won't|will not|never)\s+"
                      r"(?!mind\b|know\b|think\b|want\b|need\b|have\b|lose\b|break\b|really\b|just\b)\w+|"
                      + ALTERNATIVE_NAMED.pattern, re.IGNORECASE)
MADE_THE_CALL = re.compile(r"\b(?:made the (?:\w+ )?call|took the (?:\w+ )?decision)\b", re.IGNORECASE)


def decision_like(clause: str) -> bool:
    """Whether a clause says what the candidate chose, did or would do, or would not: what a decision follow-up names."""
    return bool(CHOICE.search(clause) or PLAN.search(clause) or ACTED.search(clause) or CALL.search(clause)
                or DECIDED.search(clause) or re.match(r"(?:I|we)\b", clause) and REJECTED.search(clause))


def decision_rank(clause: str, said_last: bool = True) -> int:
    """How surely a clause is the decision itself (0 first): a choice said as one ("I'd recommend switching to oral
    co-amoxiclav", "I made the call to pull it") before a deed that may be one ("I moved the drivers onto the 7"), a
    plain deed ("I put together a paper") and a plan's steps, and those before the steps that gather facts or keep the
    peace ("you'd look at the patient's notes", "you'd stay calm"), which seldom turn on a judgement. Naming
    the alternative ("rather than wait") makes a clause one surer; saying only what was not done ("I wouldn't send it back
    through") one less sure, unless `said_last`: nothing after it says what was done instead."""
    if CHOICE.search(clause) or CALL.search(clause) or MADE_THE_CALL.search(clause):
        rank = 0
    elif DECIDED.search(clause):
        rank = 1
    elif ACTED.search(clause):
        rank = 2
    else:
        rank = 5 if COURTESY.search(clause) or GATHERING.search(clause) else 3
    if re.search(r"\b(?:first|straight away|immediately|right away|there and then)$", clause) and 1 < rank < 5:
        rank -= 1
    if rank < 5 and ALTERNATIVE_NAMED.search(clause):
        return rank - 1
    # What was only not done ("I didn't get defensive", "I wouldn't let the crew sit idle") goes after what was done
    # when the answer goes on: it then says what instead, and why. "Why not, and what would you do instead?" of such a
    # clause was faulted by blind raters 6 times of 6 over sets 43-84, each saying both were already given (stop 53).
    if rank < 5 and REJECTED.search(clause):
        return rank - 1 if said_last else rank + 1
    return rank
