"""Choose one short follow-up after a weak answer, as a second-round interviewer would.

The follow-up names something the candidate just said (anchors.py: one whole clause of
the answer, said back as "you") and probes the answer's real gap (detail, result, own part, evidence, decision: read by
answer_gaps.py's rules and weighed by learned_gap.py). The wording is data: prompts/templates/follow_ups.toml.
No model writes it. At most one follow-up per main question is the orchestrator's rule;
this module only says whether one is due and what it is.
"""

from __future__ import annotations

import random
import re

from mockint.domain import Feedback, Question, QuestionKind
from mockint.feedback.cues import is_past
from mockint.questions.anchors import DECIDED_BY_NOBODY, DONE_BY_NOBODY, OWNED, TRACK_RECORD, anchor
from mockint.questions.claim_words import CALLED_GOOD, RECORD, VAGUE
from mockint.questions.answer_gaps import (
    ALTERNATIVE, CHOICE, CONTRAST, Gap, is_story, tells_a_case, told_a_time, unbacked_claim,
    unexplained_choice, unexplained_figure,
)
from mockint.questions.learned_gap import scored_gaps
from mockint.questions.story_ending import (
    CLOSING_OUTCOME, ENDING_SAID, HANDED_OVER, OUTCOME, PENDING, UNKNOWN_ENDING, handed_on_step,
)
from mockint.questions.templates import toml_template
from mockint.questions.who_acted import TEAM_CREDIT, credited_to_others
from mockint.text import split_sentences

GAP_REASONS: dict[Gap, str] = {
    "detail": "was short or general, so the interviewer asks for a concrete example",
    "result": "never said how it ended",
    "own_part": "said \"we\" but never what the candidate did",
    "evidence": "made a claim without a measure to back it",
    "decision": "made a choice without saying why, or what else was considered",
}
# A standing in something counted, where both sides' figures can be asked for: "the lowest refusal rate in the company",
# "the highest tips", "my estimates are the most accurate". "The figures on each side" of "your balloon placement is
# better than most letterers" or "you know that machine better than anyone" was unsayable to the raters: over sets
# 43-84, 13 of 25 such asks were rated unnatural, against 1 of 12 asked of something counted (stop 53).
COUNTED = re.compile(r"\b(?:rates?|figures?|numbers?|scores?|percent\w*|accura\w+|sales|conversion|retention|revenue|"
                     r"margins?|survival|yields?|recover\w*|complaints?|errors?|times?|feedback|reviews?|tips|attendance|"
                     r"uptake|premium|costs?|turnover|returns?|highest|lowest|quickest|fastest|quicker|faster|fewer|lower|"
                     r"higher|safest|safer|more of|most booked|repeat)\b|\d",
                     re.IGNORECASE)
# The candidate describing themselves, said back: "you're very thorough", "you always double-check".
SELF_DESCRIBED = re.compile(r"^you(?:'re| are|'ve always| have always| always)\b", re.IGNORECASE)
# A claim of change set against others: "compliance is way higher than the department average".
# (Not "than before" or "than the threshold": a change over time, or a target, asked before and after; set 31.)
COMPARED = re.compile(r"\b(?:than|compared (?:with|to)|versus) (?:the |any |most |every |my |our |their )?(?:\w+ )?(?:average|others?|"
                      r"rest|teams?|colleagues|peers|department|branch(?:es)?|sites?|wards?|region|national|industry|benchmark)\b|"
                      r"\bthan most (?:in|of|on)\b",  # "far fewer problems than most in the trade"
                      re.IGNORECASE)
# The team's plan said back ("the team would pull forward the orders"): a plan, like "you'd" (HYPOTHETICAL).
TEAM_PLAN = re.compile(r"\bthe team(?: would|'d)\b", re.IGNORECASE)
# A plan or deed said back as not done: "you wouldn't re-test it yourself".
REFUSED = re.compile(r"^you(?:'d| would| will)? (?:wouldn't|would not|won't|will not|didn't|did not|never|don't|do not)\b",
                     re.IGNORECASE)
# How sure, against the likeliest gap, another must be to be asked in its place when only it has something to name.
LEAST_SHARE_OF_TOP = 0.25
# A step said back in this many words or fewer names nothing concrete: "you'd follow safeguarding".
VAGUE_PLAN_WORDS = 5
LONG_PLAN_WORDS = 110  # a plan this long has told its steps; what it lacks is a time it was done for real
# What the candidate always does, said back: "you always document everything and set a recall". (Not narrative.py's
# HABIT_WORDS: there "now", "still" and "if" also make a clause no story step, but "you still haven't heard" is pending.)
HABIT = re.compile(r"\b(?:always|usually|normally|generally|typically|routinely|tend to|every time|each time|whenever)\b",
                   re.IGNORECASE)
# A plan said back ("you'd ring the client"), not a past told with "had" ("you'd planned").
# ("you'd just done" is "you had": a past, not a plan; set 32.)
HYPOTHETICAL = re.compile(r"\byou(?:'d| would|'ll| will|'re going to)\s+(?!(?:just |already |only |never |ever )?(?:\w+ed|done|"
                          r"gone|been|had|seen|made|got|taken|given|left|put|set|sent|spent|built|told|said|known|found|"
                          r"brought|bought|thought|lost|won|paid|kept|held|met|begun|written|driven|chosen)\b)",
                          re.IGNORECASE)


def ask_variant(gap: Gap, question: Question, feedback: Feedback, named: str) -> str:
    """Which list of asks fits the answer's form: story or plan, change or size, an ending told or still to come."""
    if gap == "evidence":
        claim = unbacked_claim(feedback.transcript, question.text)
        # A change or rank set against others ("way higher than the department average", "the best rate in the
        # branch") is asked for both sides' figures.
        compared = claim is not None and (claim.kind == "rank" or claim.kind == "change" and COMPARED.search(named))
        kind = None if claim is None else "comparison" if compared else claim.kind
        if claim and claim.match.lower() in named.lower() and not SELF_DESCRIBED.match(named) \
                and (RECORD.search(named) or CALLED_GOOD.search(named) and re.search(r"\balways\b", named)):
            return "record"  # "your checks are always spot on": where it shows, not "what told you it had worked"
        if claim and claim.match.lower() in named.lower():
            # "you're a lot more careful now": a trait, asked for the case that shows it, not its before and after.
            kind = "praise" if kind == "change" and SELF_DESCRIBED.match(named) else kind
            return praise_form(kind, question, feedback, named)
        if TRACK_RECORD.search(named) and not SELF_DESCRIBED.match(named):  # chosen over a trait (anchors.pick)
            return "record"
        # Another claim named than the one the rules found first: asked as what it claims ("the director loved it" is
        # praise, not a rank to give both sides' figures for).
        if not SELF_DESCRIBED.match(named):  # (a trait, "you're the best printer in London", is asked for its case)
            kind = next((own for own, pattern in VAGUE if pattern.search(named)), kind)
            kind = "comparison" if kind == "rank" else kind
        if kind:
            return praise_form(kind, question, feedback, named)
        if unexplained_figure(feedback.transcript, question):
            return "figure"
        # No claim the rules could name: a trait ("you're very thorough") is asked for the case that shows it; anything
        # else for what showed it, not for "before and after" of something that never changed.
        return praise_form("praise", question, feedback) if SELF_DESCRIBED.match(named) else "success"
    if gap == "decision":
        tense = "would" if HYPOTHETICAL.search(named) or question.kind == QuestionKind.situational else "did"
        # The alternative may have been cut from the anchor to keep it short: it was still named.
        chosen = unexplained_choice(question, feedback.transcript) or ""
        if ALTERNATIVE.search(named) or CONTRAST.search(chosen):
            return f"named_{tense}"
        if REFUSED.search(named):  # "you wouldn't re-test it yourself": what it involves means nothing (set 32)
            return f"refused_{tense}"
        if tense == "would" and not said_as_pick(named):
            return "vague_would" if len(named.split()) <= VAGUE_PLAN_WORDS else "steps_would"
        return tense
    if gap == "own_part":
        # The claim said back ("you were the exec sponsor", "you had overall accountability"), read as said: "I was ...".
        as_said = re.sub(r"^you\b", "I", re.sub(r"^you (?:were|are)\b", "I was", named))
        if OWNED.match(as_said):
            return "role"
        if credited_to_others(feedback.transcript):
            return "others"
        if DECIDED_BY_NOBODY.search(named):
            return "decided_by_nobody"
        if DONE_BY_NOBODY.search(named) and not TEAM_CREDIT.search(named):  # not "the MDT got involved"
            return "done_by_nobody"
        return "team_would" if HYPOTHETICAL.search(named) or TEAM_PLAN.search(named) else "team"
    if gap == "detail":
        if question.kind == QuestionKind.culture:
            return "culture"
        if not (question.asks_story_by_kind or is_story(question, feedback)):
            # A past deed said back ("you sat down as a team") is asked what was done, not what would be.
            if told_as_past(named):
                return "thin_story"
            # "How do you trace a payment ...?" answered with the method in general: a real case of it, not the steps
            # again (set 41-42's raters: "re-asks the question; steps already outlined").
            if question.kind == QuestionKind.technical:
                return "practice"
            # A long plan has given its steps: "step by step" again was faulted after 22 of 38 plans of 110 words or
            # more in sets 31-50's ratings ("steps already listed; a real case is the gap"), and after 5 of 29 shorter.
            long_plan = len(feedback.transcript.split()) >= LONG_PLAN_WORDS
            return "plan_long" if long_plan and not told_a_time(feedback.transcript) else "plan"
        # A habit said back ("you always stay calm", "you make sure the heads of department own their budgets") is asked
        # for one time it happened, not for its steps (sets 71-74's raters: "asks for steps of a general habit").
        return "thin_story" if feedback.star.action.present and told_as_past(named) else "generic"
    # The result gap: a story that stops before its end, or one whose end is still to come ("fingers crossed").
    closing = " ".join(sentence.text for sentence in split_sentences(feedback.transcript)[-2:])
    # A plan has no ending yet, even one left to "see how it goes": "how did it turn out" (set 32). But a scenario
    # answered with the time it happened is a story, whoever did the deed said back ("she set up a taxi account", "it
    # went back out the day after"): "how would you know it had worked" asked of it was a hypothetical about a past
    # event, faulted by sets 43-48's raters.
    if question.kind == QuestionKind.situational and not told_as_past(named, anyone=True):
        return "plan"
    if HABIT.search(named) and not told_as_past(named):
        return "habit"  # "how did it turn out" of "you always document everything" (set 41's rater): one real time first
    if UNKNOWN_ENDING.search(closing):
        return "unknown"
    if PENDING.search(closing):
        return "pending"
    if handed_on_step(feedback.transcript) and not HANDED_OVER.search(named):
        return "handed_on"
    return "told" if OUTCOME.search(named) or CLOSING_OUTCOME.search(named) else "stopped"


def praise_form(kind: str | None, question: Question, feedback: Feedback, named: str = "") -> str | None:
    """Praise asked for the case that shows it, or, after a story told to its end, for what shows it beyond that case;
    a standing in something nobody counts asked for what shows it, not for both sides' figures."""
    if kind == "comparison" and not COUNTED.search(named):
        return "comparison_seen"
    told = is_story(question, feedback) and feedback.star.result.present and tells_a_case(feedback.transcript, question.text)
    return "praise_told" if kind == "praise" and told else kind


def said_as_pick(named: str) -> bool:
    """Whether the plan said back picks between options ("you'd use Cassandra", "you'd go with mini piles"), by the
    choice words the gap rules read in the candidate's own "I"."""
    return bool(CHOICE.search(re.sub(r"\byou\b", "I", named, flags=re.IGNORECASE)))


# Words that make a clause a plan or a rule, not a past deed: "the volunteer should never be the one ...".
MODALS = {"would", "'d", "you'd", "will", "you'll", "should", "could", "can", "might", "must", "may"}


def told_as_past(named: str, anyone: bool = False) -> bool:
    """Whether the clause said back tells a past deed: "you sat down as a team", "the team re-planned the routes";
    with `anyone`, whoever did it ("she set up a taxi account", "it went back out", "the driver rang")."""
    subject = r"(?:you|the team|it|he|she|they)" if anyone else r"(?:you|the team)"
    said = re.match(subject + r"\s+(?:\w+ly\s+|just\s+|then\s+)?([\w-]+)", named, re.IGNORECASE)
    if anyone and not said and re.match(r"(?:the|his|her|their|your|a|an)\b", named, re.IGNORECASE):
        # A longer subject ("the big lesson for you was ..."): its first verb among the next few words.
        for word in re.findall(r"[\w'-]+", named.lower())[2:7]:
            if word in MODALS:
                return False
            if is_past(word):
                return True
    return bool(said) and is_past(said.group(1).lower())


def spoken_start(phrase: str, transcript: str) -> str:
    """The phrase with its first word in lower case unless the candidate wrote it as a name or acronym."""
    first = phrase.split(" ", 1)[0]
    if first.isupper() and len(first) > 1 or re.search(rf"[a-z,]\s+{re.escape(first)}\b", transcript):
        return phrase
    return phrase[:1].lower() + phrase[1:]


def follow_up_text(gap: Gap, question: Question, feedback: Feedback, rng: random.Random) -> str:
    """The follow-up's words: a lead naming the anchor and an ask probing the gap, or the plain ask."""
    wording = toml_template("follow_ups.toml")[gap]
    named = anchor(gap, question, feedback)
    if not named:
        plan = question.kind == QuestionKind.situational and "unanchored_would" in wording
        return wording["unanchored_would" if plan else "unanchored"]
    options = wording["asks"][ask_variant(gap, question, feedback, named)]
    # "You said you said no" repeats itself: what the candidate said is led in with "So".
    leads = [lead for lead in wording["leads"] if not (lead.startswith("You said") and re.match(r"you said\b", named))]
    lead = rng.choice(leads or ["So {anchor}."]).format(anchor=spoken_start(named, feedback.transcript))
    return f"{lead} {rng.choice(options)}"


def chosen_gap(question: Question, feedback: Feedback) -> Gap | None:
    """The gap the follow-up probes, or None when the answer needs none.

    A gap nothing in the answer can be named for is seldom the real one ("what was your own part" to an answer with
    no "we" in it): the likeliest gap the follow-up can point at goes first, else the likeliest."""
    scores = scored_gaps(question, feedback)
    # "How did it turn out?" is not asked of a clause that says how it turned out ("you said it turned out brilliant").
    gaps = [gap for gap in scores if not (gap == "result" and ENDING_SAID.search(anchor(gap, question, feedback)))]
    # A gap the heads are far less sure of is not asked instead, only because it has something to name: "how did it
    # turn out?" (0.02) in place of the team's story's "what was your own part?" (0.9) was rated the wrong gap each of
    # the 10 times sets 43-64 show it.
    gaps = [gap for gap in gaps if scores[gap] >= LEAST_SHARE_OF_TOP * scores[gaps[0]]] if gaps else []
    # Evidence is asked only of a claim or a figure: asked of a plain deed ("you said you had a crew of five. How did
    # you know?", "you said you check the trench is clean") or of nothing named, it was rated right 3 times of the 27
    # sets 43-92's raters saw (6 of 7 faulted on sets 34-50). Another gap is asked then, or none.
    gaps = [gap for gap in gaps if gap != "evidence" or anchor(gap, question, feedback, deed=False)]
    named = next((gap for gap in gaps if anchor(gap, question, feedback)), None)
    return named or (gaps[0] if gaps else None)


def choose_follow_up(question: Question, feedback: Feedback, rng: random.Random | None = None) -> Question | None:
    """The follow-up to ask after this answer, or None when the answer needs none."""
    if question.kind == QuestionKind.follow_up:
        return None
    gap = chosen_gap(question, feedback)
    if gap is None:
        return None
    return Question(
        text=follow_up_text(gap, question, feedback, rng or random.Random()),
        kind=QuestionKind.follow_up,
        competency=question.competency,
        reason=f"follow-up: the answer {GAP_REASONS[gap]}",
        source="follow_up",
    )
