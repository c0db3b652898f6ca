"""Whether a story says how it ended: the outcome words, where they must come, and the last step
that shows a story stopped before its ending."""

from __future__ import annotations

import re

from mockint.questions.claim_words import VAGUE
from mockint.text import split_sentences

# How a story ended: change, outcome and "afterwards" wording. Actions such as "I launched"
# are deliberately absent: they tell what was done, not what came of it.
OUTCOME = re.compile(
    r"\b(?:as a result|in the end|at the end|after that(?!\s*(?:[.,!?]|$)|,? (?:I|we)\b)|afterwards|since then|by the end|eventually|"
    r"ended up|"
    r"the outcome|the result|which meant|that meant|from then on|these days|"
    r"(?:'s|is|are) now|now (?:takes?|runs?|uses?|has|have|is|are|gets?)|"
    # (not "I went down early to set up": the speaker going somewhere)
    r"(?<!\bI )(?<!\bwe )(?:went|came|moved|got) (?:up|down|from|away|back)"
    r"(?! to (?:the |my |our )?(?:cabinet|board|committee|panel|directors?|managers?|heads?|management|them|him|her)\b)|"
    r"(?:wouldn't|won't|couldn't|can't|doesn't|didn't) happen again|(?:had|has|have) (?:me|us) back|"
    r"(?:not|n't|never) had (?:a |any |another )?(?:\w+ )?(?:callbacks?|complaints?|problems?|issues?|repeats?|incidents?)|"
    r"went home|never needed|without (?:any |a )?(?:problems?|issues?|incident|hitch)|"
    r"(?:did not|didn't|did n't|never) (?:stop|happen|come back|go down)|kept (?:us|me|them) on|"
    r"(?:ended|finished|closed|came in) (?:\w+ ){0,3}(?:at|on|with|under|over) |(?:we|they|it) (?:were|was) (?:at|on) \d+|by (?:month|week|day|year) \w+|"
    r"dropped|fell|rose|grew|doubled|halved|tripled|improved|increased|decreased|reduced|saved|renewed|signed(?!(?: \w+){0,3} off)|"
    r"approved|(?<!\bI )(?<!\bwe )agreed|accepted|recovered|resolved|restored|stabili[sz]ed|reached|exceeded|won|lost|"
    r"promoted|"
    r"cleared|completed|went live|went ahead|confirmed|missed|passed|achieved|scored|by then|got through|no (?:real )?complaints|(?:happy|pleased) with it|still (?:shops?|comes?|uses?|buys?) (?:with|here|at)|"
    r"(?:has|have|'s|'ve) since|thanked (?:me|us)|settled (?:within|down|by|after)|"
    r"(?:was|were) (?:really |very )?(?:happy|pleased|relieved)(?! (?:for|to)\b)|"  # (not "he was happy for it": willing)
    r"(?:back to )?normal again|back to normal|up and running|running again|(?:nobody|no one) (?:got|was|had|complained|noticed)|(?:did not|didn't|did n't) (?:lose|need|have to)|"
    r"hit \d|cut (?:\w+ ){0,4}by|got (?:\w+ ){0,4}(?:back|delivered|approved|fixed)|(?:was|were) (?:fixed|solved|"
    r"back|changed|delivered)|zero|no (?:more|longer)|never (?:again|happened)|(?<!\bI )(?<!\bwe )stopped)\b",  # ("I stopped the lift" is a step)
    re.IGNORECASE,
)
# Words that say outright that this is how it ended, wherever they come.
PLAIN_OUTCOME = re.compile(r"\b(?:as a result|in the end|the outcome|the result (?:was|is)|ended up|since then|from then on|"
                           r"eventually|(?:has|have|'s|'ve) since)\b", re.IGNORECASE)
# An ending told as a change that has lasted or come back: "I haven't found it short since", "since then it is on the
# daily kill sheet", "the son's booked again this year", "job done". (A bare "since" ends its sentence: "since the
# audit" starts a time, not an ending.)
LASTING = re.compile(r"\bsince\s*[.!?]?$|\b(?:since then|ever since|from then on|to this day|again (?:this|next) year|"
                     r"job done|(?:still|now) (?:uses?|using|runs?|running|comes?|coming|books?|booking)|transformed|"
                     r"(?:it|that|this|he|she|they)(?:'s| has| have) (?:been|become) (?:a |an )?(?:\w+ )?"
                     r"(?:success|match|fixture|standard|routine|habit))\b", re.IGNORECASE)
# A clause that is itself how things turned out, said in passing words: "it turned out brilliant", "she kept coming to
# my drop-ins", "we kept it for the rest of the tour", "the managers completely bought into it". Asking "how did it
# turn out?" of it asks for what it says (raters of sets 50-57 faulted each of the six such asks). The clause is read as
# it will be said, so "you came back the next day" is the candidate's own step, not the ending.
ENDING_SAID = re.compile(r"\b(?:turned out|worked out|(?:it|that|this) worked|for the rest of (?:the|that|this)|"
                         r"(?<!I )(?<!we )(?<!you )came back|kept (?:coming|going)|bought into|went well)\b", re.IGNORECASE)
# A sentence that is one more thing the speaker did: "Then I traced the circuit back and did the tests".
LAST_STEP = re.compile(
    r"^(?:(?:so|and|then|and then|after that|finally|also|um|uh|yeah|next|on the day|the next (?:day|week|morning))\W+)*"
    r"(?P<who>I|we) (?:then |also |just |finally |"
    r"personally )?(?!(?:learn|realis|realiz|notic|fel|though|need|want|lik|lov|enjoy|hop|decid)\w*\b)"
    r"(?:\w+ed|did|made|sent|put|wrote|rang|ran|got|took|set|told|gave|built|drew|brought|kept|left|met|paid|spoke|"
    r"taught|went (?:back|through|over|down|up|in|out|round))\b", re.IGNORECASE)
# The closing words of a list of steps, which end nothing: "So that's what I did", "that's basically what I built".
SIGN_OFF = re.compile(r"^(?:(?:so|and|yeah|um|uh|er)\W+)*(?:that'?s (?:basically |about |pretty much )?(?:what I \w+|all|it|"
                      r"how (?:I|you) \w+ it)\b|(?:(?:so|and|yeah|um|uh|er|right|okay|ok)\W*)+$)", re.IGNORECASE)
# An ending still to come: "so, fingers crossed on that one", "we're still waiting to hear", "then see how it goes".
PENDING = re.compile(r"\b(?:fingers crossed|waiting to hear|(?:haven't|have not|not) heard (?:back )?yet|still waiting|we'll see|"
                     r"we will see|(?:should|will) hear (?:back )?(?:in|by|next)|too early to (?:say|tell)|remains to be seen|"
                     r"(?:see|seeing) how (?:it|that|things) (?:goes|go|pans? out|plays? out)|take it from there)\b",
                     re.IGNORECASE)
# An ending the speaker never learned: "then I moved team, so I don't know very well how it finished".
UNKNOWN_ENDING = re.compile(r"\b(?:don't|do not|didn't|did not|never) (?:really |actually )?(?:know|knew|found out|find out|heard)"
                            r"(?: very well)? (?:how|what|whether|if) (?:it|that|they|things|the \w+)", re.IGNORECASE)
# Someone saying yes on the way ("she agreed to it", "he approved it") is a step, not how the story ended.
AGREEMENT = re.compile(r"\b(?:agreed|approved|accepted|confirmed|signed)\b", re.IGNORECASE)
# Plain words that end a story only when they come at its end: "she was okay" (not "the tap was fine, so...").
CLOSING_OUTCOME = re.compile(r"\b(?:was|were|is|are) (?:okay|ok|fine|safe|alright|all right)\b|"
                             r"\b(?:delivered|arrived|finished)\b[^.]*\bon time\b", re.IGNORECASE)


def tells_ending(answer: str) -> bool:
    """Whether the answer says how things turned out (an outcome, or at least a claim of one)."""
    if PLAIN_OUTCOME.search(answer):
        return True
    sentences = [s.text for s in split_sentences(answer)]
    closing = " ".join(sentences[-2:])
    # An outcome word early on ("the seller agreed to pay half") is a step in the story; the story
    # still has to end somewhere, so the later half must tell it.
    later = " ".join(sentences[len(sentences) // 2:])
    # A story whose last sentence is one more step of the speaker's ("Then I changed the premium in the
    # system") stops before its ending, whatever went well on the way; a wrap-up step after the ending
    # ("We landed safely. I filed the report that night.") does not.
    while len(sentences) > 1 and SIGN_OFF.match(sentences[-1]):
        sentences = sentences[:-1]
    step = LAST_STEP.search(sentences[-1])
    # (a step of "we" stops the story only when the speaker is in it: the team's story is asked for their part)
    if len(sentences) >= 3 and step and (step.group("who") == "I" or re.search(r"\bI\b", answer)) \
            and not _outcome(sentences[-1]) and not OUTCOME.search(AGREEMENT.sub("", sentences[-2])):
        return False
    return bool(OUTCOME.search(later) or CLOSING_OUTCOME.search(closing) or any(p.search(later) for _, p in VAGUE))


def _outcome(text: str) -> bool:
    """Whether this stretch of an answer says how something turned out."""
    return bool(OUTCOME.search(text) or CLOSING_OUTCOME.search(text) or any(p.search(text) for _, p in VAGUE))


# A story closed on what the speaker learned, not on what happened: "and the biggest thing I learned is ...", "what it
# taught me is ...", "what I'd do differently is ...".
LESSON = re.compile(r"\b(?:learn(?:ed|t)|took from|taught me|lesson|do differently|biggest thing|the thing (?:for me|about "
                    r"this)|I always say|I now always|now I always)\b", re.IGNORECASE)


def before_the_lesson(answer: str) -> str:
    """The answer up to a lesson it closes on (in one of its last two sentences, after at least two others), or the
    whole answer: what happened last is told before the lesson, and that is where "how did it end?" goes on from."""
    sentences = split_sentences(answer)
    for place, sentence in enumerate(sentences):
        if place >= max(2, len(sentences) - 2) and LESSON.search(sentence.text):
            return answer[:sentence.start].rstrip()
    return answer


# The story's last step passes the work to someone else for their part: "I submitted the extension package to the
# technical service", "I presented it to the breeding committee", "I referred it to our legal team", "I handed it over
# to my colleague". What they made of it is how the story ended, and it is not told.
HANDED_ON = re.compile(r"\b(?:submitted|presented|referred|handed (?:it |that |them |this |the \w+ )?over|"
                       r"sent (?:it|them|that|this|(?:the|my|our) \w+)(?: \w+){0,2}? (?:to|over to|off to)|"
                       r"went (?:to|up to) the \w+ (?:\w+ )?(?:for|team|committee|board|panel))\b", re.IGNORECASE)
# The work handed over to a colleague, who carries it on rather than decides on it.
HANDED_OVER = re.compile(r"\bhanded (?:\w+ )?over\b", re.IGNORECASE)
# A shift's routine handover, which passes on the work, not a decision on it: "I handed over to the day shift at six".
SHIFT_HANDOVER = re.compile(r"\bhand(?:ed|ing)? (?:\w+ ){0,3}?over (?:\w+ ){0,3}?to (?:the )?(?:(?:day|night|late|early|"
                            r"morning|next) (?:shift|staff|team|crew|nurses?|miller|manager)|days|nights)\b|"
                            r"\b(?:morning|shift|evening) handover\b", re.IGNORECASE)
# Where the hand-off's clause ends: what follows says why or with what ("so it could go to the approval authority",
# "with a draft consent order attached in case they decided to concede"), and is not what was done.
HAND_OFF_TAIL = re.compile(r",|\s+(?:so|so that|in case|because|which|and then|when|as)\b", re.IGNORECASE)


def handed_on_step(answer: str) -> str:
    """The step a story stops on when it hands the work to someone else for their part, as the candidate said it ("I
    submitted the final advice on the Friday"); "" when the story goes on past it, tells what came of it in the same
    sentence, or the hand-off is a shift's routine handover. The lesson a story closes on is read past."""
    sentences = [s.text for s in split_sentences(before_the_lesson(answer))]
    while len(sentences) > 1 and SIGN_OFF.match(sentences[-1]):
        sentences = sentences[:-1]
    last = sentences[-1] if sentences else ""
    verb = HANDED_ON.search(last)
    if len(sentences) < 3 or not verb or _outcome(last) or SHIFT_HANDOVER.search(last):
        return ""
    # Who handed it on, from the verb's own clause: "I" of "I wrote it up and sent it to ...", "that" of "..., and that
    # went to the capital delivery team".
    head = re.split(r"[,;]", last[:verb.start()])[-1]
    if not re.sub(r"\b(?:and|then|also)\b", "", head).strip():  # "I compiled the documents, about 400 pages, and submitted"
        head = last[:verb.start()]
    subjects = list(re.finditer(r"\b(?:I|we)\b", head, re.IGNORECASE))
    subject = subjects[-1].group(0) if subjects else \
        re.sub(r"^\s*(?:(?:and|then|so)\s+)*", "", head).strip() if re.fullmatch(
            r"\s*(?:(?:and|then|so)\s+)*(?:that|it|this|they|the \w+)\s*", head, re.IGNORECASE) else ""
    rest = last[verb.start():]
    tail = HAND_OFF_TAIL.search(rest, pos=len(verb.group(0)))
    step = re.sub(r"(?:\s+(?:and|but|or|then|yeah))+$", "", rest[:tail.start() if tail else len(rest)].rstrip(" .!?"))
    return f"{subject} {step}" if subject else ""
