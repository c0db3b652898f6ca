"""STAR: which of Situation, Task, Action and Result an answer contains, and where.

Each clause of the answer is read for general cues, not for topics:
- Action: "I" or "we" followed by a past-tense verb of doing ("I rolled back", "so we
  split"). Habits ("I usually..."), plans ("I would..."), negations, states ("I was",
  "I felt", "I noticed") and background ("I had worked at...") are not actions.
- Task: responsibility and goal wording ("my job was to", "I was asked to", "I had to",
  "the goal was", "asked me to").
- Situation: a time or place anchor ("last year", "at my previous job", "during the
  close") early in the answer, or past-tense scene-setting before the first action.
- Result: outcome wording ("as a result", "in the end", "dropped", "saved", "agreed",
  "since then", "now takes") once the story has reached an action or a task: what
  happens before anyone acts is still the situation.
A lesson learned alone is not a result. Evidence is the sentence that carries the cue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mockint.domain import FillerHit, Ownership, StarFeedback, StarPart
from mockint.feedback.cues import (
    ADVERBS,
    AFTERWARDS,
    ALL_OR_NOTHING,
    ANCHOR,
    BACKGROUND,
    FIRST_PERSON,
    LIGHT_VERB_OBJECT,
    LOST_SOMETHING,
    NOT_ACTIONS,
    NOT_DONE,
    OUTCOME_VERBS,
    OWN_OUTCOME_ALWAYS,
    OWN_OUTCOME_NEAR,
    OWN_OUTCOME_VERBS,
    PRESENT_MARKERS,
    QUANTITY,
    STRONG_RESULT,
    SUBJECTS,
    SUBORDINATORS,
    TASK,
    TIMESTAMP,
    is_past,
    subject_verbs,
)
from mockint.feedback.clauses import CLAUSE_JOINERS, clauses
from mockint.feedback.fillers import find_fillers
from mockint.feedback.learned_star import SentenceEncoder, part_probabilities, thresholds
from mockint.feedback.narrative import present_action, tells_ending
from mockint.text import Sentence, split_sentences
from mockint.feedback.thresholds import ENDING_SENTENCES, LONG_SENTENCE_WORDS, MAX_EVIDENCE

@dataclass
class Unit:
    """One clause of the answer, read for STAR cues."""

    sentence: Sentence  # the sentence it came from, for quoting
    clause: Sentence
    words: list[str]  # lower-case, fillers and stutters removed
    position: float  # 0 at the start of the answer, 1 at the end
    action: str | None = None  # "i" or "we" when this clause is something the candidate did
    present_action: str | None = None  # "i" or "we" when it narrates a step in the present ("I call them")
    progressive: bool = False  # the action is "I was doing...": the scene, unless nothing else is done
    task: bool = False
    anchor: bool = False
    past: bool = False
    outcome: str | None = None  # "own" / "other" outcome wording (a result once the story has started)
    ending: bool = False  # said in the past of someone or something else: how it ended, if it comes last
    parts: set[str] = field(default_factory=set)
    chance: dict[str, float] = field(default_factory=dict)  # the learned heads' probability per part, if read

    @property
    def joined(self) -> str:
        return " ".join(self.words)

    @property
    def quote(self) -> str:
        long = len(self.sentence.tokens) > LONG_SENTENCE_WORDS
        return (self.clause if long else self.sentence).text


def filler_offsets(fillers: list[FillerHit]) -> frozenset[int]:
    """Every character offset inside a filler, so a word is looked up in constant time."""
    return frozenset(i for h in fillers for i in range(h.start_char, h.end_char))


def clean_words(clause: Sentence, text: str, in_filler: frozenset[int]) -> tuple[list[str], set[int]]:
    """The clause's words in lower case, without fillers (`in_filler`: their character offsets)
    and without stutters ("I, um, I made"), and the positions of words that follow a comma
    (a list of verbs sharing one subject)."""
    words: list[str] = []
    after_comma: set[int] = set()
    previous_end = None
    for token in clause.tokens:
        if token.start in in_filler:
            continue
        word = token.lower
        if words and words[-1] == word and word.isalpha():
            continue
        if previous_end is not None and "," in text[previous_end:token.start]:
            after_comma.add(len(words))
        words.append(word)
        previous_end = token.end
    return words, after_comma


def find_action(words: list[str]) -> tuple[str | None, bool]:
    """("i" or "we", progressive?) when the clause says the candidate did something, else (None, False)."""
    for subject, j in subject_verbs(words):
        verb = words[j]
        if verb in NOT_DONE:
            continue
        following = words[j + 1] if j + 1 < len(words) else ""
        if verb in {"was", "were"} and following.endswith("ing") and following not in {
                "working", "living", "studying", "covering", "based", "hoping", "thinking", "feeling",
                "wondering", "going", "getting", "having", "being", "planning", "expecting", "waiting"}:
            return subject, True  # "I was explaining it again": narrated doing
        if verb in {"tried", "managed"} and following == "to":
            return subject, False
        if verb == "had" and LIGHT_VERB_OBJECT.match(" ".join(words[j + 1:j + 3])):
            return subject, False  # "I had a look at the star wheel"
        if verb.endswith("n't") or not is_past(verb) or verb in NOT_ACTIONS:
            continue
        if verb in BACKGROUND and following in BACKGROUND[verb]:
            continue
        return subject, False
    return None, False


def is_past_clause(words: list[str]) -> bool:
    """Whether a clause is told in the past: its first subject's verb, else any past verb in it.

    "I also keep parents informed" is present even though "informed" looks past.
    """
    for k, word in enumerate(words[:-1]):
        if word in SUBJECTS or (k == 0 and word == "it"):  # "it saves...", not "renewed it, and..."
            j = k + 1
            while j < len(words) - 1 and words[j] in ADVERBS | {"not", "never", "always", "usually", "often"}:
                j += 1
            verb = words[j]
            if verb in PRESENT_MARKERS or word in PRESENT_MARKERS or (word.endswith("'ve") and verb == "got"):
                return False  # "you've got to be the bad guy": have got is the present
            # A verb after "I"/"she" that is not past is present: "I communicate", "she loves".
            return is_past(verb) or verb in {"didn't", "wasn't", "weren't", "hadn't", "couldn't"}
    return any(is_past(w) for w in words)


def find_outcome(words: list[str], own_action: str | None, after_comma: frozenset[int] = frozenset()) -> str | None:
    """Outcome wording: "own" when the candidate's verb is itself the outcome ("we saved 2,000
    dollars"), "other" for a result phrase or an outcome said of someone or something else
    ("and he agreed"), else None."""
    if STRONG_RESULT.search(" ".join(words)):
        return "other"
    for k, word in enumerate(words):  # "now the page loads in two seconds": how things stand after
        if word == "now" and (k == 0 or words[k - 1] not in {"right", "for", "until", "till", "from", "just", "by"}):
            return "other"
    for k, word in enumerate(words):
        if word not in OUTCOME_VERBS | OWN_OUTCOME_VERBS or any(w in SUBORDINATORS for w in words[max(0, k - 3):k]):
            continue
        j = k - 1
        while j >= 0 and words[j] in ADVERBS:
            j -= 1
        subject = words[j] if j >= 0 else ""
        # "I traced the fault, renewed it, and reran it": verbs in a list share the candidate's subject.
        shared = own_action and (k in after_comma or subject == "and")
        if subject in FIRST_PERSON or shared:
            if is_own_outcome(words, k):
                return "own"
            continue
        if word not in OUTCOME_VERBS:
            continue  # "he had", "they got": said of others, these verbs are background
        if word in {"was", "were", "got", "made", "kept", "used", "asked", "wrote", "felt", "started", "found",
                    "came", "went", "moved", "met", "cut", "helped", "stayed"} and own_action:
            continue  # "I moved two nurses": the candidate's own step, not how it ended
        if word in {"was", "were", "got", "made", "came", "went", "found", "started", "felt", "asked", "kept",
                    "used", "wrote", "met", "moved", "stayed", "continued", "worked"}:
            # Common verbs only count when what follows says how things stood afterwards
            # ("it worked", "it went well"), not "they both worked evenings".
            rest = " ".join(words[k + 1:k + 4])
            if rest and not AFTERWARDS.match(rest) or (rest.startswith("from") and word != "went"):
                continue  # "the props were from Portugal": where something came from, not how it went
        return "other"
    return None


def is_own_outcome(words: list[str], k: int) -> bool:
    """Whether the candidate's verb at k says how it ended: "we won the account", "we got £4,200",
    "we had no near misses", "I lost the job"; not a step ("I reduced the batch size")."""
    word, rest = words[k], " ".join(words[k:])
    if word in OWN_OUTCOME_ALWAYS or (word == "lost" and LOST_SOMETHING.match(rest)):
        return True
    if word in OWN_OUTCOME_NEAR:  # common verbs: the amount must follow at once ("had the crew knock on every door")
        rest = " ".join(words[k:k + 4])
    return word in OWN_OUTCOME_VERBS and bool(QUANTITY.search(rest) or ALL_OR_NOTHING.search(rest))


def read_units(text: str, fillers: list[FillerHit], sentences: list[Sentence] | None = None) -> list[Unit]:
    """The answer cut into clauses with their STAR cues marked (`sentences`: the text's, if already split)."""
    units: list[Unit] = []
    length = max(len(text), 1)
    skip = frozenset(h.start_char for h in fillers if h.kind == "hard")
    in_filler = filler_offsets(fillers)
    for sentence in split_sentences(text) if sentences is None else sentences:
        for clause in clauses(sentence, text, 0, skip):  # always clause by clause: "I did X and it saved Y"
            words, after_comma = clean_words(clause, text, in_filler)
            if not words:
                continue
            joined = " ".join(words)
            unit = Unit(sentence=sentence, clause=clause, words=words, position=clause.start / length)
            unit.action, unit.progressive = find_action(words)
            unit.present_action = None if unit.action else present_action(words)
            opens = clause.start == sentence.start or words[0] in CLAUSE_JOINERS or "," in text[
                max(sentence.start, clause.start - 3):clause.start]
            unit.ending = tells_ending(words, opens)
            unit.task = bool(TASK.search(joined))
            unit.anchor = bool(ANCHOR.search(joined))
            unit.past = is_past_clause(words)
            unit.outcome = find_outcome(words, unit.action, frozenset(after_comma))
            units.append(unit)
    return units


def label_parts(units: list[Unit]) -> None:
    """Decide each clause's STAR parts, in story order."""
    # "I was rewiring a kitchen" sets the scene for what comes next; it is the action only
    # when the answer never says anything more definite that the candidate did.
    if any(u.action and not u.progressive for u in units):
        first_simple = next(i for i, u in enumerate(units) if u.action and not u.progressive)
        for unit in units[:first_simple]:
            if unit.progressive:
                unit.action = None
    # "I call the broker, I send the documents": narrated in the present, inside a past story.
    for i, unit in enumerate(units):
        if unit.present_action and any(u.past or u.anchor for u in units[:i]):
            unit.action = unit.present_action
    first_action = next((i for i, u in enumerate(units) if u.action), None)
    last_action = max((i for i, u in enumerate(units) if u.action), default=None)
    first_step = next((i for i, u in enumerate(units) if u.action or u.task), None)
    closing_starts = set(sorted({u.sentence.start for u in units})[-ENDING_SENTENCES:])
    for i, unit in enumerate(units):
        if unit.task:
            unit.parts.add("task")
        # How it turned out only counts once the story has reached a step or a goal; what
        # happened to others after the candidate's last step, at the very end, says it too.
        closing = unit.ending and last_action is not None and i > last_action and unit.sentence.start in closing_starts
        if (unit.outcome or closing) and first_step is not None and i > first_step:
            unit.parts.add("result")
        # "we saved 2,000 dollars" is the result; "I suggested X and he agreed" is both.
        if unit.action and not ("result" in unit.parts and unit.outcome == "own"):
            unit.parts.add("action")
        scene = unit.past and not unit.parts and (first_action is None or i < first_action)
        if (unit.anchor and unit.position < 0.5) or scene:
            unit.parts.add("situation")
    # "Our team was asked to cut the cloud bill before the new year": a story that opens on
    # its goal sets the scene with it.
    if units and not any("situation" in u.parts for u in units) and units[0].task and units[0].past:
        units[0].parts.add("situation")


def quote_for(unit: Unit, units: list[Unit], name: str) -> str:
    """What to quote for a clause that tells part `name`: its sentence, unless the sentence is
    long or another of its clauses tells a different part ("At the clinic where I work, I was
    asked to..." quotes the scene and the task apart)."""
    shared = any(other.sentence is unit.sentence and other is not unit and other.parts - {name}
                 for other in units)
    return unit.clause.text if shared else unit.quote


def _part(units: list[Unit], name: str) -> StarPart:
    """The part, with its quotes best first: the learned heads' likeliest clauses, else story order."""
    chosen = [u for u in units if name in u.parts]
    chosen.sort(key=lambda u: -u.chance.get(name, 0.0))
    quotes: list[str] = []
    for unit in chosen:
        quote = quote_for(unit, units, name)
        if quote not in quotes:
            quotes.append(quote)
    return StarPart(present=bool(quotes), evidence=quotes[:MAX_EVIDENCE])


def judge_star(units: list[Unit], applicable: bool, encoder: SentenceEncoder | None = None) -> StarFeedback:
    """The four STAR parts with their evidence, or not applicable. With the sentence model
    (`encoder`), the learned reading (learned_star.py) decides each clause's parts from the
    rules' cues and the clause's meaning; without it, the rules alone."""
    if not applicable:
        return StarFeedback(applicable=False)
    label_parts(units)
    probabilities = part_probabilities(units, encoder)
    if probabilities is not None:
        limits = thresholds()
        for part, chances in probabilities.items():
            for unit, chance in zip(units, chances):
                unit.chance[part] = float(chance)
                if chance >= limits[part]:
                    unit.parts.add(part)
                else:
                    unit.parts.discard(part)
    return StarFeedback(applicable=True, situation=_part(units, "situation"), task=_part(units, "task"),
                        action=_part(units, "action"), result=_part(units, "result"))


def is_quantified(sentence: str) -> bool:
    """Whether a sentence measures something: a number, percentage, money or time (not a date)."""
    return bool(QUANTITY.search(TIMESTAMP.sub(" ", sentence)))


def tells_story(units: list[Unit]) -> bool:
    """Whether an answer given without a question is a past story (so STAR applies)."""
    if not any(u.action for u in units):
        return False
    past = sum(u.past for u in units)
    return past >= max(2, len(units) / 2) and any(u.anchor or u.outcome or u.task for u in units)


def count_ownership(units: list[Unit], story: bool) -> Ownership:
    """How often "I" and "we" are said: in the actions of a story, else in the whole answer."""
    chosen = [u for u in units if "action" in u.parts] if story else units
    i = we = 0
    for unit in chosen:
        for word in unit.words:
            if word in {"i", "i've", "i'd", "i'm", "i'll"}:
                i += 1
            elif word in {"we", "we've", "we'd", "we're", "we'll"}:
                we += 1
    return Ownership(i=i, we=we)


def reaches_result(text: str) -> bool:
    """Whether a story told so far has got to how it turned out: an outcome with or after its last step.

    The end-of-turn rules ask this at each pause of a spoken story: one whose last step
    has no outcome after it is still being told, however finished its last sentence
    sounds. Stricter than the STAR feedback, because a wrong yes cuts the candidate off:
    the story must have a step told in the past ("I called", not a narrated "I call"),
    and the result must be outcome wording (not only a closing remark), in the last two
    sentences, from the last step's clause on.
    """
    units = read_units(text, find_fillers(text))
    label_parts(units)
    if not any(find_action(u.words)[0] and not find_action(u.words)[1] for u in units):
        return False
    closing = set(sorted({u.sentence.start for u in units})[-2:])
    last_action = max((i for i, u in enumerate(units) if "action" in u.parts), default=0)
    return any(u.outcome and "result" in u.parts and u.sentence.start in closing for u in units[last_action:])
