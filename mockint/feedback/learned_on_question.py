"""Whether an answer addressed the question, decided by a model learned from labelled pairs.

The word cues in on_question.py catch an answer that never does what its kind of ask needs
(no reason for "why", no measure for "how did you measure"), but most asks are specific ("a
unit blowing warm air in cooling mode"), and an answer swapped in from another question, or
drifting to an adjacent one, usually shares the question's words. What shows it is meaning:
how close the answer's sentences come to the question, to its main ask and to the ask's topic,
and whether they come closer to a question asked earlier in the same session (a candidate
reciting the story prepared for question two when asked question four). An answer drifting to a
neighbouring question is read part by part (question_parts.py): whether it comes closer to the
question with one of its parts taken out, and how near each word of the ask comes to a word of the
answer. One logistic head
(`scripts/train_feedback.py`, labels in tests/data/feedback_eval/oq_train_*.jsonl and the
on-question tuning sets) weighs these with the cues' own verdicts and adds its flag to theirs;
its setting counts telling a candidate who did answer that they did not as two errors.
"""

from __future__ import annotations

import numpy as np

from mockint.domain import OnQuestionFeedback
from mockint.feedback.ask_concepts import missing_concepts
from mockint.feedback.learned_star import SentenceEncoder  # the sentence model's Protocol (meaning.py imports this)
from mockint.feedback.linear import load_heads
from mockint.feedback.on_question import ASK_KINDS, PRACTICE_ASK, STORY_ASK, asks, main_ask, quoted
from mockint.feedback.question_parts import part_features, parts_of
from mockint.feedback.thresholds import SAME_QUESTION
from mockint.text import Sentence

MODEL_NAME = "on_question"


def unit(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) + 1e-9)


def cue_features(question: str, answer: str, rules: OnQuestionFeedback) -> list[float]:
    """The word cues' reading: their verdict, whether a kind of ask went unmet or a named concept
    unmentioned, and whether the ask wants a story or a practice."""
    ask = main_ask(asks(question)) or question.lower()
    text = answer.lower().replace("\u2019", "'")
    kind_unmet = any(needs.search(ask) and not evidence.search(text) for _, needs, evidence in ASK_KINDS)
    return [float(not rules.addressed), float(kind_unmet), float(bool(missing_concepts(ask, answer))),
            float(bool(STORY_ASK.search(ask))), float(bool(PRACTICE_ASK.search(ask)))]


def question_texts(question: str) -> list[str]:
    """The question, its main ask, and the ask's topic: the three texts an answer is compared with."""
    ask = main_ask(asks(question)) or question
    return [question, ask, quoted(ask)]


def distinct_earlier(question: str, to_question: np.ndarray, encoder: SentenceEncoder,
                     earlier: list[str]) -> tuple[list[str], np.ndarray]:
    """The earlier questions that are other questions, not this one again or reworded (SAME_QUESTION), and their vectors."""
    others = [q for q in earlier if q != question]
    if not others:
        return [], np.zeros((0, len(to_question)), dtype=np.float32)
    vectors = encoder.vectors(others)
    distinct = vectors @ to_question < SAME_QUESTION
    return [q for q, keep in zip(others, distinct) if keep], vectors[distinct]


def meaning_features(question: str, sentences: list[str], encoder: SentenceEncoder,
                     earlier: list[str]) -> list[float]:
    """How close the answer comes to the question, its main ask and the ask's topic; and how much
    closer it comes to any earlier question of the session (zeros, and a 0 flag, with none)."""
    vectors = encoder.vectors(sentences)
    to_question, to_ask, to_topic = encoder.vectors(question_texts(question))
    centre = unit(vectors.mean(0))
    by_sentence, topic_by_sentence = vectors @ to_question, vectors @ to_topic
    row = [to_question @ centre, to_ask @ centre, to_topic @ centre, by_sentence.max(), topic_by_sentence.max(),
           np.sort(by_sentence)[-2:].mean(), (by_sentence > 0.3).mean(), by_sentence[0], topic_by_sentence[0],
           len(sentences) / 10]
    _, other_vectors = distinct_earlier(question, to_question, encoder, earlier)
    if len(other_vectors):
        to_others = other_vectors @ centre
        return row + [to_others.max() - to_question @ centre, to_others.max(),
                      float((to_others > to_question @ centre).sum()),
                      (vectors @ other_vectors.T).max() - by_sentence.max(), 1.0]
    return row + [0.0, 0.0, 0.0, 0.0, 0.0]


RECITED_WORDS = 30  # fewer words than this tell no prepared story to have been recited for another question


def closest_earlier(question: str, sentences: list[str], encoder: SentenceEncoder, earlier: list[str]) -> str | None:
    """The earlier question (not a rewording of this one) the answer comes closer to than to this one. None for an
    answer too short to have been prepared for anything ("I'm really good with stressed animals, the farmers all say
    so" read as closer to a question about a heavy workload, on a new user's try)."""
    if sum(len(sentence.split()) for sentence in sentences) < RECITED_WORDS:
        return None
    to_question = encoder.vectors([question])[0]
    others, other_vectors = distinct_earlier(question, to_question, encoder, earlier)
    if not others:
        return None
    centre = unit(encoder.vectors(sentences).mean(0))
    closeness = other_vectors @ centre
    best = int(closeness.argmax())
    return others[best] if closeness[best] > to_question @ centre else None


def pair_features(question: str, answer: str, sentences: list[Sentence], rules: OnQuestionFeedback,
                  encoder: SentenceEncoder, earlier: list[str]) -> np.ndarray:
    """One row of features for a question and its answer."""
    texts = [s.text for s in sentences] or [answer]
    return np.array(meaning_features(question, texts, encoder, earlier) + cue_features(question, answer, rules)
                    + part_features(parts_of(question), texts, answer, encoder), dtype=np.float32)


def judge_on_question_learned(question: str | None, answer: str, sentences: list[Sentence],
                              rules: OnQuestionFeedback | None, encoder: SentenceEncoder | None,
                              earlier: list[str] | None = None) -> OnQuestionFeedback | None:
    """The cues' reading `rules`, with the learned model's flag added: the cues' flags stand (they are
    rarely wrong, and say what the answer never mentions); the model flags what they pass but reads
    as another question's answer. A flagged answer closer to an earlier question names it. The cues
    alone without the sentence model or the weights."""
    if rules is None or not question or encoder is None:
        return rules
    texts = [s.text for s in sentences] or [answer]
    if not rules.addressed:
        return rules.model_copy(update={"closer_to": closest_earlier(question, texts, encoder, earlier or [])})
    heads = load_heads(MODEL_NAME)
    if heads is None:
        return rules
    head = heads["addressed"]
    row = pair_features(question, answer, sentences, rules, encoder, earlier or [])
    if float(head.probability(row[None, :])[0]) >= head.threshold:
        return rules
    parts = asks(question)  # a reply to another question misses the whole question: quote its first ask
    return OnQuestionFeedback(addressed=False, missed=quoted(parts[0]) if parts else None,
                              closer_to=closest_earlier(question, texts, encoder, earlier or []))
