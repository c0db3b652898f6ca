"""Read free-text first-round notes into what a second-round interviewer goes back to.

Each note becomes a `NoteTopic`: the topic (what was asked or discussed), what the
candidate said about it, and what went badly, each a whole clause rewritten to address
the candidate ("how you measured the rollout's success", "you forgot to mention the
lockout procedure"). When a note names the very thing the candidate could not give ("blanked on
the GRACE score cut-offs", "didn't know what PPDS means"), that gap is kept too, said cleanly or not
at all, so the probe can ask for exactly that. Phrases are only ever cut at clause boundaries (", but", "; ",
", which", ...), never at a word count, so a number or a name is kept whole; a phrase too
long to say aloud is left out rather than cut, and a line's own label is a topic only when it names what was
discussed (never the job title, a place or a date heading the notes). Struggles come first: they are what a
second round probes. The clauses of one sentence are read in note_clauses.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mockint.questions.note_clauses import (  # noqa: F401 (named_gap and the rest are used from here too)
    classify_trouble, clean_clause, first_clause, named_gap, omitted_thing, said_clause, to_second_person, went_badly_clause
)
from mockint.questions.note_cues import (
    STRUGGLE, TOPIC_CUES, OWN_QUESTIONS_HEADING, LABELLED, GENERIC_LABEL, FOLLOW_ON, SELF_NOTE, OWN_QUESTION,
    VERDICT_AFTER, ANSWER_LABEL, WH_START, NEVER_USED, BAD_LABEL, CORRECTION_START, QUOTED_STORY, WOULD, OWN_PART_ASKED,
    TROUBLE_KINDS, GERUND, SHARE_OF, PANELS_THING, QUOTED_QUESTION
)
from mockint.questions.note_topic import CV_GAP_TOPIC, label_topic, read_topic  # noqa: F401 (used from here too)
from mockint.questions.reported import reported_question
from mockint.questions.shorthand import sayable, tidy_notes
from mockint.text import split_sentences


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
    trouble: str = ""  # the kind of trouble: numbers, rambling, omission, example, explain, vague, unsure, nerves, no_ending...
    missing: str = ""  # for an omission: what was left out ("the lockout procedure")
    exercise: bool = False  # a case study, design or scenario exercise: about what they would do
    gap: str = ""  # the specific thing they could not give, said cleanly ("the GRACE score cut-offs"); may be ""
    gap_kind: str = ""  # "thing", "what", "how", "figure" or "partial" (named_gap); "" when none is named

    @property
    def hypothetical(self) -> bool:
        """Whether the topic asks what the candidate would do, rather than what they did."""
        return self.exercise or self.form == "task" or bool(WOULD.search(self.topic))


# A line that ends on the candidate's verdict that it went fine ("..., ok", "- fine", "all good").
SETTLED_AFTER = re.compile(r"(?:[,\u2013]|\s-)\s*(?:ok|okay|fine|correct|all good|no problem)\W*$", re.I)
ASKED_MORE = re.compile(r"\basked\W+(?:me\W+)?(?:who|what|anything) else\b", re.I)
ONE_WORD_VERDICT = re.compile(r"wrong|incorrect", re.I)
MARKS = re.compile(r"[\u2713\u2714\u2717\u2718\u274c\u2705\u2611\u2612\u2610\u26a0\ufe0f\u2192\u27a1]")


def note_lines(notes: str) -> list[tuple[int, str]]:
    """The sentences of the notes with the number of their section (a heading starts one),
    without the candidate's own questions to the interviewers."""
    lines, skipping, section = [], False, 0
    for raw in notes.splitlines():
        # Ticks and crosses ("\u2717 handling a difficult councillor") mark how a topic went; they are never said back.
        raw = MARKS.sub(" ", raw)
        line = raw.strip().lstrip("#").strip()
        if not line:
            continue
        if QUOTED_QUESTION.match(tidy_line(line)):
            # '"how would you handle a complaint?" - rambled': the panel's question, in the candidate's words,
            # and one sentence with its verdict (a question mark would end it).
            raw = line = QUOTED_QUESTION.sub(lambda m: f"asked {as_reported(m.group('question'))} - ", tidy_line(line))
        if line.endswith(":") and len(line.split()) <= 6:
            skipping = bool(OWN_QUESTIONS_HEADING.search(line))
            section += 1
            continue
        label = GENERIC_LABEL.match(tidy_line(line))
        if not skipping and ((label and not STRUGGLE.search(label.group("topic"))) or LABELLED.match(line) or TOPIC_CUES.search(line)):
            section += 1  # a line that names its own topic is not about the line before it
        if not skipping:
            # Notes typed in one go start sentences in lower case ("... said no. also asked about X"): still a new sentence.
            for part in re.split(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?:(?<=[a-z0-9)'\"][.!?])|(?<=\bOK[.!?]))\s+(?=[a-z]{2,}\b)", raw):
                # (a one-word verdict after a line, "... said runout for the concentricity one. wrong.", is kept)
                lines.extend((section, s.text) for s in split_sentences(part, line_breaks=True)
                             if len(s.tokens) >= 2 or ONE_WORD_VERDICT.fullmatch(s.text.strip(" .!")))
    return lines


def as_reported(question: str) -> str:
    """The panel's question as the candidate reports it: "what’s the risk?" -> "what the risk is"."""
    # (spelled out again: shorthand right after the opening quote, "'avg view duration?'", was left as it is)
    return reported_question(tidy_notes(question.replace("\u2019", "'")))


def tidy_line(line: str) -> str:
    """A line without its bullet marker."""
    return re.sub(r"^(?:[-*+\u2022]|\d+[.)])\s*", "", line)


def read_sentence(sentence: str) -> NoteTopic:
    """Everything one note sentence says: topic, claim, trouble."""
    sentence = tidy_line(sentence.strip())
    # "blanked on their fortifier guideline": the employer's, said back as "the" (their "our" would read as the candidate's)
    sentence = PANELS_THING.sub(r"\1 the", sentence)
    # "what % of orders go out with subs": "the percentage of orders going out with subs", one phrase
    sentence = SHARE_OF.sub(lambda m: f"{m.group(1)} {GERUND.get(m.group(2).lower(), '')}".rstrip(), sentence)
    topic, form, asked, exercise = read_topic(sentence)
    struggled = bool(STRUGGLE.search(sentence))
    # The trouble is read from what the note says about the topic, not from the topic ("the figures don't balance").
    rest = to_second_person(sentence).replace(topic, " ") if topic else sentence
    trouble = (classify_trouble(rest) if STRUGGLE.search(rest) else classify_trouble(sentence)) if struggled else ""
    if trouble == "explain":
        # "struggled to explain how I measured X": what was missing is the measure. But "couldn't explain
        # why I picked a cloud data warehouse" is about the reasoning, whatever words the choice has ("data").
        if not re.match(r"why\b", topic or ""):
            trouble = classify_trouble(sentence)
    trouble = figure_trouble(trouble, form, topic)
    if struggled and ASKED_MORE.search(sentence):
        # 'Helen asked "who else?" and I froze': the answer before it stopped short; the ask is no topic of its own
        topic, form, trouble = "", "thing", "unsure_action"
    trouble = refine_trouble(trouble, form, topic, sentence)
    if trouble == "corrected" and SETTLED_AFTER.search(sentence):
        # "I said 3-4mm, he said 2-4 / aim for 3, ok": the candidate's own verdict is that it was near enough.
        struggled, trouble = False, ""
    gap, gap_kind = named_gap(sentence, topic) if struggled else ("", "")
    if topic and gap != topic and gap.lower().startswith(topic.lower() + " "):
        topic, gap, gap_kind = gap, "", ""  # "blanked on the registration deadline before polling day": one thing, said whole
    if re.match(r"what happened (?:after|afterwards|next|in the end|at the end)\b", gap):
        gap, gap_kind, trouble = "", "", "no_ending"  # "didn't say what happened after": the story's ending, not a fact
    if trouble in ("fact", "unsure") and re.search(r"\bexample\b|^(?:a|the) time you\b", topic):
        # "asked for an example from the care home job and I blanked", "a time you ...": a story; one that "went on
        # way too long" was given, at length
        trouble = "rambling" if re.search(dict(TROUBLE_KINDS)["rambling"], rest, re.I) else "example"
    return NoteTopic(
        sentence=sentence, topic=topic, struggled=struggled, form=form, asked=asked, said=said_clause(sentence),
        went_badly=went_badly_clause(sentence) if struggled else "", trouble=trouble, exercise=exercise,
        missing=omitted_thing(sentence) if trouble == "omission" else "",
        gap=gap, gap_kind=gap_kind,
    )


def refine_trouble(trouble: str, form: str, topic: str, sentence: str) -> str:
    """The kind of trouble the whole sentence says, where its first cue misleads: a one-word "wrong." is an answer
    put right; "asked my DSO - couldn't say" is a figure of their own; "ran out of time, no numbers in it" ran out of
    time; "didn't know much about it, waffled" and "rambled, no real answer" lacked the knowledge or the method,
    not brevity; "got flustered, forgot to say X" left X out."""
    if re.fullmatch(r"(?:wrong|incorrect)\W*", sentence.strip(), re.I):
        return "corrected"
    if trouble == "explain" and re.fullmatch(r"your (?:[A-Z]{2,}s?|\w+ (?:rate|ratio|figures?|numbers?|score))", topic) \
            and re.search(r"\b(?:couldn'?t|could not) say\b", sentence, re.I):
        return "numbers"
    if trouble == "numbers" and re.search(r"\bran out of time\b|\b(?:didn'?t|did not) finish\b", sentence, re.I):
        return "unfinished"
    if trouble == "nerves" and omitted_thing(sentence):
        return "omission"  # "got flustered, forgot to say check potassium first": what was left out is the gap
    if trouble == "rambling" and form == "thing":
        if re.search(r"\b(?:didn'?t|did not) know (?:much|anything)\b", sentence, re.I):
            return "fact"
        if re.search(r"\bno (?:real |actual |clear )?answer\b", sentence, re.I) \
                and not re.search(r"\bexample\b|^(?:a|the) time you\b", topic):
            return "explain"
    return trouble


def figure_trouble(trouble: str, form: str, topic: str) -> str:
    """"numbers" when the trouble was being unsure of a figure of their own ("your percentage to target"), else the
    trouble as it was."""
    if (trouble in ("unsure", "fact") or trouble in ("vague", "other") and form == "thing") and re.search(
            r"percentage|%|\brate\b|\bratio\b|\bnumbers?\b|\bfigures?\b|\bvolume\b|how many|how much|\bsize\b|"
            r"\bcaseload\b|\bKPIs?\b", topic):
        return "numbers"  # not sure of their own figure: asked for the figure
    return trouble


def blanked_on_a_fact(item: NoteTopic, sentence: str) -> bool:
    """Whether a blank read as "no example came to mind" was a fact that did not come: a question about a thing
    ("asked what UN3373 means and I blanked"), or a thing asked about ("asked about split duty and I blanked
    completely"), never a story ("a time you ...", "managing a difficult supplier")."""
    if not item.topic or re.search(r"\byou\b", item.topic):
        return False
    if item.form == "question":
        return bool(re.match(r"(?:(?:at|in|on|for|by) )?(?:what|which|when|where|how|why)\b", item.topic))
    return item.form == "thing" and item.asked and bool(re.search(r"\bblank\w* completely\b", sentence, re.I)) \
        and not re.match(r"\w+ing\b", item.topic) \
        and not re.search(r"\b(?:time|example|story|occasion|question|weakness|strength)\b", item.topic)


def merge(into: NoteTopic, more: NoteTopic) -> NoteTopic:
    """A topic with a later sentence about it folded in (its claim or its trouble)."""
    changes: dict = {"sentence": f"{into.sentence} {more.sentence}"}
    if more.said and not into.said:
        changes["said"] = more.said
    # A correction that follows ("he said theirs runs 32%") says more than a guess from the line's own words.
    # (Not after a blank: "asked what UN1203 means and I blanked. its petrol" gives the answer, it corrects none.)
    if more.struggled and (not into.struggled or into.trouble == "other" or (
            more.trouble == "corrected" and into.trouble in ("numbers", "unsure", "fact")
            and (into.exercise or re.search(r"\bI said\b", into.sentence)))):
        # "didn't say that clearly" says little alone: the lines before it ("kept saying we") may say what kind.
        whole = classify_trouble(f"{into.sentence} {more.sentence}") if more.trouble == "other" else more.trouble
        whole = whole if whole in (more.trouble, "ownership", "unstructured", "vague") else more.trouble
        # ("asked my % to target - said '108%?' | not sure": unsure of their own figure, said in the next sentence)
        changes.update(struggled=True, went_badly=more.went_badly, trouble=figure_trouble(whole, into.form, into.topic),
                       missing=more.missing)
    if more.gap_kind and not into.gap_kind:
        # "asked about GP. couldn't remember what my kitchen runs at": the gap of the topic before it.
        changes.update(gap=more.gap, gap_kind=more.gap_kind)
    return replace(into, **changes)


def extract_topics(notes: str | None) -> list[NoteTopic]:
    """The topics of the notes, struggles first, each with what was said and what went badly."""
    if not notes or not notes.strip():
        return []
    notes = tidy_notes(notes)
    topics: list[NoteTopic] = []
    last_section = None
    for section, sentence in note_lines(notes):
        if SELF_NOTE.match(sentence) or NEVER_USED.search(sentence):
            continue
        answer_line = bool(ANSWER_LABEL.match(sentence))
        sentence = ANSWER_LABEL.sub("", sentence) if answer_line else sentence
        verdict = BAD_LABEL.match(tidy_line(sentence))
        sentence = tidy_line(sentence)[verdict.end():] if verdict else sentence
        item = read_sentence(sentence)
        if verdict and not item.topic and len(sentence.split()) <= 5:
            short = re.sub(r"^(?:the|a|an)\s+", "", sentence.strip(" ."), flags=re.I)
            item = replace(item, topic=sayable(short))  # "Went badly: packaging.": the label's topic
        if verdict and not item.struggled:
            # "Bad: Jens asked about IHO S-44 TVU ...": the label says it went badly, whatever the line says.
            # What kind of trouble is for the lines after it to say ("... I said 2nd line. it's 3rd line").
            # (Not "explain" from "asked me to explain X": that is how the question was put.)
            kind = classify_trouble(re.sub(r"\basked (?:me )?to (?:explain|describe)\b", " ", sentence, flags=re.I))
            item = replace(item, struggled=True, trouble="other" if kind == "explain" else kind)
        if CORRECTION_START.match(tidy_line(sentence)):
            # "its Biological Substance Category B": the right answer to the line before, so that answer was wrong.
            item = replace(item, topic="", struggled=True, trouble="corrected")
        # (nothing to go back to, or "Overall they wanted more data": the whole interview, not the line before)
        if not (item.topic or item.struggled or item.said) or not item.topic and re.match(r"overall\b", sentence, re.I):
            continue
        if not item.topic and item.trouble == "omission" and re.search(r"\b(?:forgot|forget|didn'?t) (?:to )?(?:mention|say|bring up) "
                                                                       r"my\b", sentence, re.I):
            continue  # "forgot to mention my CSCS": their own slip, which the panel never saw; not the line before's
        # Under a new heading ("Hard moments:"), a line is not about the last line of the one before.
        # last_section is the section of topics[-1]: a line that gave nothing does not pin a later one on it.
        follow_on = bool(item.topic and FOLLOW_ON.match(item.topic)) or bool(item.struggled and ASKED_MORE.search(sentence))
        # ("they asked what I personally did" is about the line before it, under its own "asked" or not)
        previous = topics[-1] if topics and (section == last_section or follow_on) else None
        # Notes run in order: "They asked X. I forgot Y." The hard moment or the claim right
        # after a topic is about that topic, unless it names a question of its own.
        if follow_on:
            trouble = "reflection" if re.search(r"differently|change", item.topic) else item.trouble
            item = replace(item, topic="", trouble="ownership" if OWN_PART_ASKED.fullmatch(item.topic) else trouble)
        cue = TOPIC_CUES.search(sentence)
        label = GENERIC_LABEL.match(tidy_line(sentence))
        # 'I said "about 15%" - ...' is what was said about the line before, not a label of its own.
        own_topic = (label and not STRUGGLE.search(label.group("topic"))
                     and not re.match(r"(?:I|we|my)\b", label.group("topic"))) or (cue and len(sentence[: cue.start()].split()) <= 4) \
            or bool(item.topic and not cue and VERDICT_AFTER.match(sentence))  # "Then X and I blanked": X is its own topic
        own_topic = own_topic or bool(QUOTED_STORY.search(sentence))  # "the 'time you ...' one": a question of its own
        # "Caseload q - 22, fine. Blanked on the Working Together changes": a line that ended "fine" is done with.
        # "Went well: ..." or "they seemed happy with that" says so too.
        settled = previous is not None and bool(
            re.search(r"\b(?:fine|went (?:well|ok|okay)|good)\W*$|(?:\s[-\u2013:]|,)\s*(?:ok|okay)\W*$", previous.sentence, re.I)
            # "- went ok, covered gas, obs, ...", "... - did ok": its verdict, whatever follows it
            or (not previous.struggled and re.search(r"(?:^|[-\u2013:,]\s*)(?:went|did|was) (?:ok|okay|fine|well|alright)\b",
                                                     previous.sentence, re.I))
            or re.match(r"(?:went well|well|good|strong|positives?)\s*[:\-]", previous.sentence, re.I)
            or (not previous.struggled and re.search(r"\b(?:seemed|looked|was|were) (?:happy|pleased|impressed)\b|"
                                                     r"\b(?:he|she|they) liked\b|\bwent down well\b",
                                                     previous.sentence, re.I)))
        new_point = bool(re.match(r"(?:also|then|and also|plus)\b", tidy_line(sentence), re.I))  # "also blanked on what ..."
        # (a second hard moment that names its own gap is a point of its own: "... Jo said no. didn't know what PEEP is")
        second = previous is not None and previous.struggled and bool(previous.trouble) and WH_START.match(item.gap)
        if not item.topic and len(item.gap.split()) >= 3 and item.gap_kind != "how" and (
                own_topic or previous is None or settled or new_point or second):
            # "She asked what a 10 day rise in DSO would do to cash and I froze": the gap is the question itself.
            item = replace(item, topic=item.gap, form="question" if WH_START.match(item.gap) else "thing", gap="", gap_kind="")
        item = replace(item, trouble="fact") if item.trouble == "example" and blanked_on_a_fact(item, sentence) else item
        if not item.topic and own_topic and not follow_on:
            last_section = None  # a line with a label of its own that cannot be said: dropped, and not merged
            continue
        # "He followed up asking what drove it ...": still the topic before it, whatever it names.
        follow_up = bool(re.search(r"\bfollow(?:ed|s)? up\b", sentence, re.I))
        # "time you made a mistake - fine. drug calculation paper, not sure which 2 wrong": a hard moment with no topic of
        # its own after a line that ended "fine" is not about that line.
        no_topic = not item.topic and not (settled and item.struggled)
        # "Chris asked about a time I built ... I started the story about the consultant at Leeds": the answer, not a topic.
        answer_story = bool(re.match(r"^(?:and |then )?I (?:started|told|gave|used|went with|picked|chose) (?:the|a|my) "
                                     r"(?:story|example)\b", sentence, re.I))
        about_previous = previous is not None and (answer_line or follow_on or follow_up or no_topic or answer_story or (
            not TOPIC_CUES.search(sentence) and not OWN_QUESTION.search(sentence) and not own_topic and (
                (item.struggled and not previous.struggled and not settled) or (item.said and not item.struggled))))
        if answer_line and item.topic and not item.said and previous is not None:
            item = replace(item, said=item.topic if item.form == "claim" else "")
        if about_previous:
            topics[-1] = merge(previous, item)
            last_section = section
            continue
        if item.topic and any(t.topic.lower() == item.topic.lower() for t in topics):
            continue
        # A hard moment with no topic is kept only when it names what was missing
        # ("I forgot to mention X"); "I was nervous" alone gives a probe nothing to go back to.
        if item.topic or (item.struggled and sayable(item.missing)):
            topics.append(item)
            last_section = section
    lines = [text for _, text in note_lines(notes)]
    if not topics and lines and not any(STRUGGLE.search(text) for text in lines):
        # Notes that name nothing we can read whole: a probe that pastes nothing (probes.py). Not when something
        # went badly that cannot be named: an open "which answer would you redo" aims at nothing; the bank asks instead.
        topics.append(NoteTopic(sentence=notes.strip(), topic="", struggled=False))
    return sorted(topics, key=lambda t: not t.struggled)
