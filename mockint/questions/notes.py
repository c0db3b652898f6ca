"""Read free-text first-round notes into what a second-round interviewer goes back to.

Each note becomes a `NoteTopic`: the topic (what was asked or discussed), what the
candidate said about it, and what went badly, each a whole clause rewritten to address
the candidate ("how you measured the rollout's success", "you forgot to mention the
lockout procedure"). Phrases are only ever cut at clause boundaries (", but", "; ",
", which", ...), never at a word count, so a number or a name is kept whole; a phrase too
long to say aloud is left out rather than cut. Struggles come first: they are what a
second round probes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mockint.questions.reported import reported_question
from mockint.questions.shorthand import decapitalised, sayable, tidy_notes
from mockint.text import split_sentences

# A phrase runs to the end of its sentence; a dot inside a number ("2.5 MW") does not end it.
PHRASE = r"(?:[^.;!?\n]|\.(?=\d))+"
# Cues that the candidate found something hard (debrief.py reuses this).
STRUGGLE = re.compile(
    r"\b(struggl\w*|rambl\w*|couldn'?t|could not|didn'?t know|did not know|went badly|badly|weak\w*|forgot|"
    r"forget|blank\w*|stumbl\w*|vague|generic|nervous|lost (?:my|the) (?:thread|focus|way)|wasn'?t sure|not sure|"
    r"unsure|too long|hesitat\w*|mess(?:ed)? up|no numbers|no (?:good |real |clear )?(?:example|answer|data)|"
    r"had no\b|didn'?t have|did not have|wish I had|missed|never got to|fumbl\w*|froze|dried up|went blank|"
    r"poor(?:ly)?|not great|didn'?t go well|did not go well|went wrong|off track|waffl\w*|overran|ran over|over time|"
    r"skipped|too much|too fast|didn'?t show|did not show|didn'?t give|didn'?t answer|didn'?t mention|"
    r"(?:wanted|want|needed) more|shaky|muddled|confused|guessed|wrong|no idea|mumbl\w*|simplistic|not my best|"
    r"not what they wanted|didn'?t love|talked too much|too much detail|ran out of time|lost the point|overdid|"
    r"only said|no (?:real|concrete|specific) (?:answer|example|data)|not able to|need a number|unconvinced|"
    r"didn'?t (?:really )?(?:get to|go into|say|explain|know|remember)|couldn'?t (?:really )?\w+|got confused|"
    r"no example|ran long|not sure|messed up|kind of waffled|blam\w*|sound(?:ed)? like)\b",
    re.IGNORECASE,
)
# Phrases that introduce what was discussed; the topic follows them (debrief.py reuses this).
TOPIC_CUES = re.compile(
    r"\b(?:asked(?: me)?(?: about| to| for| on)?|(?<=they )ask(?: me)?(?: about| to| for| on)?|"
    r"(?<=she )asks?(?: me)?(?: about| to| for| on)?|(?<=he )asks?(?: me)?(?: about| to| for| on)?|questions? (?:about|on)|talked (?:about|through)|"
    r"discussed|mentioned|described|presented|explained|went through|walked (?:them|him|her) through|"
    r"focused on|dug into|probed|spoke about|covered|case study (?:on|about)|scenario (?:on|about)|"
    r"wanted to know|(?:grilled|pressed|quizzed|challenged|pushed)(?: me)? (?:on|about)|(?:weak|weaker|light|thin) on|"
    r"(?:wanted|want|needed|looking for) more (?:evidence|detail|depth|examples?) (?:of|on|about)|chat about|discussion (?:about|on)|story about|(?:weak|poor|bad|vague|shaky) answer (?:on|about|to))\s+(?P<topic>" + PHRASE + ")",
    re.IGNORECASE,
)
# What the candidate found hard, when the note names it: "I struggled to explain how I measured X".
STRUGGLE_OBJECT = re.compile(
    r"\b(?:struggled|had trouble|found it hard|couldn'?t|could not|didn'?t know|did not know|wasn'?t sure|"
    r"was not sure|not sure|rambled|stumbled|blanked|fumbled|was vague|waffled|"
    r"(?:had no|didn'?t have|did not have) (?:numbers|data|metrics|figures|results|an? example|examples)"
    r"(?: (?:for|on|about|of))?)"
    r"(?:\s+(?:to|with|on|over|about|through|when(?: they)? asked(?: me)?(?: about)?|when talking about|"
    r"on the question (?:about|on)|on the question of))?"
    r"(?:\s+(?:explain|describe|answer|say|show|talk about|justify|give|put numbers on|quantify|articulate))?"
    r"\s+(?P<topic>" + PHRASE + ")",
    re.IGNORECASE,
)
# What the candidate said they did or claimed: kept so a later question can challenge it.
SAID = re.compile(
    r"^(?:and\s+)?(?:I|we)\s+(?:said|told them|claimed|answered|explained|argued|gave|mentioned|described)\s+"
    r"(?:that\s+)?(?P<said>" + PHRASE + ")",
    re.IGNORECASE,
)
# A trouble's kind decides what the probe asks for. Checked in order; the first that fits wins.
TROUBLE_KINDS = [
    ("calculation", r"\bcalculat\w*|\bwork (?:it )?out\b|\bformula\b|\bdo the (?:maths|math|sums)\b"),
    ("reflection", r"(?:would|'d) do differently|what I would change|what I'd change|\bdo it differently"),
    ("ownership", r"my own part|own role|\bI vs\b|versus the team|blam\w*|\bfault\b|the team's"),
    ("outcome", r"\boutcome|what changed|\bthe rating\b|what came of it|\bthe result\b"),
    ("fact", r"confused|muddled|shaky|guessed|\bwrong\b|messed up|couldn'?t remember|can'?t remember|forget the name|"
             r"\bblank\w* on\b|\bweak on\b|not sure (?:about|of) the\b(?! exact)|wasn'?t sure (?:about|of) the\b(?! exact)"),
    ("omission", r"\bforgot\b|\bforget\b|\bmissed\b|left out|skipped|didn'?t mention|did not mention|until they prompted|"
                 r"didn'?t (?:really )?(?:get to|go into|say how|say about)"),
    ("numbers", r"\bnumbers?\b|\bmetrics?\b|\bdata\b|quantif\w*|\bmeasur\w*|\bcost per\b|\bresults\b|achiev\w*|"
                r"\bfigures?\b|%|\bper ?cent\w*|\bratio\b|\brate\b|\bexact\b|how many|how much|\bvolume\b|\bGP\b"),
    ("rambling", r"rambl\w*|too long|ran long|lost (?:my|the) (?:thread|focus|way|point)|waffl\w*|overran|ran over|"
                 r"over time|off track|never got to|no structure|too fast|talked too much|too much detail|"
                 r"ran out of time|overdid|talked for ages"),
    ("unsure_action", r"(?:didn'?t|did not) know what (?:I'?d|I would|to)|not sure what (?:to|I)|couldn'?t (?:really )?answer|"
                      r"said I'?d ask|said I'?d call|no real answer"),
    ("example", r"(?:no|didn'?t have an?|did not have an?|didn'?t really have an?) (?:good |real |clear |specific |concrete )?"
                r"example|no example|\bblank\w* (?:on (?:an? )?example|completely)|froze|dried up|no (?:good )?answer|"
                r"went blank|came to mind"),
    ("fact", r"\bblank\w*|couldn'?t remember|can'?t remember|forget the name|confused|muddled|shaky|guessed|\bwrong\b|"
             r"messed up|not sure (?:about|of)|wasn'?t sure (?:about|of|which)|\bweak on\b|didn'?t know (?:the|our|my)|"
             r"didn'?t know \w+ at all|no idea"),
    ("explain", r"explain|justify|articulate|couldn'?t say|could not say|didn'?t know how|did not know how"),
    ("vague", r"vague|generic|didn'?t show|did not show|more (?:evidence|detail|depth)|simplistic|only said|mumbl\w*|"
              r"\bweak\b|not great|want(?:ed)? more"),
    ("unsure", r"wasn'?t sure|not sure|unsure|didn'?t know|did not know|hesitat\w*"),
    ("nerves", r"nervous|stumbl\w*|fumbl\w*|mess(?:ed)? up"),
]
# Where a phrase turns to something else: the topic ends there (never inside a number: "2,000").
CLAUSE_BREAK = re.compile(
    r"\s*(?:;|,\s+(?:but|and|which|where|when|who|so|as|because|though|although|while|until|then)\b|"
    r"\s+(?:but|and then|and I|and we|and they|which I|where I|when I|because|so I|until|though)\b|"
    r"\s+[-\u2013\u2014]\s+|,?\s+went (?:ok|okay|well|fine|great)\b|,\s+(?=(?:I|we|my)\b)|,\s*$)",
    re.IGNORECASE,
)
# Sections of notes (or a rendered debrief) that hold the candidate's own questions to them.
OWN_QUESTIONS_HEADING = re.compile(r"my questions|questions (?:for next time|to ask|I asked)|to ask them", re.I)
PRONOUNS = [
    (r"\bI wasn't\b", "you weren't"), (r"\bI was not\b", "you were not"), (r"\bI'm not\b", "you're not"),
    (r"\bI am\b", "you are"), (r"\bI was\b", "you were"), (r"\bI'm\b", "you're"), (r"\bI've\b", "you've"),
    (r"\bI'd\b", "you'd"), (r"\bI'll\b", "you'll"), (r"\bI\b", "you"), (r"\bmy\b", "your"),
    (r"\bmyself\b", "yourself"), (r"\bme\b", "you"), (r"\bmine\b", "yours"), (r"\bour\b", "your team's"),
    (r"\bwe were\b", "your team was"), (r"\bwe are\b", "your team is"), (r"\bwe're\b", "your team is"),
    (r"\bwe've\b", "your team has"), (r"\bwe\b", "your team"), (r"\bus\b", "your team"),
]
# "System design: serving a model at 5k QPS": a label naming a part of the interview, then its topic.
LABELLED = re.compile(
    r"^(?P<label>(?:[\w /&-]{0,40}?\b)?(?:design|case study|case|scenario|role[- ]play|presentation|questions?|q\d*|"
    r"topic|simulator|exercise|task|portfolio|whiteboard|coding|technical|behaviou?ral|situational|they asked|asked))"
    r"\s*(?::|\s[-\u2013]\s)\s*(?P<topic>.+)$",
    re.IGNORECASE,
)
# Any short label before a dash or colon ("patching - asked how we test ..."): a topic when nothing better is found.
GENERIC_LABEL = re.compile(r"^(?:(?:a |the )?(?:question|questions|Q\d+)\s+(?:on|about)\s+)?(?P<topic>[^,;:.!?]{3,60}?)"
                           r"(?:\s+questions?)?\s*(?::|\s[-\u2013]\s)\s*\S", re.IGNORECASE)
# A follow-on question about the topic before it ("they asked what I would do differently").
FOLLOW_ON = re.compile(r"^(?:what you (?:would|'d) do differently|what you learned|why|what happened next|what you would change)$",
                       re.I)
# Lines that are notes to self, not about the interview ("check: veeam licensing", "need to revise X").
SELF_NOTE = re.compile(r"^(?:check|todo|to do|revise|look up|need to|remember to|note to self|next time)\b", re.I)
# A hard moment that names its own question ("the question on X", "when they asked about X") is a topic of its own.
OWN_QUESTION = re.compile(r"\bquestion\b|\bwhen (?:they|he|she) asked\b|\bweak answer on\b", re.I)
# "system design on rate limiting went badly": the topic, then the verdict on it.
VERDICT_AFTER = re.compile(r"^(?P<topic>(?!I\b|my\b|we\b|it\b)[^,;:]+?)\s+(?:went badly|was weak|was poor|was a mess|"
                           r"didn'?t go well|did not go well|went wrong|was shaky)\b", re.IGNORECASE)
EXERCISE = re.compile(r"design|case|scenario|exercise|simulator|whiteboard|role[- ]play|hypothetical|technical|"
                      r"presentation|task|pitch", re.I)
# An exercise set as an order ("Technical: design a parking lot system"): the topic is a task.
TASK_VERB = re.compile(r"^(?:design|build|write|plan|create|estimate|sketch|pitch|present|prioriti[sz]e|draft|"
                       r"prepare|model|debug|fix|review|outline|propose|price|cost|triage|diagnose)\b", re.I)
# A first-round answer line in question-and-answer notes ("A: talked about the refund dispute").
ANSWER_LABEL = re.compile(r"^(?:a|ans|answer|my answer|i said)\s*[:\-]\s*", re.I)
WH_START = re.compile(r"^(?:how|why|what|when|where|which|who|whether|if)\b", re.IGNORECASE)
MAX_PHRASE_WORDS = 18  # longer than this is not said aloud in a question: left out, never cut


@dataclass(frozen=True)
class NoteTopic:
    """One thing from the first round worth going back to."""

    sentence: str  # the note as the candidate wrote it (one or more sentences)
    topic: str  # what it was about, addressed to the candidate ("the gearbox fault you found"); may be ""
    struggled: bool  # the candidate said it went badly
    form: str = "thing"  # "thing" (a noun phrase), "question" (how/why/...), "task" ("to design a ...") or "claim"
    asked: bool = False  # the interviewer asked it (rather than the candidate bringing it up)
    said: str = ""  # what the candidate said about it, as a clause to them ("you cut downtime by 30%")
    went_badly: str = ""  # what went badly, as a clause to them ("you forgot to mention the lockout procedure")
    trouble: str = ""  # the kind of trouble: numbers, rambling, omission, example, explain, vague, unsure, nerves
    missing: str = ""  # for an omission: what was left out ("the lockout procedure")
    exercise: bool = False  # a case study, design or scenario exercise: about what they would do

    @property
    def hypothetical(self) -> bool:
        """Whether the topic asks what the candidate would do, rather than what they did."""
        return self.exercise or self.form == "task" or bool(re.search(r"\b(?:would|you'd|'d)\b", self.topic))


def to_second_person(phrase: str) -> str:
    """Rewrite the candidate's "I/my/we" as the interviewer's "you/your/your team"."""
    for pattern, repl in PRONOUNS:
        phrase = re.sub(pattern, repl, phrase, flags=re.IGNORECASE)
    return phrase


def first_clause(phrase: str) -> str:
    """The phrase up to the first clause break, tidied; "" when nothing sayable is left."""
    phrase = CLAUSE_BREAK.split(phrase, maxsplit=1)[0]
    # "rate limiting went badly" -> "rate limiting": the topic, not the verdict on it.
    verdict = STRUGGLE.search(phrase)
    if verdict and verdict.start() > 0:
        phrase = re.sub(r"\s+(?:went|was|were|felt|seemed|got|is|are)\s*$", "", phrase[: verdict.start()].rstrip())
    phrase = phrase.strip(" ,:-\"'().!?")
    phrase = re.sub(r"\s+(?:and|or|but|so|which|that|the|a|an|of|to|with|for)$", "", phrase, flags=re.I)
    return phrase if 1 <= len(phrase.split()) <= MAX_PHRASE_WORDS else ""


def classify_trouble(text: str) -> str:
    """The kind of trouble a note describes, for choosing what the probe asks."""
    for kind, pattern in TROUBLE_KINDS:
        if re.search(pattern, text, re.IGNORECASE):
            return kind
    return "other"


def note_lines(notes: str) -> list[tuple[int, str]]:
    """The sentences of the notes with the number of their section (a heading starts one),
    without the candidate's own questions to the interviewers."""
    lines, skipping, section = [], False, 0
    for raw in notes.splitlines():
        line = raw.strip().lstrip("#").strip()
        if not line:
            continue
        if line.endswith(":") and len(line.split()) <= 6:
            skipping = bool(OWN_QUESTIONS_HEADING.search(line))
            section += 1
            continue
        label = GENERIC_LABEL.match(tidy_line(line))
        if not skipping and ((label and not STRUGGLE.search(label.group("topic"))) or LABELLED.match(line) or TOPIC_CUES.search(line)):
            section += 1  # a line that names its own topic is not about the line before it
        if not skipping:
            lines.extend((section, s.text) for s in split_sentences(raw, line_breaks=True) if len(s.tokens) >= 2)
    return lines


def tidy_line(line: str) -> str:
    """A line without its bullet marker."""
    return re.sub(r"^(?:[-*\u2022]|\d+[.)])\s*", "", line)


def reported(text: str) -> str:
    """A question as the interviewer put it ("How did you test it?"), as a topic ("how I tested it")."""
    text = text.strip()
    if text.endswith("?") or re.match(r"^(?:tell|talk|walk|describe|explain|give|share|how|why|what|when|which|who|"
                                      r"did|do|does|have|has|would|could|can|is|are|were)\b", text, re.I):
        text = reported_question(text)
        return re.sub(r"^about\s+", "", text)
    return re.sub(r"^(?:they asked(?: me)?|asked(?: me)?)\s+(?:about\s+)?", "", text, flags=re.I)


def read_topic(sentence: str) -> tuple[str, str, bool, bool]:
    """The topic a sentence names as an interviewer would say it ("" when it cannot be said cleanly), its form,
    whether the interviewer asked it, and whether it was an exercise."""
    topic, form, asked, exercise = _read_topic(sentence)
    clean = sayable(topic) if form != "claim" else (topic if clean_clause(topic) else "")
    if not clean:
        label = GENERIC_LABEL.match(sentence.strip())
        phrase = sayable(decapitalised(to_second_person(first_clause(label.group("topic"))))) if label else ""
        if phrase and not STRUGGLE.search(phrase):
            return phrase, "thing", True, bool(EXERCISE.search(label.group(0)))
    return clean, form, asked, exercise


def clean_clause(clause: str) -> bool:
    """Whether a clause about the candidate ("you stopped the job and told the customer") can be said back whole."""
    from mockint.questions.shorthand import SELF_TALK, THIRD_PERSON, misspelt

    if not re.match(r"^you(?:r team)? \w+", clause) or len(clause.split()) > 14:
        return False
    if re.search(r"[()\[\]/\"`*#<>=+|~?!]|(?:^|\s)'|'(?:\s|$)|\b(?:I|me|my|we|our)\b|,", clause):
        return False
    rest = re.sub(r"^you(?:r team)? (?:said|told|mentioned|claimed)?\s*", "", clause)
    return not THIRD_PERSON.search(clause) and not re.search(
        r"\b(?:prob(?:ably)?|maybe|think|kind of|sort of|honestly|basically|lol|loads|stuff|etc)\b", rest, re.I) \
        and not any(misspelt(w) for w in rest.split())


def _read_topic(sentence: str) -> tuple[str, str, bool, bool]:
    labelled = LABELLED.match(sentence.strip())
    named = re.match(r"^(?:the\s+)?(?P<what>[a-z][\w&/-]*(?:\s[a-z][\w&/-]*){0,3}) question$", labelled.group("label"), re.I) \
        if labelled else None
    exercise_label = re.match(r"^(?P<what>[a-z][\w&-]*(?:\s[a-z][\w&-]*){0,2})\s+(?P<kind>scenario|case study|role[- ]play|"
                              r"exercise)$", labelled.group("label"), re.I) if labelled else None
    if exercise_label and not STRUGGLE.search(exercise_label.group("what")):
        # "safeguarding scenario: a parent turns up drunk": said as "the safeguarding scenario".
        return f"the {exercise_label.group(0).lower()}", "thing", True, True
    if labelled and re.match(r"^role[- ]play$", labelled.group("label"), re.I):
        return "the role play", "thing", True, True
    if named and not STRUGGLE.search(named.group("what")):
        # "Conflict question - used the night shift story": the question was the topic; the rest is the answer.
        what = named.group("what")
        return f"the {what if what.split()[0].isupper() else what.lower()} question", "thing", True, False
    if labelled and not STRUGGLE.search(labelled.group("label")):
        phrase = first_clause(reported(labelled.group("topic")))
        if phrase and not STRUGGLE.search(phrase):
            form = "question" if WH_START.match(phrase) else "thing"
            if TASK_VERB.match(phrase):
                phrase, form = "to " + phrase[0].lower() + phrase[1:], "task"
            elif re.match(r"^\d", phrase):
                phrase = "a " + phrase  # "10 minute pitch" -> "a 10 minute pitch"
            elif re.match(r"^[a-z]+ question$", phrase, re.I):
                phrase = "the " + phrase.lower()
            return to_second_person(phrase), form, True, bool(EXERCISE.search(labelled.group("label")))
    match = TOPIC_CUES.search(sentence)
    if match and not re.match(r"^(?:me\s+)?(?:it|that|this)\b", match.group("topic"), re.I):
        cue = sentence[match.start(): match.start("topic")].lower()
        raw = match.group("topic")
        asked = any(w in cue for w in ("ask", "question", "case study", "scenario", "wanted", "answer"))
        # "asked me to walk them through X" / "asked me to explain X": the topic is X.
        bare = re.sub(r"^(?:me\s+)?(?:to\s+)?(?:walk (?:them|him|her|us) through|talk (?:them|him|her|us) through|explain|describe|talk (?:about|through))\s+",
                      "", raw, flags=re.I)
        task = bare == raw and (re.match(r"^(?:me\s+)?to\s+", raw, re.I) or cue.rstrip().endswith(" to"))
        raw, form = bare, "task" if task else "thing"
        raw = re.sub(r"^me\s+", "", raw, flags=re.I)
        if form == "task" and not raw.lower().startswith("to "):
            raw = "to " + raw
        phrase = first_clause(raw)
        if WH_START.match(phrase):
            form = "question"
        elif re.match(r"^(?:I|we)\b", phrase):
            form = "claim"  # "I mentioned I trained 12 site staff": what they said, not a topic
        return to_second_person(phrase), form, asked, bool(EXERCISE.search(cue))
    label = GENERIC_LABEL.match(sentence.strip())
    if label and sayable(decapitalised(to_second_person(first_clause(label.group("topic"))))) \
            and not STRUGGLE.search(label.group("topic")):
        return decapitalised(to_second_person(first_clause(label.group("topic")))), "thing", True, \
            bool(EXERCISE.search(label.group(0)))
    verdict = VERDICT_AFTER.match(sentence.strip())
    if verdict and first_clause(verdict.group("topic")):
        return to_second_person(first_clause(verdict.group("topic"))), "thing", True, bool(EXERCISE.search(sentence))
    match = STRUGGLE_OBJECT.search(sentence)
    if match:
        phrase = first_clause(re.sub(r"^(?:the|a) question (?:about|on|of)\s+", "", match.group("topic"), flags=re.I))
        # A phrase that points back ("back it up", "explain that") is about the topic before it.
        if phrase and not re.match(r"^(?:my own|to |the numbers?\b|numbers?\b)", phrase, re.I) \
                and not re.search(r"\b(?:it|that|this|them)\b", phrase, re.I):
            form = "question" if WH_START.match(phrase) else "thing"
            return to_second_person(phrase), form, bool(re.search(r"\basked\b", sentence, re.I)), False
    return "", "thing", False, False


def went_badly_clause(sentence: str) -> str:
    """The clause saying what went badly, addressed to the candidate, or "" if it cannot be said whole."""
    whole = sentence.strip().rstrip(" .!")
    if re.match(r"^(?:I|[Tt]hey|[Mm]y|[Hh]e|[Ss]he)\b", whole) and len(whole.split()) <= MAX_PHRASE_WORDS and ";" not in whole \
            and not SAID.match(whole) and not re.search(r"\bbut\b|\bI think\b", whole):
        return to_second_person(whole if whole.startswith("I ") else whole[0].lower() + whole[1:])
    for clause in re.split(r"\s*(?:;|,\s+but\b|\s+but\b|,\s+and\b|\s+and (?=I\b)|\.\s+)\s*", sentence):
        if not STRUGGLE.search(clause):
            continue
        clause = re.sub(r"^(?:went badly|weak answer on [^:,-]+)\s*[:,-]\s*", "", clause.strip(), flags=re.I)
        if not re.match(r"^(?:I|we|my)\b", clause, re.I):
            if re.match(r"^(?:forgot|rambled|struggled|blanked|stumbled|couldn'?t|didn'?t|was|had|got|lost)\b", clause, re.I):
                clause = "I " + clause[0].lower() + clause[1:]
            else:
                return ""
        clause = clause.rstrip(" .!,")
        if len(clause.split()) > MAX_PHRASE_WORDS:
            return ""
        return to_second_person(clause[0].lower() + clause[1:] if not clause.startswith("I ") else clause)
    return ""


def omitted_thing(sentence: str) -> str:
    """What the candidate forgot to mention, addressed to them ("the lockout procedure")."""
    match = re.search(r"\b(?:forgot|forget|didn'?t|did not|failed)\s+(?:to\s+)?(?:mention|cover|talk about|bring up|say|about)\s+"
                      r"(?P<what>" + PHRASE + r")|\b(?:missed|left out|skipped|forgot)\s+(?P<what2>" + PHRASE + ")", sentence, re.IGNORECASE)
    if not match:
        return ""
    phrase = first_clause(match.group("what") or match.group("what2"))
    phrase = re.sub(r"\s+(?:until|unless|till)\b.*$", "", phrase, flags=re.I)
    if re.match(r"^(?:it|that|this|them|anything|something)\b", phrase, re.I):
        return ""
    return to_second_person(phrase)


def said_clause(sentence: str) -> str:
    """What the candidate said or claimed, addressed to them ("your team cut downtime by 30%")."""
    match = SAID.search(sentence.strip())
    if not match:
        return ""
    phrase = first_clause(match.group("said"))
    if not phrase or STRUGGLE.search(phrase) or re.match(r"^(?:a|an|the|my|some|no)\b", phrase, re.I) and not re.search(
            r"\b(?:\w+ed|cut|led|built|ran|made|saved|grew|won)\b", phrase):
        return ""
    phrase = to_second_person(phrase)
    return phrase if clean_clause("you " + phrase if not phrase.startswith("you") else phrase) else ""


def read_sentence(sentence: str) -> NoteTopic:
    """Everything one note sentence says: topic, claim, trouble."""
    sentence = tidy_line(sentence.strip())
    topic, form, asked, exercise = read_topic(sentence)
    struggled = bool(STRUGGLE.search(sentence))
    # The trouble is read from what the note says about the topic, not from the topic ("the figures don't balance").
    rest = to_second_person(sentence).replace(topic, " ") if topic else sentence
    trouble = (classify_trouble(rest) if STRUGGLE.search(rest) else classify_trouble(sentence)) if struggled else ""
    if trouble == "explain":
        trouble = classify_trouble(sentence)  # "struggled to explain how I measured X": what was missing is the measure
    if trouble in ("unsure", "fact") and re.search(r"percentage|%|\brate\b|\bratio\b|\bnumbers?\b|\bfigures?\b|\bvolume\b|"
                                                 r"how many|how much", topic):
        trouble = "numbers"  # not sure of their own figure: asked for the figure
    return NoteTopic(
        sentence=sentence, topic=topic, struggled=struggled, form=form, asked=asked, said=said_clause(sentence),
        went_badly=went_badly_clause(sentence) if struggled else "", trouble=trouble, exercise=exercise,
        missing=omitted_thing(sentence) if trouble == "omission" else "",
    )


def merge(into: NoteTopic, more: NoteTopic) -> NoteTopic:
    """A topic with a later sentence about it folded in (its claim or its trouble)."""
    changes: dict = {"sentence": f"{into.sentence} {more.sentence}"}
    if more.said and not into.said:
        changes["said"] = more.said
    if more.struggled and not into.struggled:
        changes.update(struggled=True, went_badly=more.went_badly, trouble=more.trouble, missing=more.missing)
    return replace(into, **changes)


def extract_topics(notes: str | None) -> list[NoteTopic]:
    """The topics of the notes, struggles first, each with what was said and what went badly."""
    if not notes or not notes.strip():
        return []
    notes = tidy_notes(notes)
    topics: list[NoteTopic] = []
    last_section = None
    for section, sentence in note_lines(notes):
        if SELF_NOTE.match(sentence):
            continue
        answer_line = bool(ANSWER_LABEL.match(sentence))
        sentence = ANSWER_LABEL.sub("", sentence) if answer_line else sentence
        item = read_sentence(sentence)
        if not (item.topic or item.struggled or item.said):
            continue
        # Under a new heading ("Hard moments:"), a line is not about the last line of the one before.
        previous = topics[-1] if topics and section == last_section else None
        last_section = section
        # Notes run in order: "They asked X. I forgot Y." The hard moment or the claim right
        # after a topic is about that topic, unless it names a question of its own.
        follow_on = bool(item.topic and FOLLOW_ON.match(item.topic))
        if follow_on:
            item = replace(item, topic="", trouble="reflection" if re.search(r"differently|change", item.topic) else item.trouble)
        cue = TOPIC_CUES.search(sentence)
        label = GENERIC_LABEL.match(tidy_line(sentence))
        own_topic = (label and not STRUGGLE.search(label.group("topic"))) or (cue and len(sentence[: cue.start()].split()) <= 4)
        if not item.topic and own_topic and not follow_on:
            last_section = None  # a line with a label of its own that cannot be said: dropped, and not merged
            continue
        about_previous = previous is not None and (answer_line or follow_on or not item.topic or (
            not TOPIC_CUES.search(sentence) and not OWN_QUESTION.search(sentence) and not own_topic and (
                not item.topic or (item.struggled and not previous.struggled) or (item.said and not item.struggled))))
        if answer_line and item.topic and not item.said and previous is not None:
            item = replace(item, said=item.topic if item.form == "claim" else "")
        if about_previous:
            topics[-1] = merge(previous, item)
            continue
        if item.topic and any(t.topic.lower() == item.topic.lower() for t in topics):
            continue
        # A hard moment with no topic is kept only when it names what was missing
        # ("I forgot to mention X"); "I was nervous" alone gives a probe nothing to go back to.
        if item.topic or (item.went_badly and item.missing):
            topics.append(item)
    if not topics and any(text for _, text in note_lines(notes)):
        # Notes that name nothing we can read whole: a probe that pastes nothing (probes.py).
        topics.append(NoteTopic(sentence=notes.strip(), topic="", struggled=False))
    return sorted(topics, key=lambda t: not t.struggled)
