"""Second-round probes of the first round: a lead that names the topic and what went badly, then the ask.

The words come from three places only: a topic from the notes that passed `sayable` (a clean
phrase an interviewer would say; notes.py drops the rest), the gap the notes name when it too is
clean ("the GRACE score cut-offs", "what PPDS means"), and fixed wording in
prompts/templates/first_round.toml. The candidate's verdicts are never pasted: the kind of trouble
(a named gap, no figures, a calculation, rambling, an unfinished exercise, ...) picks a fixed phrase
and an ask that fits both it and the kind of thing asked about (a figure to know, a list of rules,
code to write, a step, a story), in the past for what the candidate did and with "would" for what
they would do. When something went badly, only that is probed; pay and notice come last.
"""

from __future__ import annotations

import random
import re

from mockint.questions.note_cues import EXERCISE
from mockint.questions.note_clauses import mixed_up_pair
from mockint.questions.notes import CV_GAP_TOPIC, NoteTopic
from mockint.questions.shorthand import sayable
from mockint.questions.templates import toml_template

# A question about why the candidate wants the move: its probe asks for the real reasons.
MOTIVATION = re.compile(r"\bwhy you(?:'re| are)? (?:want|leav|left|looking|applied|chose|join)\w*|\bmotivat\w*", re.I)
# Pay and notice: not second-round depth, so probed only when the notes say it went badly, and last.
SALARY = re.compile(r"^(?:your |the )?expectations$|\b(?:salary|compensation(?! events?\b| claims?\b)|comp expectations|pay expectations|expected pay|day rate|OTE|"
                    r"what pay|pay (?:I|you) (?:wanted|want|expect\w*)|pay rate|hourly rate|rate to (?:say|ask)|price work|"
                    r"(?:salary|pay|benefits) package|notice period)\b", re.I)
# A gap that is a set of numbers to know ("the drug doses", "the GRACE score cut-offs"): asked for as numbers.
VALUES = re.compile(r"\b(?:doses|dosages|cut-?offs|thresholds|limits|ranges|levels|values|timescales|timelines|deadlines|"
                    r"trigger points|intervals|tolerances|rates|bands|factors)$", re.I)
# Paperwork asked in passing ("your HCPC registration number"): nothing a second round goes back to.
ADMIN = re.compile(r"\b(?:registration number|reference number|(?-i:ID)|DBS|passport|driving licence|right to work|start date|"
                   r"availability)\b", re.I)
# A note about a choice ("couldn't justify why I picked Kafka"): its reasoning is what went missing.
CHOICE_WORDS = re.compile(r"\b(?:why|decision|decided|decide|choice|chose|choose|picked|reason\w*|justify|approach|"
                          r"trade-?offs?|options?|prioriti[sz]\w*)\b", re.I)
# A topic that is one figure ("your attrition rate"): asked for as "the actual figure".
ONE_FIGURE = re.compile(r"\b(?:rate|percentage|ratio|GP|size)\b|%", re.I)
# A topic about code: a gap in it is asked for as code to write, not as a fact to recite.
CODE = re.compile(r"\b(?:code|ring buffer)\b", re.I)
# Words that make it a program whatever else the topic says ("the SQL behind the billing code").
# (Not a sales-qualified lead: "MQL to SQL conversion" is a marketing funnel.)
PROGRAM = re.compile(r"\b(?:SQL(?!s?\s+(?:conversion|rate|stage|pipeline|handover))(?<!MQL to SQL)|query|coding|(?<!drug )script|"
                     r"Python|function|algorithm|regex)\b", re.I)
# A "code" that is a rulebook or a label, not a program: "the code of conduct", "the CRRU code", "a tax code".
RULE_CODE = re.compile(r"\bcodes? of\b|\b(?:dress|post|building|highway|grid|fire|tax|zip|bar|qr|colou?r|discount|promo|"
                       r"access|door|area|country|crru|safety|electrical|plumbing|planning|ethics|professional|"
                       r"nmc|gmc|hcpc|sra|bacp|fca|national|industry|billing|diagnosis|procedure|icd|cpt|shape|"
                       r"product|error|fault|event|colour|weld)[- ]codes?\b|\bcodes? \d", re.I)
# "Ran out of time" on a timed test or paper is an unfinished exercise, not an answer that ran long.
TIMED = re.compile(r"\b(?:tests?|tasks|paper|practical|in-tray|quiz|micro-teach)\b", re.I)
# A question with one right answer ("what BS EN 81-20 covers"), not a choice or a story of the candidate's.
FACT_QUESTION = re.compile(r"^(?:(?:at|in|on|for|by) )?(?:what|which|when|where|who|how (?:much|many|often|long|far))\b"
                           r"(?!.*\byou(?:'d| would| did| chose| decided| handled| felt| learned)\b)", re.I)


# A topic that is one event the candidate lived through: "going one level deeper" fits it.
STORY = re.compile(r"\byou (?:\w+ed|led|ran|did|made|found|caught|built|won|lost|wrote|took|gave|chose|held|brought|"
                   r"sent|told|set up|dealt)\b|\b(?:case|incident|claim|inspection|project|migration|review|"
                   r"exhibition|campaign|complaint|deviation|breakdown|error|install|enquiry|story|rollout|launch|"
                   r"outage|dispute|tender|evaluation|experiment|A/B test|pilot|trial)\b|"
                   r"^(?:cutting|reducing|improving|raising|increasing|launching|building|leading|running|saving|"
                   r"growing|delivering|introducing|rolling out)\b", re.I)


# The candidate's own record, asked about in passing ("the CCJ from 2019", "the points on your licence"): told plainly.
RECORD = re.compile(r"(?i:\b(?:CCJ|county court judge?ment|credit (?:check|file)|criminal record|conviction|points on "
                    r"(?:your|the) licence|bankruptcy|reference from|bad reference)\b)|\bIVA\b")
# A topic that is one figure to know ("the min CET1 ratio", "the max temp for the chilled counter").
FIGURE_TOPIC = re.compile(r"\b(?:ratio|cap|allowance|limit|threshold|minimum|min|max|maximum|temp|temperature|timescale|time limit|"
                          r"tonnage|pressure|dose|rate)\b", re.I)
# What can lapse: a card, ticket, certificate or registration ("your NRSWA card", "the first aid cert").
LICENCE = re.compile(r"\b(?:card|ticket|cert\w*|licen[cs]e|registration|qualification|passport|visa|CSCS|DBS|IPAF|PASMA|"
                     r"NPLQ|first aid|training|insurance|MOT)\b", re.I)
# An estimate the panel put right ("I estimated UK dogs at 3 million ... it's more like 12 million"): built again.
ESTIMATE = re.compile(r"\b(?:estimat\w*|market sizing|guesstimate|market size)\b", re.I)


# A question whose subject points back at something the note does not name ("what that means for the pay
# rise", "why it failed"): said on its own, it has no referent (blind23).
POINTS_BACK = re.compile(r"^(?:what|why|how|whether|when) (?:that|this|it|those|these)\b(?! (?:\w+ ){0,3}(?:is|are|was|were) (?:a|an|the)\b)", re.I)


def worth_probing(topic: NoteTopic) -> bool:
    """Whether a second-round interviewer would go back to this topic: it went badly, or it is a story to go deeper on."""
    trouble = trouble_of(topic)
    if ADMIN.search(topic.topic) or POINTS_BACK.match(topic.topic):
        return False
    if trouble == "salary":
        return topic.struggled
    if trouble in ("nothing_named", "motivation"):
        return True
    if trouble == "fine":
        return topic.form in ("thing", "claim") and bool(STORY.search(topic.topic))
    return True


def is_code(text: str) -> bool:
    """Whether a topic is a program to write ("a SQL query", "the ring buffer code"), not a rulebook or a label."""
    return bool(PROGRAM.search(text)) or bool(CODE.search(text) and not RULE_CODE.search(text))


def trouble_of(topic: NoteTopic) -> str:
    """The kind of trouble that decides the probe's wording: the notes' kind, or what the topic itself calls for."""
    if not topic.topic and not missing_of(topic):
        return "nothing_named"
    if SALARY.search(topic.topic):
        return "salary"
    if MOTIVATION.search(topic.topic):
        return "motivation"
    if RECORD.search(topic.topic):
        return "record"
    if not topic.struggled:
        return "fine"
    if topic.topic == CV_GAP_TOPIC:
        return "cv_gap"
    if topic.gap_kind and topic.topic and (gap_of(topic) or topic.gap_kind in ("figure", "partial")):
        return "gap_" + topic.gap_kind  # the note names what could not be given: the probe asks for exactly that
    if topic.exercise and topic.form == "thing" and (topic.trouble in ("unsure", "example") or (
            topic.trouble == "explain" and re.search(r"\b(?:scenario|case study|role play)\b", topic.topic))):
        return "unsure_action"  # "couldn't say who to escalate to" in the scenario: what they would do, not a definition
    if topic.trouble == "unfinished" and not (topic.exercise or topic.form == "task" or EXERCISE.search(topic.sentence)
                                              or TIMED.search(topic.sentence)):
        return "rambling"  # "too much detail and ran out of time for strategy": an answer that ran long
    if topic.trouble == "explain" and topic.form == "question" and FACT_QUESTION.match(topic.topic) and not topic.hypothetical:
        return "fact"  # "what BS EN 81-20 covers", not explained: a fact to give again, not options to weigh
    if topic.trouble == "explain" and not CHOICE_WORDS.search(topic.sentence) and not is_code(topic.topic):
        return "explain_thing"  # "couldn't explain clock stops properly": how it works, not options weighed
    if topic.trouble == "numbers" and re.match(r"(?:what|how) to do\b", topic.topic):
        return "unsure_action"  # "what to do if you find a meter tail with tampering": a plan, not figures
    if topic.trouble == "numbers" and topic.form == "question" and topic.hypothetical:
        return "calculation"  # "what a 10 day rise in DSO would do to cash", not quantified: worked through
    if is_code(topic.topic) and topic.trouble in ("fact", "other", "unsure", "nerves", "explain"):
        return "code"  # "to write a ring buffer in C" that did not work: written again, not recited
    if topic.trouble in ("rambling", "vague") and topic.form == "question" and FACT_QUESTION.match(topic.topic) \
            and not topic.hypothetical:
        return "fact"  # waffled over "what 'contracted out of the 1954 Act' means": the fact did not come
    if topic.trouble == "lapsed" and not LICENCE.search(topic.topic):
        return "other"  # "expired" said of something that is not a card or ticket
    if topic.trouble == "example" and topic.form == "task":
        return "task_again"  # froze when asked to write a headline: the task again, not a story
    if topic.trouble in ("example", "unsure") and (topic.exercise or topic.hypothetical):
        return "unsure_action"  # froze in a scenario: what to do did not come, not a story of their own
    if topic.trouble == "omission" and not missing_of(topic):
        return "omission_unnamed"
    if topic.trouble == "mixed_up" and not re.search(r"\b(?:and|vs|versus|or|two|both|between)\b", topic.topic):
        return "fact"  # "mixed up the order": not two things to tell apart
    return topic.trouble or "other"


def to_probe(topics: list[NoteTopic]) -> list[NoteTopic]:
    """The topics a second round goes back to, in order: when something went badly, only what went badly
    (a story that went well, or pay, is not what the panel comes back to); else what was discussed."""
    ranked = sorted((t for t in topics if worth_probing(t)), key=priority)
    badly = [t for t in ranked if priority(t) <= 1] or [t for t in ranked if priority(t) == 2 and t.struggled]
    return badly or ranked


def gap_of(topic: NoteTopic) -> str:
    """The gap the notes name, unless it only repeats the topic ("blanked on the drug doses" as the topic itself,
    or "the CO alarm rules for landlords" for the topic "CO alarm rules for landlords")."""
    bare = re.sub(r"^(?:the|a|an|your) ", "", topic.gap.lower())
    return topic.gap if topic.gap and bare not in topic.topic.lower() else ""


def priority(topic: NoteTopic) -> int:
    """Which topics a second round goes back to first: a named gap, then what went badly, then the rest; pay last."""
    trouble = trouble_of(topic)
    if trouble == "salary":
        return 4
    if trouble.startswith("gap_"):
        return 0 if gap_of(topic) else 1
    if trouble == "motivation":
        return 1 if topic.struggled else 2
    if trouble == "other":
        return 2  # went badly, but the notes do not say how: after what they do say ("BAD: water chem quiz.")
    if BARE_EXERCISE.match(topic.topic) and not scenario_of(topic) and not gap_of(topic) and not missing_of(topic):
        return 2  # "the scenario", which the candidate cannot tell apart from the others: after a struggle with a name
    return 3 if trouble == "fine" else 1


def missing_of(topic: NoteTopic) -> str:
    """What was left out, when it can be said cleanly; else ""."""
    if re.fullmatch(r"[a-z][a-z-]+(?: [a-z][a-z-]+)? and [a-z][a-z-]+(?: [a-z][a-z-]+)?", topic.missing) \
            and not re.search(r"\b(?:the|a|an|and I|to|my|your)\b", topic.missing.replace(" and ", " ", 1)):
        return topic.missing  # "missed impetigo and shingles": a list of bare names, said without one "the" for both
    return sayable(topic.missing) if topic.missing else ""


# "Scenario: while mowing you find a headstone that's loose and leaning. I said ..." -> the scenario itself.
SCENARIO_GIVEN = re.compile(r"\b(?:scenario|case study|role ?play)\s*[:\u2013\u2014-]\s*(?P<scenario>[^.;!?]+)", re.I)
BARE_EXERCISE = re.compile(r"^the (?:scenario|case study|role ?play)$", re.I)
SCENARIO_MAX_WORDS = 25


def scenario_of(topic: NoteTopic) -> str:
    """The scenario a bare "the scenario" topic stands for, when the note gives it addressed to the candidate
    ("someone rushes at you", "you find a headstone") and short enough to say; else ""."""
    if not BARE_EXERCISE.match(topic.topic):
        return ""
    found = SCENARIO_GIVEN.search(topic.sentence)
    if not found:
        return ""
    # its own question ("..., what first", "what do you do in the first hour") is the ask's to put
    scenario = re.split(r",?\s*\b(?:what|how|which|who|when|where)\b(?! you're)", found.group("scenario"))[0].strip(" ,-")
    if not re.search(r"\byou\b", scenario) or re.search(r"\b(?:I|my|me)\b", scenario) \
            or len(scenario.split()) > SCENARIO_MAX_WORDS:
        return ""  # the candidate's own answer, or a scene told about someone else, is not restated
    return scenario


def lead(topic: NoteTopic) -> str:
    """The sentence that takes the candidate back to the first round, ending before the full stop."""
    templates = toml_template("first_round.toml")
    leads, said = templates["leads"], templates["trouble_said"]
    trouble = trouble_of(topic)
    if trouble == "nothing_named":
        return leads["nothing_named"]
    if not topic.topic:
        return leads["only_missing"].format(missed=missed(topic))
    if scenario_of(topic):
        text = leads["scenario"].format(scenario=scenario_of(topic))
    elif topic.form == "claim":
        text = leads["claim"].format(topic=topic.topic)
    elif topic.form == "task":
        text = leads["asked_task"].format(topic=topic.topic)
    elif topic.form == "question":
        text = leads["asked_question"].format(topic=topic.topic)
    else:
        text = leads["talked"].format(topic=topic.topic)
    phrase = said.get(trouble, said["other"])
    if trouble == "gap_figure" and not gap_of(topic):
        phrase = said["gap_figure_unnamed"]
    elif trouble == "gap_partial" and plural(topic.topic):
        phrase = said["gap_partial_plural"]
    elif trouble == "unsure_action" and re.match(r"(?:what|how) you(?:'d| would)\b", topic.topic):
        phrase = said["stopped_short"]  # "we asked what you'd do ..., and you weren't sure what you would do": said twice
    gap = gap_of(topic) if re.match(r"(?:what|which|how|whether)\b", gap_of(topic)) else f"of {gap_of(topic)}"
    if trouble == "gap_thing" and gap_of(topic) and gap_of(topic) == mixed_up_pair(topic.sentence, topic.topic):
        phrase = mixed_up_said(topic, said)
    if phrase and scenario_of(topic):  # the scenario is a sentence of its own: what went wrong follows it
        return f"{text}. {capitalised(re.sub(r'^and ', '', phrase.format(missed=missed(topic), gap=gap)))}"
    return f"{text}, {phrase.format(missed=missed(topic), gap=gap)}" if phrase else text


def mixed_up_said(topic: NoteTopic, said: dict) -> str:
    """ "and you mixed up P45 and P60", or "and you mixed them up with the jury officer's job" when one side is the topic."""
    first, second = re.match(r"the difference between (.+?) and (.+)$", gap_of(topic)).groups()
    if first.lower() == topic.topic.lower():
        return said["mixed_with_topic"].format(it="them" if plural(first) else "it", second=second)
    return said["mixed_pair"].format(first=first, second=second)


def missed(topic: NoteTopic) -> str:
    """What was left out, as said after "you": "forgot to deduct the window opening", "didn't mention the audit"."""
    wording = toml_template("first_round.toml")["missed"]
    missing = missing_of(topic)
    # "skipped the starter you'd planned" in a lesson is not "didn't mention" it.
    key = "step" if missing.startswith("to ") else "skipped" if re.search(r"\bskipped\b", topic.sentence, re.I) else "thing"
    return wording[key].format(missing=missing)


def ask_key(topic: NoteTopic) -> tuple[str, str]:
    """Which ask fits the topic: (trouble, variant), the keys of [asks] in first_round.toml."""
    asks = toml_template("first_round.toml")["asks"]
    trouble = trouble_of(topic)
    if (not topic.topic and trouble != "nothing_named") or (trouble == "omission" and missing_of(topic).startswith("to ")):
        trouble = "only_missing"  # "to deduct the window opening" is a step, not a thing to "cover"
    options = asks.get(trouble, asks["other"])
    return (trouble if trouble in asks else "other"), variant(topic, trouble, options)


def ask(topic: NoteTopic, rng: random.Random) -> str:
    """What the probe asks, chosen by the trouble's kind and the kind of thing the topic (or gap) is."""
    trouble, chosen = ask_key(topic)
    options = toml_template("first_round.toml")["asks"][trouble][chosen]
    return rng.choice(options).format(missing=missing_of(topic))


def wants_story(topic: NoteTopic) -> bool:
    """Whether the probe asks for one past event told in full (so the answer is read for STAR)."""
    trouble, chosen = ask_key(topic)
    return f"{trouble}.{chosen}" in toml_template("first_round.toml")["story_asks"]


def variant(topic: NoteTopic, trouble: str, options: dict) -> str:
    """Which wording of an ask fits the thing asked about: a figure, a list, code, a step, a story, a plan."""
    gap = gap_of(topic)
    if trouble == "gap_thing":
        if is_code(f"{topic.topic} {gap}"):
            return "code"
        if re.match(r"the (?:\w+ )?difference between\b", gap):
            return "difference"
        if VALUES.search(gap):
            return "values"  # "the GRACE score cut-offs": the numbers
        if re.search(r"\byou \w+", gap):
            return "found"  # "the root cause you found": part of a story
        if plural(gap) or re.search(r"\s(?:and|or) (?:the|your|a|an)\b", gap):  # "the trolley or the ID checks": them
            return "found_plural" if re.search(r"\b(?:last|findings|inspection|audit)\b", topic.topic) else "plural"
        return "singular"
    if trouble == "gap_partial":
        return "plural" if plural(topic.topic) else "singular"
    if trouble == "explain_thing":
        if re.match(r"how (?:you'?d|you would|to|would you)\b", topic.topic):
            return "would"  # "how you'd debug a memory leak in prod": done now, step by step, not how a thing works
        return "plural" if plural(topic.topic) or topic.topic.startswith("the difference between") else "past"
    if trouble == "gap_how" and not re.search(r"\byou\b|\byou'|^how to\b", gap):
        return "explain"  # "how the condition score works": explained, not done ("how you'd loop a wiggle", "how to ...")
    if trouble in ("fact", "corrected") and topic.form == "thing" and FIGURE_TOPIC.search(topic.topic) \
            and "known" in options and not re.search(r"\byour\b", topic.topic):
        return "known"  # "the min CET1 ratio under Pillar 1": the figure itself
    if trouble in ("fact", "corrected") and topic.form == "question" and FACT_QUESTION.match(topic.topic) \
            and not topic.hypothetical and "known" in options:
        # "at what ketone level you treat as DKA": the answer itself, not how it applies; but "what Progress 8 was for
        # your faculty" is the candidate's own figure, not a fact anyone could look up.
        return "own" if re.search(r"\byour\b", topic.topic) and "own" in options else "known"
    if trouble == "only_missing":
        missing = missing_of(topic)
        if missing.startswith("to "):
            return "step"
        if re.search(r"\bexperience$", missing):
            return "experience"  # "forgot to mention TUPE experience": theirs, told now, not the thing defined
        return "things" if re.search(r"\s(?:and|or)\s", missing) else "thing"
    if trouble == "salary" and re.search(r"\bnotice\b", topic.topic):
        return "notice"
    if trouble == "motivation" and re.search(r"\bwhy you (?:left|had left|quit|dropped out)\b", topic.topic):
        return "left"  # "why you left your college course": the reason, not what draws them here
    if trouble in ("fact", "unsure") and topic.form == "question" and not FACT_QUESTION.match(topic.topic) \
            and not topic.hypothetical and "asked" in options:
        return "asked"  # "why a trade fails to settle": answered again, not defined
    if trouble == "corrected" and ESTIMATE.search(f"{topic.topic} {topic.sentence}") and "estimate" in options:
        return "estimate"
    if trouble == "omission" and (plural(missing_of(topic)) or re.search(r"\s(?:and|\+)\s", missing_of(topic))) \
            and not topic.hypothetical:
        return "plural"  # "you didn't mention the lupin and molluscs": where do they come in
    if trouble == "numbers" and ONE_FIGURE.search(topic.topic) and not STORY.search(topic.topic):
        return "rate"  # one figure: "what your attrition rate was"
    if trouble == "numbers" and re.search(r"\bexample\b", topic.sentence, re.I) and not topic.hypothetical:
        return "past"  # "my example had no measurable result": what it changed, not what drives a figure
    if re.search(r"\bquestion$", topic.topic) and "question" in options:
        return "question"  # "the community safety question": answered again, not taken apart
    if topic.hypothetical and (trouble != "fact" or topic.form != "thing" or EXERCISE.search(topic.topic)):
        tense = "would"  # (a fact about "the policies you'd use" is still a fact, not a plan)
    elif trouble == "fact" and re.search(r"\b(?:test|practical|exercise|task)\b", topic.topic):
        tense = "would"  # "a hearing test live on a colleague": done again, not defined
    elif STORY.search(topic.topic) or topic.form == "claim":
        tense = "past"
    elif re.match(r"the difference between\b", topic.topic):
        tense = "difference"
    elif (plural(topic.topic) and topic.topic.split()[-1].islower()) or re.search(r"\band\b", topic.topic):
        tense = "plain_plural"  # "the EEP studbook and how breeding recs work": they, not it
    else:
        tense = "plain"  # a subject rather than one event ("your conversion rate", "deposit protection")
    if tense == "plain_plural" and re.search(r"\b(?:intervals|ranges|limits|levels|observations|obs|values|doses|timescales|cut-?offs|thresholds)\b",
                                             topic.topic, re.I) and "values" in options:
        tense = "values"  # "LOLER thorough exam intervals", "newborn observations": the figures
    if tense in ("difference", "plain_plural") and tense not in options:
        tense = "plain"
    return tense if tense in options else "past"


def probe(topic: NoteTopic, rng: random.Random) -> str:
    """The whole first-round probe, e.g. "In your first interview we talked about the falls audit, and
    you weren't sure of the outcome. What did it change in the end, in numbers if you can?"."""
    return f"{capitalised(lead(topic))}. {ask(topic, rng)}"


def plural(phrase: str) -> bool:
    """Whether a noun phrase names several things ("the Westgard rules", "the assessments you use")."""
    if re.match(r"(?:(?:at|in|on|for|by) )?(?:what|which|how|why|when|where|who|whether)\b", phrase):
        return False  # "what BS EN 81-20 covers": a question, not a noun with a plural head
    head = re.split(r"\s+(?:you|your|that|which|of|for|on|in)\b", phrase)[0].split()
    return bool(head) and bool(re.search(r"(?:[^s]s|criteria|data)$", head[-1]))


def capitalised(text: str) -> str:
    """The text with its first letter upper case (and the rest as written: names keep their case)."""
    return text[:1].upper() + text[1:]
