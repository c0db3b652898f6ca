"""What kind of question was asked, from its wording, when the caller does not say.

Cues are tried in order and the first family that matches wins: behavioral cues
first, because "Tell me about a time you had to design..." is a story even though it
mentions design; then technical wording, then "what would you do" (situational), then
motivation and values (culture).

Situational questions ("What would you do if...") ask for judgement about a
hypothetical, so STAR does not apply to them: the candidate is not asked for a past
story, and marking them down for a missing "Result" would be wrong. Their feedback
still covers length, fillers and rambling, and rambling checks that the answer says
what the candidate *would* do.
"""

from __future__ import annotations

import re

from mockint.domain import STORY_KINDS, QuestionKind

_CUES: list[tuple[QuestionKind, list[str]]] = [
    (QuestionKind.behavioral, [
        r"\btell (me|us) about (a|an|one|the|your) (time|situation|occasion|moment|case|instance|example)",
        r"\b(a|an|one) (time|situation|occasion|moment|instance) (when|where|that|in which|you)\b",
        r"\bdescribe (a|an|one|the) (time|situation|occasion|moment|project|case|instance|challenge|mistake|"
        r"conflict|decision|failure|setback)",
        r"\b(give|share|tell) (me |us )?(an|one|a|some) (example|instance|story)",
        r"\bwalk (me|us) through (a|an|the|one) (time|situation|project|occasion|case|incident|decision)",
        r"\b(talk|tell) (me |us )?about (a|an|the|your) (project|mistake|failure|conflict|decision|deal|"
        r"campaign|achievement|accomplishment|setback|biggest|greatest|hardest|toughest|proudest|most)",
        r"\bhave you ever\b", r"\b(can|could) you (recall|remember|think of)\b",
        r"\bwhat did you do (when|after|about)\b", r"\bhow did you (handle|deal|manage|respond|approach|resolve)\b",
        r"\b(when|where) have you\b", r"\bin your (first|last|previous) interview\b",
        # A superlative or a last time asks for one real event: "What was the hardest decision
        # you've made?", "When was the last time you...?", "Describe your most challenging project."
        r"\b(what|which)('s| is| was| were| has been| have been) (the|your) (single )?(hardest|toughest|biggest|"
        r"most|best|worst|greatest|proudest|largest|riskiest|last) (\w+ ){0,3}(that )?(you've|you have|you|you ever)"
        r" (\w+ )?(had|made|faced|handled|dealt|worked|led|done|taken|given|received|cared|managed|delivered|"
        r"solved|fixed|seen|experienced|\w+ed)\b", r"\bthe last time (you|that you|your)\b",
        r"\bdescribe (your|the) (most|biggest|hardest|toughest|best|worst|greatest|proudest|last|largest)\b",
        r"\b(an|one) example of\b", r"\bhave there been (times|occasions|moments)\b",
        r"\bhow (have|did) you (handled|dealt|managed|resolved|responded|approached|coped|handle|deal|manage|"
        r"resolve|respond|approach|cope)\b",
        # "Tell me about a difficult conversation you had", "Describe how you handled a complaint":
        # a past verb after "you" names one event.
        r"\btell (me|us) about (when|how) you\b",
        r"\b(tell (me|us) about|describe) (a|an|the|one|your) (\w+ ){1,3}(that |where |when )?you (had|did|made|led|"
        r"faced|handled|dealt|worked|ran|raised|lost|won|missed|gave|received|took|were|managed|delivered|fixed|"
        r"solved|found|caught|changed|built|wrote|launched|cared|supported|helped|trained|coached|hired|escalated)\b",
        r"\b(describe|explain|walk (me|us) through) how you (handled|dealt|managed|resolved|responded|fixed|ran|led|"
        r"approached|solved|got|turned|recovered|calmed|persuaded|convinced|won|delivered)\b",
    ]),
    (QuestionKind.technical, [
        r"\bhow (would|do|did|will|could|should) you (design|build|architect|implement|scale|test|debug|migrate|"
        r"model|structure|optimi[sz]e|make|calculate|measure|check|assess|estimate|compute|secure|deploy|monitor)",
        r"\b(explain|define)\b", r"\bwhat('s| is| are) the difference", r"\bdifference between\b",
        r"\bhow (does|do|is|are) (a|an|the|this|that|your|our) \w+", r"\bhow does\b", r"\bwalk (me|us) through how\b",
        r"\bwhat happens (when|if)\b",
        r"\bwhat (is|are) (a|an)\b", r"\bwhy would you (use|choose|pick)\b", r"\bhow would you go about\b",
    ]),
    (QuestionKind.situational, [
        r"\bwhat would you do\b", r"\bhow would you (handle|respond|react|deal|approach|manage|tackle|prioriti[sz]e|"
        r"resolve|convince|handle)", r"\bimagine\b", r"\bsuppose\b", r"\bwhat if\b",
        r"\bif you (were|had|found|discovered|disagreed|noticed|saw|joined|got|learned|realised|realized)\b",
        r"\bwhat would you\b", r"\bhow would you\b",
    ]),
    (QuestionKind.culture, [
        r"\bwhy (do|did|would) you (want|choose|apply|like|pick)", r"\bwhy (this|our|the) (company|role|job|team|"
        r"school|hospital|firm|position|industry|sector)",
        r"\bwhat (motivates|drives|excites|inspires|interests) you", r"\bwhere do you see yourself\b",
        r"\byour (greatest |biggest )?(strengths?|weakness(es)?)\b",
        r"\bwhat do you (enjoy|like|love|value|find|look for|want|expect)", r"\bwhat (kind|type|sort) of\b",
        r"\bwhy are you (leaving|looking|interested)",
        r"\blook like to you\b", r"\bmean to you\b", r"\bhow would (your|others|colleagues)\b.*describe",
        r"\bwhy did you (choose|become|go into|leave)\b", r"\bhow do you (like|prefer) to\b", r"\bhow do you\b",
    ]),
]
_COMPILED = [(kind, [re.compile(p, re.I) for p in patterns]) for kind, patterns in _CUES]


def classify_question(question: str | None) -> QuestionKind | None:
    """The kind of a question from its wording, or None when nothing in it says."""
    if not question or not question.strip():
        return None
    text = " ".join(question.split()).replace("’", "'")
    for kind, patterns in _COMPILED:
        if any(p.search(text) for p in patterns):
            return kind
    return None


def expects_story(question: str | None, kind: QuestionKind | None, story: bool | None = None) -> bool | None:
    """Whether an answer to this question should tell one past event, so STAR applies; None when
    nothing says (no question and no kind: the answer itself decides).

    `story`, when the question's writer said (Question.story), wins. Else a story kind, or a
    question of another kind worded as one ("Tell me about the last time you caught a mistake...",
    filed as technical), asks for a story; a follow-up is one part of the story already told.
    """
    if story is not None:
        return story
    if kind is None:
        return None
    if kind in STORY_KINDS:
        return True
    return kind is not QuestionKind.follow_up and classify_question(question) is QuestionKind.behavioral
