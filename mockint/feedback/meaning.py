"""Sentence meaning as vectors: all-MiniLM-L6-v2 run in numpy, for the feedback's reading of meaning.

Two signals need more than shared words: whether an answer is about the question asked
(an answer swapped in from another question, or drifting to an adjacent one, often shares
words with it) and whether a sentence says a talking point in the candidate's own words
("I took the handset off him and switched the pump off" for "stopping the PCA"). Both
compare sentence vectors from all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0, 22M
parameters, trained on a billion question-answer and paraphrase pairs). Its weights come
with `mockint models fetch` like the other models; the forward pass is a plain BERT
encoder in numpy (the tokenizer is Hugging Face `tokenizers`, already installed with
faster-whisper), so no deep-learning framework is needed. About 40 ms a sentence on two
cores; vectors are cached by text, so a sentence is encoded once.

Without the model the feedback still runs, on its word cues alone (`shared_encoder()`
returns None and the two signals say less).
"""

from __future__ import annotations

import json
import struct
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from mockint.text import split_sentences

LAYERS, HEADS, WIDTH = 6, 12, 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model: longer text is cut
BATCH = 32  # texts encoded together; sorted by length, so little of a batch is padding
CACHE_SIZE = 4096  # vectors kept, by text


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a .safetensors file (an 8-byte header length, a JSON header, raw data)."""
    with path.open("rb") as f:
        header_len = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(header_len))
        data = f.read()
    tensors = {}
    for name, meta in header.items():
        if name != "__metadata__" and meta["dtype"] == "F32":
            start, end = meta["data_offsets"]
            tensors[name] = np.frombuffer(data, dtype=np.float32, count=(end - start) // 4, offset=start) \
                .reshape(meta["shape"])
    return tensors


def layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gain + bias


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x ** 3)))


class SentenceEncoder:
    """Unit-length 384-d vectors for texts; cosine similarity is their dot product."""

    def __init__(self, folder: Path):
        from tokenizers import Tokenizer  # faster-whisper's dependency; imported here to keep startup light

        w = read_safetensors(folder / "model.safetensors")
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()  # one text at a time: padding would only add work
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.embed = (w["embeddings.word_embeddings.weight"], w["embeddings.position_embeddings.weight"],
                      w["embeddings.token_type_embeddings.weight"][0],
                      w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            def get(name: str, i: int = i) -> np.ndarray:
                return w[f"encoder.layer.{i}.{name}"]
            qkv = np.concatenate([get(f"attention.self.{p}.weight") for p in ("query", "key", "value")]).T.copy()
            qkv_bias = np.concatenate([get(f"attention.self.{p}.bias") for p in ("query", "key", "value")])
            self.layers.append((qkv, qkv_bias,
                                get("attention.output.dense.weight").T.copy(), get("attention.output.dense.bias"),
                                get("attention.output.LayerNorm.weight"), get("attention.output.LayerNorm.bias"),
                                get("intermediate.dense.weight").T.copy(), get("intermediate.dense.bias"),
                                get("output.dense.weight").T.copy(), get("output.dense.bias"),
                                get("output.LayerNorm.weight"), get("output.LayerNorm.bias")))
        self._lock = threading.Lock()  # numpy releases the GIL; the cache and tokenizer are shared
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()  # by text, least recently used first
        self._tokens: OrderedDict[str, tuple[list[tuple[int, int]], np.ndarray]] = OrderedDict()  # the same, by token
        self.encoded = 0  # texts run through the model so far (the rest came from the cache)

    def _hidden(self, encoded: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """The last layer's token vectors of token-id lists run together, and the mask of real tokens:
        the lists are padded to the longest, and the padding is masked out of attention."""
        longest = max(len(ids) for ids in encoded)
        ids = np.zeros((len(encoded), longest), dtype=np.int64)
        mask = np.zeros((len(encoded), longest), dtype=np.float32)
        for row, token_ids in enumerate(encoded):
            ids[row, :len(token_ids)] = token_ids
            mask[row, :len(token_ids)] = 1.0
        words, positions, token_type, ln_gain, ln_bias = self.embed
        x = layer_norm(words[ids] + positions[:longest] + token_type, ln_gain, ln_bias)
        batch, head = len(encoded), WIDTH // HEADS
        hide = (1.0 - mask)[:, None, None, :] * -1e9  # no token attends to padding
        for (qkv, qkv_bias, out_w, out_b, ln1_g, ln1_b, up_w, up_b, down_w, down_b, ln2_g, ln2_b) in self.layers:
            q, k, v = (x @ qkv + qkv_bias).reshape(batch, longest, 3, HEADS, head).transpose(2, 0, 3, 1, 4)
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head) + hide
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, longest, WIDTH)
            x = layer_norm(x + attended @ out_w + out_b, ln1_g, ln1_b)
            x = layer_norm(x + gelu(x @ up_w + up_b) @ down_w + down_b, ln2_g, ln2_b)
        return x, mask

    def _encode(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text, encoded together; padding is left out of the pooling, so each
        vector is the one it gets alone."""
        x, mask = self._hidden([self.tokenizer.encode(t).ids for t in texts])
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)  # mean over real tokens only
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def token_vectors(self, text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
        """Each word piece of `text` (its character span) and its unit vector in context, [CLS] and [SEP]
        left out: what lets one word of a question be looked for in an answer said in other words (cached)."""
        key = " ".join(text.split())
        with self._lock:
            if key not in self._tokens:
                encoding = self.tokenizer.encode(key)
                x, _ = self._hidden([encoding.ids])
                rows = x[0, 1:-1]
                self._tokens[key] = (list(encoding.offsets[1:-1]), rows / np.linalg.norm(rows, axis=1, keepdims=True))
                self.encoded += 1
            self._tokens.move_to_end(key)
            while len(self._tokens) > CACHE_SIZE:
                self._tokens.popitem(last=False)
            return self._tokens[key]

    def vector(self, text: str) -> np.ndarray:
        """The unit vector of one text (cached)."""
        return self.vectors([text])[0]

    def vectors(self, texts: list[str]) -> np.ndarray:
        """One row per text. Texts not seen before are encoded in batches of similar length, which is
        several times faster than one at a time for many short texts (job titles, talking points)."""
        keys = [" ".join(t.split()) for t in texts]
        if not keys:
            return np.zeros((0, WIDTH), dtype=np.float32)
        with self._lock:
            missing = sorted({k for k in keys if k not in self._cache}, key=len)
            for start in range(0, len(missing), BATCH):
                chunk = missing[start:start + BATCH]
                for key, row in zip(chunk, self._encode(chunk)):
                    self._cache[key] = row
                self.encoded += len(chunk)
            for key in keys:
                self._cache.move_to_end(key)
            rows = np.stack([self._cache[k] for k in keys])
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
            return rows


_loaded: dict[Path, SentenceEncoder | None] = {}  # by model folder: None when it is missing or damaged
_loading = threading.Lock()


def encoder_in(folder: Path) -> SentenceEncoder | None:
    """The encoder of the model in `folder`, loaded once per folder; None when it is not there."""
    with _loading:
        if folder not in _loaded:
            found = None
            if (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file():
                try:
                    found = SentenceEncoder(folder)
                except Exception:  # noqa: BLE001 - a damaged file fails in struct, numpy or tokenizers alike
                    found = None  # the word cues still give feedback; `mockint doctor` says the model is damaged
            _loaded[folder] = found
        return _loaded[folder]


def shared_encoder() -> SentenceEncoder | None:
    """The encoder from the models folders as they are configured now (see config.locate_sentence_model)."""
    from mockint.config import locate_sentence_model

    return encoder_in(locate_sentence_model().path)


def load_in_background() -> None:
    """Start loading the shared encoder now (0.3 s), so the first answer's feedback does not wait for it.
    The folder is chosen here, by the settings of the moment, not later on the thread."""
    from mockint.config import locate_sentence_model

    folder = locate_sentence_model().path
    threading.Thread(target=encoder_in, args=(folder,), name="mockint-meaning-load", daemon=True).start()


def read_ahead(question: str | None, points: list[str], text_so_far: str) -> None:
    """Encode what the feedback on an answer in progress will need: the question (with its main ask and
    topic, and the ask without each of its parts, for whether the answer addressed it), its talking points,
    and the answer's sentences and STAR clauses so far (the learned STAR and rambling models read them).
    The stream calls this after each piece, and after the piece that ends at a pause, which is
    transcribed while the end-of-answer silence runs, so the feedback finds them cached. The last
    sentence is encoded too: if the answer goes on, that costs one sentence (about 40 ms)."""
    from mockint.feedback.fillers import find_fillers  # here: star.py reads this module's encoder
    from mockint.feedback.learned_on_question import question_texts
    from mockint.feedback.question_parts import parts_of, texts_to_encode
    from mockint.feedback.star import read_units

    encoder = shared_encoder()
    if encoder is None:
        return
    ask = parts_of(question) if question else None
    encoder.vectors((question_texts(question) + texts_to_encode(ask) if question and ask else []) + points)
    sentences = split_sentences(text_so_far)
    encoder.vectors([s.text for s in sentences])
    for text in ([ask] if ask else []) + [s.text for s in sentences]:
        encoder.token_vectors(text)  # each word of the ask is looked for among the answer's (question_parts.py)
    encoder.vectors([u.clause.text for u in read_units(text_so_far, find_fillers(text_so_far), sentences)])


def read_question_ahead(question: str, points: list[str]) -> None:
    """Start encoding what the feedback will need of a question just asked, on a thread, while the candidate
    thinks and answers: a typed answer has no stream to read ahead on, and the question's parts alone
    (question_parts.py) take about a second to encode."""
    threading.Thread(target=read_ahead, args=(question, points, ""), name="mockint-meaning-question",
                     daemon=True).start()
