"""`mockint review --format md|html|text`, on sessions made through the real CLI, LLM, Whisper and analyzer."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from markdown_it import MarkdownIt

from mockint.domain import KIND_NAMES, STAR_PARTS, Answer, Question, QuestionKind, Session, Transcript, Turn
from mockint.feedback import analyze
from mockint.review.facts import LENGTH_WORDS
from mockint.review.markdown import md_escape
from mockint.store import Store
from tests.review.conftest import PAUSE_SECONDS, WEAK, invoke

HOSTILE = ("Um, I said <script>alert(1)</script> and *shipped* it | fast # done [link](javascript:x) "
           "`code` & <b>bold</b>. I led the team and as a result we saved 20% of the cost.")


def review(ref: str, *args: str) -> str:
    result = invoke(["review", ref, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_markdown_review_of_a_practice_session(two_sessions):
    data = json.loads(review("1", "--format", "json"))
    md = review("1", "--format", "md")
    assert md.startswith("# Session 1: Software Engineer (typed, ")
    tokens = MarkdownIt("commonmark").parse(md)
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    assert sum(t.type == "blockquote_open" for t in tokens) == 2  # one quoted answer per question
    for number, (turn, typed) in enumerate(zip(data["turns"], WEAK), 1):
        q, fb = turn["question"], turn["feedback"]
        assert f"## Question {number}\n\n**{md_escape(q['text'])}**" in md
        assert f"*Kind:* {KIND_NAMES[QuestionKind(q['kind'])]}" in md
        assert f"*Competency:* {md_escape(q['competency'])}" in md and md_escape(q["reason"]) in md
        # The answer is quoted with every filler the analyzer found in bold, and nothing else changed.
        quotes = [line[2:] for line in md.splitlines() if line.startswith("> ")]
        quote = next(q for q in quotes if typed[:8] in q.replace("**", ""))
        assert quote.replace("**", "") == md_escape(typed)
        assert re.findall(r"\*\*(.+?)\*\*", quote) == [h["text"] for h in fb["fillers"]["hits"]]
        f = fb["fillers"]
        counts = ", ".join(f"{k} ×{v}" for k, v in sorted(f["counts"].items(), key=lambda kv: (-kv[1], kv[0])))
        assert f"| Fillers | {f['total']} ({f['per_100_words']:.1f} per 100 words): {counts} |" in md
        verdict = LENGTH_WORDS[fb["length"]["verdict"]]
        assert f"| Length | {verdict}: {fb['word_count']} words (target " in md
        for tip in fb["tips"]:
            assert md_escape(tip) in md
    # Weak answers were hesitant: the first session's fillers show in the summary.
    assert "- **Fillers:** " in md and "- **Answered:** 2 of 2" in md


def test_markdown_star_parts_quote_their_evidence(two_sessions):
    data = json.loads(review("2", "--format", "json"))
    md = review("2", "--format", "md")
    stories = [t for t in data["turns"] if t["feedback"]["star"]["applicable"]]
    assert stories, "session 2 has a story question (seed 2 asks a behavioral one)"
    for turn in stories:
        star = turn["feedback"]["star"]
        for part in STAR_PARTS:
            evidence = star[part]["evidence"]
            line = next(line for line in md.splitlines() if line.startswith(("- ✓ **", "- ✗ **"))
                        and f"**{part.capitalize()}**" in line and (not evidence or md_escape(evidence[0]) in line))
            assert line.startswith("- ✓" if star[part]["present"] else "- ✗")


def save_typed(text: str, kind=QuestionKind.behavioral) -> Session:
    """A typed session saved through the Store, with the real analyzer's feedback."""
    store = Store()
    session = store.start_session(Session(role="Software <Engineer>", role_key="software_engineer"))
    question = Question(text="Tell me about a time you *led* a <team>?", kind=kind, competency="leadership")
    turn = Turn(index=0, question=question, answer=Answer(text=text),
                feedback=analyze(Transcript(text=text), question=question.text, kind=kind))
    store.save_turn(session.id, turn)
    return session


def test_user_text_cannot_inject_markup():
    save_typed(HOSTILE)
    md = review("last", "--format", "md")
    rendered = MarkdownIt("commonmark").render(md)
    for raw in ("<script>", "<b>bold</b>", "<em>shipped</em>", "<em>led</em>", "<a href", "<code>code</code>",
                "<team>"):
        assert raw not in rendered, raw
    assert "&lt;script&gt;" in rendered and "*shipped*" in rendered  # shown as typed, not interpreted
    page = review("last", "--format", "html")
    for raw in ("<script>", "<b>bold</b>", "<team>", "<Engineer>"):
        assert raw not in page, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "Software &lt;Engineer&gt;" in page


def test_html_review_is_self_contained_with_charts_marks_pauses_and_audio(voice_session):
    page = review("last", "--format", "html")
    turn = voice_session.turns[0]
    fb = turn.feedback
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert not re.search(r"https?://", page), "the page must not reference anything outside itself"
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert page.count("<svg") == 4  # pace, fillers, STAR coverage, length
    assert f">{fb.words_per_minute:.0f}</text>" in page  # the pace bar is labelled with this answer's pace
    # Real Whisper kept the spoken fillers, and each is highlighted where it was said.
    assert fb.fillers.total >= 2
    assert re.findall(r"<mark class=\"filler\"[^>]*>(.*?)</mark>", page) == [h.text for h in fb.fillers.hits]
    # The three seconds of silence is a long pause, marked after the word before it.
    (pause,) = fb.pauses
    assert abs(pause.seconds - PAUSE_SECONDS) < 0.8 and pause.after_word == "weekend"
    assert re.search(rf'weekend\.?<span class="pause"[^>]*>{pause.seconds:.1f} s</span>', page)
    # The recording is embedded, byte for byte.
    match = re.search(r'<audio controls[^>]*src="data:audio/flac;base64,([A-Za-z0-9+/=]+)"', page)
    assert match and base64.b64decode(match.group(1)) == Path(turn.answer.audio).read_bytes()


def test_html_review_says_when_the_recording_is_gone(voice_session):
    Path(voice_session.turns[0].answer.audio).unlink()
    page = review("last", "--format", "html")
    assert "<audio" not in page
    assert "is no longer on disk, so it cannot be played here" in page


def test_html_of_a_typed_session_explains_the_missing_pace(two_sessions):
    page = review("2", "--format", "html")
    assert page.count("<svg") == 4 and "Typed answers: pace applies to spoken ones." in page
    assert "<audio" not in page and not re.search(r"https?://", page)


def test_review_output_takes_the_format_from_the_file_name(two_sessions, tmp_path):
    result = invoke(["review", "2", "--output", str(tmp_path / "review.md")])
    assert result.exit_code == 0 and f"Wrote the md review of session 2 to {tmp_path / 'review.md'}" in result.output
    assert (tmp_path / "review.md").read_text().startswith("# Session 2: Software Engineer")
    invoke(["review", "2", "--format", "html", "-o", str(tmp_path / "page.out")])
    assert (tmp_path / "page.out").read_text().startswith("<!DOCTYPE html>")
    invoke(["review", "2", "-o", str(tmp_path / "review.txt")])
    text = (tmp_path / "review.txt").read_text()
    assert "Question 2" in text and "\x1b[" not in text and "mockint practice --retry 2:N" in text


def test_review_output_to_an_unwritable_place_is_one_line(two_sessions, tmp_path):
    result = invoke(["review", "2", "-o", str(tmp_path / "missing" / "review.html")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "Cannot write" in result.output
    result = invoke(["review", "2", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output


def test_every_format_says_whether_the_question_was_answered_and_which_talking_points_were_covered():
    from mockint.domain import Answer, Question, QuestionKind, Session, Transcript, Turn
    from mockint.feedback import analyze
    from mockint.review import review_html, review_markdown

    question = Question(text="How would you choose the alert threshold for a fraud model, and how would you explain "
                             "the trade-off to the fraud operations team?", kind=QuestionKind.technical,
                        talking_points=["the cost of a missed fraud against a false alarm",
                                        "alerts per day at each threshold"])
    answer = ("I would compare the cost of a missed fraud against the cost of a false alarm, and pick the threshold "
              "where the expected cost is lowest. Then I would check the model every month.")
    feedback = analyze(Transcript(text=answer), question=question.text, kind=question.kind,
                       talking_points=question.talking_points)
    session = Session(id=2, role="Data Scientist", role_key="data_scientist",
                      turns=[Turn(index=0, question=question, answer=Answer(text=answer), feedback=feedback)])
    covered = [p.covered for p in feedback.talking_points]
    assert covered == [True, False]  # the analyzer's own reading, which every format must show
    html, markdown = review_html(session), review_markdown(session)
    assert "<h3>Talking points: 1 of 2</h3>" in html and "**Talking points: 1 of 2**" in markdown
    assert '<li class="no"><b>alerts per day at each threshold</b>: not found in your words</li>' in html
    assert "- ✗ **alerts per day at each threshold**: not found in your words" in markdown
    said = "no drift from it noticed" if feedback.on_question.addressed else "not answered"
    assert f"<tr><th>Question</th><td>{said}" in html and f"| Question | {said}" in markdown
