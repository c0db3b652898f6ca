"""Who did a story's work, read from its words: the candidate ("I"), the team ("we", "the team"), or others ("she
rang the supplier", "the registrar came"). answer_gaps.py reads these for the own-part gap, anchors.py for what to name,
learned_gap.py for its features and for the veto on asking the own part of a story told in "I".
"""

from __future__ import annotations

import re

from mockint.domain import Feedback

# Who did it, when it was not the candidate: "we", "the team", "everyone pitched in", "the falls group".
TEAM_CREDIT = re.compile(r"\b(?:we|us|everyone|everybody|all hands|the (?:\w+ )?(?:team|group|department|office|"
                         r"kitchen|brigade|unit|committee))\b", re.IGNORECASE)
# Someone else doing the story's work: "she picked it up straight away", "my manager pulled the sales data".
OTHERS_ACTED = re.compile(
    r"\b(?:[Ss]he|[Hh]e|(?:[Tt]he|[Oo]ur|[Mm]y) (?:\w+ )?(?:manager|boss|supervisor|lead|leader|director|consultant|coordinator|"
    r"colleague|engineer|doctor|registrar|anaesthetist|surgeon|nurse|mentor|sister|sergeant|officer|chef|partner|"
    r"animator|teacher|foreman|lads|DJ))(?:, \w+,)?\s+"
    r"(?:\w+ly\s+|then\s+|also\s+|just\s+)?(?:\w+ed|did|made|came|came up with|worked out|pulled|put|set up|took|wrote|found|"
    r"built|got|went and|sorted|picked|caught|spotted|rang|ran|led|drew)\b")
# A part played at the edge of the work: "I was involved in the packing", "I was sort of across all of it", "I helped".
EDGE_PART = re.compile(r"\b(?:I was (?:\w+ ){0,2}?(?:involved|part of|across)|I helped|I supported|I assisted|I led on)\b",
                       re.IGNORECASE)
def credited_to_others(answer: str) -> bool:
    """Whether the story's work is told as others' deeds ("she pulled the data", "the registrar came"), three or more."""
    return len(OTHERS_ACTED.findall(answer)) >= 3


# An answer with this share of "I" among its "I" and "we" words is told as the candidate's own. Over labelled sets 2-72,
# 26 of the 1,758 such answers were labelled own_part, and none for a "we" clause: others' deeds, or a part claimed
# in a phrase ("I was part of everything"); 17 of 1,794 once those two are left out as below. The raters of sets 43-72
# rated 7 of the 22 own-part asks of them right; "the team" said back was the candidate and one other ("we looked at
# it on the tablet": him and the client).
FIRST_PERSON_SHARE = 0.6
# The candidate's "I" ("I'm", "I'd" and "I've" count once each), and the team's words against it.
SAID_I = re.compile(r"\bI\b")
TEAM_WORDS = re.compile(r"\b(?:we|we'd|we've|we're|we'll|us|our|the team)\b", re.IGNORECASE)
# A part claimed in a phrase, not shown: "I owned the cutover", "I was driving it".
PART_CLAIMED = re.compile(r"\bI (?:\w+ly )?(?:owned|oversaw|took (?:charge|ownership)|was (?:in charge|responsible|"
                          r"accountable)|was (?:\w+ )?(?:leading|driving|pushing))\b", re.IGNORECASE)


def told_in_first_person(answer: str) -> bool:
    """Whether the answer is told in "I" (see FIRST_PERSON_SHARE), with no one else's deeds and no part claimed in a
    phrase: what the candidate did is there, so "what was your own part?" asks for what was given."""
    mine = len(SAID_I.findall(answer))
    ours = len(TEAM_WORDS.findall(answer))
    return (mine >= 3 and mine >= FIRST_PERSON_SHARE * (mine + ours) and not credited_to_others(answer)
            and not EDGE_PART.search(answer) and not PART_CLAIMED.search(answer))


def only_we(feedback: Feedback) -> bool:
    """Whether the candidate told it as the team's ("we") and never, or hardly ever, as their own."""
    i, we = feedback.ownership.i, feedback.ownership.we
    # The analyzer counts only clear actions; a story with "we" again and again and never "I" is the team's too.
    said_we = len(re.findall(r"\bwe\b", feedback.transcript, re.IGNORECASE))
    said_i = len(SAID_I.findall(feedback.transcript))
    return (we >= 2 and i == 0) or (we >= 5 and we >= 4 * i) or (said_we >= 3 and said_i == 0)
