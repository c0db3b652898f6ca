"""Which gap in an answer a second-round interviewer would probe: pure reading of the facts.

Five gaps, in the order an interviewer goes after them:
- detail: the answer is thin (very short), general (short, with nothing specific in it: no
  number, name or moment), or a story question got no story at all;
- result: a story that never says how it ended (story_ending.py), or whose outcome words come
  early and which stops at one more step of the candidate's;
- own_part: a story told entirely as "we", also when it answers a technical or culture question;
- evidence: a vague claim ("much faster", "improved a lot", "a huge deal") with no measure
  after it. A digit is not enough: numbers repeated from the question, error codes ("502s"),
  years and labels ("year 10") are not evidence; numbers before the claim describe what was
  done, not what came of it. Likewise a figure the question cites ("you cut agency spend
  by 30%") explained with nothing but the figure itself;
- decision: a choice ("I'd use Cassandra", "we decided to...") with no reason given, or
  one set against a real alternative ("rather than use the spare room") with no reason next to
  it, even when the answer gives reasons for smaller steps.
A strong answer has none of these. learned_gap.py weighs these signals into the gap a follow-up asks about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from mockint.domain import Feedback, Question, QuestionKind
from mockint.feedback.cues import is_past
from mockint.feedback.on_question import STORY_ASK
from mockint.questions.claim_words import VAGUE
from mockint.questions.story_ending import OUTCOME, tells_ending
from mockint.questions.who_acted import TEAM_CREDIT, credited_to_others, only_we
from mockint.text import split_sentences

Gap = Literal["detail", "result", "own_part", "evidence", "decision"]

# A moment of the candidate's own: "last spring", "one night", "for example", "in 2023" (not "when we're busy").
MOMENT = re.compile(r"\b(?:last (?:\w+ )?(?:year|month|week|spring|summer|autumn|winter|time|job|role)|one (?:day|night|time|"
                    r"morning|evening|shift|week)|yesterday|for example|for instance|recently|(?:19|20)\d\d)\b", re.IGNORECASE)
THIN_WORDS = 35  # under this an answer is too thin to probe anything but "more, please"
GENERAL_WORDS = 60  # under this, an answer with nothing specific in it is general habits, not an example
# Something specific: a moment ("last spring", "one night", "when I"), a place of work, an example.
SPECIFIC = re.compile(r"\b(?:last|once(?!\s+(?:I|I've|I'd|we|you|it|it's|the|that|this|they|he|she)\b)|one (?:day|night|time|morning|evening|shift|week)|yesterday|when I|when we|"
                      r"at my|in my (?:last|previous|current)|for example|for instance|recently|(?:19|20)\d\d)\b",
                      re.IGNORECASE)

# A question that invites one real case without asking for "a time": "maybe one you've actually dealt with".
CASE_INVITED = re.compile(r"\b(?:one you(?:'ve| have)|you(?:'ve| have) (?:actually |personally )?(?:dealt with|handled|done|"
                          r"worked on|built|run|led)|a recent|the last time|most proud|proudest)\b", re.IGNORECASE)
# The team's plan: "we'd get the others behind their doors", "the team would use C and R".
WE_WOULD = re.compile(r"\b(?:we'd|we would|the team would|the team'd)\b", re.IGNORECASE)
# A reason for a choice. A named alternative alone ("instead of X") is not a reason: the
# interviewer still asks why.
REASON = re.compile(
    r"\b(?:because|cause|since(?! then)|so that|the reason|that way|which means|given that|otherwise|to avoid|"
    r"to make sure|to protect|to keep|so (?:we|I|they|nobody|no one) (?:don't|didn't|wouldn't|won't|can't)|"
    r"trade-?offs?|the risk|the downside|the upside|depending on|unless|in case|"
    r"if (?:it|it's|they|they're|that|the|there|he|she|we|I|nothing|anything)\b)\b",
    re.IGNORECASE,
)
# "If there's nothing, I'd walk them": a condition, not a reason.
IF_CLAUSE = re.compile(r"\bif (?:there|it|they|nothing|that)\b[^,]*,?", re.IGNORECASE)
# A purpose after the act: "I'd send the report straight away so more resources are coming".
PURPOSE = re.compile(r"\w,? so (?:that )?(?:more|the|it|they|he|she|everyone|nobody|no one|there|we|I)\b(?: \w+){0,3}? "
                     r"(?:is|are|can|could|would|will|gets?|knows?|don't|doesn't|isn't|aren't)\b", re.IGNORECASE)
CONTRAST = re.compile(r"\b(?:rather than|instead of)\b", re.IGNORECASE)
# An "alternative" nobody would weigh: "rather than sit on it", "instead of waiting".
NO_REAL_ALTERNATIVE = re.compile(
    r"\b(?:rather than|instead of) (?:just )?(?:sitting on it|sit on it|waiting|wait|doing nothing|do nothing|leaving it|"
    r"leave it|guessing|guess|assuming|assume|panicking|panic|arguing|argue|ignoring it|pick(?:ing)? sides|"
    r"tak(?:e|ing) sides)\b", re.IGNORECASE)
STRONG_REASON = re.compile(r"\b(?:because|cause|since(?! then)|so that|the reason|given that|otherwise|trade-?offs?)\b",
                           re.IGNORECASE)
ALTERNATIVE = re.compile(r"\b(?:instead of|rather than|over the|alternatives?|options?|considered|versus|vs)\b",
                         re.IGNORECASE)
# A plan in a situational answer: every "I'd ..." is a choice.
PLAN = re.compile(r"\b(?:I'd|I would|I'll|I will|I'm going to|we'd|we would)\s+(?!say|think|guess|imagine)\w+",
                  re.IGNORECASE)
# A choice in a technical or story answer.
CHOICE = re.compile(
    r"\b(?:I|we|I'd|we'd|I would|we would)\s+(?:\w+ly\s+|just\s+|then\s+)?(?:use|go with|choose|pick|opt for|"
    r"prefer|recommend|recommended|switch to|switched|decided|chose|went with|picked|opted|settled on|made the call|"
    r"go for|went for)\b",
    re.IGNORECASE,
)

# A question that asks for a decision: its answer must say why, next to the choice itself.
DECISION_ASKED = re.compile(r"\b(?:decide|decision|judge?ment call|choose|choice|trade-?offs?|weigh)\b", re.IGNORECASE)
# The opening courtesies of a plan, which are not its decision.
COURTESY = re.compile(r"^(?:[\w',]+\s+){0,4}?(?:I'd|I would|I'll|I will)\s+(?:\w+ly\s+)?(?:apologi[sz]e|stay calm|keep (?:\w+ ){0,2}calm|"
                      r"listen|reassure|introduce myself|acknowledge|thank|greet|smile)\b", re.IGNORECASE)
# A decisive act told as a plain action ("I put the whole batch on hold", "then I used a random forest").
ACTED = re.compile(r"\b(?:I|we)\s+(?:\w+ly\s+|just\s+|then\s+)?(?:used|put|kept|held|stopped|refused|paused|"
                   r"suspended|rejected|approved|released|signed off|overrode|escalated|recommended|advised|"
                   r"switched|swapped)\b", re.IGNORECASE)
# The stock phrases of an answer that describes good practice instead of doing anything:
# "communication is really important", "I'd follow the policy", "where appropriate".
PLATITUDE = re.compile(
    r"\b(?:is|are) (?:really |very |so |absolutely )?(?:important|key|crucial|essential|vital)\b|\bis the key\b|"
    r"\bI (?:really )?believe in\b|\bfollow(?:ing)? (?:the|our|my|all the) (?:[\w'-]+ ){0,2}(?:polic(?:y|ies)|procedures?|"
    r"process(?:es)?|SOPs?|guidelines|protocols?)\b|\bwhere (?:appropriate|needed|necessary|required)\b|"
    r"\bif (?:it|they) needed it\b|\bas required\b|\bat the end of the day\b|\bmy approach is\b|\bI always\b|"
    r"\bput (?:in place )?(?:a|an) (?:\w+ )?plan in place\b|\bput in place (?:a|an) (?:\w+ )?plan\b|\bmaybe some\b|"
    r"\b(?:is|are) always the priority\b|\bhandle it professionally\b|\bfind a solution\b|\bstay calm\b|"
    r"\bsort it out\b|\bget on with it\b|\bpart of the job\b|\blook into it\b|\bsee what'?s going on\b|"
    r"\bit could be (?:a lot of|lots of|many) things\b|\bwhatever'?s (?:slow|wrong|broken)\b",
    re.IGNORECASE,
)
# Words that wave at the detail instead of giving it: "the right number of surveyors", "check it's all safe".
HAND_WAVE = re.compile(
    r"\b(?:properly|basically|the (?:right|correct|usual) (?:\w+ ){0,2}(?:time|number|way|people|kit|equipment|checks?|steps?)|"
    r"everything'?s? (?:working|fine|ok|okay|right)|(?:it'?s|is) all (?:safe|fine|good)|second nature|"
    r"(?:very|really) familiar|(?:is|it'?s) all about|(?:really|very|the most) important|and so on|and all that)\b",
    re.IGNORECASE)
GENERIC_MAX_WORDS = 150  # a longer answer has room for a real case, even among stock phrases

# A number that measures something: "30%", "$4k", "3x", "from 40 to 5", "40 a week".
NUMBER = re.compile(r"(?P<pre>[$£€]\s?)?(?P<num>\d+(?:[.,]\d+)*)(?P<post>\s?(?:%|k\b|m\b|bn\b|x\b)|[a-z]+\b)?",
                    re.IGNORECASE)
# Words before a number that make it a label, not a measure: "year 10", "error 502", "version 2".
LABEL_BEFORE = re.compile(r"\b(?:year|grade|class|level|tier|step|phase|round|stage|version|v|sprint|room|ward|bay|"
                          r"line|error|code|http|status|sev|p|q|ticket|number|no|gate|flight|route|section|unit|"
                          r"chapter|page)\s*$", re.IGNORECASE)
NUMBER_WORDS = re.compile(r"\b(?:half|halved|double|doubled|twice|tripled?|zero|two|three|four|five|six|seven|eight|"
                          r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                          r"hundreds?|thousands?|millions?)\b", re.IGNORECASE)
HEDGE_BEFORE = re.compile(r"\b(?:like|maybe|guess|probably)\s*$", re.IGNORECASE)
HEDGE_AFTER = re.compile(r"\s*(?:percent|per cent)?,?\s*(?:maybe|or something|or so|I think|I guess|probably)\b", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class VagueClaim:
    """A vague claim in the answer: the sentence it is in, and whether it is of change or of size."""

    sentence: str
    kind: Literal["change", "size", "success", "praise"]
    match: str
    start: int  # where the claim starts in its sentence



def numbers_in(text: str) -> set[str]:
    """Every number in a text, as bare digits ("2,000" and "2000" alike), for comparing answer to question."""
    return {m.group("num").replace(",", "") for m in NUMBER.finditer(text)}


def measures(text: str, question_numbers: set[str]) -> list[str]:
    """The numbers in a text that measure something and are not the question's own numbers."""
    found = []
    for m in NUMBER.finditer(text):
        num, post = m.group("num").replace(",", ""), (m.group("post") or "")
        if num in question_numbers or YEAR.match(num):
            continue
        if post.lower() in {"s", "xx", "th", "st", "nd", "rd"}:  # "502s", "5xx", "10th": codes and ranks
            continue
        if post.isalpha() and post.lower() not in {"k", "m", "bn", "x", "ms", "s", "h", "pm", "am", "kg", "km"}:
            continue  # glued to letters: "p95", "N+1", "v2", "ipv6"
        if LABEL_BEFORE.search(text[:m.start()]) and not m.group("pre"):
            continue
        if HEDGE_BEFORE.search(text[:m.start()]) or HEDGE_AFTER.match(text[m.end():]):
            continue  # "like 20 percent maybe" is a guess, not a measure
        found.append(m.group())
    # "double-check" and "triple check" say how carefully, not how much.
    found += [m.group() for m in NUMBER_WORDS.finditer(text) if not re.match(r"[\s-]?check", text[m.end():])]
    return found


def vague_claims(answer: str) -> list[VagueClaim]:
    """The answer's vague claims of change or size, in order."""
    claims = []
    for sentence in split_sentences(answer):
        for kind, pattern in VAGUE:
            match = pattern.search(sentence.text)
            if match:
                claims.append(VagueClaim(sentence.text, kind, match.group(), match.start()))
                break
    return claims


# A comparison given as a reason, about how things are: "because pickleball is much easier on the body" explains a step
# and claims nothing done (set 91's rater: asking evidence for it missed "the numbers went up massively"). Not after
# "since" or "as": "since then their compliance is massively better" is a claim.
REASON_STATE = re.compile(r"\b(?:because|'cause|cos)\s+(?:[\w'-]+\s+){0,5}?(?:is|are|'s|'re)\s+$", re.IGNORECASE)

# The claims a measure backs only in their own sentence (see unbacked_claim).
BACKED_NEARBY = ("rank",)


def unbacked_claim(answer: str, question: str) -> VagueClaim | None:
    """The first vague claim that no measure backs, in its sentence or after it (a standing: in its sentence), or None."""
    return next(iter(unbacked_claims(answer, question)), None)


def unbacked_claims(answer: str, question: str) -> list[VagueClaim]:
    """Every vague claim that no measure backs (see unbacked_claim), in order."""
    sentences = [s.text for s in split_sentences(answer)]
    asked = numbers_in(question)
    unbacked = []
    for claim in vague_claims(answer):
        # A measure backs the claim from its own clause on: "for forty reps, and it went well" is not backed.
        before = claim.sentence[:claim.start]
        clause_start = max(before.rfind(sep) for sep in (",", ";", " and ", " but ", " so "))
        at = sentences.index(claim.sentence)
        # A standing among others is backed only in its own sentence: a count later in the story is of something else
        # ("my estimates are the most accurate in the company" is not backed by "eleven years" in the next sentence).
        # Over sets 2-84, 19 answers gained a claim this way, 17 of them labelled evidence (stop 53). (Not praise: "I'm
        # good at these" would then be asked before "my first-time fix rate is the best in the region".)
        last = at + 1 if claim.kind in BACKED_NEARBY else len(sentences)
        after = [claim.sentence[max(clause_start, 0):]] + sentences[at + 1:last]
        # "It worked well" after a measured outcome ("he passed with a 5") sums that outcome up.
        measured_before = claim.kind == "success" and any(OUTCOME.search(s) and measures(s, asked) for s in sentences[:at])
        # A change in the opening sentence, before anything was done ("the weather came up quite a lot"), sets the scene.
        scene = claim.kind == "change" and at == 0 and len(sentences) >= 4
        reason = claim.kind == "change" and REASON_STATE.search(before)
        if not any(measures(s, asked) for s in after) and not measured_before and not scene and not reason:
            unbacked.append(claim)
    return unbacked


def unexplained_figure(answer: str, question: Question) -> bool:
    """Whether the question cites the candidate's own figure ("you cut agency spend by 30%": a story
    or first-round question) and the answer adds no measure of its own to explain it."""
    asked = numbers_in(question.text)
    return question.asks_story_by_kind and bool(asked) and not measures(answer, asked)


def names_something(answer: str) -> bool:
    """Whether the answer names anything: a capitalised name inside a sentence (not "I", not an acronym)."""
    for sentence in split_sentences(answer):
        for word in re.findall(r"[A-Za-z][\w'’-]*", sentence.text)[1:]:
            if word[0].isupper() and word[1:2].islower() and word not in {"I", "I'd", "I'm", "I'll", "I've"}:
                return True
    return False


def is_general(answer: str, question: str, words: int) -> bool:
    """Whether a short answer stays general: no measure, no name, no moment or example, no reason in it."""
    return (words < GENERAL_WORDS and not measures(answer, numbers_in(question)) and not names_something(answer)
            and not SPECIFIC.search(answer) and not STRONG_REASON.search(answer))


NOT_DEEDS = {"was", "were", "been", "done", "had", "saw", "felt", "thought", "knew", "heard", "liked", "loved", "enjoyed",
             "wanted", "needed", "learned", "learnt"}


def past_deeds(answer: str) -> set[str]:
    """The verbs the candidate says they did ("I rang", "we moved"): the first verb after "I" or "we", past by the
    analyzer's own spelling rules. ("I've done" is a claim; "I was", "I saw", "I felt" a state or a view, not a deed.)"""
    return {verb.lower() for verb in re.findall(r"\b(?:I|we) (?:\w+ly |then |also |just )?(\w+)", answer, re.IGNORECASE)
            if is_past(verb.lower()) and verb.lower() not in NOT_DEEDS}


def tells_a_case(answer: str, question: str) -> bool:
    """Whether the answer shows one real case of the candidate's: something they did (told in the past),
    a moment, or a measure. "I've done validation in my current role" claims one and shows none."""
    return bool(past_deeds(answer) or MOMENT.search(answer) or measures(answer, numbers_in(question)))


def told_a_time(answer: str) -> bool:
    """Whether a plan also tells a time it was done: a moment ("last winter"), or two deeds of the candidate's in the
    past (one can sit inside the plan: "I'd log who I spoke to")."""
    return len(past_deeds(answer)) >= 2 or bool(MOMENT.search(answer))


def is_generic(answer: str, question: str, words: int) -> bool:
    """Whether an answer describes good practice in stock phrases, or as a textbook would ("first you
    monitor..., then you take..."), with no case, measure, name or moment of its own."""
    textbook = len(re.findall(r"\byou\b", answer, re.IGNORECASE)) >= 4 and len(re.findall(r"\bI\b", answer)) <= 1
    return (words < GENERIC_MAX_WORDS and (len(PLATITUDE.findall(answer)) >= 2 or textbook)
            and not measures(answer, numbers_in(question)) and not names_something(answer) and not SPECIFIC.search(answer))


def unexplained_decision(question: Question, answer: str) -> str | None:
    """For a question that asks for a decision: the sentence making the main choice, when no reason is given
    next to it (in its sentence or the two after); else None. A reason given elsewhere, for someone
    else's view ("the manager wanted it released because..."), does not explain the candidate's choice."""
    plan = question.kind == QuestionKind.situational
    if not (plan or DECISION_ASKED.search(question.text)):
        return None
    sentences = [s.text for s in split_sentences(answer)]
    # A plan's reason comes with its step ("I'd take the Tesco trailer first, because..."); a story's may follow.
    reach = 2 if plan else 3
    for i, sentence in enumerate(sentences):
        if COURTESY.search(sentence) and not ACTED.search(sentence) and not CHOICE.search(sentence):
            continue  # "first I'd apologise": good manners, not the decision
        # In a plan, a past act is its example ("last year I stopped the bus"), not the plan's choice.
        if PLAN.search(sentence) if plan else (CHOICE.search(sentence) or PLAN.search(sentence) or ACTED.search(sentence)):
            return None if REASON.search(" ".join(sentences[i : i + reach])) else sentence
    return None


# A choice said as one in a story ("I made the call to pull the unit off", "I decided we'd bypass the local").
PIVOT = re.compile(r"\b(?:I|we) (?:\w+ly )?(?:decided|made the call|made a call|chose|opted|took the decision|"
                   r"went with|went for|settled on)\b", re.IGNORECASE)


def pivotal_choice_unexplained(answer: str) -> str | None:
    """The sentence of a story that makes its choice ("I decided ...") with no reason in it or the next one; else None.
    A reason given elsewhere, for a smaller step, does not explain the choice the story turned on."""
    sentences = [s.text for s in split_sentences(answer)]
    for i, sentence in enumerate(sentences):
        if PIVOT.search(sentence) and not REASON.search(" ".join(sentences[i : i + 2])):
            return sentence
    return None


def explained_choices(answer: str) -> int:
    """How many choices the answer gives a reason for, in their sentence or the next ("I decided to move the residents
    into the lounge, because it has its own heating"): the decision gap is closed there."""
    sentences = [s.text for s in split_sentences(answer)]
    return sum(bool((PIVOT.search(sentence) or CHOICE.search(sentence)) and REASON.search(" ".join(sentences[i : i + 2])))
               for i, sentence in enumerate(sentences))




def is_story(question: Question, feedback: Feedback) -> bool:
    """Whether the answer should be a story: a story question (by kind or by wording), or the analyzer read one."""
    return question.asks_story_by_kind or feedback.star.applicable or bool(STORY_ASK.search(question.text))


def unexplained_choice(question: Question, answer: str) -> str | None:
    """The sentence that makes a choice without a reason anywhere in the answer, or None."""
    if question.kind == QuestionKind.culture:
        return None
    decided = unexplained_decision(question, answer)
    if decided:
        return decided
    pattern = PLAN if question.kind == QuestionKind.situational else CHOICE
    sentences = [s.text for s in split_sentences(answer)]
    # In an answer that gives no reason outright ("because", "so that"), a choice set against
    # its alternative needs its own: "I'd call the fire brigade rather than wait" is not
    # explained by a "to make sure" about something else.
    # When it does give reasons, for smaller steps, the choice it turned on still needs its own
    # ("I'd walk them rather than use the out-of-order room"); "rather than sit on it" is no real choice.
    reasons_elsewhere = bool(STRONG_REASON.search(answer))
    for i, sentence in enumerate(sentences):
        nearby = " ".join(sentences[i : i + 2])
        if not ((pattern.search(sentence) or CHOICE.search(sentence)) and ALTERNATIVE.search(sentence)):
            continue
        if not reasons_elsewhere and not REASON.search(nearby):
            return sentence
        if reasons_elsewhere and CONTRAST.search(sentence) and not NO_REAL_ALTERNATIVE.search(sentence) \
                and not REASON.search(IF_CLAUSE.sub("", nearby)) and not PURPOSE.search(nearby):
            return sentence
    if REASON.search(answer):
        return None
    for sentence in sentences:
        if pattern.search(sentence):
            return sentence
    return None


def rule_gap(question: Question, feedback: Feedback) -> Gap | None:
    """The gap the rules read first in this answer, or None when no rule fires. The follow-up chooser weighs
    this verdict with the signals above (learned_gap.find_gap); this is its reading when no weights load."""
    answer = feedback.transcript
    if feedback.nothing_said:
        return None
    # A told case counts as a story whatever the question's kind ("maybe one you've actually dealt with",
    # "what are you most proud of"): it still owes its ending.
    story = is_story(question, feedback) or (bool(CASE_INVITED.search(question.text)) and feedback.ownership.i >= 3)
    if feedback.word_count < THIN_WORDS or (question.asks_story_by_kind and not feedback.star.action.present):
        claim = unbacked_claim(answer, question.text)
        # "I'd sit with her..." told as habit, then "I'm the best on the floor": the praise is the gap.
        if feedback.word_count >= THIN_WORDS and claim and claim.kind in ("praise", "success"):
            return "evidence"
        # A full story of what the team or "the falls group" did, with the candidate nowhere in it.
        if feedback.word_count >= GENERAL_WORDS and (not re.search(r"\bI\b", answer) and TEAM_CREDIT.search(answer)
                                                     or credited_to_others(answer)):
            return "own_part"
        return "detail"
    if story and not tells_ending(answer):
        return "result"
    told_by_team = feedback.ownership.we >= 3 or len(WE_WOULD.findall(answer)) >= 3 or CASE_INVITED.search(question.text)
    if (story or told_by_team) and only_we(feedback):
        return "own_part"
    if story and feedback.ownership.i <= 1 and credited_to_others(answer):
        return "own_part"  # the manager's plan, the anaesthetist's catch: the candidate only watched it work
    if unbacked_claim(answer, question.text) or unexplained_figure(answer, question):
        return "evidence"
    if is_generic(answer, question.text, feedback.word_count):  # stock phrases: their "choices" are not real ones
        return "detail"
    if unexplained_choice(question, answer) or (story and pivotal_choice_unexplained(answer)):
        return "decision"
    if is_general(answer, question.text, feedback.word_count):  # nothing else to probe: ask for an example
        return "detail"
    if question.kind in (QuestionKind.technical, QuestionKind.culture) and not tells_a_case(answer, question.text) \
            and (question.kind == QuestionKind.culture or PLATITUDE.search(answer) or HAND_WAVE.search(answer)):
        return "detail"  # the textbook steps, or a style in principles: an interviewer asks for a real one
    return None
