"""Merging a piece's two transcriptions: the plain pass's words with the filler pass's "um"s and "uh"s."""

from mockint.domain import Word
from mockint.speech.merge import merge_fillers, text_of


def words(text: str) -> list[Word]:
    """Words half a second apart, as a pass would time them."""
    return [Word(text=t, start=i * 0.5, end=i * 0.5 + 0.4) for i, t in enumerate(text.split())]


def test_a_filler_only_the_filler_pass_heard_is_put_in_where_it_heard_it():
    merged = merge_fillers(words("So I led the migration."), words("So, um, I led the migration."))
    assert text_of(merged) == "So, um, I led the migration."


def test_where_the_passes_disagree_on_a_word_the_plain_pass_wins():
    merged = merge_fillers(words("We cut the latency by half."), words("We cut the lazy sea by half."))
    assert text_of(merged) == "We cut the latency by half."


def test_a_filler_the_plain_pass_heard_as_a_word_is_kept_beside_that_word():
    # "Uh, we cut the latency" came out of the plain pass as "A we cut the latency": the
    # filler pass's "Uh," is kept, and so is the plain pass's word, which may be real.
    merged = merge_fillers(words("A we cut the latency."), words("Uh, we cut the latency."))
    assert text_of(merged) == "Uh, A we cut the latency."
    starts = [w.start for w in merged]
    assert starts == sorted(starts)


def test_a_filler_both_passes_heard_is_kept_once():
    merged = merge_fillers(words("I, um, think so."), words("I, um, think so."))
    assert text_of(merged) == "I, um, think so."
