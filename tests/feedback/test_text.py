"""Words, sentences and clauses of an answer, with offsets."""

from mockint.feedback.clauses import clauses
from mockint.text import split_sentences, tokenize, word_count


def test_words_keep_numbers_contractions_and_codes_whole():
    text = "We cut p99 latency to 200 ms for 12,000 users (30% fewer COVID-19 cases); I didn't stop."
    assert [t.text for t in tokenize(text)] == ["We", "cut", "p99", "latency", "to", "200", "ms", "for", "12,000",
                                                "users", "30%", "fewer", "COVID-19", "cases", "I", "didn't", "stop"]
    assert all(text[t.start:t.end] == t.text for t in tokenize(text))


def test_word_count_is_what_a_reader_counts():
    assert word_count("I fixed it \u2014 fast, in 3.5 days.") == 7
    assert word_count(" \n ... \u2014 ") == 0


def test_sentences_split_at_end_punctuation_but_not_at_decimals_or_abbreviations():
    text = "Latency fell by 3.5 s. We used tools, e.g. Grafana, to check! Did it work? Yes\n\nNew paragraph"
    assert [s.text for s in split_sentences(text)] == [
        "Latency fell by 3.5 s.", "We used tools, e.g. Grafana, to check!", "Did it work?", "Yes", "New paragraph"]


def test_no_ends_a_sentence_unless_a_number_follows():
    # "I said no." was read as "number", and the refusal ran into the next sentence (set 48: "You said you said no.").
    assert [s.text for s in split_sentences("He wanted it loaded. I said no. I put it on the defect list.")] == [
        "He wanted it loaded.", "I said no.", "I put it on the defect list."]
    assert [s.text for s in split_sentences("It was item no. 5 on the list. Then I left.")] == [
        "It was item no. 5 on the list.", "Then I left."]


def test_unpunctuated_typing_is_cut_into_clauses_at_new_subjects():
    text = ("last year my patient kept saying her pain was unbearable i felt it was my job to act so i called "
            "the registrar and he found a bleed")
    [sentence] = split_sentences(text)
    assert [c.text for c in clauses(sentence, text, 0)] == [
        "last year my patient kept saying her pain was unbearable", "i felt it was my job to act",
        "so i called the registrar", "and he found a bleed"]
