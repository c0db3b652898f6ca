"""`mockint analyze FILE`: the same feedback as in a session, for a written or recorded answer."""

from __future__ import annotations

import json
from pathlib import Path

import click

from mockint.cli.common import console, engines, read_text_file, settings
from mockint.domain import QuestionKind, Transcript
from mockint.errors import UserError
from mockint.feedback import analyze as analyze_answer
from mockint.feedback import render_feedback
from mockint.speech.audiofile import SUPPORTED_NAMES, SUPPORTED_SUFFIXES, read_audio

TEXT_SUFFIXES = {".txt", ".md"}


def read_answer(path: Path) -> Transcript:
    """The answer in a file: text as typed, audio through the local transcriber (with word timings)."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise UserError(f"No file at {path}: check the path.")
    if path.is_dir():
        raise UserError(f"{path} is a folder; pass a text file (.txt, .md) or a recording ({SUPPORTED_NAMES}).")
    if suffix not in TEXT_SUFFIXES | SUPPORTED_SUFFIXES:
        raise UserError(f"Cannot analyze {path.name}: use a text file (.txt, .md) or a recording "
                        f"({SUPPORTED_NAMES}).")
    if path.stat().st_size == 0:
        raise UserError(f"The file {path} is empty: write or record the answer first.")
    if suffix in SUPPORTED_SUFFIXES:
        return engines().speech_to_text(settings()).transcribe(read_audio(path))
    return Transcript(text=read_text_file(path, "answer").strip())


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--question", "-q", help="The question the answer replies to (sets the targets and STAR).")
@click.option("--kind", type=click.Choice([k.value for k in QuestionKind]),
              help="The kind of question, if the wording alone does not say.")
@click.option("--json", "as_json", is_flag=True, help="Print the feedback as one JSON object.")
def analyze(file: Path, question: str | None, kind: str | None, as_json: bool) -> None:
    """Feedback on an answer in FILE: text (.txt, .md) or a recording (.wav, .flac, .mp3, .ogg, .opus)."""
    transcript = read_answer(file)
    feedback = analyze_answer(transcript, question=question, kind=QuestionKind(kind) if kind else None)
    if as_json:
        click.echo(json.dumps(feedback.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    console().print(render_feedback(feedback))
