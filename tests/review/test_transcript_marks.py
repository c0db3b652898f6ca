"""Where fillers and long pauses land in an answer's transcript, from the real analyzer's findings."""

from __future__ import annotations

from mockint.domain import Answer, Question, QuestionKind, Transcript, Turn, Word
from mockint.feedback import analyze
from mockint.review.html import html_transcript
from mockint.review.markdown import md_answer
from mockint.review.marks import transcript_pieces

QUESTION = Question(text="Tell me about a time you fixed an outage.", kind=QuestionKind.behavioral)


def spoken_turn(timed: list[tuple[str, float, float]]) -> Turn:
    """A spoken turn from (word, start, end) timings as Whisper gives them, analyzed for real."""
    words = [Word(text=w, start=a, end=b) for w, a, b in timed]
    transcript = Transcript(text=" ".join(w for w, _, _ in timed), words=words,
                            duration_seconds=words[-1].end - words[0].start)
    answer = Answer(text=transcript.text, mode="voice", words=words, duration_seconds=transcript.duration_seconds)
    return Turn(index=0, question=QUESTION, answer=answer, feedback=analyze(transcript, QUESTION.text, QUESTION.kind))


TIMED = [("Um,", 0.0, 0.5), ("our", 0.7, 0.9), ("web", 1.0, 1.1), ("site", 1.1, 1.4), ("was", 1.4, 1.6),
         ("down.", 1.6, 2.0), ("I", 5.2, 5.3), ("rolled", 5.3, 5.6), ("it", 5.6, 5.7), ("back,", 5.7, 6.0),
         ("uh,", 6.3, 6.5), ("and", 9.4, 9.5), ("it", 9.5, 9.6), ("recovered.", 9.6, 10.1)]


def test_pauses_sit_after_the_word_they_follow_and_its_punctuation():
    turn = spoken_turn(TIMED)
    assert [p.after_word for p in turn.feedback.pauses] == ["down", "uh"]
    kinds = [(p.kind, p.text or f"{p.pause.seconds:.1f}") for p in transcript_pieces(turn)]
    assert kinds == [("filler", "Um"), ("text", ", our web site was down."),
                     ("pause", "3.2"), ("text", " I rolled it back, "), ("filler", "uh"), ("text", ","),
                     ("pause", "2.9"), ("text", " and it recovered.")]
    assert md_answer(turn) == ("**Um**, our web site was down. *⏸ 3.2 s* I rolled it back, **uh**, *⏸ 2.9 s* "
                               "and it recovered.")
    assert html_transcript(turn).count('<span class="pause"') == 2


def test_a_word_stretched_over_the_silence_still_gets_its_pause():
    # Whisper often stretches the word before a silence to cover it; the analyzer moves the pause's
    # start back, and the badge must still land after that word.
    stretched = [(w, a, 4.9 if w == "down." else b) for w, a, b in TIMED]
    turn = spoken_turn(stretched)
    pause = turn.feedback.pauses[0]
    assert pause.after_word == "down" and pause.seconds > 2
    assert f"down. *⏸ {pause.seconds:.1f} s* I rolled" in md_answer(turn)


def test_a_pause_whose_word_is_not_in_the_text_is_left_to_the_feedback_list():
    turn = spoken_turn(TIMED)
    turn.answer.words[5] = Word(text="offline.", start=1.6, end=2.0)  # the words no longer match the text
    assert sum(p.kind == "pause" for p in transcript_pieces(turn)) == 1
    assert "".join(p.text for p in transcript_pieces(turn)) == turn.feedback.transcript  # nothing lost
