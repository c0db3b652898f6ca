"""When a spoken answer has ended: how much silence to wait for, from what was said and how (pure).

A fixed silence either keeps everyone waiting after their last word or cuts off a
candidate who stops to think. Here the silence needed depends on how finished the
answer sounds at the start of the pause:

- mid-clause (the transcript ends on "and", "because", "um", a comma, "the", a number
  being read out): PATIENT, long enough for a thinking pause of 4 s;
- a finished sentence with the voice falling: QUICK, well under a second, or as long as
  the longest pause after a sentence the candidate has already come back from in this
  answer (someone who pauses between sentences is not cut off at their next one);
- a voice that does not fall, or less speech so far than the question's shortest sensible
  answer (25 s for a story; at least 5 s): PATIENT too (Whisper often ends a piece cut at a
  comma with a full stop, or drops a trailing "and", so the text alone cannot tell; and
  someone who stops early in an answer is thinking, not done), unless what was said has
  reached the end a story needs, its result: then a short story may end QUICK too;
- a spoken command ("skip this one"): QUICK;
- text without punctuation and a falling voice: the configured end silence, as before.

Durations are sample counts, so the verdicts do not depend on how fast audio arrives.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from mockint.speech.vad import SAMPLE_RATE

StopReason = Literal["silence", "max_length", "enter", "no_speech", "input_ended"]
TextEnd = Literal["finished", "unfinished", "open"]


@dataclass(frozen=True)
class ExpectedAnswer:
    """What the question being answered asks for, as far as the end of the turn goes."""

    shortest_seconds: float  # less speech than this is not yet an answer...
    # ...unless this says the text so far has got where the answer must go (a story's result)
    reached_end: Callable[[str], bool] | None = None


@dataclass(frozen=True)
class TurnRules:
    """When an answer starts and ends, in seconds (see Settings for the user-facing ones)."""

    end_silence_seconds: float = 2.5  # when nothing says how finished the answer is
    quick_seconds: float = 0.7  # a finished sentence, voice falling
    patient_seconds: float = 4.5  # mid-clause: a thinking pause of up to 4 s is not the end
    # A pause this long starts encoding the speech before it for Whisper, in case the answer
    # has ended (the text is asked for up to the same point, so only the decoding is left
    # then). Its cut is 0.15 s into the pause: cutting 0.06 s in (sooner) cost 1 point of
    # word error on the benchmark's answers, the ends of quiet last words.
    prepare_after_seconds: float = 0.17
    check_after_seconds: float = 0.3  # a pause this long asks for the transcript so far
    # Less speech than this is the start of an answer ("Sure. Um, in my last role..."):
    # someone who stops there is thinking, even after a finished sentence. The voice
    # channel raises it to the shortest sensible answer to the question being asked.
    quick_after_speech_seconds: float = 5.0
    # A story that has reached its result may end quickly after this much speech, even when
    # it is shorter than the question's shortest sensible answer.
    least_speech_seconds: float = 5.0
    # A quick end waits this much longer than the longest sentence-end pause the candidate
    # has already come back from in this answer (their rhythm, not a cut-off).
    habit_margin_seconds: float = 0.4
    max_answer_seconds: float = 240.0
    no_speech_timeout_seconds: float = 20.0
    min_speech_seconds: float = 0.12  # a shorter burst (a click, a cough) does not start the answer


# Words a finished sentence does not end on. Whisper often puts a full stop after them
# when the speaker pauses ("...and we moved it to."), so they count whatever follows.
CONJUNCTIONS = {
    "and", "but", "or", "nor", "so", "because", "cause", "since", "although", "though", "while", "whereas",
    "if", "unless", "until", "when", "whenever", "where", "which", "who", "whom", "whose", "then", "as",
    "than", "like", "plus", "also", "especially", "including", "whether",
}
PREPOSITIONS = {
    "of", "to", "in", "on", "at", "for", "with", "from", "by", "about", "into", "onto", "over", "under",
    "between", "through", "across", "against", "towards", "toward", "without", "within", "per", "via",
}
DETERMINERS = {
    "a", "an", "the", "my", "our", "your", "their", "his", "her", "its", "some", "any", "every", "each", "very",
}
AUXILIARIES = {
    "is", "are", "was", "were", "be", "been", "am", "have", "has", "had", "will", "would", "could", "should",
    "can", "must", "might", "may", "i", "we", "they", "i'm", "we're", "they're", "it's", "there's", "that's",
    "i've", "we've", "kind", "sort", "mean",
}
FILLER = re.compile(r"^(u+h*m+|u+h+|e+r+m*|a+h+|h+m+|m+|mhm)$")
# A number still being read out: "it went from two hundred", "to three point" (no full stop).
NUMBER_PARTS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    "point", "percent",
}
NOT_AN_ENDING = CONJUNCTIONS | PREPOSITIONS | DETERMINERS | AUXILIARIES
TRAILING_QUOTES = "\"'”’)]"
# A sentence that opens with one of these and has no comma is only its first half:
# "When the deadline moved." (Whisper writes a full stop where the speaker paused).
SUBORDINATORS = {"when", "if", "because", "although", "though", "while", "since", "unless", "until", "once",
                 "whenever", "after", "before", "as"}
SHORT_OPENER_WORDS = 4  # "In my last role." is a prepositional opener, not a sentence
# A sentence this long that opens with a subordinator holds its main clause too, comma or
# not: "Once the check was automated calls averaged seven minutes." (Whisper drops commas).
LONG_CLAUSE_WORDS = 10
SENTENCE = re.compile(r"[^.!?…]+[.!?…]*$")


def text_ending(text: str) -> TextEnd:
    """How the transcript so far ends: a "finished" sentence, an "unfinished" clause, or "open" (no sign)."""
    text = text.strip().rstrip(TRAILING_QUOTES)
    if not text:
        return "open"
    if text.endswith(("...", "…", "-", "—", "–", ",", ";", ":")):
        return "unfinished"
    last = re.sub(r"[^\w'’%]", "", text.split()[-1].lower()).replace("’", "'")
    if last in NOT_AN_ENDING or FILLER.match(last) or last == "point":
        return "unfinished"
    if (last in NUMBER_PARTS or re.fullmatch(r"[\d.,]+%?", last)) and not text.endswith((".", "!", "?")):
        return "unfinished"  # a number with no full stop after it: more of it may come
    if text.endswith((".", "!", "?")):
        return "unfinished" if is_fragment(last_sentence(text)) else "finished"
    return "open"


def last_sentence(text: str) -> str:
    """The last sentence of a text, its final punctuation included."""
    match = SENTENCE.search(text.rstrip(".!?…"))
    return (match.group(0) if match else text).strip()


def is_fragment(sentence: str) -> bool:
    """Whether a "sentence" is the opening of one: a subordinate clause or a short prepositional phrase."""
    words = [re.sub(r"[^\w']", "", w.lower()) for w in sentence.split()]
    words = [w for w in words if w and not FILLER.match(w)]
    if not words or "," in sentence or len(words) >= LONG_CLAUSE_WORDS:
        return False
    return words[0] in SUBORDINATORS or (words[0] in PREPOSITIONS and len(words) <= SHORT_OPENER_WORDS)


def required_silence(
    ending: TextEnd | None, voice_falling: bool, speech_seconds: float, rules: TurnRules, command: bool = False,
    resumed_after_sentence_seconds: float = 0.0, reached_end: bool = False,
) -> float:
    """Seconds of silence that end the answer at this pause.

    `ending` is None when the transcript is not known (yet): then only a pause longer
    than any thinking pause ends the answer. `command`: the whole utterance so far is a
    spoken command ("skip this one"), which is over as soon as it is said.
    `resumed_after_sentence_seconds`: the longest pause after a finished sentence, the voice
    falling, that the candidate came back from earlier in this answer. `reached_end`: what
    was said has got where the answer must go (a story's result), so a short answer is not
    held to the question's shortest sensible length.
    """
    if command:
        return rules.quick_seconds
    least = rules.least_speech_seconds if reached_end else rules.quick_after_speech_seconds
    if ending is None or ending == "unfinished" or speech_seconds < least:
        return rules.patient_seconds
    if not voice_falling:  # "I ran the on-call rotation, [pause]" often comes out as a full stop
        return rules.patient_seconds
    if ending != "finished":
        return rules.end_silence_seconds
    habit = resumed_after_sentence_seconds + rules.habit_margin_seconds if resumed_after_sentence_seconds else 0.0
    return max(rules.quick_seconds, min(habit, rules.end_silence_seconds))


@dataclass(frozen=True)
class EndpointState:
    """What the endpointer knows so far, all in samples from the start of recording."""

    samples: int = 0
    speech_start: int | None = None  # where the answer began; None while waiting
    speech_run_start: int | None = None  # where the current run of speech frames began
    last_speech_end: int = 0  # just after the most recent speech frame

    def pause_samples(self) -> int:
        """Samples of silence since the last speech (0 while speaking or before the answer)."""
        return 0 if self.speech_start is None else self.samples - self.last_speech_end


def advance(
    state: EndpointState, frame_samples: int, speech: bool, rules: TurnRules, sample_rate: int = SAMPLE_RATE
) -> tuple[EndpointState, StopReason | None]:
    """Take one frame's verdict; return the new state, and "no_speech" or "max_length" to stop.

    The end of the answer at a pause is decided by the caller with required_silence().
    """
    start, end = state.samples, state.samples + frame_samples
    run_start = (state.speech_run_start if state.speech_run_start is not None else start) if speech else None
    speech_start = state.speech_start
    if speech_start is None and run_start is not None and end - run_start >= rules.min_speech_seconds * sample_rate:
        speech_start = run_start
    new = replace(
        state,
        samples=end,
        speech_start=speech_start,
        speech_run_start=run_start,
        last_speech_end=end if speech else state.last_speech_end,
    )
    if speech_start is None:
        waited = end >= rules.no_speech_timeout_seconds * sample_rate
        return new, "no_speech" if waited else None
    if end - speech_start >= rules.max_answer_seconds * sample_rate:
        return new, "max_length"
    return new, None
