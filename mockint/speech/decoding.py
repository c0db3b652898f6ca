"""Sharing work between the two Whisper passes over a piece: one encoding of its window, one batched decode.

faster-whisper calls its model's encode and its CTranslate2 decoder once per pass; the
Transcriber (stt.py) puts these two in front of them.
"""

from __future__ import annotations

import hashlib

import numpy as np


# A window whose audio ends this many frames (10 ms each) before the short window's end is
# encoded short: 20 s instead of 30 s takes a third of the time on two cores (0.12 s against
# 0.33-0.41 s for tiny.en), and the decoder still sees 30 s (see EncoderCache).
SHORT_WINDOW_FRAMES = 2000
SHORT_WINDOW_MARGIN_FRAMES = 150  # the padding Whisper sees after the speech, at least 1.5 s


class EncoderCache:
    """Whisper's encoder, with a memory of the last window it encoded, that encodes short pieces short.

    Both passes over a piece (prompted for the fillers, plain for the words) decode the
    same audio, and encoding the 30 s window is most of a pass's time on a CPU: the
    second pass reuses the first's.

    faster-whisper pads every window to 30 s of features (zero columns after the audio),
    and the encoder's time grows much faster than its length. A piece that ends well
    before 20 s is encoded as a 20 s window, and the last 10 s of its output are those
    of a window of padding alone (encoded once): the decoder gets the 30 s of encoder
    output it was trained on. Trimmed without that tail, the decoder dropped fillers
    (recall 85% against 94% on scripts/eval_stt.py's answers); with it, word error and
    filler recall were no worse than the full window's (README, performance).
    """

    def __init__(self, encode, short_windows: bool = True):
        self.encode = encode
        self.short_windows = short_windows  # False: every window is encoded whole, as faster-whisper does
        self.key: bytes | None = None
        self.output = None
        self.padding_output: np.ndarray | None = None  # the encoding of a window of padding only

    def warm(self, n_mels: int, frames: int) -> None:
        """Encode the window of padding now (once per model), not during the first short piece."""
        if self.padding_output is None:
            self.padding_output = np.array(self.encode(np.zeros((n_mels, frames), np.float32)))

    def __call__(self, features: np.ndarray):
        key = hashlib.blake2b(np.ascontiguousarray(features).tobytes(), digest_size=16).digest()
        if key != self.key:
            self.output, self.key = self._encode(features), key
        return self.output

    def _encode(self, features: np.ndarray):
        """One window's encoder output: short when its audio ends early enough."""
        fits = features.shape[-1] > SHORT_WINDOW_FRAMES >= audio_frames(features) + SHORT_WINDOW_MARGIN_FRAMES
        if not (self.short_windows and fits):
            return self.encode(features)
        import ctranslate2

        self.warm(*features.shape[-2:])
        short = np.asarray(self.encode(np.ascontiguousarray(features[..., :SHORT_WINDOW_FRAMES])))
        positions = short.shape[1]  # the encoder halves the frames
        whole = np.ascontiguousarray(np.concatenate([short, self.padding_output[:, positions:]], axis=1))
        return ctranslate2.StorageView.from_array(whole)


def audio_frames(features: np.ndarray) -> int:
    """How many feature frames of a padded window hold audio (faster-whisper pads with zero columns)."""
    columns = np.asarray(features).reshape(-1, features.shape[-1])
    filled = np.flatnonzero(np.any(columns != 0, axis=0))
    return int(filled[-1]) + 1 if filled.size else 0


class EncodedOnly(Exception):
    """The decoder was asked to stop once the window was encoded (Transcriber.prepare_piece)."""


class PairedDecoder:
    """Whisper's decoder, stood in front of faster-whisper, that decodes both passes in one batch.

    The two passes over a piece (prompted and plain) decode the same encoder output after
    different prompts. One after the other they cost twice one decode; as one batch of two
    they cost little more than one (0.5 s against 1.0 s for a 10 s piece on two cores),
    because a step of the small tiny.en decoder is mostly fixed cost. faster-whisper asks
    for one prompt at a time, so when the first pass asks for the armed first prompt, this
    decodes both and keeps the second's result for when the second pass asks for it, with
    the same settings. The word alignment of the first pass is batched with the second's
    the same way, the second's text taken from its kept decode; when faster-whisper then
    asks for another alignment (it kept fewer tokens of the window), it is computed alone.
    Everything else (the temperature fallback, a second window) goes to the real decoder
    as before. CTranslate2 needs the start of the transcript at the same position in both
    prompts: Transcriber._paired_prompts() makes them as long.
    """

    def __init__(self, model, eot: int):
        self.model = model  # ctranslate2.models.Whisper
        self.eot = eot  # the end-of-text token: text tokens are below it, timestamps above
        self.armed: tuple[list[int], list[int]] | None = None
        self.kept: tuple[list[int], dict, object] | None = None  # the second prompt, its settings, its result
        # the second pass's alignment, computed with the first's: (its text tokens, frames, settings, result)
        self.kept_alignment: tuple[list[list[int]], int, dict, object] | None = None
        self.encode_only = False  # stop before decoding (the window is in the EncoderCache by then)

    def __getattr__(self, name):
        return getattr(self.model, name)

    def arm(self, first: list[int], second: list[int]) -> None:
        """The next decode of prompt `first` decodes `second` too."""
        self.armed, self.kept, self.kept_alignment = (first, second), None, None

    def generate(self, encoder_output, prompts, **options):
        """CTranslate2's generate, for one prompt at a time as faster-whisper calls it."""
        if self.encode_only:
            raise EncodedOnly
        if self.armed is not None and prompts == [self.armed[0]]:
            first, second = self.armed
            self.armed = None
            both = ctranslate2_batch_of_two(encoder_output)
            results = self.model.generate(both, [first, second], **options)
            self.kept = (second, options, results[1])
            return [results[0]]
        if self.kept is not None and prompts == [self.kept[0]] and options == self.kept[1]:
            result, self.kept = self.kept[2], None
            return [result]
        return self.model.generate(encoder_output, prompts, **options)

    def align(self, encoder_output, start_sequence, text_tokens, num_frames, **options):
        """CTranslate2's word alignment, for one window's text at a time as faster-whisper asks."""
        kept = self.kept_alignment
        if kept is not None and (kept[0], kept[1], kept[2]) == (text_tokens, num_frames, options):
            self.kept_alignment = None
            return [kept[3]]
        if self.kept is not None and kept is None and len(text_tokens) == 1:
            second = [token for token in self.kept[2].sequences_ids[0] if token < self.eot]
            if second:
                both = ctranslate2_batch_of_two(encoder_output)
                results = self.model.align(both, start_sequence, [text_tokens[0], second], num_frames, **options)
                self.kept_alignment = ([second], num_frames, options, results[1])
                return [results[0]]
        return self.model.align(encoder_output, start_sequence, text_tokens, num_frames, **options)


def ctranslate2_batch_of_two(encoder_output):
    """The encoder output of one window, twice, as one batch (a copy of a few megabytes)."""
    import ctranslate2

    single = np.asarray(encoder_output)
    return ctranslate2.StorageView.from_array(np.ascontiguousarray(np.concatenate([single, single])))
