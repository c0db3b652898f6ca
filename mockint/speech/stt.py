"""Speech to text with faster-whisper: whole clips, files, and answers streamed while spoken.

Whisper was trained on tidied transcripts, so it leaves out "um" and "uh" unless the
prompt shows them: every piece is decoded after FILLER_PROMPT, a short answer full of
fillers, and once after a fluent prompt (PLAIN_PROMPT) for the other words, which the
filler prompt makes worse; merge.py puts the two together (scripts/eval_stt.py measures
both passes and the merge). The two passes share one encoding of the window and are
decoded as one batch (EncoderCache, PairedDecoder). faster-whisper
only prompts the first 30 s window of a long clip (its `hotwords`, which prompts every
window, made it skip whole windows), so audio longer than a window is cut at pauses into
pieces under 30 s, each decoded with the prompt and the text before it.

StreamingTranscriber makes the same kind of cuts while the answer arrives, transcribes
each settled piece in a worker thread while the candidate goes on talking, and at the
end only has the tail left; when a pause begins, prepare() encodes the speech before it,
so that if the answer has ended only the decoding is left. Cuts depend only on the audio up to them, so the pieces,
and therefore the words, are the same however fast the audio arrives.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mockint.domain import Transcript, Word
from mockint.errors import ModelError
from mockint.speech.collector import SampleBuffer
from mockint.speech.decoding import EncodedOnly, EncoderCache, PairedDecoder
from mockint.speech.merge import merge_fillers, text_of
from mockint.speech.audiofile import as_float_audio, read_audio
from mockint.speech.cuts import BATCH_CUTS, CutRules, PauseSplitter
from mockint.speech.vad import SAMPLE_RATE, speech_span

# Both fillers, spelled as the analyzer counts them, several times: with "Umm, ... hmm"
# alone tiny.en wrote every "uh" as "umm"; with this it keeps them apart.
FILLER_PROMPT = "Um, so, uh, I was, um, leading the, uh, project. Uh, we, um, shipped it."
# The plain pass's prompt before the context: no fillers, and as many tokens as
# FILLER_PROMPT, because both passes are decoded in one batch (PairedDecoder), which needs
# their prompts equally long. Cut from the left to length. Lower case without punctuation:
# a punctuated sentence garbled the words after an "um" (scripts/eval_stt.py).
PLAIN_PROMPT = "i was leading the project for our team and then we shipped it on time we planned the work"
CONTEXT_WORDS = 30  # how much of the answer so far is added to the prompt of the next piece
# With a prompt, the short silent tail after the last word gets a made-up outro ("Thank you
# very much.") with no-speech probability 0.4-0.6 and a low log-probability. Whisper's
# default (0.6) keeps it, after five slow fallback decodes; 0.4 skips it at once.
NO_SPEECH_THRESHOLD = 0.4
TAIL_TOLERANCE_SECONDS = 0.5  # word timings end up to this much before the energy says speech ends


@dataclass
class Piece:
    """The transcript of one stretch of audio, words timed from the start of the answer."""

    text: str
    words: list[Word]


def assemble(pieces: list[Piece]) -> Transcript:
    """One Transcript from consecutive pieces; duration from the first word to the last."""
    words = [w for p in pieces for w in p.words]
    text = " ".join(p.text for p in pieces if p.text)
    duration = round(words[-1].end - words[0].start, 3) if words else None
    return Transcript(text=text, words=words, duration_seconds=duration)


def drain(segments, speech_end: float) -> list:
    """Decode the segments (the generator does the work) until they cover the speech.

    Once the words reach the end of the speech, faster-whisper would still decode the
    silent tail as one more 30 s window, where a prompted model writes "Thank you very
    much."; stopping there saved a third of the decoding time on ../shared/audio with the
    same word error rate. Segments of bare punctuation (" .") are noise.
    """
    kept = []
    for segment in segments:
        if any(c.isalnum() for c in segment.text):
            kept.append(segment)
        if segment.end >= speech_end - TAIL_TOLERANCE_SECONDS:
            break
    return kept


class Transcriber:
    """faster-whisper on CPU (int8), loaded once on first use, with word timings."""

    def __init__(
        self,
        model_path: Path | None = None,
        *,
        prompt: str | None = FILLER_PROMPT,
        plain_pass: bool = True,
        beam_size: int = 5,
        threads: int | None = None,
        short_windows: bool = True,
    ):
        if model_path is None:
            from mockint.config import find_whisper_model

            model_path = find_whisper_model()
        self.model_path = Path(model_path)
        self.prompt = prompt
        self.plain_pass = plain_pass  # with a prompt: decode plainly too, for the words (merge.py)
        self.beam_size = beam_size
        self.short_windows = short_windows  # encode pieces under 18.5 s as 20 s windows (decoding.py)
        self.threads = threads or max(1, min(4, os.cpu_count() or 2))
        self._model = None
        self._tokenizer = None  # the model's, once loaded
        self._lock = threading.Lock()  # one decode at a time: CTranslate2 already uses every thread

    def load(self) -> None:
        """Load the model now (it is otherwise loaded by the first transcription)."""
        with self._lock:
            self._load_locked()

    def _load_locked(self):
        if self._model is not None:
            return self._model
        path = self.model_path
        if not path.is_dir():
            raise ModelError(
                f"Whisper model folder {path} not found: run `mockint models fetch` or set whisper_model "
                "to a CTranslate2 Whisper folder."
            )
        if not (path / "model.bin").is_file():
            raise ModelError(
                f"{path} is not a CTranslate2 Whisper model (no model.bin): point whisper_model at the folder "
                "holding model.bin, config.json and the tokenizer."
            )
        try:
            from faster_whisper import WhisperModel
        except ImportError:
            raise ModelError("faster-whisper is not installed: pip install faster-whisper") from None
        try:
            model = WhisperModel(str(path), device="cpu", compute_type="int8", cpu_threads=self.threads)
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(
                f"Cannot load the Whisper model in {path} ({exc}): fetch it again with `mockint models fetch`."
            ) from None
        # faster-whisper encodes each window through this method; the cache serves the second pass.
        model.encode = EncoderCache(model.encode, self.short_windows)
        model.encode.warm(model.feature_extractor.mel_filters.shape[0], model.feature_extractor.nb_max_frames)
        from faster_whisper.tokenizer import Tokenizer

        self._tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language="en")
        model.model = PairedDecoder(model.model, self._tokenizer.eot)  # and the two passes decode as one batch
        self._model = model
        return self._model

    def transcribe(self, audio: np.ndarray) -> Transcript:
        """The transcript of a whole clip (float32 or int16, mono, 16 kHz)."""
        audio = as_float_audio(audio)
        fits = audio.size <= BATCH_CUTS.max_piece_seconds * SAMPLE_RATE
        bounds = [0, *([] if fits else PauseSplitter(BATCH_CUTS).push(audio)), audio.size]
        pieces: list[Piece] = []
        for start, end in zip(bounds, bounds[1:]):
            context = " ".join(p.text for p in pieces)
            pieces.append(self.transcribe_piece(audio[start:end], start / SAMPLE_RATE, context))
        return assemble(pieces)

    def transcribe_file(self, path: str | Path) -> Transcript:
        """The transcript of an audio file (WAV, FLAC, MP3, OGG); a bad file is a UserError."""
        return self.transcribe(read_audio(path, SAMPLE_RATE))

    def transcribe_piece(self, audio: np.ndarray, offset_seconds: float = 0.0, context: str = "") -> Piece:
        """Transcribe one stretch of an answer; `context` is what was said before it."""
        audio = as_float_audio(audio)
        span = speech_span(audio)
        if span is None:
            return Piece("", [])  # Whisper invents words ("Thank you.") for silence
        context = " ".join(context.split()[-CONTEXT_WORDS:])
        with self._lock:
            model = self._load_locked()
            if self.prompt and self.plain_pass:
                prompted, plain = self._paired_prompts(context)
                model.model.arm(model.get_prompt(self._tokenizer, prompted), model.get_prompt(self._tokenizer, plain))
                words = self._decode(model, audio, prompted, span[1])
                words = merge_fillers(self._decode(model, audio, plain, span[1]), words)
            else:
                words = self._decode(model, audio, " ".join(filter(None, [self.prompt, context])) or None, span[1])
        for w in words:
            w.start, w.end = round(offset_seconds + w.start, 3), round(offset_seconds + w.end, 3)
        return Piece(text_of(words), words)

    def prepare_piece(self, audio: np.ndarray) -> None:
        """Encode a stretch of audio that may be the next piece, so that transcribe_piece() of the
        same audio only decodes (the encoding is 0.3 s of a sentence's 0.8 s on two cores).

        It goes through faster-whisper's own path, stopped before the decoding, so the features
        are exactly those the transcription will encode, and the EncoderCache keeps the result.
        """
        audio = as_float_audio(audio)
        span = speech_span(audio)
        if span is None:
            return
        with self._lock:
            model = self._load_locked()
            model.model.encode_only = True
            try:
                self._decode(model, audio, None, span[1])
            except EncodedOnly:
                pass
            finally:
                model.model.encode_only = False

    def _paired_prompts(self, context: str) -> tuple[list[int], list[int]]:
        """The tokens before the prompted pass (FILLER_PROMPT, the context) and the plain one
        (PLAIN_PROMPT cut to the same length, the same context)."""
        encode = self._tokenizer.encode
        context_tokens = encode(" " + context) if context else []
        fillers = encode(" " + self.prompt)
        plain = encode(" " + PLAIN_PROMPT)
        while len(plain) < len(fillers):
            plain = plain + plain
        return fillers + context_tokens, plain[len(plain) - len(fillers):] + context_tokens

    def _decode(self, model, audio: np.ndarray, prompt: str | list[int] | None, speech_end: float) -> list[Word]:
        """One Whisper pass over a piece after `prompt` (text or tokens): its words, timed from the piece's start."""
        segments, _ = model.transcribe(
            audio,
            language="en",
            beam_size=self.beam_size,
            initial_prompt=prompt,
            word_timestamps=True,
            condition_on_previous_text=False,  # a hallucination in one window must not spread
            no_speech_threshold=NO_SPEECH_THRESHOLD,
        )
        return [
            Word(text=w.word.strip(), start=w.start, end=w.end, probability=round(w.probability, 3))
            for s in drain(segments, speech_end)
            for w in (s.words or [])
            if w.word.strip()
        ]


# ---- Streaming -------------------------------------------------------------------


class StreamingTranscriber:
    """Transcribes an answer while it is spoken: feed() chunks as they arrive, finish() at the end."""

    def __init__(self, transcriber: Transcriber, sample_rate: int = SAMPLE_RATE, rules: CutRules = CutRules(),
                 on_text: Callable[[str], None] | None = None):
        """`on_text`: called on the worker with the text so far after a piece, when no audio waits
        (the voice channel reads the finished sentences' meaning then, not after the answer)."""
        self.transcriber = transcriber
        self.on_text = on_text
        self.rate = sample_rate
        self.audio = SampleBuffer(np.float32)
        self.splitter = PauseSplitter(rules, sample_rate)
        self.queued = 0  # samples already handed to the worker
        self.pieces: list[Piece] = []
        self.transcribed = 0  # samples the pieces cover
        self._transcribed_changed = threading.Condition()
        self.error: BaseException | None = None
        self._work: queue.Queue = queue.Queue()
        self._worker = threading.Thread(target=self._run, name="mockint-stt", daemon=True)
        self._worker.start()

    def feed(self, chunk: np.ndarray) -> None:
        """Add the next chunk of the answer (int16 or float32); returns at once."""
        chunk = as_float_audio(chunk)
        self.audio.append(chunk)
        for cut in self.splitter.push(chunk):
            self._queue_until(cut)

    def _queue_until(self, end: int) -> None:
        """Hand audio [queued, end) to the worker as one piece."""
        if end > self.queued:
            self._work.put((self.queued, self.audio.view(self.queued, end).copy(), False))
            self.queued = end

    def prepare(self, seconds: float) -> None:
        """A pause has begun at `seconds`, where the answer may end: encode the audio before it
        now, so that if text_until() asks for the same point, only the decoding is left."""
        end = min(round(seconds * self.rate), self.audio.size)
        if end > self.queued:
            self._work.put((self.queued, self.audio.view(self.queued, end).copy(), True))

    def text_until(self, seconds: float, timeout: float) -> str | None:
        """The text of the answer before `seconds`, waiting up to `timeout`; None if not ready.

        The answer is cut into a piece there (the caller asks in the middle of a pause),
        so what is asked for is transcribed at once and is also the final text.
        """
        end = min(round(seconds * self.rate), self.audio.size)
        if end > self.queued:
            self._queue_until(end)
            self.splitter.restart_at(end)
        with self._transcribed_changed:
            ready = self._transcribed_changed.wait_for(
                lambda: self.transcribed >= end or self.error is not None, timeout
            )
        if not ready or self.error is not None:
            return None
        return " ".join(p.text for p in self.pieces if p.text)

    def _run(self) -> None:
        """The worker: transcribe pieces in order, each with the text before it as context."""
        while (item := self._work.get()) is not None:
            start, audio, only_prepare = item
            if only_prepare:
                prepare = getattr(self.transcriber, "prepare_piece", None)
                if self.error is None and prepare is not None and self._work.empty():  # not when behind
                    try:
                        prepare(audio)
                    except BaseException as exc:
                        self.error = exc
                continue
            if self.error is None:
                try:
                    context = " ".join(p.text for p in self.pieces)
                    self.pieces.append(self.transcriber.transcribe_piece(audio, start / self.rate, context))
                except BaseException as exc:  # re-raised by finish(), on the caller's thread
                    self.error = exc
            with self._transcribed_changed:
                self.transcribed = item[0] + item[1].size
                self._transcribed_changed.notify_all()
            if self.on_text is not None and self.error is None and self._work.empty():
                try:
                    self.on_text(" ".join(p.text for p in self.pieces if p.text))
                except Exception:  # noqa: BLE001 - reading ahead only saves time; the answer must not be lost
                    self.on_text = None

    def finish(self) -> Transcript:
        """Transcribe what is left and return the whole answer's transcript."""
        self._queue_until(self.audio.size)
        self._work.put(None)
        self._worker.join()
        if self.error is not None:
            raise self.error
        return assemble(self.pieces)

    def cancel(self) -> None:
        """Stop the worker without transcribing the rest (the candidate never answered)."""
        self.error = self.error or RuntimeError("cancelled")
        self._work.put(None)
        self._worker.join()
