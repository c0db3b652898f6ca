"""What the candidate sees: the panel and the one-line headline."""

import io
import re

from rich.console import Console

from mockint.domain import Transcript, Word
from mockint.feedback import analyze
from mockint.review import feedback_headline, render_feedback

QUESTION = "Tell me about a time you improved a process."
STRONG = ("Last year our invoice approvals took nine days on average, and suppliers were chasing us every week. "
          "My goal was to get them under three days. I mapped every step with the finance team, removed two "
          "duplicate sign-offs, and set up automatic reminders for anyone holding an invoice for more than a day. "
          "Approvals now take two days, and late-payment fees fell by 60 percent.")
WEAK = "Um, I, uh, made it, like, better, you know."


def plain(fb) -> str:
    console = Console(file=io.StringIO(), width=110, color_system=None)
    console.print(render_feedback(fb))
    return console.file.getvalue()


def test_a_strong_answer_shows_each_star_part_with_its_quote_and_praise():
    out = plain(analyze(Transcript(text=STRONG), question=QUESTION))
    for quote in ("Last year our invoice approvals took nine days", "My goal was to get them under three days",
                  "I mapped every step with the finance team", "Approvals now take two days"):
        assert quote in out
    assert "quantified" in out and "1. Strong answer" in out
    assert "Fillers    none" in out


def test_a_weak_answer_names_what_is_missing_and_counts_the_fillers():
    fb = analyze(Transcript(text=WEAK), question=QUESTION)
    out = plain(fb)
    assert "um ×1, uh ×1, like ×1, you know ×1" in out
    assert "not found" in out
    assert "1. Your answer was 9 words; aim for 50–300 words" in out
    # The length verdict in the same words as the Markdown and HTML reviews.
    assert re.search(r"Length +9 words · too short \(target 50–300 words\)", out)
    assert "2. The question asks about one specific time, and your answer doesn't tell one yet." in out
    # "I made it better" is no specific step: the learned reading finds no STAR part (the rules took it as the action).
    assert feedback_headline(fb) == "too short · 4 fillers · STAR 0/4"


def test_spoken_feedback_shows_pace_and_where_the_pause_was():
    words = [Word(text=t, start=s, end=e) for t, s, e in [
        (" Last", 0.0, 0.3), (" year", 0.3, 0.6), (" I", 0.6, 0.7), (" rewrote", 0.7, 1.1), (" the", 1.1, 1.2),
        (" code.", 1.2, 1.5), (" Now", 4.8, 5.0), (" it", 5.0, 5.1), (" loads", 5.1, 5.4), (" fast.", 5.4, 5.8)]]
    fb = analyze(Transcript(text="Last year I rewrote the code. Now it loads fast.", words=words,
                            duration_seconds=5.8), question=QUESTION)
    out = plain(fb)
    assert "103 words a minute" in out
    assert "1 long pause: 3.3 s after “code”" in out


def test_the_candidates_words_are_printed_as_typed_never_as_markup():
    text = "Last year I fixed the [bold red]build[/] script and it now takes [link=x]two minutes[/link]."
    out = plain(analyze(Transcript(text=text), question=QUESTION))
    assert "[bold red]build[/]" in out


def test_nothing_said_shows_only_the_kind_tip():
    fb = analyze(Transcript(text="  "), question=QUESTION)
    out = plain(fb)
    assert "Nothing was recorded for this answer" in out and "STAR" not in out
    assert feedback_headline(fb) == "nothing said"


def test_the_panel_says_whether_the_question_was_answered_and_which_points_were_covered():
    fb = analyze(Transcript(text="I'd grab the visitor book and take the sign-in list out with me. Then I'd guide "
                                 "the visitors down the stairs."),
                 question="The fire alarm goes off while you're on reception: what do you do?",
                 talking_points=["the sign-in list taken out", "missing people reported to the fire marshal"])
    out = " ".join(plain(fb).replace("\u2502", " ").split())  # the panel wraps long rows
    assert "Question no drift from it noticed" in out  # not "answered": the check's silence is no verdict
    assert "the sign-in list taken out" in out and "take the sign-in list out with me" in out
    assert "missing people reported to the fire marshal" in out and "not found in your words" in out
    missed = " ".join(plain(analyze(Transcript(text="Our hotel has 120 rooms near the cathedral and very good "
                                                   "reviews."), question="Why do you want to work nights?")).split())
    assert "not answered" in missed and "want to work nights" in missed


def star_rows(out: str) -> dict[str, str]:
    """The STAR table's rows, part name to the quote shown (wrapped lines joined)."""
    rows, name = {}, None
    for line in out.replace("\u2502", " ").splitlines():  # the panel's side borders
        found = re.search(r"(Situation|Task|Action|Result)\s+[✓✗]\s+(.*)", line)
        if found:
            name, rows[found[1]] = found[1], found[2]
        elif name and re.match(r"^\s{20,}\S", line) and not re.search(r"\b(Ownership|Result)\b\s", line[:20]):
            rows[name] += " " + line.strip()
        else:
            name = None
    return {k: " ".join(v.split()) for k, v in rows.items()}


def test_a_sentence_that_sets_the_scene_and_the_task_is_quoted_in_its_two_halves():
    answer = ("At the garage where I work I was asked to cut the time cars waited for an MOT. I booked every test "
              "into a fixed slot and I put the parts orders in the day before. Cars now wait forty minutes instead "
              "of two hours.")
    rows = star_rows(plain(analyze(Transcript(text=answer), question=QUESTION)))
    assert rows["Situation"] == "“At the garage where I work”"
    assert rows["Task"] == "“I was asked to cut the time cars waited for an MOT”"


def test_the_result_shown_is_how_the_story_ended_not_a_step_on_the_way():
    # One spoken run-on: "I called head office and got them to refund it" is a step that the learned reading
    # also half takes as an outcome, and it comes first; the result row shows how it ended.
    answer = ("so um at my last job at the gym we had a member who was really angry because his direct debit had been "
              "taken twice and it was my job to sort it out so I looked up his account and I saw the payment had gone "
              "through on two cards and I called head office and got them to refund it and he got his money back the "
              "next day and he actually renewed for another year")
    rows = star_rows(plain(analyze(Transcript(text=answer), question="Tell me about a time you dealt with an angry customer.")))
    assert rows["Result"] in ("“and he got his money back the next day”", "“and he actually renewed for another year”")
    assert len(set(rows.values())) == 4
