#!/usr/bin/env python3
"""Benchmark what a candidate waits for in a spoken session, on this machine, in one run.

- feedback latency, streaming: a recorded answer (>= 60 s) is fed at real-time pace
  through the recording path (end-of-answer detection -> streaming transcription);
  timed from the moment the endpointer ends the answer to feedback ready.
- feedback latency, batch: the same answer transcribed whole after it ends, then analyzed.
- end of turn (scripts/thinking_pauses.py): spoken answers with a 2.5-4 s thinking pause
  planted mid-sentence, fed at real-time pace through the recorder with the end-of-turn
  rules: how many were cut at that pause, and the median wait from the last word of
  the others to feedback ready.
- first question: a cold `mockint practice` process, from its start to the first
  question on its screen.
- LLM tokens per second: the planner's own generation (free decoding of one line after
  an opener, checked afterwards) against unconstrained free decoding of the same prompt,
  and, for reference, llama.cpp's JSON-schema grammar decoding of the same request.
- peak memory (RSS) of this process, which holds both models, as a session does.

Usage: python scripts/bench.py [--json] [--audio FILE] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for mockint, and scripts.thinking_pauses

from mockint.config import Settings, find_llm_model  # noqa: E402
from mockint.domain import QuestionKind, Transcript  # noqa: E402
from mockint.feedback import analyze  # noqa: E402
from mockint.feedback.meaning import read_ahead  # noqa: E402
from mockint.llm import load_model  # noqa: E402
from mockint.llm.base import Completion, LanguageModel  # noqa: E402
from mockint.questions.planner import QuestionPlanner, Slot  # noqa: E402
from mockint.roles import resolve_role  # noqa: E402
from mockint.speech.audio import Recorder, blocks_of  # noqa: E402
from mockint.speech.audiofile import read_audio  # noqa: E402
from mockint.speech.stt import StreamingTranscriber, Transcriber  # noqa: E402
from mockint.speech.vad import SAMPLE_RATE  # noqa: E402
from mockint.speech.wer import word_error_rate  # noqa: E402
from scripts.thinking_pauses import SETS, thinking_pause_results  # noqa: E402

SHARED_AUDIO = REPO.parent / "shared" / "audio"
QUESTION = "Tell me about a time you had to learn something quickly: what did you do, and what was the result?"
# As a bank question has: the feedback reads their meaning too (feedback/meaning.py).
POINTS = ["why it had to be learned quickly", "how you went about learning it", "what the result was"]
ANSWER_TARGET_S = 90.0
END_SILENCE_S = Settings().end_silence_seconds  # this much silence after the last word ends the answer


def long_answer(path: Path | None) -> np.ndarray:
    """A >= 60 s answer: the given file, else the LJ Speech clips joined with short pauses."""
    if path:
        audio = read_audio(path, SAMPLE_RATE)
    else:
        clips = sorted((SHARED_AUDIO / "ljspeech").glob("*.wav"))
        if not clips:
            sys.exit("bench: no answer audio: pass --audio FILE (60 s or more of speech)")
        gap = np.zeros(int(0.6 * SAMPLE_RATE), np.float32)
        pieces, seconds = [], 0.0
        for clip in clips:  # about 90 s: a long answer, well under the 240 s answer limit
            pieces += [read_audio(clip, SAMPLE_RATE), gap]
            seconds += (pieces[-2].size + gap.size) / SAMPLE_RATE
            if seconds >= ANSWER_TARGET_S:
                break
        audio = np.concatenate(pieces)
    silence = np.zeros(int((END_SILENCE_S + 1.0) * SAMPLE_RATE), np.float32)  # lets the endpointer fire
    return (np.clip(np.concatenate([audio, silence]), -1, 1) * 32767).astype(np.int16)


def feedback_streaming(audio: np.ndarray, transcriber: Transcriber) -> tuple[float, float, Transcript]:
    """Feed at real-time pace through the Recorder's collect path; time end of answer -> feedback.

    The end-of-turn rules are left out here (a fixed end silence): this measures how far
    streaming transcription keeps up over a long answer read aloud, whose pauses between
    read sentences the rules would take for its end.
    """
    stream = StreamingTranscriber(transcriber, on_text=partial(read_ahead, QUESTION, POINTS))  # as the voice channel does
    recorder = Recorder(None, end_silence_seconds=END_SILENCE_S)
    recording = recorder.collect(blocks_of(audio, round(0.1 * SAMPLE_RATE), paced=True), on_chunk=stream.feed)
    ended = time.perf_counter()  # the endpointer has just ended the answer
    transcript = stream.finish()
    analyze(transcript, question=QUESTION, kind=QuestionKind.behavioral, talking_points=POINTS)
    return time.perf_counter() - ended, recording.duration_seconds, transcript


def feedback_batch(audio: np.ndarray, transcriber: Transcriber) -> tuple[float, Transcript]:
    """The same answer transcribed whole after it ended, then analyzed."""
    started = time.perf_counter()
    transcript = transcriber.transcribe(audio)
    analyze(transcript, question=QUESTION, kind=QuestionKind.behavioral, talking_points=POINTS)
    return time.perf_counter() - started, transcript


def question_first_seconds() -> float:
    """A cold `mockint practice` process: seconds from its start to its first question on screen."""
    env = dict(os.environ, MOCKINT_HOME=str(Path("/tmp") / f"mockint-bench-{os.getpid()}"))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mockint", "practice", "--text", "--role", "software engineer", "--count", "3"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=REPO,
    )
    for line in proc.stdout:
        if "Question 1 of" in line:
            seconds = time.perf_counter() - started
            break
    else:
        raise RuntimeError("the practice session never showed a question")
    proc.stdin.close()  # end of input ends the session
    proc.wait(timeout=120)
    return seconds


class Recording(LanguageModel):
    """Wraps a model and keeps every completion's prompt, tokens and seconds."""

    def __init__(self, inner: LanguageModel):
        self.inner, self.name, self.calls = inner, inner.name, []

    def complete(self, prompt, **kw) -> Completion:
        result = self.inner.complete(prompt, **kw)
        self.calls.append((prompt, result.tokens, result.seconds))
        return result


def llm_rates(model_path: Path, rounds: int) -> dict:
    """Tokens per second of the planner's generation against free decoding of the same prompts.

    After each question the planner writes, every completion it made is repeated as free
    decoding (no stop strings, no checks) of the same prompt for the same number of
    tokens, so both see the same prompt cache and the same per-call cost.
    """
    llm = load_model(model_path)
    llm.warm_up()
    recording = Recording(llm)
    planner = QuestionPlanner(resolve_role("software engineer"), None, recording, rng=random.Random(0))
    kinds = [QuestionKind.technical, QuestionKind.behavioral, QuestionKind.situational, QuestionKind.culture]
    slots = [Slot(kind, comp) for kind, comp in zip(kinds * rounds, planner.role.competencies * rounds)]
    llm.complete(planner._prompt(slots[0])[0], max_tokens=1)  # the shared prompt prefix, evaluated untimed
    structured = [0, 0.0]
    raw = [0, 0.0]
    for slot in slots:
        recording.calls.clear()
        planner.write(slot)
        for prompt, tokens, seconds in list(recording.calls):
            structured[0] += tokens
            structured[1] += seconds
            if tokens:
                free = llm.complete(prompt, max_tokens=tokens, temperature=0.7, stop=())
                raw[0] += free.tokens
                raw[1] += free.seconds
    prompts = [planner._prompt(slot)[0] for slot in slots[:4]]
    return {
        "llm_tokens_per_s_structured": round(structured[0] / structured[1], 1),
        "llm_tokens_per_s_raw": round(raw[0] / raw[1], 1),
        "llm_tokens_per_s_json_schema": round(json_schema_rate(llm, prompts, 24), 1),
        "llm_questions_written": planner.stats.from_llm,
        "llm_questions_checked": len(slots),
    }


def json_schema_rate(llm, prompts: list[str], budget: int) -> float:
    """For reference: the same requests with a JSON-schema grammar (what the planner avoids)."""
    from llama_cpp import LlamaGrammar

    schema = {"type": "object", "properties": {"question": {"type": "string"}, "kind": {"type": "string"},
              "competency": {"type": "string"}}, "required": ["question", "kind", "competency"]}
    grammar = LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
    llama = llm._load()
    tokens, seconds = 0, 0.0
    for prompt in prompts:
        started = time.perf_counter()
        out = llama.create_completion(prompt + "\nJSON:", max_tokens=budget, temperature=0.7, grammar=grammar)
        seconds += time.perf_counter() - started
        tokens += out["usage"]["completion_tokens"]
    return tokens / seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--audio", type=Path, help="answer audio (default: LJ Speech clips joined, from ../shared)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of four questions for the LLM rates")
    parser.add_argument("--answers", action="store_true", help="also each planted-pause answer's row")
    parser.add_argument("--turns-only", action="store_true", help="only the end-of-turn measures")
    parser.add_argument("--set", choices=SETS, default="bench", dest="answer_set",
                        help="with --turns-only: the benchmark's answers, the development set (for setting the rules) "
                        "or the fresh held-out set")
    parser.add_argument("--unpaced", action="store_true",
                        help="with --turns-only: feed the answers as fast as they are transcribed (verdicts only)")
    args = parser.parse_args()

    transcriber = Transcriber()
    transcriber.load()
    if args.turns_only:
        return show(end_of_turn(transcriber, args.answers, args.answer_set, not args.unpaced), args.json)
    results: dict = {"question_first_s": round(question_first_seconds(), 2)}
    audio = long_answer(args.audio)
    streaming_s, answer_s, streamed = feedback_streaming(audio, transcriber)
    batch_s, batched = feedback_batch(audio[: int(answer_s * SAMPLE_RATE)], transcriber)
    results.update({
        "answer_seconds": round(answer_s, 1),
        "feedback_latency_streaming_s": round(streaming_s, 2),
        "feedback_latency_batch_s": round(batch_s, 2),
        "streaming_vs_batch_word_difference": round(word_error_rate(batched.text, streamed.text), 3),
    })
    results.update(end_of_turn(transcriber, args.answers))
    results.update(llm_rates(find_llm_model(), args.rounds))
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    results["streaming_share_of_batch"] = round(results["feedback_latency_streaming_s"] / results["feedback_latency_batch_s"], 3)
    results["streaming_share_of_answer"] = round(results["feedback_latency_streaming_s"] / results["answer_seconds"], 4)
    results["structured_share_of_raw"] = round(results["llm_tokens_per_s_structured"] / results["llm_tokens_per_s_raw"], 3)
    return show(results, args.json)


def end_of_turn(transcriber: Transcriber, with_rows: bool, which: str = "bench", paced: bool = True) -> dict:
    """The planted thinking pauses (scripts/thinking_pauses.py): cut or not, and the wait after the last word."""
    results = thinking_pause_results(SHARED_AUDIO, transcriber, END_SILENCE_S, which, paced)
    rows = results.pop("answers")
    return {**results, "answers": rows} if with_rows else results


def show(results: dict, as_json: bool) -> int:
    """Print the results as JSON or as aligned lines."""
    if as_json:
        print(json.dumps(results, indent=2))
    else:
        width = max(map(len, results))
        for key, value in results.items():
            print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
