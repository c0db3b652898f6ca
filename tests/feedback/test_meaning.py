"""The feedback's reading of meaning, on the real all-MiniLM-L6-v2 model fetched by the set-up."""

import numpy as np
import pytest

from mockint.domain import Transcript
from mockint.feedback import analyze
from mockint.feedback.fillers import find_fillers
from mockint.feedback.meaning import encoder_in, read_ahead, shared_encoder
from mockint.feedback.star import read_units

QUESTION = "Tell me about a time you had to calm down an angry customer."
ON_QUESTION = ("Last winter a man came to the till shouting because his online order had arrived broken. I took him "
               "to the side, let him say his piece and told him I would sort it today. I found the same lamp in the "
               "stockroom, swapped it and refunded his delivery charge. He left smiling and wrote a nice review.")



def test_vectors_are_unit_length_and_close_for_the_same_meaning_in_other_words(encoder):
    ask, reply, unrelated = encoder.vectors(["How do you handle an angry customer?",
                                             "I listen to the customer first and then apologise.",
                                             "The weather is nice today."])
    assert np.allclose([np.linalg.norm(v) for v in (ask, reply, unrelated)], 1.0, atol=1e-5)
    assert ask @ reply > 0.4 > 0.15 > ask @ unrelated
    # Cached by text, whitespace aside: the same sentence is encoded once.
    encoded = encoder.encoded
    assert np.array_equal(encoder.vector("The weather  is nice today."), unrelated)
    assert encoder.encoded == encoded


def test_texts_encoded_together_get_the_vectors_they_get_alone(encoder):
    texts = ["line cook", "A much longer sentence, so that the other texts of the batch are padded to its length.",
             "EMT", "I bleeped the registrar and told her the trend."]
    together = encoder._encode(texts)
    alone = np.stack([encoder._encode([text])[0] for text in texts])
    assert np.allclose(together, alone, atol=1e-5)
    assert together[0] @ together[2] < 0.99  # not all the same row


def test_a_talking_point_said_in_other_words_is_covered_by_the_sentence_that_says_it(encoder):
    points = ["a fix the customer could see the same day", "an apology in writing"]
    by_words = analyze(Transcript(text=ON_QUESTION), question=QUESTION, talking_points=points, encoder=False)
    assert not any(p.covered for p in by_words.talking_points)
    fix, apology = analyze(Transcript(text=ON_QUESTION), question=QUESTION, talking_points=points,
                           encoder=encoder).talking_points
    assert fix.covered and fix.sentence == ("I found the same lamp in the stockroom, swapped it and refunded his "
                                            "delivery charge.")
    assert not apology.covered and apology.sentence is None



def test_reading_ahead_encodes_the_question_points_sentences_and_clauses_so_far(encoder):
    question = "Tell me about a process you changed for the better, from the start?"
    points = ["a point nobody has encoded before", "another fresh point"]
    so_far = "We counted the stock by hand for years. Then I brought in scanners and the count took a day"
    read_ahead(question, points, so_far)
    encoded = encoder.encoded
    encoder.vectors([question, *points, "We counted the stock by hand for years.",
                     "Then I brought in scanners and the count took a day"])
    clauses = [u.clause.text for u in read_units(so_far, find_fillers(so_far))]
    assert len(clauses) > 2  # the second sentence is two clauses
    encoder.vectors(clauses)
    assert encoder.encoded == encoded  # all were read ahead
    encoder.vectors(["A sentence nobody has read before."])
    assert encoder.encoded == encoded + 1


@pytest.mark.parametrize("damage", ["truncated", "not json"])
def test_a_damaged_model_leaves_feedback_on_shared_words_with_no_traceback(tmp_path, monkeypatch, damage):
    folder = tmp_path / "models" / "all-MiniLM-L6-v2"
    folder.mkdir(parents=True)
    (folder / "model.safetensors").write_bytes(b"\x05\x00" if damage == "truncated" else b"\x08" + b"\x00" * 7 + b"{nope")
    (folder / "tokenizer.json").write_text("{}")
    monkeypatch.setenv("MOCKINT_MODELS", str(tmp_path / "models"))
    assert encoder_in(folder) is None and shared_encoder() is None
    fb = analyze(Transcript(text=ON_QUESTION), question=QUESTION, talking_points=["the lamp swapped over"])
    assert fb.talking_points[0].covered  # read by shared words ("lamp", "swapped")
