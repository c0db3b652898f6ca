"""Story telling that the tense cues in star.py miss: the narrated present and the story's last turn;
and whether an answer says what the candidate does or would do at all.

Two ways of telling a story that an answer's own wording gives away, read from a clause's
lower-case words (fillers and stutters already removed):
- The narrated present: "I call the customs broker, I send the documents" (speakers
  narrating a past event in the present, common in spoken and non-native English). It is
  the candidate acting only inside a story already set in the past, and never with a habit
  word ("now I check", "every time I"), which makes it a routine.
- The story's last turn: after the candidate's last step, a clause in the past said of
  someone or something else ("Container arrived one day before the opening", "He didn't
  come back", "The next month's bill was £61,000") says how it ended, even without an
  outcome word.
"""

from __future__ import annotations

import re

from mockint.feedback.cues import FIRST_PERSON, NOT_ACTIONS, NOT_DONE, QUANTITY, SUBORDINATORS, is_past, subject_verbs

# Verbs of thinking, feeling and being: in the present they are a view, not a step.
STATE_VERBS = {
    "think", "believe", "know", "feel", "like", "love", "hate", "want", "need", "hope", "wish", "guess", "mean",
    "suppose", "understand", "remember", "prefer", "tend", "try", "agree", "learn", "realise", "realize", "see",
    "have", "am", "do", "don't", "work", "live", "get", "say", "find", "enjoy", "care", "value", "look", "seem",
    "is", "are", "was", "were", "had", "did", "been", "be", "used", "usually", "always", "really", "also", "still",
    "and", "or", "but", "so", "then", "just", "only", "never", "not", "to", "the", "a",
}
# Words that make a present clause a routine rather than one event ("every" and "each" only
# before a time: "every time", not "for every pound he earns").
HABIT_WORDS = {"now", "always", "usually", "whenever", "nowadays", "often", "sometimes", "normally", "generally",
               "typically", "still", "today", "if"}  # "if it's the mains, I give them...": a rule, not an event
TIMES = {"time", "times", "day", "days", "week", "weeks", "morning", "shift", "month", "year", "job", "visit"}
# Non-native narration in the present perfect: "I have moved part of the budget". Not
# experience ("I have seen it before") or background ("I have worked in care").
PERFECT_NOT_STEPS = {"been", "seen", "had", "known", "heard", "learned", "learnt", "worked", "felt", "found",
                     "always", "never", "got", "gotten", "lived", "done"}
# Said of the candidate at the story's end, these passives say what happened to them:
# "I was moved to the laundry", "I was given extra training"; not "I was asked to".
PASSIVE_NOT_OUTCOMES = {"asked", "told", "tasked", "expected", "supposed", "based", "involved", "assigned",
                        "worried", "scared", "surprised", "shocked", "used", "allowed", "able", "responsible"}
# Past participles that say how someone felt, not what was done to them: "he was annoyed".
FEELINGS = {"annoyed", "upset", "stressed", "frustrated", "confused", "tired", "bored", "concerned", "embarrassed",
            "disappointed", "exhausted", "overwhelmed", "frightened", "distressed", "agitated", "excited",
            "interested", "relieved", "pleased", "delighted", "impressed", "amazed", "offended", "angered",
            "irritated", "puzzled", "worried", "scared", "surprised", "shocked", "involved", "based", "supposed"}
# Dummy subjects and lessons: "it was a tough year", "there was", "I should have".
NOT_AN_ENDING_START = {"it", "there", "this", "that", "which", "what", "who", "i", "we", "you"}
LESSON_WORDS = {"should", "should've", "would", "could", "learned", "learnt", "lesson", "taught", "realised",
                "realized", "might", "must"}
NEGATED_PAST = {"didn't", "wasn't", "weren't", "couldn't", "hadn't", "never"}
COPULAS = {"was", "were"}


def present_action(words: list[str]) -> str | None:
    """"i" or "we" when the clause narrates a step in the present ("I call the broker"), else None."""
    if HABIT_WORDS & set(words) or any(w in {"every", "each"} and nxt in TIMES for w, nxt in zip(words, words[1:])):
        return None
    for subject, j in subject_verbs(words):
        verb = words[j]
        if verb == "have" and j + 1 < len(words) and is_past(words[j + 1]) and words[j + 1] not in PERFECT_NOT_STEPS:
            return subject
        if verb in NOT_DONE | STATE_VERBS | NOT_ACTIONS or is_past(verb) or not verb.isalpha() or verb.endswith(
                ("ing", "ly", "s", "ed")):
            continue
        return subject
    return None


def tells_ending(words: list[str], opens: bool) -> bool:
    """Whether a clause says, in the past, what happened to someone or something else.

    `opens`: the clause opens its sentence or follows a comma or a joining word; a clause cut
    off mid-phrase ("some music | he chose") is part of another one.
    """
    if not opens:
        return False
    joined = " ".join(words)
    if not words or words[0] in NOT_AN_ENDING_START | SUBORDINATORS or LESSON_WORDS & set(words) or (
            "had to" in joined or "needed to" in joined):  # an obligation, not an outcome
        return False
    if words[0] in {"and", "but", "then"}:
        words = words[1:]
    if len(words) > 2 and words[0] == "i" and words[1] in COPULAS:
        return is_past(words[2]) and words[2] not in PASSIVE_NOT_OUTCOMES  # "I was put on a written warning"
    for k, word in enumerate(words):
        if word in FIRST_PERSON or word in SUBORDINATORS:
            return False  # the candidate's own doing, or a clause inside another one
        if word in COPULAS:
            # "The next month's bill was £61,000" and "he was arrested" end it; "the props were
            # lovely" and "he was annoyed" do not.
            following = words[k + 1] if k + 1 < len(words) else ""
            done_to = is_past(following) and following not in PASSIVE_NOT_OUTCOMES | FEELINGS
            return k > 0 and (done_to or bool(QUANTITY.search(" ".join(words[k + 1:k + 4]))))
        if word in NEGATED_PAST or (is_past(word) and k > 0 and word not in {"used", "supposed"}):
            # "... spoke to her GP and talked to her": a verb straight after "and" shares the candidate's subject.
            return words[k - 1] not in {"and", "or", "then", "but"}
    return False


# "I'd ring", "I would refuse", "we'll", "first I", "my first step"; not "when I said I would".
PLAN = re.compile(r"(?<!said )(?<!promised )\b((i|we) (would|will)|i'd|we'd|i'll|we'll|(first|then|next),? (i|we)|"
                  r"my first (step|move|priority|thought))\b")
# "you lock off and test": the generic "you" of someone describing how a job is done.
GENERIC_YOU = re.compile(r"\byou (just |always |then |first |also |still |really |usually |normally )?"
                         r"(?!know\b|mean\b|see\b|were\b|was\b|had\b|did\b|said\b|told\b|could\b|would\b)[a-z]+")


def describes_practice(clauses: list[list[str]]) -> bool:
    """Whether an answer (its clauses' words) says what the candidate does or would do, not only what they did."""
    text = " ".join(" ".join(words) for words in clauses)
    return any(present_action(words) for words in clauses) or bool(PLAN.search(text) or GENERIC_YOU.search(text))
