"""Cutting a clause of the answer down to one that can be said back aloud: no openers ("so", "yeah", "after that"),
no scene-setting before the subject, no comment after it, no restart, and short enough to say; "" when no whole clause
is left. Used by anchors.py, which chooses among the clauses; quotable.py then checks what is left with the parser.
"""

from __future__ import annotations

import re

from mockint.feedback.cues import is_past
from mockint.questions.note_cues import CLAUSE_BREAK

MAX_ANCHOR_WORDS = 16  # longer than this is not said back aloud: another clause is chosen, none is cut
MIN_ANCHOR_WORDS = 3
# Openers and linking words before the clause proper: "So, after that, the cost..." -> "the cost...".
OPENER = re.compile(
    r"^(?:(?:so|and|but|then|also|yeah|yes|oh|well|ok|okay|right|basically|honestly|first(?:ly)?(?! thing)|secondly|finally|"
    r"after that|afterwards|in the end|eventually|overall|as a result|since then|at first|"
    r"by the end of (?:the|that) \w+|I think|I guess|I'd say|I must say|I have to say|I'll be honest|I mean|probably|"
    r"to be honest|if I'm honest|in all honesty|frankly|obviously|of course|now(?! that\b)|"
    r"like(?= (?:his|her|their|my|our|it|they|he|she|we|I)\b))"
    r"\b[\s,]*)+",
    re.IGNORECASE,
)
# A short scene-setting phrase before a comma: "On a pricing test, I decided..." -> "I decided...".
# Not a clause with its own subject: "We spotted it quickly, the next morning" keeps its "we".
SCENE_BEFORE_SUBJECT = re.compile(r"^(?!(?:I|we|they|he|she)\b)[^,]{1,40},\s+(?=(?:I|we|it|they|he|she|the|our|my)\b)",
                                  re.IGNORECASE)
# ...or with no comma, when "I" or "we" follows at once: "For a new app I'd use Redux" -> "I'd use Redux".
SCENE_NO_COMMA = re.compile(r"^(?:for|in|on|at|with|after|during)\s+(?:\S+\s+){1,4}?(?=(?:I|we)(?:'d|'ll|'ve)?\s)", re.IGNORECASE)
# A small word said twice as the speaker restarts: "on a a manufacturing client", "to the, the depot".
RESTART = re.compile(r"\b(a|an|the|to|I'd|we'd|I'm|I|we|it|in|on|of|and|my|our|for|with|at|is|was|really|very|so)(?:,?\s+\1\b)+",
                     re.IGNORECASE)
# A phrase said again after a pause word: "it was, yeah, it was a big change" (set 71's rater: the filler said back).
RESTART_PHRASE = re.compile(r"\b((?:[\w']+\s+){0,2}[\w']+),\s+(?:yeah|yes|so|no|well),?\s+\1\b", re.IGNORECASE)
# A second sentence run on without a stop: "I'm really user-centred that's the core of how I work".
RUN_ON = re.compile(r"\s+(?=that'?s (?:the|what|how|why|my|just|all)\b)", re.IGNORECASE)
# Adverbs between the subject and its verb that add nothing when said back: "I then proposed".
SUBJECT_ADVERB = re.compile(r"^((?:I|we)(?:'d)?)\s+(?:then|also|just|actually|basically|really|first|initially)\s+",
                            re.IGNORECASE)
# Words a whole clause cannot start with: what is left after them is a fragment ("and then presented it").
FRAGMENT_START = {"to", "and", "or", "but", "so", "because", "which", "that", "who", "where", "when", "with", "by",
                  "before", "after", "until", "unless", "while",
                  "for", "from", "in", "on", "at", "of", "as", "if", "then", "also", "not", "just", "than", "into"}
# A second verb phrase ("... over the past year and presented it at the review"): the first is whole on its own.
SECOND_VERB = re.compile(r"\s+and\s+(?=(?:then\s+|also\s+)?[a-z]+ed\b)")
PLAN_SECOND_VERB = re.compile(r"\s+and\s+(?=(?:then\s+)?[a-z]+\s+(?:it|them|him|her|the|a|an|up|out|everyone|my|our|their)\b)")
# The alternative set against a choice ("... all the way to the boundary rather than just to the stopcock"):
# the choice before it is whole on its own.
CONTRAST_AT = re.compile(r",?\s+(?:rather than|instead of)\s+", re.IGNORECASE)
# A trailing aside after a comma ("I made the call to drop the set menu, just eight dishes", "..., before the wider
# meeting"): the clause before it is whole.
COMMA_AT = re.compile(r",\s+(?=(?:just|before|after)\s)", re.IGNORECASE)
# A hedge said between commas inside a phrase: "we did a test-and-learn in, I think, sixty stores" is said without it
# (cut there, it left "we did a test-and-learn in": set 62's rater, garbled).
HEDGE_ASIDE = re.compile(r",\s+I (?:think|guess|reckon|suppose|believe|'d say),\s+", re.IGNORECASE)
# An aside between dashes: "I put all three options - original, painted, resin - in front of the designer" is said
# without it (cut at its commas, it left "I put all three options": set 75's rater, cut off).
DASH_ASIDE = re.compile(r"\s+[-–—]\s+[^-–—]{1,60}?\s+[-–—]\s+")
# A question said inside the clause with no "if": "I want to know is it real" (set 75's rater: garbled when said back).
EMBEDDED_QUESTION = re.compile(r"\b(?:know|see|check|ask|wonder|find out)\s+(?:is|are|was|were|does|did|do|has|have|can|"
                               r"will)\s+(?:it|they|he|she|there|this|that|the)\b", re.IGNORECASE)
# What was seen, cut before its verb: "I saw on the control system that gun fourteen" (set 76's rater: truncated).
SEEN_CUT_OFF = re.compile(r"\b(?:saw|noticed|found|realised|realized|knew|heard|could see|spotted)\b[^,]{0,40}? that"
                          r"(?: [\w'-]+){1,3}$", re.IGNORECASE)
# An aside between commas, then more ("adoption went through the roof, honestly, the director said ..."): the clause
# ends at the aside.
ASIDE_THEN_MORE = re.compile(r",\s*(?:honestly|to be honest|basically|you know|I mean)\s*,\s*", re.IGNORECASE)
# A choice whose object is a bare "that" or "it", said back without what it stands for: "I just decided that early on".
LOST_OBJECT = re.compile(r"\b(?:decided|chose|picked|went with|made) (?:that|it|this)(?: (?:early on|then|straight away|"
                         r"quickly|in the end|pretty quickly))?$", re.IGNORECASE)
# What was said, cut off after whom it was said to: "I did also say to him", "the service manager said to me" (set 44's
# rater: "garbled anchor"). The clause names nothing until its words come.
WORDS_CUT_OFF = re.compile(r"\b(?:said|say|says|saying|explained|mentioned)(?: (?:that|it))? to (?:him|her|them|me|us|everyone|"
                           r"everybody|the [\w-]+)(?: (?:\w+ly|straight away|again|later|first|a (?:few|couple of) \w+ later))*$",
                           re.IGNORECASE)
# A lesson cut from its "what": "I really took from that family is that ..." (of "what I really took ..."; set 61's
# rater: garbled).
# (Only with nothing but "from ...", "there" or "away" between: "I got the results back and the problem was that ..." is
# whole.)
LOST_WHAT = re.compile(r"^(?:I|we)(?: \w+)? (?:took|learned|learnt|take|learn|got)(?: away)?(?: (?:from|out of)\b[^,]*| there| here)? "
                       r"(?:is|was) that\b", re.IGNORECASE)
# The first half of "what I took from that is ...", cut before its second: "what I took from that one" (set 72's rater:
# garbled). Whole with its "is": "what I did was ring the client".
HALF_CLEFT = re.compile(r"^what (?:I|we|they|he|she)\b(?!.*\b(?:is|was|'s)\b)", re.IGNORECASE)
COMMENT_AT = re.compile(r",\s+that(?:'s| is)\b", re.IGNORECASE)  # ... and the same comment after the clause it is on
# A relative clause commenting on what came before ("the three Cs which is something we did on the course"): the
# clause before it is whole and says the point.
# A comment that ends on its preposition: "..., which for a location like that I was really happy with" (set 42's rater:
# said back without its "with", it is no English).
WHICH_STRANDED_AT = re.compile(r",\s+which\b(?=[^,]*\b(?:with|about|for|of|to|on|in|at|by|from)$)", re.IGNORECASE)
WHICH_COMMENT_AT = re.compile(r",?\s+which(?:'s| is| was|(?: for| to) (?:\w+ ){1,2}(?:is|was))\b", re.IGNORECASE)
# A clause that stops where its object should start: "I'd look at which one", "I'd work out what".
OBJECT_MISSING = re.compile(r"\b(?:which(?: one| way)?|what|how|where|whether|who|whose)(?: (?:the|a|an|my|our|his|her|their) [\w-]+)?$",
                            re.IGNORECASE)  # (and "on how the tray": cut before its verb)
# A preposition that ends a clause about a noun ("the best analyst they'd worked with", "the people I report to",
# "better than anyone I trained with"):
# part of the clause, not a cut to tidy away.
STRANDED = re.compile(r"\b(?:(?:the|a|an|my|our|their|his|her|any|every)\s+(?:\w+\s+){0,3}|(?:any|every|some|no)(?:one|body)\s+)"
                      r"(?:I|we|they|he|she)(?:'d|'ve|'re|'ll)?"
                      r"\s+(?:\w+\s+){0,2}(?:with|to|for|of|about|on|in)$", re.IGNORECASE)
# A clause whose last word completes it: "customers like that", "careful about all that", "it's what I'm known for",
# "the yields are much better than they were" (set 60's rater faulted "... better than they").
WHOLE_AT_END = re.compile(r"\b(?:like|all) that$|\bwhat (?:I|we|they|he|she)(?:'m|'re|'s|'d|'ve| am| are| is| was| were)? "
                          r"(?:\w+ ){0,2}(?:with|to|for|of|about|on|in|at)$|"
                          r"\b(?:than|as|what) (?:I|we|they|he|she|it|you) (?:am|are|is|was|were|used to be)$", re.IGNORECASE)
# "So, yeah," said inside a clause ends it: "they agreed to run it in the spring, yeah, hopefully that brings them back".
YEAH_AT = re.compile(r",?\s+(?:so,?\s+)?yeah\b,?\s*", re.IGNORECASE)
# Said back word for word, second-language grammar and spoken repairs sound like mockery, so another clause is named:
# "so he learn", "a lot, very much", "a carer, experienced, who'd had", "why you do this inspection, why not".
DISFLUENT = re.compile(r"\b(?:a lot|very much|so much),\s+(?:very much|a lot|so much)\b|,\s*why not$|"
                       r"\b(?:a|an) [\w-]+, (?:very |really )?[\w-]+(?:ed|ful|ive|ous|al|ent)\b,", re.IGNORECASE)
# The speaker framing what they said, not a clause of the story: "I'll put it that way", "if that makes sense" (set 34),
# "the example I'd use is a compressor casing bracket" (set 41: asked why that example over others).
FRAME = re.compile(r"^(?:I'll|I'd|let's|let me|to)? ?put it (?:that|this|like that) way$|^if that makes sense$|"
                   r"^(?:I'd|I would) say$|^(?:I|I'll) tell you that$|"
                   r"^(?:the|an|one|my) example (?:I'd|I would|I'll|I will|I'm going to) (?:use|give|take|pick|talk about)\b",
                   re.IGNORECASE)
BARE_AFTER_HE = re.compile(r"\b(?:he|she)\s+(?:give|take|book|learn|come|go|make|tell|say|ask|want|need|know|get|see|call|"
                           r"send|start|stop|work|try|help|put|bring|think|feel|like|agree|leave|keep|pay|buy|find|show|"
                           r"use|change|check|finish|open|close|move|write|read|run|understand|speak|talk|listen|follow|"
                           r"fix|lose|win|sign|accept|refuse|become|begin|do|have)\b", re.IGNORECASE)
# A pause after a preposition, before its object: "at the bus station in, four minutes", "a push in, like, forty".
PAUSE_MID_PHRASE = re.compile(r"\b(?:in|on|at|by|from|into),\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|"
                              r"about|around|like|say|um|er)\b", re.IGNORECASE)
# A purpose after the deed ("We held a drop-in session at the library so residents could see the plans").
PURPOSE_AT = re.compile(r"\s+so (?:that )?(?=\w+ (?:could|can|would|will|didn't|don't|wouldn't|won't)\b)", re.IGNORECASE)
NEW_SUBJECT = re.compile(r",\s+(?:and\s+)?(?=(?:I|we|they|he|she)\b)|;\s*", re.IGNORECASE)
# A condition opened after a comma or "and" at a clause's end ("..., and if it looks wrong"): its main clause follows.
PREPOSED_CONDITION = re.compile(r"(?:,\s*(?:(?:and|but|so)\s+)?|\s+(?:and|but|so)\s+)(?:if|unless|once|whenever|when)\b[^,]*$",
                                re.IGNORECASE)



def tidy(clause: str) -> str:
    """A clause without openers, scene-setting or a closing full stop; "" when no whole clause is left."""
    clause = clause.strip().strip(" ,;:-\"'")
    clause = re.sub(r"\s+,", ",", clause)  # "I busked it , called it": a pause written as a space
    clause = RESTART.sub(r"\1", clause)  # "on a a client", "the, the list": a restart, said once
    clause = RESTART_PHRASE.sub(r"\1", clause)
    clause = HEDGE_ASIDE.sub(" ", clause)
    clause = DASH_ASIDE.sub(" ", clause)
    clause = OPENER.sub("", clause)
    clause = re.sub(r"^first thing\b", "the first thing", clause, flags=re.IGNORECASE)  # "OK, first thing I'd do is ..."
    said = YEAH_AT.split(clause, maxsplit=1)
    if len(said) == 2 and len(said[0].split()) >= MIN_ANCHOR_WORDS:
        clause = said[0]
    clause = SCENE_BEFORE_SUBJECT.sub("", clause)
    clause = SCENE_NO_COMMA.sub("", clause)
    clause = SUBJECT_ADVERB.sub(r"\1 ", clause)
    clause = re.sub(r"[.!?]+$", "", clause).strip(" ,")
    if re.search(r"\b(?:with|to|for|of|about|in|on|at|by|from|into),\s+and\s+(?:I|we|they|he|she)\b", clause, re.IGNORECASE):
        return ""  # "what they started with, and I recommended ...": a clause around a gap
    clause = NEW_SUBJECT.split(clause, maxsplit=1)[0]
    clause = COMMENT_AT.split(clause, maxsplit=1)[0]  # "I'd follow the safety policy, that's the main thing"
    clause = WHICH_COMMENT_AT.split(clause, maxsplit=1)[0]
    clause = WHICH_STRANDED_AT.split(clause, maxsplit=1)[0]
    clause = ASIDE_THEN_MORE.split(clause, maxsplit=1)[0]
    clause = RUN_ON.split(clause, maxsplit=1)[0]  # "I'm user-centred that's the core of it": two sentences
    for end in (CLAUSE_BREAK, SECOND_VERB, CONTRAST_AT, COMMA_AT, PURPOSE_AT, PLAN_SECOND_VERB):  # where a long clause may end early and stay whole
        if len(clause.split()) > MAX_ANCHOR_WORDS:
            clause = end.split(clause, maxsplit=1)[0].strip(" ,")
    if len(clause.split()) > MAX_ANCHOR_WORDS:  # still too long: its first comma-piece that is a clause of its own
        pieces = [p for p in re.split(r",\s+", clause) if re.match(r"(?:I|we)\b", p) and len(p.split()) >= 4]
        clause = pieces[0] if pieces else clause
    clause = clause.strip(" ,;:.")  # "... twelve percent," cut at its aside; "I said no." cut from what followed
    # ("..., and instead"; "I replaced it, and now" I calibrate it: but not "people come in from all over now")
    clause = re.sub(r",?\s+(?:and |but |or )?(?:instead|then|also|so)$|,?\s+and now$", "", clause, flags=re.IGNORECASE)
    # ("we were just": its "were" goes below; and a tag after its comma, "the broker hasn't recommended them since,
    # mind": set 72's rater)
    clause = re.sub(r",?\s+(?:and )?(?:honestly|basically|really|to be honest|you know|like|as well|yeah|just|actually|"
                    r"quite|in fact)$|,\s*(?:me|mind|now)$", "", clause, flags=re.IGNORECASE)
    cut = re.sub(r"\s+(?:and|or|but|so|which|that|the|a|an|of|to|with|for|are|is|was|were|as|because(?: maybe)?)$", "",
                 clause, flags=re.IGNORECASE)  # (and "they're safe are": a restart's leftover; "..., because maybe")
    if STRANDED.search(clause) or WHOLE_AT_END.search(clause):
        cut = clause
    if cut != clause:  # "I was really involved in that" -> "... involved in": its object went, so the "in" goes too
        # (and "compliance was way better after that" -> "compliance was way better")
        cut = re.sub(r"\s+(?:in|on|at|about|with|for|of|to|after|before)$", "", cut, flags=re.IGNORECASE)
    clause = cut.strip(" ,;:")  # "... where the patches are, and" is said without its ", and"
    # A condition opened at the end has its main clause in the next one: "I check everything, and if something
    # doesn't look right" is said back without it.
    clause = PREPOSED_CONDITION.sub("", clause)
    if re.match(r"^[\w']+,\s+but\b", clause, re.IGNORECASE) or LOST_OBJECT.search(clause) or WORDS_CUT_OFF.search(clause) \
            or LOST_WHAT.match(clause) \
            or BARE_AFTER_HE.search(clause) or DISFLUENT.search(clause) or FRAME.match(clause) \
            or EMBEDDED_QUESTION.search(clause) or SEEN_CUT_OFF.search(clause):
        return ""  # "there, but I think ...": the tail of another clause; "I just decided that early on": decided what?
    if HALF_CLEFT.match(clause):
        return ""
    first = clause.split(" ", 1)[0].lower()
    if first in FRAGMENT_START or is_past(first) or not MIN_ANCHOR_WORDS <= len(clause.split()) <= MAX_ANCHOR_WORDS \
            or OBJECT_MISSING.search(clause):
        return ""
    # "I had, nobody trusted it", "look at both and, say one is ...": a restart or an aside, not a whole clause.
    # ("what they started with, and I recommended": a clause around a gap; "in, four minutes": a pause mid-phrase.)
    if re.match(r"^(?:I|we|I'd|we'd)(?:\s+\w+)?,", clause) or re.search(r"\b(?:and|or|with|to|for|of|about),", clause) \
            or PAUSE_MID_PHRASE.search(clause) or ", say " in clause:
        return ""
    # The candidate's own "you" (generic, or to the interviewer) would be ambiguous once said back.
    if re.search(r"\b(?:you|your|yours)\b", clause, re.IGNORECASE):
        return ""
    return clause
