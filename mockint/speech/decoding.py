"""Sharing work between the two Whisper passes over a piece: one encoding of its window, one batched decode.

faster-whisper calls its model's encode and its CTranslate2 decoder once per pass; the
Transcriber (stt.py) puts these two in front of them.
"""

from __future__ import annotations

import hashlib

import numpy as np


class EncoderCache:
    """Whisper's encoder with a memory of the last window it encoded.

    Both passes over a piece (prompted for the fillers, plain for the words) decode the
    same audio, and encoding the 30 s window is most of a pass's time on a CPU (0.6 s of
    about 0.8 s for a sentence on two cores): the second pass reuses the first's.
    """

    def __init__(self, encode):
        self.encode = encode
        self.key: bytes | None = None
        self.output = None

    def __call__(self, features: np.ndarray):
        key = hashlib.blake2b(np.ascontiguousarray(features).tobytes(), digest_size=16).digest()
        if key != self.key:
            self.output, self.key = self.encode(features), key
        return self.output


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
    the same settings. Everything else (the temperature fallback, a second window, the
    word alignment) goes to the real decoder as before. CTranslate2 needs the start of the
    transcript at the same position in both prompts: Transcriber._paired_prompts() makes
    them as long.
    """

    def __init__(self, model):
        self.model = model  # ctranslate2.models.Whisper
        self.armed: tuple[list[int], list[int]] | None = None
        self.kept: tuple[list[int], dict, object] | None = None  # the second prompt, its settings, its result
        self.encode_only = False  # stop before decoding (the window is in the EncoderCache by then)

    def __getattr__(self, name):
        return getattr(self.model, name)

    def arm(self, first: list[int], second: list[int]) -> None:
        """The next decode of prompt `first` decodes `second` too."""
        self.armed, self.kept = (first, second), None

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


def ctranslate2_batch_of_two(encoder_output):
    """The encoder output of one window, twice, as one batch (a copy of a few megabytes)."""
    import ctranslate2

    single = np.asarray(encoder_output)
    return ctranslate2.StorageView.from_array(np.ascontiguousarray(np.concatenate([single, single])))
