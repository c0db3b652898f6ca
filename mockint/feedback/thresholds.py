"""Every number the feedback depends on, in one place, each with where it comes from.

Where a number is a rule of thumb rather than a measurement, the comment says so.
Numbers marked "eval set" were set on the dev split of tests/data/feedback_eval and
checked on its holdout and fresh splits; they are round values, not fitted decimals.
"""

from __future__ import annotations

from mockint.domain import QuestionKind

# ---- Length -------------------------------------------------------------------
# (min, max) words for a typed answer and (min, max) seconds for a spoken one.
# Behavioral: issue #3 (under 50 words / 25 s is too short, over 300 words / 150 s too
# long), which matches the common coaching advice of a one-to-two-minute STAR story.
# The others are rules of thumb derived from it at a conversational ~120-150 words a
# minute: a technical explanation may run as long as a story; a situational answer is a
# plan, not a story, so a little shorter; a motivation answer should be about a minute; a
# follow-up probe wants one or two sentences.
LENGTH_TARGETS: dict[QuestionKind, tuple[tuple[int, int], tuple[int, int]]] = {
    QuestionKind.behavioral: ((50, 300), (25, 150)),
    QuestionKind.first_round: ((50, 300), (25, 150)),
    QuestionKind.technical: ((30, 300), (15, 150)),
    QuestionKind.situational: ((40, 250), (20, 120)),
    QuestionKind.culture: ((25, 200), (12, 90)),
    QuestionKind.follow_up: ((10, 150), (5, 60)),
}
# When the kind is unknown (no question, no --kind), the behavioral targets apply: they
# are the ones the issue states, and the widest ordinary range.
DEFAULT_LENGTH_TARGET = LENGTH_TARGETS[QuestionKind.behavioral]

# The longest answer analysed: 150,000 words, about 15 hours of speech at 160 words a
# minute, far beyond any answer and beyond a pasted transcript of a long recording. The
# analysis is linear in the length (scripts/bench_analyze.py: 100,000 words in a few
# seconds), so the limit only stops a file that is not an answer at all.
MAX_ANSWER_WORDS = 150_000
# The longest answer read by meaning (the sentence model, and the learned STAR, rambling and
# on-question models over it): about ten minutes of speech. Every clause and sentence is
# encoded (about 40 ms each on two cores), so a pasted transcript of 10,000 words took 37 s
# (scripts/bench_analyze.py with text that does not repeat); the models were fitted on
# answers of up to 513 words. Longer answers get the word cues and rules, in seconds.
MEANING_MAX_WORDS = 1_500

# ---- Pace and pauses ----------------------------------------------------------
# Conversational English runs at about 120-160 words a minute (the US National Center for
# Voice and Speech quotes ~150 wpm for conversation; presentation coaches aim at 130-160).
# Outside this band the tip says slow down or speed up.
PACE_SLOW_WPM = 110
PACE_FAST_WPM = 170
# Below this much speaking time a words-per-minute figure is too noisy to comment on.
PACE_MIN_SECONDS = 10.0
# Issue #3: a gap over 2 s between two words is a long pause worth pointing at.
PAUSE_SECONDS = 2.0
# Whisper often stretches the last word before a silence over the silence itself ("work."
# lasting 3.3 s before a 3.5 s pause, measured on an espeak-ng answer with tiny.en). A
# word is taken to end no later than BASE + PER_CHAR x letters after it starts: about
# twice the duration of a slowly spoken word (speech runs ~12-15 letters a second), so
# real words are never cut and absorbed pauses come back.
WORD_MAX_BASE_SECONDS = 0.3
WORD_MAX_SECONDS_PER_CHAR = 0.15
# A single pause this long, or this many long pauses, earns a tip (rule of thumb: one
# thinking pause is natural; several, or one that feels like a freeze, are noticed).
PAUSE_TIP_SECONDS = 5.0
PAUSE_TIP_COUNT = 3

# ---- Fillers ------------------------------------------------------------------
# Conversational speech has about 6 disfluencies per 100 words, filled pauses (um, uh)
# the commonest (Bortfeld et al. 2001, "Disfluency rates in conversation"; Fox Tree 1995).
# Rules of thumb from that: at 5 fillers per 100 words (hard and soft together) a listener
# notices them, so the tip; at 8 they start to hide the content, so one of the rambling
# signals (never rambling on its own).
FILLER_TIP_PER_100 = 5.0
FILLER_HEAVY_PER_100 = 8.0

# ---- Rambling -----------------------------------------------------------------
# A short answer is never rambling (issue #3): under the behavioral too-short limit (50
# words) no signal counts.
RAMBLING_MIN_WORDS = 50
# "Never gets to what you did" and "never says how it ended" are signs of rambling only
# when there was room to sprawl; in a shorter answer they just mean the story is
# incomplete (a gap the STAR tips already name). About 40 seconds of speech.
RAMBLING_STORY_MIN_WORDS = 80
# Rambling needs at least this much weight of evidence; every signal weighs 1, a strong
# repetition weighs 2 (so length or fillers alone never make an answer rambling).
RAMBLING_MIN_SCORE = 2
# Run-on: a sentence longer than this many words is hard to follow when spoken (plain
# English guides put readable sentences at 15-20 words on average). Eval set: punctuated
# focused answers stay at or under 40 words; unpunctuated typing turns a focused answer into
# one 60-86 word "sentence", which is why a run-on alone never makes an answer ramble.
RUN_ON_WORDS = 55
# Repetition: the share of content words that repeat a word already used twice or more.
# Eval set: focused answers stay at or under 0.13, answers going round in circles reach
# 0.25-0.37. Above 0.15 it is a signal; above 0.2 a strong one (weighs 2).
REPETITION_SHARE = 0.15
REPETITION_STRONG_SHARE = 0.2
# Drift: share of clauses that are general remarks (present tense, nobody in the story
# acting) in an answer that should be about the candidate. A rule of thumb for answers made
# mostly of remarks; on the eval set focused answers reach 0.25 and drifting ones 0.23-0.29,
# so it does not separate them in that range, and drift is caught mainly by digression
# markers ("anyway", "long story short", "by the way"). Known weak spot: drift without markers.
COMMENTARY_SHARE = 0.3
# Repetition is only measured with at least this many content words, and remarks with at
# least this many clauses: below that one repeated name or one remark is a large share.
REPETITION_MIN_CONTENT_WORDS = 20
COMMENTARY_MIN_CLAUSES = 4
# A story answer that tells this many steps of the speaker's career ("I started as...",
# "then I did my Gas Safe") has drifted into a CV. On the tuning sets two answers that drift
# this way have 3-4 such clauses; no answer labelled focused has more than one.
CAREER_DRIFT_STEPS = 3
# "Fading out" is looked for in the last this many words ("..., and yeah, so, I guess").
TRAILING_WORDS = 8
# Asked for a story, an answer this long that sets no scene and says nothing the candidate
# did talks around the question (about 45 seconds of generalities). A round number: on the
# eval sets such answers of 117-189 words are labelled rambling, one of 92 words is not.
NO_EXAMPLE_WORDS = 100
# Story never reaching the candidate's actions: the first action comes after this share
# of the answer (or never). Rule of thumb: a STAR story spends about its first third on
# situation and task; acting only after 60% leaves little room for action and result.
LATE_ACTION_SHARE = 0.6

# ---- STAR ---------------------------------------------------------------------
# A sentence longer than this is split into clauses before STAR cues are looked for, and
# quoted as a clause rather than as a whole sentence (unpunctuated typed answers).
LONG_SENTENCE_WORDS = 40
# Evidence quotes are cut to this many words in the terminal view, and to fewer inside a tip.
QUOTE_WORDS = 25
TIP_QUOTE_WORDS = 12
# A clause split off a long sentence has at least this many words (else it stays joined).
MIN_CLAUSE_WORDS = 4
# A story's last turn ("Container arrived one day before the opening") is looked for in its
# last this many sentences: where spoken stories end (rule of thumb; dev_styles set).
ENDING_SENTENCES = 2
# At most this many evidence sentences are kept per STAR part.
MAX_EVIDENCE = 3
# Ownership tip: "we" at least this many times as often as "I" in the actions.
WE_OVER_I_RATIO = 2.0

# ---- Talking points -------------------------------------------------------------
# A sentence covers a talking point when it carries at least this share of the point's
# content words (and at least two of them when the point has two or more). Half: the
# highest agreement on the dev split of talking_points.jsonl (0.35-0.5 agree equally).
POINT_MIN_SHARE = 0.5
# Two stems meet when they start with the same this many letters ("measured"/"measurable").
STEM_PREFIX = 5
# Or when a sentence's meaning is this close to the point's (cosine of all-MiniLM-L6-v2
# vectors, feedback/meaning.py) and closer by POINT_MIN_MARGIN to it than to any other point
# of the question: the point said in other words, not the question's topic at large. Chosen
# on the tuning sets (talking_points.jsonl dev split and talking_points_dev_2.jsonl, 164
# points): shared words alone agree with the labels on 60.4%, with the closeness alone (0.37)
# 67.1%, with closeness and margin 70.1% (0.29-0.34 and 0.04-0.08 within a point).
POINT_MIN_SIMILARITY = 0.32
POINT_MIN_MARGIN = 0.05



# ---- Where an answer drifted (learned_rambling.drift_start) ----------------------
# A sentence this close to the question (cosine, all-MiniLM-L6-v2) or less is about
# something else; the answer has left the question there when the rest of it is within
# DRIFT_STAYS_AWAY on average. Rules of thumb, set by reading: only used to choose which
# sentence the tip quotes once the learned model has said the answer rambles. Read on
# answers of train_1-6 the model calls rambling: at first 8 quotes read, 4 right, 2 wrong
# where a story began after a general opening ("One evening last winter the fog at
# Belfast City..."). So in a story the drift must come after its first step or outcome:
# then 12 quotes, all on answers labelled rambling; 8 read, 6 right, 2 debatable (the
# rule the candidate disagreed with, an answer that circles rather than drifts).
DRIFT_FAR_FROM_QUESTION = 0.15
DRIFT_STAYS_AWAY = 0.2


# ---- Another question's answer (learned_on_question) -----------------------------
# An earlier question of the session at least this close to the one asked (cosine) is the
# same question reworded or retried, not another question the answer could belong to: the
# distinct questions of one family's bank are at most 0.81 apart (measured on 20 families),
# so this only catches near-copies. The learned model's own threshold is in
# weights/on_question.json, chosen by scripts/train_feedback.py.
SAME_QUESTION = 0.85


# ---- Tips ---------------------------------------------------------------------
MAX_TIPS = 4  # issue #3: one to four concrete tips
