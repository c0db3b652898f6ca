"""The phrase of the candidate's answer a follow-up names, said back to them.

An anchor is one whole clause of the answer (subject and verb, never a cut fragment),
cleaned of fillers and openers ("so", "yeah", "after that"), and turned to the
interviewer's side: "I'd use Cassandra" -> "you'd use Cassandra", "we moved our billing"
-> "you moved your billing" (or "the team moved the billing" when the follow-up asks what
the candidate's own part was). Which clause depends on the gap: where the story stops
(result), the first thing "we" did (own_part), the vague claim (evidence), the choice
(decision: the sentence pivotal_choice.py's learned reading is surest of, its clauses ranked by choice_clauses.py),
the first statement (detail). Each clause is cut down by clause_tidy.py and must read as a whole clause to the parser
(quotable.py). Pure functions of the answer's text, but for the learned reading and the parser.
"""

from __future__ import annotations

import re

from mockint.domain import Feedback, FillerHit, Question
from mockint.feedback.clauses import clauses
from mockint.feedback.cues import is_past
from mockint.feedback.meaning import shared_encoder
from mockint.feedback.star import read_units
from mockint.questions.answer_gaps import (
    COURTESY, NOT_DEEDS, Gap, pivotal_choice_unexplained, unbacked_claim, unbacked_claims,
    unexplained_choice, unexplained_figure,
)
from mockint.questions.choice_clauses import DECIDED, decision_like, decision_rank
from mockint.questions.claim_words import VAGUE
from mockint.questions.clause_tidy import NEW_SUBJECT, tidy
from mockint.questions.note_cues import PRONOUNS
from mockint.questions.pivotal_choice import pivotal_sentence
from mockint.questions.quotable import reads_as_a_clause, said_whole, subject_start
from mockint.questions.story_ending import UNKNOWN_ENDING, before_the_lesson, handed_on_step
from mockint.questions.who_acted import EDGE_PART, OTHERS_ACTED, credited_to_others
from mockint.text import split_sentences

# How sure the learned reading must be that a sentence makes the answer's unexplained choice before a decision
# follow-up names it over the rules' pick (pivotal_choice.py; chances run low: 3% of sentences are such choices).
PIVOTAL_LEAST = 0.15
# A track record or an effect claimed: "my patients always end up coming back", "complaints came right down".
TRACK_RECORD = re.compile(r"(?<!don't )(?<!not )\b(?:(?:never|always|hardly ever) (?:\w+ )?(?:had|been|get|gets|got|hit|"
                          r"come|comes|came|end|ends|say|says|said|mention|ask|asks|lost|missed|failed|turn|manage|have|"
                          r"send|sent|pass|passed)|nearly every|pretty much every|"
                          r"(?:come|came|went|gone|going) (?:right |way |really )?(?:down|up)(?! (?:to|on|online|in|at|onto|into)\b)|"
                          r"transformed|"
                          r"record time|(?:the|one of the|some of the) (?:best|strongest|cleanest|fastest|quickest|highest)|"
                          r"keep (?:coming|asking)|end(?:s)? up|really (?:high|low)|rate me|love (?:me|my)|really lands)\b",
                          re.IGNORECASE)
# The candidate describing themselves ("I'm very thorough", "I'm a real perfectionist"): a trait, not an effect.
TRAIT = re.compile(r"^(?:[\w',]+\s+){0,3}?(?:I'm|I am|I've always been)\s+(?:a |an |just |very |really |naturally |known |"
                   r"quite |pretty |so |always )", re.IGNORECASE)
# A proposal said as one ("I said I think we should divert"): said back as its content ("you should divert").
PROPOSED = re.compile(r"^(?:I|we) said(?: that)?,?(?: look,?)?(?: I think)?,?\s+(?=we should\b)", re.IGNORECASE)
# A clause that comments on the answer rather than saying it: "that's pretty common on nights", "that's what I'd do".
ASIDE = re.compile(r"that(?:'s| is)\b", re.IGNORECASE)
# Years of experience told as a fact: "I have fourteen years in survey", "I've spent ten years on wards".
EXPERIENCE = re.compile(r"^(?:I|we)(?:'ve| have| had)? (?:got |been |worked |spent |had )?(?:\w+ ){0,5}years\b", re.IGNORECASE)
# Words before a past form that make it a state: "he is crushed", "they were worried".
STATE_BEFORE = {"is", "are", "am", "be", "being", "been", "'s", "'re", "was", "were", "get", "got", "feel", "felt"}
# A plan or a wish, not a deed: "I'd rework the sessions", "I want the information", "we'll reflect on it".
# ("I could see the cabins swinging" is what was seen, and "I'd done it before" a past.)
WISH_OR_PLAN = re.compile(r"^(?:I|we)(?:'ll| would| will| want| wanna| need| should|'d(?!\s+(?:\w+ed|done|been|had|got|"
                          r"gone|seen|made)\b))\b", re.IGNORECASE)
# The candidate claiming the work as theirs ("I owned the response end to end", "I was responsible for the cutover"):
# when others did the story's deeds, that claim is what the own-part follow-up names.
OWNED = re.compile(r"^I(?:'ve| have)? (?:\w+ly )?(?:owned|drove|oversaw|headed|led|was (?:responsible|accountable) for|"
                   r"was in charge of|was the lead\b|took (?:charge|ownership) of|had (?:\w+ )?oversight of|"
                   r"sponsored|championed|spearheaded|steered|was (?:very much |really )?(?:leading|driving|coordinating|pushing)\b|"
                   r"(?:had|have) (?:overall |full )?(?:accountability|conduct|ownership)\b|"
                   r"was (?:the|our) (?:\w+ ){0,2}(?:lead|sponsor|owner|authority|point of contact|accountable)\b|"
                   r"was (?:at the heart of|part of everything|on the case|across everything))", re.IGNORECASE)
# A deed told without its doer: "the deviation was raised straight away", "the schedule got flipped" (60 of the 456
# own-part anchors of the labelled sets; the follow-up had said "I heard a lot about what the team did" of such answers,
# naming nothing: sets 73-76's raters).
DONE_BY_NOBODY = re.compile(r"\b(?:was|were|got|had been|has been|have been)\s+(?:\w+ly\s+|all\s+|then\s+)?(?:\w+ed|done|"
                            r"made|taken|given|sent|put|set|found|built|brought|told|shown|caught|cut|paid|run|held|kept)\b"
                            r"(?!\s+by (?:me|myself)\b)", re.IGNORECASE)
# A decision told without who made it: "it was decided to pack the channel", "the decision was made to close the pier
# at two". Over sets 2-84, 19 answers given an own-part follow-up had one; the writers' anchors named it in 16, the
# first deed of the team (named before) in 7: who made the call is what a story told this way leaves out.
DECIDED_BY_NOBODY = re.compile(r"\b(?:it|this|that) (?:was|got|had been) (?:then |eventually |finally |quickly |all )?"
                               r"(?:decided|agreed)\b|\bthe (?:decision|call) (?:was|got) (?:then |eventually |finally |"
                               r"quickly )?(?:taken|made)\b", re.IGNORECASE)
# The whole story given to the team in a phrase: "it was a real team effort", "we all pulled together".
TEAM_EFFORT = re.compile(r"\b(?:(?:a |real |a real )?(?:team|collective|joint) effort|everyone did their bit|"
                         r"(?:we all|everybody|everyone) (?:pulled together|chipped in|mucked in|helped each other)|"
                         r"the team (?:were|was|is) (?:\w+ )?(?:amazing|brilliant|great|fantastic|incredible))\b", re.IGNORECASE)
# A decision too long to say back is said up to its "and" ("I made the call to drop the set menu and go to a short
# a la carte" -> "I made the call to drop the set menu"). Only there: elsewhere the part after "and" may be the point.
AND_AT = re.compile(r",?\s+and\s+", re.IGNORECASE)
# The candidate's words as the interviewer says them: notes.py's rules for "I/my/me", and "we"
# as plural "you" (so the verb after it still agrees: "we were" -> "you were").
TO_YOU = [(pattern, repl) for pattern, repl in PRONOUNS if not re.search(r"we|our|us", pattern)] + [
    (r"\bourselves\b", "yourselves"), (r"\bwe\b", "you"), (r"\bour\b", "your"), (r"\bus\b", "you"),
    (r"\bours\b", "yours"),
]
# For the own-part probe "we" is the team, so the candidate hears the difference being asked about.
TO_TEAM = [
    (r"\bwe were\b", "the team was"), (r"\bwe are\b", "the team is"), (r"\bwe're\b", "the team is"),
    (r"\bwe have\b", "the team has"), (r"\bwe've\b", "the team has"), (r"\bwe'd\b", "the team would"),
    (r"\bwe do\b", "the team does"), (r"\bwe don't\b", "the team doesn't"), (r"\bwe\b", "the team"),
    (r"\bour\b", "the"), (r"\bus\b", "the team"), (r"\bourselves\b", "themselves"),
]

def without_fillers(text: str, hits: list[FillerHit]) -> str:
    """The text with every filler the analyzer found taken out, and the commas around them tidied."""
    for hit in sorted(hits, key=lambda h: h.start_char, reverse=True):
        text = text[:hit.start_char] + text[hit.end_char:]
    text = re.sub(r"\s*,(?:\s*,)+\s*", " ", text)  # "we, uh, restarted" -> "we restarted"
    text = re.sub(r"(^|[.!?]\s+),\s*", r"\1", text)
    # An intensifier said twice is said back once: "much, much quicker" (not "where the patches are, are they ...").
    text = re.sub(r"\b(much|very|really|way|far|so|too|a lot), \1\b", r"\1", text, flags=re.IGNORECASE)
    return re.sub(r"\s{2,}", " ", text).strip()


def to_you(clause: str, team: bool = False) -> str:
    """The clause as the interviewer says it back: "I" and "we" become "you" (or "the team", unless the clause
    names the team itself: "we looked at it as a team" is "you looked at it as a team")."""
    team = team and not re.search(r"\bteam\b", clause, re.IGNORECASE)
    if not team and re.match(r"we\b", clause, re.IGNORECASE):  # "we moved us to a planner": not "you moved you"
        clause = re.sub(r"\bus\b", "the team", clause)
    first_we = re.search(r"\bwe\b", clause, re.IGNORECASE) if team else None
    if first_we:  # the team once, then "they": "the team recovered what they could", not "... what the team could"
        later = clause[first_we.end():]
        for pattern, repl in ((r"\bwe\b", "they"), (r"\bus\b", "them")):
            later = re.sub(pattern, repl, later, flags=re.IGNORECASE)
        clause = clause[:first_we.end()] + later
    for pattern, repl in (TO_TEAM if team else []) + TO_YOU:
        clause = re.sub(pattern, repl, clause, flags=re.IGNORECASE)
    return clause


def raw_clauses(text: str) -> list[str]:
    """The answer's clauses in order, as said."""
    return [clause.text for sentence in split_sentences(text) for clause in clauses(sentence, text, 0)]


def answer_clauses(text: str, tails: bool = False) -> list[str]:
    """The answer's clauses in order, each tidied ("" and comments such as "that's what I'd do" dropped).

    `tails`: also what follows a new subject in a clause, which tidy() cuts off ("I'd speak to the consultant, and
    I'd recommend switching ..."): a decision is often said last."""
    parts = [part for clause in raw_clauses(text)
             for part in ([clause] + NEW_SUBJECT.split(clause)[1:] if tails else [clause])]
    return [tidied for part in parts for tidied in [tidy(part)]
            if tidied and not ASIDE.match(tidied) and said_whole(tidied, text)]


def tells_a_deed(clause: str) -> bool:
    """Whether the clause tells something that happened, in the past: "they agreed to run it", not "he is crushed"
    (a state) or "they'll go to the review panel"."""
    words = re.findall(r"[a-z']+", clause.lower())
    return any((is_past(word) or word in ("agreed", "guaranteed")) and (i == 0 or words[i - 1] not in STATE_BEFORE)
               for i, word in enumerate(words))


def pronoun_subject(clause: str) -> bool:
    """Whether the clause's subject is a bare "it", "they" or "this", which says little when quoted back."""
    return bool(re.match(r"^(?:it|it's|they|they're|this|that|there)\b", clause, re.IGNORECASE))


# A subject a claim's clause can start from: "(when I did this with my last team) it completely turned the season around".
# A claim that opens with its own subject ("my fill rate's the best", "the numbers went up"): said alone, it is a clause.
SUBJECT_FIRST = re.compile(r"(?:the|my|our|his|her|their|its|it|we|I|they|he|she|everyone|everybody|nobody)\b", re.IGNORECASE)
LAST_SUBJECT = re.compile(r"\b(?:it|they|we|I|he|she)\b")
SUBORDINATOR_BEFORE = re.compile(r"\b(?:when|since|because|after|once|if|until|as|while|before)\s+$", re.IGNORECASE)
# Where a clause of time or reason starts after a claim: "... dropped a lot | after I took over colour".
CLAUSE_AFTER = re.compile(r"\s+(?=(?:after|when|since|because|once|as soon as|until) (?:I|we|they|he|she)\b)", re.IGNORECASE)


# A claim that opens with its owner and runs four words or more: it can be said back as it was said.
OWNED_CLAIM = re.compile(r"(?:my|our)\s+\S+(?:\s+\S+){2,}", re.IGNORECASE)


def pick(gap: Gap, text: str, claim: str = "", size: bool = False, deed: bool = True) -> tuple[str, bool]:
    """The clause to name for this gap, and whether "we" in it means the team; ("", False) if none fits.

    `claim`: for the evidence gap, the words of the vague claim that nothing backs ("came down a lot"); `size`: whether
    it is a claim of size, a noun phrase ("a huge deal") that needs the clause it is in; `deed`: whether, for the
    evidence gap, a plain deed may stand in when the answer makes no claim (see anchor)."""
    if gap == "result":
        # Where the story stops: its last whole clause ("HMRC acknowledged receipt of the disclosure", "I hoped it gave
        # her a bit of peace"), so the ask goes on from there. The last thing the candidate did was often mid-story,
        # before an ending they did tell, and "how did it end?" then asked for what was given. On the labelled anchors
        # of sets 25-28 this names the writer's clause 18 times in 24, against 5 for the last deed (74 and 37 of 138 on
        # the sets the rules were tuned on). What happened comes before a comment in the present ("they'll go to the
        # review panel straight away", said of what firms often do).
        # (not "you don't know how it finished": the ask already says so; nor the lesson a story closes on, "what you
        # took from it is that now": what happened last comes before it)
        # A story that stops where the work was handed on names the hand-off ("you submitted the final advice on the
        # Friday"), not a clause cut from what it was handed on with ("in case | they decided to concede").
        handed = handed_on_step(text)
        if handed:
            return handed, False
        text = before_the_lesson(text)
        said = [c for c in answer_clauses(text, tails=True) if len(c.split()) >= 4 and not UNKNOWN_ENDING.search(c)]
        happened = [c for c in said if tells_a_deed(c)]
        if said:
            return (happened or said)[-1], False
        actions = [tidy(u.clause.text) for u in read_units(text, []) if u.action and not u.progressive]
        actions = [a for a in actions if a and said_whole(a, text)]
        return (actions[-1] if actions else ""), False
    if gap == "own_part":
        # When others did the story's work ("she came up with a bake plan"), that is what to ask about.
        theirs = [tidy(c[m.start():]) for c in answer_clauses(text) for m in [OTHERS_ACTED.search(c)] if m]
        theirs = [c for c in theirs if len(c.split()) >= 5 and not re.search(r"\bsaid\b", c)  # a deed, not words
                  and said_whole(c, text)]
        owned = [c for c in answer_clauses(text) if OWNED.match(c)]
        if owned:  # "I owned the response end to end", then Priya found the cause: the claim is what to ask about
            return owned[0], False
        if credited_to_others(text) and theirs:
            return theirs[0], False
        edge = [c for c in answer_clauses(text) if EDGE_PART.match(c)]  # "I was very involved throughout"
        if edge:
            return edge[0], False
        decided = [tidy(c) for c in answer_clauses(text) if DECIDED_BY_NOBODY.search(c)]
        decided = [c for c in decided if c and said_whole(c, text)]
        if decided:
            return decided[0], False
        ours = [tidy(u.clause.text) for u in read_units(text, []) if u.action == "we"]
        ours = [a for a in ours if re.match(r"we\b", a, re.IGNORECASE) and said_whole(a, text)  # the team's deed, not the scene
                and not re.match(r"we (?:\w+ly |also |just |still )?(?:have|had|has|are|were|got|'ve got)\b", a, re.IGNORECASE)]
        # (nor what it has: "we also have one-way aisles", said back as "the team has ...")
        # Else any clause the team is the subject of ("the safety committee brought in a plan", "our team make a fishbone").
        # (a deed, not a state: "we had a lot of falls" sets the scene)
        team_did = [(c, m.group(1).lower()) for c in answer_clauses(text)
                    for m in [re.match(r"(?:we|(?:our|the) (?:\w+ )?(?:team|group|committee)) (?:\w+ly |also |just |still )?(\w+)",
                                       c, re.IGNORECASE)] if m]
        states = {"are", "is", "would", "could", "might", "have", "has"}  # "we also have one-way aisles": no deed
        ours = ours or [c for c, verb in team_did if verb not in NOT_DEEDS | states]
        if not ours and theirs:  # "My manager sorted it, she got the generator company on the radio"
            return theirs[0], False
        # No deed of the team's to name: the phrase that gave it the story ("it was a real team effort"), from its start
        # when a run-on leads into it ("it's a lovely centre the team is amazing").
        effort = [c if m.start() < 12 else tidy(c[m.start():])  # ("it was a real team effort" stays whole)
                  for c in answer_clauses(text) for m in [TEAM_EFFORT.search(c)] if m]
        if not ours and any(effort):
            return [c for c in effort if c][0], False
        if not ours:  # no one named at all: a deed told without its doer ("the deviation was raised straight away")
            done = [c for c in answer_clauses(text) if DONE_BY_NOBODY.search(c)]
            if done:
                return done[0], False
        return (ours[0] if ours else ""), True
    every = answer_clauses(text)
    if gap == "evidence":
        # The clause of the claim that nothing backs; else any vague claim, one with a named subject first.
        claimed = [c for c in every if claim and claim.lower() in c.lower()]
        at = text.lower().find(claim.lower()) if claim else -1
        if not claimed and at >= 0:  # the clause splitter joined the claim to the next clause: say it alone,
            # from its subject ("after that adoption went through the roof, honestly, the director said ...")
            start = max(text.rfind(sep, 0, at) for sep in (". ", ", ", "? ", "! "))
            rest = re.split(r"[.!?,]", text[at:], maxsplit=1)[0]
            # Or from the comma before, when the claim's own piece is no clause ("my fill rate's brilliant, probably
            # the best in the branch").
            wider = max(text.rfind(sep, 0, start) for sep in (". ", ", ", "? ", "! ")) if start > 0 else -1
            # (And the piece up to a clause of time or reason after the claim, when the whole is too long to say:
            # "our returns ... dropped a lot", without "after I took over colour on womenswear".)
            piece = text[start + 2 if start >= 0 else 0:at] + rest
            # (Or up to its "and", when what follows is too long to say with it: "my first-time fix rate's the best
            # in the company", without "and a lot of my customers ask for me by name now when they book".)
            to_and = AND_AT.split(piece, maxsplit=1)[0]
            # (Or from the last subject before the claim, when its sentence opens with a clause of time: "when we did
            # exactly this for the plant closure it made a huge difference", sets 61 and 70.)
            sentence_start = max(text.rfind(sep, 0, at) for sep in (". ", "? ", "! "))
            # (Not a subject of the clause of time itself: "since I started all that my blackgrass problem is gone".)
            subjects = [m for m in LAST_SUBJECT.finditer(text, sentence_start + 1 if sentence_start >= 0 else 0, at)
                        if not SUBORDINATOR_BEFORE.search(text, 0, m.start())]
            # (Or from a subject the parser finds, when no pronoun heads the claim's clause: "since I took over the
            # work | the whole process has got much quicker", set 91.)
            begin = subjects[-1].start() if subjects else subject_start(text, at)
            from_subject = tidy(text[begin:at] + rest) if begin is not None and sentence_start < begin < at else ""
            pieces = [c for c in [tidy(piece), tidy(re.split(r"[.!?]", text[at:], maxsplit=1)[0]),
                                  tidy(CLAUSE_AFTER.split(piece, maxsplit=1)[0]),
                                  tidy(to_and) if claim.lower() in to_and.lower() else ""]
                      if c and not (c.lower().startswith(claim.lower())  # "a big deal, and ..." is no clause,
                                    and (size or not SUBJECT_FIRST.match(claim)))]  # nor "much quicker, and ..."
            # (Only after a comma: before a full stop is another sentence, "It's been running for two years now.")
            whole = [c for c in pieces + [tidy(text[wider + 2 if wider >= 0 else 0:at] + rest)] * text.startswith(", ", start)
                     + [from_subject] if c and said_whole(c, text)]
            # A clipped claim still beats a clause that is not the claim: the ask is about the claim. But not one
            # with no subject: "You said could've been a lot worse" (set 62's rater: a throwaway remark).
            claimed = whole or [c for c in pieces if reads_as_a_clause(c)]
            # (Or the claim alone, when it is a whole standing with its owner: "my chick survival's well above what
            # most ostrich farms get", which the parser reads as a noun phrase.)
            claimed = claimed or [tidy(claim)] * bool(OWNED_CLAIM.match(claim))
        vague = [c for c in every if any(pattern.search(c) for _, pattern in VAGUE)]
        named = [c for c in vague if not pronoun_subject(c)]
        # A figure explained with nothing but itself: the first thing the candidate says they did.
        # (Not "I've been at the firm for six years": no claim; nor a plan or a wish, "I'd rework the two sessions",
        # "I want the information": "what told you it had worked?" of those was nonsense to sets 70-72's raters.)
        done = [c for c in every if re.match(r"^(?:I|we)\b", c, re.IGNORECASE) and not re.search(r"\d", c)
                and not EXPERIENCE.search(c) and not WISH_OR_PLAN.match(c)] if deed else []
        # A claim of what the work achieves ("my reject calls have basically never been overturned") before a trait
        # ("you're known for being very consistent"): an effect can be shown, so that is what to ask for. The claim the
        # rules found comes first unless it is a trait itself.
        achieved = [c for c in every if TRACK_RECORD.search(c) and not TRAIT.match(c) and not EXPERIENCE.search(c)
                    and not re.search(r"\b(?:say|says|said)$", c)]  # not "everyone always says", with what they say cut
        effect_claimed = [c for c in claimed if not TRAIT.match(c)]
        return (effect_claimed or achieved or claimed or named or vague or done or [""])[0], False
    if gap == "decision":
        return (sorted(decision_clauses(text), key=lambda c: decision_rank(c, said_last(c, text))) or [""])[0], False
    # The candidate's own words first ("I just check it over"), not a list of terms or "before I use it".
    own = [c for c in every if re.match(r"(?:I|we)\b", c) and len(c.split()) >= 3
           and not re.match(r"(?:I|we)(?:'ve| have)? (?:always |really |just )?(?:think|thought|do|did|feel|felt|find|found|"
                            r"believe|guess|suppose|mean|know)\b", c)  # an opinion is not what they do
           and not EXPERIENCE.search(c)]  # nor is "I have fourteen years in survey"
    own = [c for c in own if not COURTESY.search(c)] or own  # what they would do, not "you'd apologise sincerely"
    return ((own or every or [""])[0]), False


def said_last(clause: str, text: str) -> bool:
    """Whether the clause is in the answer's last sentence (or cannot be found in it)."""
    sentences = split_sentences(text)
    return not sentences or clause.lower() in sentences[-1].text.lower() or clause.lower() not in text.lower()


def decision_clauses(text: str) -> list[str]:
    """The clauses of a text that say what the candidate chose, did or would do, as they are said back."""
    chosen = [c for c in answer_clauses(text, tails=True) if decision_like(c)]
    # A call too long to say whole is said up to its "and": "I made the call to pull the unit off".
    chosen += [tidy(AND_AT.split(c, maxsplit=1)[0]) for c in raw_clauses(text) if DECIDED.search(c)]
    return [PROPOSED.sub("", c) for c in dict.fromkeys(chosen) if c]


def anchor(gap: Gap, question: Question, feedback: Feedback, deed: bool = True) -> str:
    """The phrase of the answer the follow-up names, addressed to the candidate; "" when none is clean.

    With `deed` False, an evidence follow-up names only a claim, or a figure's story: "you said you had a crew of five.
    How did you know?" asks for proof of a plain deed (followups.chosen_gap asks another gap first)."""
    text = without_fillers(feedback.transcript, feedback.fillers.hits)
    claim = unbacked_claim(text, question.text) if gap == "evidence" else None
    claimed = claim.match if claim else claim_said_with_filler(feedback, question, text) if gap == "evidence" else ""
    deed = deed or (gap == "evidence" and unexplained_figure(text, question))
    clause, team = pick(gap, text, claimed, size=bool(claim) and claim.kind == "size", deed=deed)
    if gap == "evidence" and claim and not pick(gap, text, claimed, size=claim.kind == "size", deed=False)[0]:
        # The first claim cannot be said back whole ("Oh I'm brilliant with that"): the next one that can is named
        # ("customers always love you"), before any plain deed (set 16's rater: the deed asked about missed the boast).
        others = (pick(gap, text, other.match, size=other.kind == "size", deed=False)[0]
                  for other in unbacked_claims(text, question.text)[1:])
        clause = next((found for found in others if found), clause)
    if gap == "decision":
        # The sentence the learned reading is surest makes the answer's choice without a reason ("on that bench I
        # also dropped the hole diameter ..."): its surest choice clause is named, whatever else the answer chose.
        pivotal = pivotal_sentence(text, shared_encoder(), PIVOTAL_LEAST)
        learned = [c for c in decision_clauses(pivotal or "") if not premise_of(c, question.text)]
        # Then the choice the rules found unexplained ("I'd use Redux Toolkit"), not the first thing planned ("set up
        # the store"). A surer choice elsewhere still comes first: "you'd go and look at the notes" is no decision to
        # ask about, and "you wouldn't send it back through" names what was ruled out. (Equally sure ones go in this
        # order: the learned sentence's, the rules' unexplained sentence's, then pick's.)
        unexplained = unexplained_choice(question, text) or pivotal_choice_unexplained(text)
        found = [c for c in answer_clauses(unexplained or "", tails=True) if decision_like(c)]
        candidates = learned + found + [clause] * bool(clause)
        clause = min(candidates, key=lambda c: decision_rank(c, said_last(c, text))) if candidates else clause
    if clause and premise_of(clause, question.text):
        return ""  # "you said twelve alarms in two hours": the interviewer's own scenario, not the candidate's words
    return to_you(clause, team=team) if clause else ""


def claim_said_with_filler(feedback: Feedback, question: Question, text: str) -> str:
    """A claim whose weight is a word the analyzer counts as a filler ("they basically never get challenged", "found
    basically nothing"), as it reads with the filler taken out ("found nothing"): the words before it in its clause
    come along, so that "nothing" finds its own clause; "" when there is none. Without this the follow-up named a plain
    step instead, or asked another gap (sets 50-51). `text` is the transcript with its fillers taken out, as quoted."""
    said = unbacked_claim(feedback.transcript, question.text)
    if said is None:
        return ""
    fillers = {hit.text.lower() for hit in feedback.fillers.hits}
    before = re.split(r"[,;]", said.sentence[:said.start])[-1].split()[-3:]
    words = [w for w in before + said.match.split() if w.lower().strip(",") not in fillers]
    plain = " ".join(words)
    return plain if len(words) >= 2 and plain.lower() in text.lower() else ""


# The modal of any plan, which makes no clause the interviewer's own: "I would give the company the whole centre" shares
# "would" with "what would you do if a company asked to book the whole centre", and was left unnamed (set 83).
FRAME_WORDS = frozenset("would could should might".split())


def premise_of(clause: str, question: str) -> bool:
    """Whether nearly all the clause's words are the question's own (four in five of its words of four letters or more, and
    at least three of those)."""
    words = [w for w in re.findall(r"[a-z']+", clause.lower()) if len(w) >= 4 and w not in FRAME_WORDS]
    asked = set(re.findall(r"[a-z']+", question.lower()))
    return len(words) >= 3 and sum(w in asked for w in words) >= 0.8 * len(words)
