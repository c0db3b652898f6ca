"""Real first-round notes are shorthand: tidy them before reading, and say only phrases that are clean.

Candidates write "q on volt drop - couldnt do the calc, v vague". Two jobs here, both pure:
- `tidy_notes` spells out note shorthand and restores apostrophes, so the reader in notes.py
  sees ordinary English ("question on voltage drop - couldn't do the calculation, very vague");
- `sayable` decides whether a phrase can be said aloud by an interviewer as it stands (a clean
  noun phrase or "how you ..." clause), fixing only what is safe (a missing "the"), and returns
  "" otherwise: a probe that leaves a topic out is better than one that pastes a broken one.
  `sayable_gap` does the same for what the candidate could not give ("any of our thresholds" ->
  "your thresholds"), which may also be a short "what ..." clause ("what PPDS means").
"""

from __future__ import annotations

import re

from mockint.questions.note_cues import GAP_HEDGES, GAP_WH, PRONOUNS
from mockint.questions.reported import reported_question

# Shorthand as candidates write it, spelled out (whole words only, case-insensitive).
SHORTHAND = {
    "q": "question", "qs": "questions", "abt": "about", "w/": "with", "w/o": "without", "thru": "through", "incl": "including", "esp": "especially", "mgmt": "management", "mgt": "management",
    "v": "very", "bc": "because", "b/c": "because", "cos": "because", "coz": "because", "diff": "differently",
    "shd": "should", "wd": "would", "cd": "could", "prob": "probably", "prev": "previous", "approx": "about", "avg": "average",
    "yr": "year", "yrs": "years", "hr": "hour", "hrs": "hours", "mins": "minutes", "ppl": "people",
    "mgr": "manager", "calc": "calculation", "calcs": "calculations", "govt": "government", "dept": "department",
    "sth": "something", "smth": "something", "tho": "though", "btw": "", "lol": "", "tbh": "", "imo": "",
    "volt drop": "voltage drop", "H&S": "health and safety", "1st": "first", "2nd": "second", "re": "about",
    "u": "you", "ur": "your", "wat": "what", "wot": "what",
    "info": "information", "convo": "conversation", "exp": "experience", "ok": "OK", "ok'ish": "OK",
    "regs": "regulations", "pt": "patient", "pts": "patients", "quant": "quantitative", "sat": "Saturday", "sun": "Sunday", "interveiw": "interview", "safegaurding": "safeguarding", "recieved": "received", "definately": "definitely",
}
# Contractions written without their apostrophe ("didnt"), and a lone lower-case "i".
APOSTROPHES = {
    "didnt": "didn't", "couldnt": "couldn't", "wasnt": "wasn't", "werent": "weren't", "dont": "don't",
    "doesnt": "doesn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "cant": "can't", "wont": "won't",
    "isnt": "isn't", "hadnt": "hadn't", "havent": "haven't", "im": "I'm", "ive": "I've", "id": "I'd", "i": "I",
    "shouldve": "should've", "couldve": "could've", "wouldve": "would've",
    "thats": "that's", "theyre": "they're", "youre": "you're", "childs": "child's", "whats": "what's",
}
# Not inside a hyphenated word: "re-rating" and "U-bend" are not shorthand.
_SHORTHAND = re.compile(r"(?<![\w/&'-])(" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True))
                        + r")(?![\w/&']|-\w)", re.IGNORECASE)
_APOSTROPHE = re.compile(r"\b(" + "|".join(APOSTROPHES) + r")\b")

# Words an interviewer never says back: the candidate's verdicts and self-talk.
SELF_TALK = re.compile(
    r"\b(?:prob(?:ably)?|maybe|i think|think|kind of|kinda|sort of|honestly|basically|weak|bad|badly|good|fine|ok|"
    r"okay|great|wrong|flaky|awkward|lol|revise|need to|should|must|guess\w*|blame\w*|very|really|"
    r"loads|stuff|things?|etc|lots|too|again|nice|liked|love\w*|seemed|felt|sounded|answer\w*|"
    r"said|say|asked|ask|told|talked|mentioned|overall|just|only|also|then|not|no|didn't|couldn't|wasn't|"
    r"blank\w*|rambl\w*|vague|struggl\w*|forgot|mess\w*|unsure|sure|nervous|confused|muddled|shaky|idea)\b",
    re.IGNORECASE,
)
# Who the interviewers are in the candidate's notes: their words, not the interviewer's.
THIRD_PERSON = re.compile(r"\b(?:they|them|their|she|her|he|him|his|panel|interviewers?)\b", re.IGNORECASE)
DETERMINER = re.compile(r"^(?:the|a|an|another|your|this|that|these|those|one|two|three|each|every|how|why|what|when|which|"
                        r"where|whether|who|to)\b", re.IGNORECASE)
PREPOSITION = re.compile(r"\s+\b(?:on|in|for|at|with|from|about|during|after|before|under|over|into|of)\b\s+", re.IGNORECASE)
# Labels that name a part of the interview, not what it was about.
NOT_A_TOPIC = re.compile(r"^(?:the )?(?:case study|case|scenario|questions?|interview|went well|exercise|task|"
                         r"presentation|technical|behaviou?ral|situational|first|second|started|overall|panel|"
                         r"tech(?:nical)? questions?)$|^(?:a lot|lots)$|^(?:the )?(?:actual |other |right |main )?"
                         r"(?:ones?|stuff|things?)$|^(?:the )?(?:bigger |biggest |main |real |other |big )?"
                         r"(?:problem|issue|concern|worry)s?$|^(?:an?|the|one|any) (?:good |real |specific |other )?examples?$", re.I)
# A phrase that starts with a bare verb ("remember the G3 bits") is a cut fragment, not a topic.
BARE_VERB = re.compile(r"^(?:remember|recall|do|say|explain|give|answer|get|make|think|know|tell|put|find|go|talk|"
                       r"describe|show|justify|work|cover|mention|use|ask|sound|be|have|see|come|name|list|identify|pick|"
                       r"spot|improve|increase|reduce|build|grow|cut|handle|manage|deal|fix|check|run|set|separate|"
                       r"distinguish|decide|choose|link|connect|convince|persuade|calculate|quantify|prove|finish|"
                       r"complete|started|began|finished)\b", re.I)
# "every job from ... onwards", "everything": a quantifier leads what the candidate did, not a topic.
QUANTIFIER = re.compile(r"^(?:every|everything|everyone|all|any|anything|anyone|some|something|nothing|none|most|much|"
                        r"many)(?![\w-])|\b(?:any|some|every|each|all)$", re.I)
# Words that end a phrase only when it was cut ("... properly", "... enough") or point at nothing ("reduce it").
DANGLING = re.compile(r"\b(?:properly|enough|really|at all|it|them|those|vs)\b|"
                      r"\b(?:that|this|you|yet|too|much|first|live|afterwards|later|again|then|earlier|today|there)$", re.I)
RELATIVE = re.compile(r"^(?:who|that|which|where|when|whose|and|or|to)$", re.I)
# Nouns said without "the" ("safeguarding", "budget planning"): a phrase ending in one needs no article.
MASS_ENDINGS = re.compile(r"(?:ing|ion|ment|ance|ence|ity|ety|ics|ness|ship|age|ure|ice|ism|work|ware|data|control|"
                          r"waste|safety|care|law|tax|health|stock|pay|time|planning|research)$", re.IGNORECASE)
MAX_TOPIC_WORDS = 12
BARE_AFTER_PREPOSITION = frozenset(
    "court school hospital prison work practice person time class hand hours use place theatre office bed home church "
    "college university sea line stock charge demand site call shift duty board risk question mind order practise "
    "advance general detail principle depth full total person public private".split())
# Parts of an interview named bare in notes ("coding test", "technical test"): said with "the".
BARE_EXERCISE = re.compile(r"^(?:(?:[A-Z]{2,}[\w-]*|[a-z][\w-]*) ){0,3}(?:test|task|exercise|scenario|presentation|role play|roleplay|"
                           r"assessment|exam|quiz|case study|question)$")
# A topic that ends on how it went ("the overheads vaguely") or starts with what the candidate did
# ("you averaged the 2 years") is a note cut in the wrong place.
HOW_IT_WENT = re.compile(r"\b(?:\w+(?:ously|fully|ively|ently|antly|ingly|edly)|vaguely|badly|poorly|quickly|briefly|"
                         r"clearly|partly|slowly|wrongly|roughly|loosely)$|^you\b(?!'d| would| had to)", re.I)
# "Working together example": a question the candidate was asked, by its label.
LABELLED = re.compile(r"^(\w+ing(?: \w+){0,3}) (example|question|scenario)$", re.I)
# Count nouns said only with a determiner: "leading team of 40", "why you want senior role" are cut shorthand.
COUNT_NOUN = re.compile(r"\b(?:role|job|team|position|post|company|shift|manager|supervisor|customer|client|project|"
                        r"patient|resident|store|site|ward)\b", re.I)
DETERMINED = re.compile(r"^(?:the|a|an|your|this|that|each|every|one|any|another|which|what|whose|\w+'s)$", re.I)


def tidy_notes(text: str) -> str:
    """The notes with shorthand spelled out, apostrophes restored and chatter ("lol", ":(") removed."""
    text = re.sub(r"[:;]-?[()]|[\U0001F300-\U0001FAFF]", "", text)
    text = re.sub(r"([!?])[!?]+", r"\1", text)
    text = re.sub(r"\b([A-Z]\w{2,}) ?(?:->|=>) ?(?=[A-Z]\w{2,})", r"\1 to ", text)  # "Moodle -> Canvas migration"
    text = re.sub(r"\s*(?:->|=>)\s*", " - ", text)
    text = re.sub(r"[ \t]+\+[ \t]+", " and ", text)  # not a "+" bullet on the next line
    text = re.sub(r"\b(\d+)\s?yo\b", r"\1-year-old", text)
    text = re.sub(r"\b(incl|approx|esp)\.(?=\s+[a-z0-9])", r"\1", text, flags=re.I)  # "incl. nights": no sentence ends
    text = re.sub(r"\b(what|the|core|fridge|probe|reheat|cooking|holding|room|body) temp(s?)\b", r"\1 temperature\2", text,
                  flags=re.I)  # "at what temp you reheat" (not "a temp", a temporary worker)
    # "BAD - asked when ..." is a label like "Bad: asked when ...": the dash is not part of a topic
    text = re.sub(r"(?mi)^([ \t]*(?:[-*+\u2022][ \t]*)?)(bad|badly|good|well|poor|weak|went well|went badly|not great)"
                  r"[ \t]+[-\u2013\u2014][ \t]+", r"\1\2: ", text)
    text = re.sub(r"\s+on the spot\b", "", text, flags=re.I)
    text = re.sub(r"(?<!\ba )\bbout\b", "about", text)  # "asked bout unvented cylinders" (not "a bout of flu")
    text = re.sub(r"\b1:1\b", "one-to-one", text)
    text = re.sub(r"\b(say|mention|mentioned|forgot|missed|no|the|a) risk assess\b(?!\w| (?:the|a|an|it|them|each|every)\b)",
                  r"\1 risk assessment", text, flags=re.I)  # "forgot to say risk assess first" (not "to risk assess the site")
    text = re.sub(r"\b(do|done|did) different\b(?!\s+\w+ing)", r"\1 differently", text)  # "what I'd do different"
    # "Scenario went badly: ..." is the scenario, labelled as gone badly
    text = re.sub(r"(?mi)^([ \t]*(?:[-*+\u2022][ \t]*)?)(scenario|case study|role[- ]play|presentation|practical|exercise)[ \t]+"
                  r"(?:went badly|was bad|was weak|was poor|was a mess|didn'?t go well)[ \t]*[:\-\u2013][ \t]*", r"\1Bad: \2: ", text)  # "a numbers question on the spot: ..." is no topic
    # Notes in present tense by non-native writers: "I say 121 degrees, Ben say no" is what was said then.
    text = re.sub(r"\b(I|[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+) say\b(?= no\b|,| \d| it\b| that\b| I\b)", r"\1 said", text)
    text = re.sub(r"\bI say\b", "I said", text)
    text = re.sub(r"\bI (miss|forget|blank)\b(?= (?:some|a|an|the|one|two|it|them|on)\b)",  # "I miss some items": past
                  lambda m: "I " + {"miss": "missed", "forget": "forgot"}.get(m.group(1), "blanked"), text)
    text = re.sub(r"\b([A-Z][a-z]+|[Hh]e|[Ss]he|[Tt]hey) correct\b(?=\s*[:,\u2013-])", r"\1 corrected me", text)  # "he correct: ..."
    text = re.sub(r"\b([A-Z][a-z]+|[Hh]e|[Ss]he|[Tt]hey) ask\b(?= (?:what|which|how|why|when|where|who|if|whether|about|me)\b)",
                  r"\1 asked", text)  # "Mr Chaudhry ask what is WPS"
    text = re.sub(r"\?([\"\u201d])(?=[ \t]+and (?:I|i)\b)", r"\1", text)  # 'asked "who else?" and I froze': one sentence
    # "I said open the top gates?? Sue said drop the paddles": one correction, not a question and a new sentence
    text = re.sub(r"\?(?=[ \t]+(?:[A-Z][a-z]+|he|she|they) said\b)", ",", text)
    # "a established system": the article said as it would be (not "a one-off", "a union", "a European")
    text = re.sub(r"\ba (?!and\b|are\b|ones?\b|once\b|eu)(?=[aeio][a-z]{2,})", "an ", text)
    # "the guest complain": the noun, misspelt (a verb after a subject stays: "guests complain")
    text = re.sub(r"\b((?:the|a|an|one|that|this) (?:\w+ )?)complain\b(?!\w)", r"\1complaint", text, flags=re.I)
    text = re.sub(r"\b((?:guest|customer|client|patient|resident|parent)s? )complain(?= (?:of|about)\b)", r"\1complaint", text,
                  flags=re.I)
    text = re.sub(r"(?<=[a-z]) ?%", " percentage", text)  # "our waste %" (a number keeps its "%": "14%")
    # "Q3 managing caseload" starting a line or a sentence is numbering; "ICH Q2 validation" is a name.
    text = re.sub(r"(?m)(^[ \t]*(?:[-*+\u2022][ \t]*)?|[.!?;][ \t]+)Q\d+\s*[:.)-]?\s+(?=[A-Za-z])", r"\1", text)
    text = re.sub(r"\b([A-Z]{2,})'s(?=\s*(?:[-:,]|and\b))", r"\1s", text)  # "KPI's - ..." is a plural, not a possessive

    def spell(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.isupper() and (len(word) > 1 or word == "U") and not word.lower() in ("q", "qs", "h&s"):
            return word  # "HR", "RE" in capitals are names, not shorthand
        for key, value in SHORTHAND.items():
            if key.lower() == word.lower():
                # "Q3" or "V" as a name keeps its case only when it is not shorthand in context.
                return value
        return word

    text = _SHORTHAND.sub(spell, text)
    text = _APOSTROPHE.sub(lambda m: APOSTROPHES[m.group(1)], text)
    return re.sub(r"[ \t]{2,}", " ", text)


def decapitalised(phrase: str) -> str:
    """A phrase that began a line without the capital that only marks the start ("Peak planning", not "Care Act")."""
    from wordfreq import zipf_frequency

    words = phrase.split()
    if not words or not words[0][:1].isupper() or words[0].isupper() or len(words[0]) < 2:
        return phrase
    if (len(words) == 1 or words[1][:1].islower()) and zipf_frequency(words[0].lower(), "en") >= 3.0:
        return words[0].lower() + phrase[len(words[0]):]
    return phrase


def misspelt(word: str) -> bool:
    """Whether a lower-case word is not English as people write it (a typo or private shorthand)."""
    from wordfreq import zipf_frequency  # loads its word list on first use

    if not word.isalpha() or word != word.lower() or len(word) <= 2:
        return False
    return zipf_frequency(word, "en") < 1.0


# A subject and its verb, as notes jot down what happened or what a rule says: pasted back, it is no topic.
# ("a time you had to ..." and "the checks you did" are topics: "you" is the candidate, said back.)
CLAUSE_TOPIC = re.compile(r"^(?:(?:the|a|an) )?(?!(?:time|times)\b)[\w-]+(?: (?!you\b|your\b|I\b|who\b|which\b|that\b)[\w-]+)? "
                          r"(?:has|have|had|wanted|wants|requires|required|was|were|said|says|gave|made|took|did|does)\b"
                          r"(?! to\b)", re.IGNORECASE)


# Scraps of a note line that read as a topic only to a careless reader (blind27): an adverb or a verb after an article
# ("blanked completely", "went straight in with..."), an adjective with its noun left off ("age restricted: lottery"),
# "which one" pointing back at nothing, a heading for the notes themselves ("Assessment day notes").
FRAGMENT = re.compile(r"(?:the|a|an|your) (?:completely|totally|entirely|badly|really|basically|properly|fully|partly|"
                      r"quickly|straight|went|was|were|did|got|said|gave|took|made|had|came)\b.*|"
                      r"(?:the|a|an|your) \w+ (?:restricted|related|based)|which one\b.*|"
                      r"(?:the |your )?(?:\w+ ){0,3}(?:day|interview|round|stage|panel) notes", re.I)


def sayable(phrase: str) -> str:
    """The phrase as an interviewer can say it after "we talked about", or "" when it cannot be said cleanly.

    A phrase with a clause or a prepositional tail that cannot be said cleanly is cut back to its
    head ("voltage drop on long sub-main run" -> "voltage drop") before giving up.
    """
    phrase = re.split(r",(?!\d{3}\b)", phrase)[0].strip(" .,;:-")  # "a sample of 1,000" is one number
    # In a topic, the candidate's "we"/"our" is said back as "you"/"your": "how you test patches", "your file servers".
    phrase = re.sub(r"\byour team's\b", "your", phrase)
    phrase = re.sub(r"\byour team (?:was|is)\b", "you were", phrase)
    phrase = re.sub(r"\byour team has\b", "you have", phrase)
    phrase = re.sub(r"\byour team\b(?= \w+(?<!s)\b)", "you", phrase)
    phrase = re.sub(r"\s+and (?:what|how) you (?:did|did about it|handled it|dealt with it)$", "", phrase)
    phrase = re.sub(r"^time (?=you\b)", "a time ", phrase)  # "time you had to manage competing deadlines"
    phrase = re.sub(r"\bonly (?=\d)", "", phrase)  # "after only 10 months": the candidate's emphasis, not the topic's
    # A relative clause with a bare noun ("where person had ...") cannot be said cleanly: keep what comes before it.
    # After a preposition "that" points ("the cost savings from that project"): it starts no clause.
    bare = re.search(r"(?<!\bfrom)(?<!\bof)(?<!\bon)(?<!\bin)(?<!\bfor)(?<!\babout)(?<!\bwith)"
                     r"\s+(?:where|who|which|that|when)\s+(?!(?:the|a|an|your|you|it|they|he|she|this|that|there|some|"
                     r"no|every|each|can't|won't|didn't)\b)([a-z]+)\b", phrase)
    if bare and not re.search(r"(?:s|ed)$", bare.group(1)):
        phrase = phrase[: bare.start()]
    # A phrase cut before its object never ends on the preposition: "the cost savings from" is not said.
    phrase = re.sub(r"\s+(?:from|of|for|on|in|at|to|with|about|by|over|under|into|than)$", "", phrase)
    # When or how, not what: "technical test afterwards", "ABG interpretation on the spot".
    phrase = re.sub(r"\s+(?:afterwards|later|again|earlier|today|on the spot|off the top of my head|in the moment)$", "", phrase)
    labelled = LABELLED.match(phrase)
    if labelled:  # "Working together example" -> "the example about working together"
        phrase = f"the {labelled.group(2).lower()} about {labelled.group(1).lower()}"
    elif BARE_EXERCISE.match(phrase) and not DETERMINER.match(phrase):
        phrase = "the " + phrase  # "coding test" -> "the coding test"
    if re.fullmatch(r"(?:the|a|an|your) \w+ing", phrase, re.I) or HOW_IT_WENT.search(phrase):
        return ""  # "the working": a word cut from "showing the working", not a topic
    if re.fullmatch(r"(?:[A-Z][\w-]* ){1,4}(?:Act|Regulations|Directive|Code)(?: (?:of )?\d{4})?", phrase):
        phrase = "the " + phrase  # "Procurement Act 2023": a law is said with "the"
    phrase = re.sub(r"^(difference|relationship|link|balance) between\b", r"the \1 between", phrase)
    first = PREPOSITION.split(phrase)[0]
    if first != phrase and BARE_EXERCISE.match(first) and not DETERMINER.match(phrase):
        phrase = "the " + phrase  # "COSHH assessment question for the new solvent": a question, with its article
    clean = _sayable_whole(phrase)
    if clean or WH_OR_TO.match(phrase):
        return clean
    head = PREPOSITION.split(phrase)[0]
    # "a time you had disagreed [with ...]": a clause cut before its preposition is left unfinished.
    return _sayable_whole(head) if head != phrase and len(head.split()) >= 2 and not re.search(r"\byou\b", head) else ""


def _sayable_whole(phrase: str) -> str:
    """The phrase whole as a topic (with "the" where it needs one), or "" when it cannot be said."""
    clean = _as_topic(phrase)
    return "" if FRAGMENT.fullmatch(clean) else clean


def bare_noun_after_preposition(phrase: str) -> bool:
    """Whether a bare singular noun follows a preposition ("on long sub-main run", "off wash still"): note shorthand
    that needs an article we cannot guess."""
    for part in PREPOSITION.split(phrase)[1:]:
        head = part.split()
        if len(head) >= 2 and head[0].lower() not in ("interest", "practice", "care", "life", "law") and not DETERMINER.match(part) \
                and not PREPOSITION.match(" " + part) \
                and not _plural_or_mass(head[0]) and not head[1].endswith("ing") and head[0].islower() \
                and not head[0].endswith("ing") and head[1].islower() and not RELATIVE.match(head[1]):
            return True
    return False


def the_before_last_bare_noun(phrase: str) -> str:
    """A question's last bare singular noun after a preposition given its article ("what the conversion was on last
    campaign" -> "... on the last campaign"); the phrase as it was when there is none."""
    parts = PREPOSITION.split(phrase)
    last = parts[-1].split() if len(parts) > 1 else []
    if 2 <= len(last) <= 3 and all(w.islower() and w.isalpha() for w in last) and not DETERMINER.match(parts[-1]) \
            and not PREPOSITION.match(" " + parts[-1]) and not last[0].endswith("ing") and not _plural_or_mass(last[-1]) \
            and not RELATIVE.match(last[1]) and last[-1] not in BARE_AFTER_PREPOSITION:
        return phrase[: len(phrase) - len(parts[-1])] + "the " + parts[-1]
    return phrase


def _as_topic(phrase: str) -> str:
    # A question reported whole ("what the margin of error on a sample of 1,000 at 95% is") may run a little longer.
    if not phrase or len(phrase.split()) > MAX_TOPIC_WORDS + (3 if WH_OR_TO.match(phrase) else 0):
        return ""
    if re.match(r"the (?:difference|relationship|link|balance) between\b", phrase) and not re.search(r"\b(?:and|vs|versus)\b", phrase):
        return ""  # "the difference between ABPI clause [on proactive vs reactive]": only one side left, cut
    if re.match(r"(?:(?:the|a|an) [\w-]+(?: [\w-]+)? (?:is|are) |(?:(?:the|a|an) )?[\w-]+(?: [\w-]+)? (?:has to|have to|must|"
                r"should|needs to) )", phrase, re.I) and not WH_OR_TO.match(phrase):
        return ""  # "the locker has to be self-draining": a statement (often the answer itself), not a topic
    if CLAUSE_TOPIC.match(phrase) and not WH_OR_TO.match(phrase):
        return ""  # "the client has yellow thick nail", "NYC DCWP requires GPS records": a sentence of the notes, not a topic
    if NOT_A_TOPIC.match(phrase) or BARE_VERB.match(phrase) or DANGLING.search(phrase) or QUANTIFIER.search(phrase):
        return ""
    if re.search(r"[()\[\]\"`*#<>=+|~]|(?<![A-Z])/|/(?![A-Z])|(?:^|\s)'|'(?:\s|$)|\.\.|\?|!|\s-\s|\b(?:I|I'm|I'd|me|my|we|our|us)\b", phrase):
        return ""
    # "what ammonia should read": in a reported question "should" is the question's, not the candidate's self-talk.
    modal = STATEMENT_ORDER.match(phrase)
    checked = phrase[modal.end():] if modal else phrase
    if SELF_TALK.search(re.sub(r"\b[A-Z]{3,}\b", "", checked)) or THIRD_PERSON.search(phrase):  # "NICE" is a name
        return ""
    words = phrase.split()
    if any(misspelt(w) for w in words):
        return ""
    if re.search(r"\b(?:and|or|but|of|to|with|for|on|in|at|the|a|an|your|how|that|which|so|vs)$", phrase, re.I):
        return ""
    if bare_count_noun(phrase) or re.match(r"^(?:if|whether)\b|^\d[\d,.]*(?:\s+[a-z]+)?\s+[a-z]+s$", phrase, re.I):
        return ""  # "if you'd started" has no subject to say; "35 live cases" is a count, not a topic
    if WH_OR_TO.match(phrase):
        phrase = the_before_last_bare_noun(phrase)  # "which board for bathroom wall": "for the bathroom wall"
    if WH_OR_TO.match(phrase):
        # "how would you support X" is the question as asked, not reported ("how you would support X").
        question_order = re.match(r"^\S+(?: \w+)? (?:is|are|was|were|do|does|did|would|will|can|could|should|have|has) "
                                  r"(?:you|your|the|a|an|it|this|that|there)\b", phrase, re.I)
        # "how often a passenger lift needs a thorough examination": a fact asked in statement order, said as it is.
        about_a_thing = re.match(r"^(?:how (?:often|long|many|much)|what|which|when|where|how) (?:the|a|an)\b", phrase, re.I) or (
            re.match(r"^why (?:the|a|an)\b", phrase, re.I)  # "why a trade fails to settle", not "why the terrazzo palette"
            and re.search(r"\b(?:is|are|was|were|does|did|has|had|can|could|would|should|will|\w+s|\w+ed)\b", " ".join(words[3:])))
        if re.fullmatch(r"what [A-Z][A-Z0-9&-]+s? (?:is|are|means)", phrase):
            return phrase  # "what WPS is": an acronym asked for, short as it is
        return phrase if len(words) >= 4 and (re.search(r"\byou", phrase) or about_a_thing or modal) and not question_order \
            and not re.search(r"\s(?:and|or) (?:how|what|which|when|why|where)\b", phrase, re.I) else ""  # two questions in one
    # A bare singular noun after a preposition ("on long sub-main run") needs an article we cannot guess.
    # "minute entries in courtroom": one bare singular noun for a place wants an article
    # ("in court", "at work" and the like are said without one).
    place = re.search(r"\s(?:in|at)\s+([a-z]+)$", phrase)
    if place and not _plural_or_mass(place.group(1)) and place.group(1) not in BARE_AFTER_PREPOSITION \
            and not re.search(r"(?:cy|ss|ry|gy|phy|ics)$", place.group(1)):
        return ""
    if bare_noun_after_preposition(phrase):
        return ""
    first = words[0]
    about_you = bool(re.search(r"\byou \w+", phrase))  # "dispensing error you made": a noun phrase
    head = PREPOSITION.split(phrase.split(" and ")[0])[0].split()
    if first.isupper() and len(head) > 1 and head[-1].isalpha() and head[-1].islower() and not _plural_or_mass(head[-1]):
        return "the " + phrase  # "IFRS 9 stage 2 trigger" -> "the IFRS 9 stage 2 trigger"
    if DETERMINER.match(phrase) or first.isupper() or re.match(r"^[A-Z0-9&]{2,}'s$", first):
        return phrase  # "NICE's usual threshold" takes no "the"
    if len(words) > 1 and (not first.endswith("ing") or about_you) or (
            len(words) == 1 and first.islower() and not _plural_or_mass(first)):
        last = PREPOSITION.split(phrase.split(" and ")[0])[0].split()[-1]
        if not _plural_or_mass(last):
            phrase = "the " + phrase  # "staff rota" -> "the staff rota"
    return phrase


def sayable_gap(raw: str) -> str:
    """What a note says the candidate could not give ("any of our thresholds"), as the interviewer says it back
    ("your thresholds"), or "" when it cannot be said cleanly."""
    phrase = re.split(r"\s*(?:,(?!\d{3}\b)|;|\(|\s[-\u2013]\s|\bbut\b|\band (?:I|then|she|he|they)\b|\bthen\b|\bbeyond\b|(?<=.)\bwhich\b|\bwhen (?:[A-Z]\w+|she|he|they|I|we|you) (?:mentioned|asked|said|brought|raised|pressed|pushed)\b)\s*",
                      raw.strip(), maxsplit=1)[0]
    phrase = GAP_HEDGES.sub("", phrase).strip(" .!?'\"")
    phrase = re.sub(r"^any of\s+", "", phrase, flags=re.I)
    # The candidate's "we"/"our" is the candidate: "what trigger points we use" -> "what trigger points you use".
    phrase = re.sub(r"\bwe\b", "you", re.sub(r"\bour\b", "your", phrase))
    for pattern, repl in PRONOUNS:
        phrase = re.sub(pattern, repl, phrase, flags=re.IGNORECASE)
    # Their company in the candidate's notes is the interviewer's own: "their NPL ratio" is "our NPL ratio".
    phrase = re.sub(r"\btheir\b", "our", phrase)
    if re.match(GAP_WH, phrase, re.I):
        if re.match(r"^(?:what|which|who|where|how)(?:'s| is| are)\b(?! you\b)", phrase, re.I):
            phrase = reported_question(phrase + "?")  # "what's the margin of error" -> "what the margin of error is"
        return the_before_last_bare_noun(phrase) if sayable_wh(phrase) else ""
    phrase = sayable(phrase)
    if phrase[:1].isupper() and len(phrase.split()) > 1 and re.search(r"(?:[^s]s|criteria|data)$", phrase):
        phrase = "the " + phrase  # "SICR quantitative criteria": a set of things, said with "the"
    return phrase


def sayable_wh(phrase: str) -> bool:
    """Whether a "what/how ..." clause can be said after "you weren't sure": short, plain, nobody else's words."""
    words = phrase.split()
    if FRAGMENT.fullmatch(phrase):
        return False  # "which one is with trains running": which of what, the note said before it
    if not 3 <= len(words) <= 12 or re.search(r"[()\[\]\"`*#<>=+|~?!/]|\b(?:I|me|my|we|they|them|she|he|her|his|"
                                              r"vs|etc|it|that|this|those)\b", phrase):
        return False
    if SELF_TALK.search(re.sub(r"\b[A-Z]{3,}\b", "", " ".join(words[1:]))) or any(misspelt(w) for w in words):
        return False
    return not re.search(r"\b(?:the|a|an|of|to|and|or|your|our)$", phrase, re.I)


def bare_count_noun(phrase: str) -> bool:
    """Whether a count noun ("team", "role") stands without a determiner in the three words before it."""
    words = phrase.split()
    for i, word in enumerate(words):
        named = i + 1 < len(words) and re.match(r"^(?:\d|[A-Z])", words[i + 1])  # "site 04", "team Alpha": a name
        determined = any(DETERMINED.match(w) for w in words[max(0, i - 3): i])
        if COUNT_NOUN.fullmatch(word) and i > 0 and not named and not determined \
                and not words[i - 1].istitle() and not words[i - 1].endswith("s"):
            return True
    return False


# "what ammonia should read ...", "at what dose employees must be classified ...": a fact asked in statement order.
STATEMENT_ORDER = re.compile(r"^(?:(?:at|in|on|for|by|from) )?(?:what|which|how (?:often|long|many|much))(?: [\w-]+){1,3} "
                             r"(?:should|must|would|can|could|is|are|does|do|means?|needs?|holds?)\b", re.IGNORECASE)
WH_OR_TO = re.compile(r"^(?:(?:at|in|on|for|from|by|to|with|under|after|before|over) (?=what|which|how))?"
                      r"(?:how|why|what|when|which|where|whether|who)\b", re.IGNORECASE)


def _plural_or_mass(word: str) -> bool:
    """Whether a noun reads naturally without an article: a plural, a mass noun, an acronym or a number."""
    return (word.endswith("s") and not word.endswith("ss")) or bool(MASS_ENDINGS.search(word)) \
        or word.isupper() or word[:1].isdigit() or word[:1].isupper()
