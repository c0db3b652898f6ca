"""What one sentence of first-round notes says, each part said to the candidate as a whole clause or not at all:
what went badly ("you forgot to mention the lockout procedure"), what was left out, the very thing that could
not be given ("the GRACE score cut-offs") and what the candidate claimed. notes.py puts them together."""

from __future__ import annotations

import re

from mockint.questions.note_cues import (
    PHRASE, STRUGGLE, SAID, CLAUSE_BREAK, PRONOUNS, MAX_PHRASE_WORDS, GAP_PATTERNS, GAP_FIGURE, GAP_WH, GENERIC_GAP, TROUBLE_KINDS,
    MIXED_PAIR, MIXED_WITH_TOPIC
)
from mockint.questions.shorthand import THIRD_PERSON, misspelt, sayable_gap


def to_second_person(phrase: str) -> str:
    """Rewrite the candidate's "I/my/we" as the interviewer's "you/your/your team"."""
    for pattern, repl in PRONOUNS:
        phrase = re.sub(pattern, repl, phrase, flags=re.IGNORECASE)
    return phrase


def classify_trouble(text: str) -> str:
    """The kind of trouble a note describes, for choosing what the probe asks."""
    for kind, pattern in TROUBLE_KINDS:
        if re.search(pattern, text, re.IGNORECASE):
            return kind
    return "other"


def first_clause(phrase: str) -> str:
    """The phrase up to the first clause break, tidied; "" when nothing sayable is left."""
    phrase = CLAUSE_BREAK.split(phrase, maxsplit=1)[0]
    # "rate limiting went badly" -> "rate limiting": the topic, not the verdict on it.
    verdict = STRUGGLE.search(phrase)
    if verdict and re.match(r"(?:what|how|which|why|when|where)\b", phrase, re.I) \
            and not re.search(r"(?:\band|\bbut|,|-|\bI|\bthen)\s*$", phrase[: verdict.start()]):
        verdict = None  # "what you'd do if a service overran": the struggle word is the question's own
    if verdict and verdict.start() > 0:
        # (not the verb of a reported question: "what my current pick rate is | I said 120")
        verbs = "went|felt|seemed|got" if re.match(r"(?:what|which|how|where|when|who)\b", phrase, re.I) \
            else "went|was|were|felt|seemed|got|is|are"
        phrase = re.sub(rf"\s+(?:{verbs})\s*$", "", phrase[: verdict.start()].rstrip())
        phrase = re.sub(r"\s+(?:way|far|much|a bit|slightly)$", "", phrase)  # "my short film way too long"
    phrase = phrase.strip(" ,:-\"'().!?")
    phrase = re.sub(r"\s+(?:and|or|but|so|which|that|the|a|an|of|to|with|for)$", "", phrase, flags=re.I)
    return phrase if 1 <= len(phrase.split()) <= MAX_PHRASE_WORDS else ""


def clean_clause(clause: str) -> bool:
    """Whether a clause about the candidate ("you stopped the job and told the customer") can be said back whole."""
    if not re.match(r"^you(?:r team)? \w+", clause) or len(clause.split()) > 14:
        return False
    if re.search(r"[()\[\]/\"`*#<>=+|~?!]|(?:^|\s)'|'(?:\s|$)|\b(?:I|me|my|we|our)\b|,", clause):
        return False
    rest = re.sub(r"^you(?:r team)? (?:said|told|mentioned|claimed)?\s*", "", clause)
    return not THIRD_PERSON.search(clause) and not re.search(
        r"\b(?:prob(?:ably)?|maybe|think|kind of|sort of|honestly|basically|lol|loads|stuff|etc)\b", rest, re.I) \
        and not any(misspelt(w) for w in rest.split())


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


# A step said as a bare verb after "forgot to say" ("stand the bottle upright", "check the seal").
SAID_VERB_BARE = re.compile(r"^(?:stand|check|put|turn|call|ask|tell|use|wear|test|isolate|record|report|wash|clean|remove|"
                            r"fit|open|close|lock|label|warm|cool|let|leave|keep|wait|make|get|take|give|set|switch|rinse|"
                            r"document|confirm|sign|inform|escalate|ring|phone|shut|prove|bleed|drain|flush|measure|risk assess)\b", re.I)


def omitted_thing(sentence: str) -> str:
    """What the candidate forgot to mention, addressed to them ("the lockout procedure")."""
    match = re.search(r"\b(?:forgot|forget|didn'?t|did not|failed|never)\s+(?:to\s+)?(?:mention(?:ed)?|cover(?:ed)?|talk(?:ed)? about|"
                      r"br(?:ing|ought) up|say|said|about|get to|got to|go into)\s+"
                      r"(?P<what>" + PHRASE + r")|\b(?:missed out|missed|left out|skipped|forgot|nothing (?:on|about))\s+(?P<what2>" + PHRASE + ")",
                      sentence, re.IGNORECASE)
    if not match:
        return ""
    phrase = first_clause(re.split(r"\s+/\s+", match.group("what") or match.group("what2"))[0])  # "X / Y": X
    phrase = re.sub(r"^(?:completely|totally|entirely|also|even|all about|about)\s+", "", phrase, flags=re.I)  # "forgot completely the ..."
    phrase = re.sub(r"\s+(?:until|unless|till)\b.*$", "", phrase, flags=re.I)
    phrase = re.sub(r"\s+(?:first|at the start|beforehand|before anything else|at all|either)$", "", phrase, flags=re.I)  # when, not what
    # "the starter I'd planned and went straight to the main task": what was skipped ends where a new verb starts.
    phrase = re.sub(r"\s+and (?:then |just )?(?:went|got|did|had|was|ran|never|started|jumped|moved|lost|gave|said|"
                   r"didn'?t|did not|check|make sure|ensure|confirm)\b.*$", "", phrase, flags=re.I)
    if re.match(r"^(?:it|that|this|them|anything|something|to ask|to bring|my|an? (?:number|word|bit|few|couple)\b)", phrase, re.I) \
            or phrase.isupper() and len(phrase.split()) > 1:
        return ""  # "forgot to ask about ...", "FORGOT TO BRING PHOTOS": the candidate's own slip, not a gap in an answer
    if re.fullmatch(r"(?!(?:my|your|the|a|any|some|no)\b)[\w&/-]+(?: [\w&/-]+)? experience", phrase, re.I):
        phrase = "my " + phrase  # "forgot to mention TUPE experience": their own
    if match.group("what") and SAID_VERB_BARE.match(phrase):
        phrase = "to " + phrase  # "forgot to say stand the bottle upright": a step, "to stand the bottle upright"
    return to_second_person(phrase)


def named_gap(sentence: str, topic: str = "") -> tuple[str, str]:
    """What a note sentence says could not be given, said cleanly ("the GRACE score cut-offs", or "" when none is
    clean), and its kind: "thing", "what" ("what PPDS means"), "how", "figure" or "partial"; ("", "") for none."""
    fallback = ("", "")  # a gap seen but not clean: only its kind is kept
    difference = mixed_up_pair(sentence, topic)
    if difference:
        return difference, "thing"
    if MIXED_PAIR.search(sentence):
        return fallback  # two things mixed up that cannot both be named cleanly: neither is said half-way
    for kind, pattern in GAP_PATTERNS:
        match = pattern.search(sentence)
        if not match:
            continue
        if kind in ("figure", "partial"):
            return fallback if fallback[1] else ("", kind)
        phrase = sayable_gap(match.group("g"))
        if phrase and GENERIC_GAP.search(phrase):
            continue  # "the outcome numbers": the trouble's own kind asks for them better
        if not phrase:
            # Nothing clean: still a figure when it was about a number.
            if GAP_FIGURE.search(match.group("g")) and not fallback[1]:
                fallback = ("", "figure")
            continue
        if re.match(r"how (?:many|much|often|long|far)\b", phrase, re.I) and not re.search(r"\byou\b", phrase, re.I):
            return phrase, "what"  # "how many allergens there are": a fact asked for, not a method
        if re.match(r"how\b", phrase, re.I):
            return phrase, "how"
        if re.match(GAP_WH, phrase, re.I):
            return phrase, "figure" if GAP_FIGURE.search(phrase) else "what"
        return phrase, "figure" if GAP_FIGURE.search(phrase) and not phrase.endswith("s") else "thing"
    return fallback


def mixed_up_pair(sentence: str, topic: str = "") -> str:
    """ "the difference between X and Y" when a note says the candidate mixed X up with Y, said cleanly; else ""."""
    pair = MIXED_PAIR.search(sentence)
    if pair:
        first, second = pair.group("a"), pair.group("b")
    else:
        with_topic = MIXED_WITH_TOPIC.search(sentence)
        if not with_topic or not topic:
            return ""
        first, second = topic, with_topic.group("b")
    said = [sayable_gap(side) for side in (first, second)]
    # A side said only in part ("the one [from the guard]") or by a word that points ("the other") names nothing.
    if not all(said) or any(len(s.split()) < len(side.split()) or re.fullmatch(r"(?:the )?(?:one|other|it|that|this)", s, re.I)
                            for s, side in zip(said, (first, second))) or said[0].lower() == said[1].lower():
        return ""
    whole = sayable_gap(f"the difference between {said[0]} and {said[1]}")
    return whole if whole.endswith(said[1]) else ""  # cut short ("... and the one [from the guard]"): not said


# What follows "I said" when it is something the candidate did or would do: a verb first ("I said [I] cut ...").
SAID_VERB = re.compile(r"^(?:\w+ed|would|will|could|should|had|have|was|were|did|cut|led|built|ran|made|saved|grew|won|got|"
                       r"took|gave|put|set|kept|sent|told|went|came|found|wrote|brought|sold|spent|left|met|paid|held|"
                       r"chose|drove|taught|caught|lost|rang|spoke|broke|began|became)\b", re.I)


def said_clause(sentence: str) -> str:
    """What the candidate said or claimed, addressed to them ("your team cut downtime by 30%")."""
    match = SAID.search(sentence.strip())
    if not match or re.match(r"[\"'\u2018\u201c]", match.group("said")):
        return ""  # 'I said "about 15%"': their words quoted, not a claim that can be said back as a clause
    if re.match(r"\d", match.group("said")):
        return ""  # "I said 12 months": a figure given as an answer, not something the candidate did
    phrase = first_clause(match.group("said"))
    if not phrase or STRUGGLE.search(phrase) or re.match(r"^(?:a|an|the|my|some|no)\b", phrase, re.I) and not re.search(
            r"\b(?:\w+ed|cut|led|built|ran|made|saved|grew|won)\b", phrase):
        return ""
    phrase = to_second_person(phrase)
    if not phrase.startswith("you") and not SAID_VERB.match(phrase):
        return ""  # "I said warning notice and declaration", "about 4%": an answer given, not something done
    return phrase if clean_clause("you " + phrase if not phrase.startswith("you") else phrase) else ""
