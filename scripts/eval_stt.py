#!/usr/bin/env python3
"""Measure the transcriber: word error rate, real-time factor, fillers kept, streaming vs batch.

1. Real speech (every clip in the manifest of --audio-dir, default ../shared/audio):
   WER against the reference transcripts (case and punctuation ignored), real-time factor,
   and fillers the prompt made up (there are none in these recordings).
2. Fillers: synthetic espeak-ng answers containing "um" and "uh", in several voices and
   rates; recall and precision of the fillers with no prompt, one pass after the prompt
   in DESIGN.md or after ours (FILLER_PROMPT), and mockint's plain + FILLER_PROMPT passes
   merged; and over one answer longer than a 30 s Whisper window.
3. Streaming vs batch: the LJ Speech clips joined into one long answer, transcribed by
   StreamingTranscriber and in one go; WER of both and how many pieces streaming made.
   With --paced the audio is fed at real-time speed and the wait after its end is timed,
   both when it stops abruptly and through the Recorder, after its end-of-answer silence.

Usage: python scripts/eval_stt.py [--audio-dir DIR] [--model DIR] [--paced] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from mockint.speech.audio import Recorder, blocks_of  # noqa: E402
from mockint.speech.audiofile import read_audio  # noqa: E402
from mockint.speech.stt import FILLER_PROMPT, StreamingTranscriber, Transcriber  # noqa: E402
from mockint.speech.wer import align  # noqa: E402

DESIGN_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
# How each way of transcribing is set up: bare tiny.en (30 s windows, as faster-whisper
# encodes them), one prompted pass (the prompt in DESIGN.md, or FILLER_PROMPT), and mockint's:
# a plain pass and a FILLER_PROMPT pass merged, with short pieces encoded as 20 s windows
# (decoding.py), and the same with every window whole.
WAYS = {
    "none": {"prompt": None, "short_windows": False},
    "design_md": {"prompt": DESIGN_PROMPT, "plain_pass": False},
    "prompt_only": {"prompt": FILLER_PROMPT, "plain_pass": False},
    "mockint": {},
    "mockint_30s_windows": {"short_windows": False},
}
RATE = 16000

# Spoken forms of the two fillers, as an analyzer would normalise them.
FILLER_FORMS = {"um": {"um", "umm", "ummm", "uhm", "hmm", "mm", "mhm"}, "uh": {"uh", "uhh", "uhhh", "er", "erm", "ah"}}
FILLER_OF = {form: filler for filler, forms in FILLER_FORMS.items() for form in forms}

# Interview answers with fillers where people put them; each is spoken in every VOICES entry.
ANSWERS = [
    "So, um, I led the migration of our billing service. Uh, the old system could not scale, "
    "and, um, we had outages every week.",
    "Uh, the hardest part was, um, getting the other teams to agree on a date.",
    "I think, um, the main lesson was to measure first. Uh, we cut the latency by half.",
    "Well, uh, my manager wanted a rewrite, and I, um, suggested a smaller change instead.",
    "Um, in my last role I ran the on call rotation, and, uh, I wrote most of the runbooks.",
    "We, uh, shipped it in March. Um, customers noticed the speed right away.",
]
VOICES = [("en-us", 150), ("en-us", 180), ("en", 165), ("en-us+f3", 160)]


def normalise(text: str) -> list[str]:
    """Lower-case words without punctuation, for WER."""
    text = text.lower().replace("-", " ")
    return re.sub(r"[^a-z0-9' ]+", " ", text).split()


def wer(ref_text: str, hyp_text: str) -> tuple[int, int]:
    """(errors, reference words)."""
    ref = normalise(ref_text)
    return align(ref, normalise(hyp_text))[0], len(ref)


def filler_counts(ref_text: str, hyp_text: str) -> tuple[int, int, int]:
    """(reference fillers, fillers found at the right place as the right filler, fillers in the hypothesis)."""
    ref = [FILLER_OF.get(w, w) for w in normalise(ref_text)]
    hyp = [FILLER_OF.get(w, w) for w in normalise(hyp_text)]
    _, pairs = align(ref, hyp)
    hits = sum(1 for r, h in pairs if r in FILLER_FORMS and r == h)
    return sum(w in FILLER_FORMS for w in ref), hits, sum(w in FILLER_FORMS for w in hyp)


def espeak(text: str, voice: str, rate: int) -> np.ndarray:
    """A synthetic answer from espeak-ng, as float32 16 kHz."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answer.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text], check=True)
        return read_audio(path, RATE)


def timed(transcriber: Transcriber, audio: np.ndarray):
    """(transcript, seconds it took)."""
    start = time.perf_counter()
    transcript = transcriber.transcribe(audio)
    return transcript, time.perf_counter() - start


def real_speech(audio_dir: Path, model: Path | None) -> dict:
    """WER, real-time factor and invented fillers on the recordings in the manifest, per prompt."""
    manifest = json.loads((audio_dir / "manifest.json").read_text())
    clips = [(item, read_audio(audio_dir / item["file"], RATE)) for item in manifest]
    seconds = sum(a.size for _, a in clips) / RATE
    results = {"clips": len(clips), "audio_seconds": round(seconds, 1)}
    for name, way in WAYS.items():
        transcriber = Transcriber(model, **way)
        transcriber.load()
        errors = words = invented = 0
        elapsed = 0.0
        worst = []
        for item, audio in clips:
            transcript, took = timed(transcriber, audio)
            elapsed += took
            e, n = wer(item["transcript"], transcript.text)
            errors, words = errors + e, words + n
            invented += filler_counts(item["transcript"], transcript.text)[2]
            worst.append((e / max(n, 1), item["file"], transcript.text))
        results[name] = {
            "wer": round(errors / words, 4),
            "real_time_factor": round(elapsed / seconds, 4),
            "fillers_invented": invented,
            "worst_clip": max(worst)[1:],
        }
    return results


def fillers(model: Path | None) -> dict:
    """Filler recall and precision on synthetic answers, per prompt."""
    samples = [(text, espeak(text, voice, rate)) for text in ANSWERS for voice, rate in VOICES]
    results = {"answers": len(samples), "voices": [f"{v}@{r}" for v, r in VOICES]}
    for name, way in WAYS.items():
        transcriber = Transcriber(model, **way)
        total = hits = found = errors = words = 0
        for text, audio in samples:
            hyp = transcriber.transcribe(audio).text
            t, h, f = filler_counts(text, hyp)
            total, hits, found = total + t, hits + h, found + f
            e, n = wer(text, hyp)
            errors, words = errors + e, words + n
        results[name] = {
            "fillers": total,
            "recall": round(hits / total, 3),
            "precision": round(hits / found, 3) if found else None,
            "wer_with_fillers": round(errors / words, 4),
        }
    return results


def long_answer_fillers(model: Path | None) -> dict:
    """Filler recall over one answer longer than a Whisper window (the prompt must hold after 30 s)."""
    gap = np.zeros(int(0.7 * RATE), np.float32)
    text = " ".join(ANSWERS * 2)
    audio = np.concatenate([part for t in ANSWERS * 2 for part in (espeak(t, "en-us", 160), gap)])
    results = {"answer_seconds": round(audio.size / RATE, 1)}
    for name in ("none", "mockint"):
        transcriber = Transcriber(model, **WAYS[name])
        stream = StreamingTranscriber(transcriber)
        stream.feed(audio)
        for way, hyp in (("batch", transcriber.transcribe(audio).text), ("streaming", stream.finish().text)):
            total, hits, _ = filler_counts(text, hyp)
            results[f"{name}_{way}_recall"] = round(hits / total, 3)
    return results


def streaming_vs_batch(audio_dir: Path, model: Path | None, paced: bool) -> dict:
    """LJ Speech clips joined into one answer: streaming and batch WER, pieces, wait after the end."""
    manifest = [m for m in json.loads((audio_dir / "manifest.json").read_text()) if m["file"].startswith("ljspeech/")]
    audio = np.concatenate([read_audio(audio_dir / m["file"], RATE) for m in manifest])
    reference = " ".join(m["transcript"] for m in manifest)
    transcriber = Transcriber(model)
    transcriber.load()
    batch, batch_seconds = timed(transcriber, audio)

    stream = StreamingTranscriber(transcriber)
    for block in blocks_of(audio, RATE // 10, paced):
        stream.feed(block)
    ended = time.perf_counter()
    streamed = stream.finish()
    wait = time.perf_counter() - ended
    b_err, n = wer(reference, batch.text)
    s_err, _ = wer(reference, streamed.text)
    between, _ = wer(batch.text, streamed.text)
    return {
        "answer_seconds": round(audio.size / RATE, 1),
        "batch_wer": round(b_err / n, 4),
        "streaming_wer": round(s_err / n, 4),
        "streaming_vs_batch_word_difference": round(between / max(1, len(normalise(batch.text))), 4),
        "pieces": len(stream.pieces),
        "batch_seconds": round(batch_seconds, 2),
        "wait_after_end_seconds": round(wait, 2) if paced else None,
    }


def recording_path_wait(audio_dir: Path, model: Path | None, end_silence: float = 2.0) -> dict:
    """The first ~80 s of LJ Speech spoken into the Recorder at real-time pace, then silence:
    how long after the end-of-answer decision the streamed transcript is ready."""
    manifest = [m for m in json.loads((audio_dir / "manifest.json").read_text()) if m["file"].startswith("ljspeech/")]
    speech = np.concatenate([read_audio(audio_dir / m["file"], RATE) for m in manifest[:12]])
    silence = np.zeros(RATE, np.float32)
    mic = (np.concatenate([silence, speech, silence, silence, silence, silence]) * 32767).astype(np.int16)
    transcriber = Transcriber(model)
    transcriber.load()
    stream = StreamingTranscriber(transcriber)
    Recorder(None, end_silence_seconds=end_silence).collect(blocks_of(mic, RATE // 10, paced=True), stream.feed)
    started = time.perf_counter()
    stream.finish()
    return {"answer_seconds": round(speech.size / RATE, 1), "end_silence_seconds": end_silence,
            "wait_after_end_of_answer_seconds": round(time.perf_counter() - started, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audio-dir", type=Path, default=REPO_ROOT.parent / "shared" / "audio")
    parser.add_argument("--model", type=Path, default=None, help="CTranslate2 Whisper folder (default: embedded)")
    parser.add_argument("--paced", action="store_true", help="feed the streaming test at real-time speed")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not (args.audio_dir / "manifest.json").is_file():
        parser.error(f"no manifest.json in {args.audio_dir}")
    report = {
        "real_speech": real_speech(args.audio_dir, args.model),
        "fillers": fillers(args.model),
        "long_answer_fillers": long_answer_fillers(args.model),
        "streaming": streaming_vs_batch(args.audio_dir, args.model, args.paced),
        "recording_path": recording_path_wait(args.audio_dir, args.model) if args.paced else None,
    }
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    real, fill, stream = report["real_speech"], report["fillers"], report["streaming"]
    print(f"Real speech: {real['clips']} clips, {real['audio_seconds']} s")
    for name in WAYS:
        r = real[name]
        print(
            f"  {name:11} WER {r['wer']:.1%}  real-time factor {r['real_time_factor']:.3f}"
            f"  fillers invented {r['fillers_invented']}"
        )
    print(f"Fillers: {fill['answers']} synthetic answers ({', '.join(fill['voices'])})")
    for name in WAYS:
        f = fill[name]
        precision = "n/a" if f["precision"] is None else f"{f['precision']:.0%}"
        print(
            f"  {name:11} recall {f['recall']:.0%} of {f['fillers']}  precision {precision}"
            f"  WER {f['wer_with_fillers']:.1%}"
        )
    long = report["long_answer_fillers"]
    print(f"Fillers in one {long['answer_seconds']} s answer (longer than a Whisper window):")
    for name in ("none", "mockint"):
        print(
            f"  {name:11} batch recall {long[name + '_batch_recall']:.0%}"
            f"  streaming recall {long[name + '_streaming_recall']:.0%}"
        )
    print(f"Streaming vs batch: LJ Speech joined, {stream['answer_seconds']} s")
    print(
        f"  batch WER {stream['batch_wer']:.1%}  streaming WER {stream['streaming_wer']:.1%}"
        f"  words differing {stream['streaming_vs_batch_word_difference']:.1%}  pieces {stream['pieces']}"
    )
    if stream["wait_after_end_seconds"] is not None:
        waits = stream["wait_after_end_seconds"], stream["batch_seconds"]
        print(f"  wait after the audio stops mid-breath: streaming {waits[0]} s, batch {waits[1]} s")
        path = report["recording_path"]
        print(
            f"Recording path: {path['answer_seconds']} s answer into the Recorder at real-time pace; the transcript"
            f" was ready {path['wait_after_end_of_answer_seconds']} s after the end of the answer was detected"
            f" ({path['end_silence_seconds']:g} s of silence)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
