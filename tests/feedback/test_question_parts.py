"""The parts of a question an answer can leave aside, and the readings that find the one it left."""

from __future__ import annotations

import io
import threading

import numpy as np

from mockint.channels.text import TextChannel
from mockint.domain import Question, QuestionKind
from mockint.feedback.meaning import read_ahead
from mockint.feedback.on_question import asks, main_ask
from mockint.feedback.question_parts import FEATURES, part_features, question_without_parts, texts_to_encode
from mockint.text import split_sentences

PARENTS = "How do you share a child's progress with parents who don't speak much English?"
GENERAL = ("I share progress in lots of ways. Every child has an online journal so parents see photos and "
           "observations as they happen, and I chat to parents at pick-up about the day.")
OWN_WORDS = ("For a mum who only has a little Polish I use the translate app on the tablet and pictures of what he "
             "did, and at parents' evening we book one of the interpreters from the council.")



def test_a_clause_a_run_of_words_and_each_word_can_be_taken_out_of_the_ask():
    parts, content = question_without_parts(PARENTS)
    without = dict(parts)
    assert without["who don't speak much English"] == "How do you share a child's progress with parents?"
    assert without["with parents who don't speak much English"] == "How do you share a child's progress?"
    assert without["English"] == "How do you share a child's progress with parents who don't speak much?"
    assert "How" not in without and "you" not in without  # framing words are not parts
    assert content == ["share", "child's", "progress", "parents", "don't", "speak", "much", "english"]


def test_an_answer_to_the_easier_question_beside_it_comes_closer_once_the_twist_is_taken_out(encoder):
    general = part_features(PARENTS, [s.text for s in split_sentences(GENERAL)], GENERAL, encoder)
    own = part_features(PARENTS, [s.text for s in split_sentences(OWN_WORDS)], OWN_WORDS, encoder)
    assert len(general) == len(own) == FEATURES
    # the general answer gains more from losing a part than the one that takes up the language
    assert general[0] > own[0]


def test_word_pieces_carry_their_place_in_the_text_and_unit_vectors(encoder):
    offsets, vectors = encoder.token_vectors("She wouldn't have the cannula in.")
    text = "She wouldn't have the cannula in."
    assert [text[a:b] for a, b in offsets][:3] == ["She", "wouldn", "'"]
    assert vectors.shape == (len(offsets), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.token_vectors(text)[1] is vectors  # cached


def test_reading_ahead_leaves_nothing_for_the_parts_to_encode_when_the_answer_ends(encoder):
    so_far = "I use the translate app with one mum. With another dad we book an interpreter for parents' evening"
    read_ahead(PARENTS, [], so_far)
    encoded = encoder.encoded
    ask = main_ask(asks(PARENTS))
    part_features(ask, [s.text for s in split_sentences(so_far)], so_far, encoder)
    assert encoder.encoded == encoded


def test_a_typed_answer_finds_its_question_read_ahead_from_the_moment_it_was_asked(encoder):
    question = Question(text="What would you do if a supplier delivered the wrong grade of steel on the morning of a "
                             "pour?", kind=QuestionKind.situational)
    TextChannel(stdin=io.StringIO("")).ask(question)
    for thread in [t for t in threading.enumerate() if t.name == "mockint-meaning-question"]:
        thread.join(timeout=60)
    encoded = encoder.encoded
    ask = main_ask(asks(question.text))
    encoder.vectors(texts_to_encode(ask))
    encoder.token_vectors(ask)
    assert encoder.encoded == encoded
