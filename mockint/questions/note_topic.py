"""The topic one sentence of first-round notes names, said as an interviewer would say it back ("the gearbox fault you
found", "what PPDS means", "to design a loyalty scheme"), or "" when it cannot be said cleanly: from a label, a quoted
question, "asked about ...", or the thing a struggle was over. notes.py reads the rest of the sentence."""

from __future__ import annotations

import re

from mockint.questions.note_clauses import clean_clause, first_clause, to_second_person
from mockint.questions.note_cues import (
    STRUGGLE, TOPIC_CUES, STRUGGLE_OBJECT, LABELLED, GENERIC_LABEL, EXERCISE, TASK_VERB, WH_START, QUOTED_STORY,
    QUOTED_COMPETENCY, VERDICT_WORD, CV_GAP, DURATION, LISTENER, PLAN_ANSWERED, VERDICT_AFTER, OWN_PART_ASKED
)
from mockint.questions.reported import QUESTION_START, quoted_at, reported
from mockint.questions.shorthand import decapitalised, sayable



def read_topic(sentence: str) -> tuple[str, str, bool, bool]:
    """The topic a sentence names as an interviewer would say it ("" when it cannot be said cleanly), its form,
    whether the interviewer asked it, and whether it was an exercise."""
    topic, form, asked, exercise = _read_topic(sentence)
    exercise = exercise or bool(PLAN_ANSWERED.search(sentence))  # "I said I'd keep going": a question of what to do
    stated = re.match(r"^(?P<subject>(?:[A-Z][\w-]*\s?){1,3}) (?:is|are|must be|has to be|needs) (?=.*\d)", topic)
    if stated and form == "thing":
        topic = stated.group("subject").strip()  # "didn't know Driver CPC is 35 hours every 5 years": Driver CPC
    label = GENERIC_LABEL.match(sentence.strip())
    if OWN_PART_ASKED.fullmatch(topic) and label and label_topic(label.group("topic")):
        # "SD-WAN rollout - they asked what I personally did and I got vague": the rollout is the topic, the ask the
        # trouble (the candidate's own part); with no label, the line is about the topic before it (notes.FOLLOW_ON).
        return label_topic(label.group("topic")), "thing", True, False
    why_name = re.fullmatch(r"why ([A-Z][a-z][\w&'-]*(?: [A-Z][\w&'-]+){0,2})", topic)  # (not "why PI": a field)
    if why_name:
        return f"why you want to join {why_name.group(1)}", "question", True, False  # "asked why Odeon"
    if re.match(r"^(?:the )?scenario\b", topic) and topic.lower() != "the scenario":
        return "the scenario", "thing", True, True  # "scenario patient NEWS2 of 7 at 3am ...": a situation, not a topic
    if topic in ("the scenario", "the case study") or re.fullmatch(r"the (?!(?:then|also|and|so)\b)[a-z][\w&/-]*(?: (?!(?:a|an|the)\b)[a-z][\w&/-]*){1,3} question", topic):
        # a label of its own, said as it is ("the working at height question", not cut to "the working")
        return topic, form, asked, exercise
    clean = sayable(topic) if form != "claim" else (topic if clean_clause(topic) else "")
    if DURATION.match(clean):
        clean = ""  # "star vs snowflake schema - rambled for ages": how long, not what about (blind24)
    if not clean:
        label = GENERIC_LABEL.match(sentence.strip())
        phrase = label_topic(label.group("topic")) if label else ""
        if phrase:
            return phrase, "thing", True, bool(EXERCISE.search(label.group(0)))
    return clean, form, asked, exercise


def label_topic(label: str) -> str:
    """A line's own label ("Peak planning - ...") as a topic, or "" when it names the job, a place or a date rather
    than what was discussed ("Demand Planner - Ridgeway Foods", "Stage 2 in 2 weeks:"), or needs an article guessed."""
    phrase = first_clause(re.sub(r"\s*\([^()]*\)", "", label))  # "SD-WAN rollout on my CV (Meraki, 40 sites)"
    phrase = re.sub(r"\s+(?:w/?|with) [A-Z][a-z]+$", "", phrase)  # "portfolio review w Sam": who ran it, not what
    # "writing test 500 words social value in 45 min": the test, without its terms
    phrase = re.sub(r"^((?:[a-z][\w-]* ){1,3}(?:test|exercise|task|presentation|assessment)) \d.*$", r"\1", phrase)
    if re.fullmatch(r"(?:(?:first|1st|second|2nd|initial|final|phone|video) )?(?:interview|round)(?: notes)?", phrase.strip(), re.I):
        return ""  # "FIRST INTERVIEW - Hallam & Greaves": a heading, never a topic
    if VERDICT_WORD.fullmatch(phrase.strip()):
        return ""  # "BAD - asked when ...": the candidate's verdict on the line, never its topic
    if re.match(r"^(?:how|what|why|when|where|which|who)(?: \w+)? (?:is|are|was|were|do|does|did|would|will|can|could|"
                r"should|have|has)\b", phrase, re.I):
        phrase = reported(phrase + "?")  # "how would you support X - thin": the question, as reported
    phrase = decapitalised(to_second_person(phrase))
    pair = re.fullmatch(r"(?P<a>[\w-]+(?: [\w-]+)?) (?:vs\.?|versus) (?P<b>[\w-]+(?: [\w-]+){0,2})", phrase)
    # "liveness vs readiness probe - blanked": the two told apart (not "upsell vs CS conflicts": a clash between them)
    if pair and not re.search(r"\b(?:conflicts?|tensions?|clash\w*|debates?|arguments?|issues?|problems?|disputes?|"
                              r"trade-?offs?|priorities)$", pair.group("b")):
        a, b = pair.group("a"), pair.group("b")
        if re.fullmatch(r"[a-z]+", a) and " " in b and re.search(r"[a-z]{3}(?<!s)$", b):
            b += "s"  # "liveness vs readiness probe": one head for both, in the plural (not "PIR vs mineral wool")
        return sayable(f"the difference between {a} and {b}")
    said = sayable(phrase)
    words = phrase.split()
    if not said or STRUGGLE.search(phrase) or words[0][:1].isdigit():
        return ""  # "20 min written exercise beforehand": a count, not a topic
    if re.match(r"(?:\w+ed|did|went|said|told|gave|made|got|had|spent|took) (?:on|in|with|at|to|out|through|up|me|them|him|"
                r"her|us|the|a|an|my)\b", phrase, re.I):
        return ""  # "helped on the make: raw milk, ...": what the candidate did, not a topic with a name
    if words[0][:1].isupper() and not re.match(r"^[A-Z0-9&/-]{2,}s?$", words[0]) or len(words) > 1 and all(
            re.match(r"^[A-Z][\w'&-]*$", w) for w in words) and not all(w.isupper() for w in words):
        return ""  # still capitalised once the line's own capital is gone: a name ("Demand Planner", "FE Lecturer")
    # One word given an article ("Prevent" -> "the prevent") may be a name, a verb or jargon: not guessed.
    if len(phrase.split()) == 1 and said != phrase:
        return ""
    # "safeguarding concern on a home visit": a thing counted (its setting has "a"), said with its article
    if said == phrase and re.match(r"[a-z][\w-]*(?: [a-z][\w-]*)? (?!\w*(?:ing|ty|ness|ism|ence|ance|ion|ledge|s)\b)[a-z][\w-]* "
                                   r"(?:on|in|at|with|from|for|during) (?:a|an)\b", said):
        return "the " + said
    return said


CV_GAP_TOPIC = "the gap in your CV"  # probes.py asks it in its own words


def _read_topic(sentence: str) -> tuple[str, str, bool, bool]:
    competency = QUOTED_COMPETENCY.match(sentence)
    if competency:
        return f"the {competency.group('name')} question", "thing", True, False
    story = QUOTED_STORY.search(sentence)
    if story:
        ask = "a " + story.group("ask") if story.group("ask") else story.group("doing")
        return re.sub(r"\s+", " ", ask).strip(), "thing", True, False
    if CV_GAP.search(sentence):
        return CV_GAP_TOPIC, "thing", True, False
    labelled = LABELLED.match(sentence.strip())
    named = re.match(r"^(?:the\s+)?(?P<what>[a-z][\w&/-]*(?:\s[a-z][\w&/-]*){0,3}) question$", labelled.group("label"), re.I) \
        if labelled else None
    exercise_label = re.match(r"^(?:(?:then|also|and then)\s+)?(?:(?:the|a|an)\s+)?(?P<what>(?!(?:the|a|an)\s)[a-z][\w&-]*(?:\s[a-z][\w&-]*){0,2})\s+(?P<kind>scenario|case study|case|role[- ]play|"
                              r"exercise)$", labelled.group("label"), re.I) if labelled else None
    if exercise_label and not STRUGGLE.search(exercise_label.group("what")):
        # "safeguarding scenario: a parent turns up drunk": said as "the safeguarding scenario".
        label = f"{exercise_label.group('what')} {exercise_label.group('kind')}"  # without a leading "then"
        what = " ".join(w if w.isupper() else w.lower() for w in label.split())  # "OOS" stays "OOS"
        return f"the {what}", "thing", True, True
    if labelled and re.match(r"^role[- ]play$", labelled.group("label"), re.I):
        return "the role play", "thing", True, True
    bare_exercise = re.match(r"^(?:(?:then|also|and then) )?(?:the )?(?P<kind>scenario|case study)$", labelled.group("label"), re.I) \
        if labelled else None
    if bare_exercise:
        # "scenario: 7yr old needle phobic needs a cannula": its text is a situation, not a topic to say back
        return f"the {bare_exercise.group('kind').lower()}", "thing", True, True
    name = re.match(r"^(?P<name>[A-Z][\w-]+(?: [a-z]+){0,3})\s*,", labelled.group("topic")) if named else None
    if name and sayable(name.group("name")):
        # "QC question: Westgard rules, I named two": the rules are what the question was about.
        return sayable(name.group("name")), "thing", True, False
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
    # "why do you want to do this - talked about my gran": the question is the label; what follows is the answer.
    asked_label = GENERIC_LABEL.match(sentence.strip())
    asked = re.sub(r"\b(?:do|doing) this$", "do this job", asked_label.group("topic").strip()) if asked_label else ""
    if re.match(r"(?:why|what|how|which|when|where) (?:do|did|would|are|is|was|have|has) you\b", asked, re.I) and label_topic(asked):
        return label_topic(asked), "question", True, False
    # A cue inside their quoted words ('said "you've covered everything"') is not the note's own.
    match = next((m for m in TOPIC_CUES.finditer(sentence) if not quoted_at(sentence, m.start())), None)
    if match and re.match(r"^(?:me\s+)?(?:(?:twice|again|a few times)\b\W*$|(?:twice |again |a few times |to )*(?:to )?"
                          r"(?:slow down|speak up|repeat|speak (?:more )?slowly|wait|stop)\b)", match.group("topic"), re.I):
        return "", "thing", False, False  # "asked me twice to slow down": how it was said, not a topic to go back to
    if match and re.match(r"^(?:me\s+)?(?:for\s+)?(?:a |my |your )?(?:pic|photo|picture|copy|scan)\b", match.group("topic"), re.I):
        return "", "thing", False, False  # "asked for a pic of my licence": a request, not a topic
    # ("Rick mentioned both", "covered all of them": what they point back to is the line's topic, not these words)
    if match and re.match(r"^(?:me\s+)?(?:for\s+)?(?:the\s+)?(?:actual|exact|real)?\s*(?:figures?|numbers?)\W*$",
                          first_clause(match.group("topic")) or "", re.I):
        # "KPIs - said our pick rate was good, he asked the actual figure": the line's label is what it was about
        label = GENERIC_LABEL.match(sentence.strip())
        topic = label_topic(label.group("topic")) if label else ""
        return topic, "thing", True, False
    if match and not re.match(r"^(?:me\s+)?(?:it|that|this|both|them|those|these|everything|all of (?:it|them|those))\b",
                              match.group("topic"), re.I):
        cue = sentence[match.start(): match.start("topic")].lower()
        raw = re.sub(r"^(?:offhand|casually|quickly|briefly|also|then|just|straight away)\s+", "", match.group("topic"), flags=re.I)
        quote = re.match(r"^[\"\u201c'\u2018]([^\"\u201d'\u2019]*)", raw)
        if quote:
            # Their words in quotes are said only as the whole question they were, never as a scrap
            # ("so you'd test into compliance?").
            if not re.match(QUESTION_START, quote.group(1).strip(), re.I) or re.search(
                    r"\b(?:specific|example|a time)\b", quote.group(1), re.I):
                return "", "thing", False, False  # ("'can you give me a specific time'" asks for a story, names none)
            raw = reported(quote.group(1).strip(" ?") + "?")
        asked = any(w in cue for w in ("ask", "question", "case study", "scenario", "wanted", "answer"))
        # "asked me to walk them through X" / "asked me to explain X": the topic is X.
        bare = re.sub(r"^(?:me\s+)?(?:to\s+)?(?:walk (?:them|him|her|us) through|talk (?:them|him|her|us) through|explain|describe|"
                      r"talk (?:about|through)|tell (?:me|us) about)\s+",
                      "", raw, flags=re.I)
        task = bare == raw and (re.match(r"^(?:me\s+)?to\s+", raw, re.I) or cue.rstrip().endswith(" to"))
        raw, form = bare, "task" if task else "thing"
        raw = re.sub(r"^me\s+", "", raw, flags=re.I)
        raw = re.split(r"(?<=\w):\s", raw)[0]  # "talked through a sale file: TA6, TA10, ...": the file, not its list
        if form == "task":
            raw = LISTENER.sub("", raw, count=1)  # "to sell him a pen" -> "to sell a pen"
        if form == "task" and not raw.lower().startswith("to "):
            raw = "to " + raw
        # "TAR / continuous active learning": TAR (but "what my forecast accuracy / MAPE is" is one question)
        phrase = first_clause(raw if WH_START.match(raw) else re.split(r"\s+/\s+", raw)[0])
        if not WH_START.match(raw) and not sayable(to_second_person(phrase)):
            # "the certification label and which ironmongery has to match the cert": the thing, when the whole
            # cannot be said ("EYFS and how you plan for the child's next steps" can, and stays whole)
            phrase = first_clause(re.split(r"\s+and (?=(?:which|what|how|when|where|why|who)\b)", phrase)[0])
        if re.match(r"^(?:what|which|who|where|when|how)(?:'s| is| are| was| were| does| do| did| should| would| must)\b(?! you\b)",
                    phrase, re.I):
            phrase = reported(phrase + "?")  # "asked what's the margin of error on ...": "what the margin of error on ... is"
        verbless = re.match(r"^what (?P<what>[a-z][\w&-]*(?: (?:and|or) [a-z][\w&-]*)? (?:for|of|on|in) .+)$", phrase, re.I)
        if verbless and not re.search(r"\b(?:is|are|was|were|do|does|did|should|must|would|could|can|will|has|have|had|"
                                      r"you|I|we|\w+ed)\b", verbless.group("what")):
            phrase = "the " + verbless.group("what")  # "what temperature and time for the autoclave": a thing, not a clause
        elif WH_START.match(phrase):
            form = "question"
        elif re.match(r"^(?:I|we)\b", phrase):
            form = "claim"  # "I mentioned I trained 12 site staff": what they said, not a topic
        return to_second_person(phrase), form, asked, bool(EXERCISE.search(cue))
    label = GENERIC_LABEL.match(sentence.strip())
    if label and label_topic(label.group("topic")) and not STRUGGLE.search(label.group("topic")):
        return label_topic(label.group("topic")), "thing", True, bool(EXERCISE.search(label.group(0)))
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
