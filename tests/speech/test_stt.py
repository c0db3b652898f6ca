"""The real transcriber (embedded tiny.en) on real and synthetic speech, files good and bad."""

import time

import numpy as np
import pytest

from mockint.errors import ModelError, UserError
from mockint.speech.audio import Recorder, blocks_of
from mockint.speech.audiofile import read_audio, write_audio
from mockint.speech.decoding import audio_frames
from mockint.speech.cuts import CutRules, PauseSplitter, PieceCutter
from mockint.speech.stt import StreamingTranscriber, Transcriber
from tests.speech.speech_data import AUDIO, espeak, fillers_in, reference, silence, word_error_rate

pytestmark = pytest.mark.slow

FILLER_ANSWER = (
    "So, um, I led the migration of our billing service. Uh, the old system could not scale, "
    "and, um, we had outages every week."
)


def test_real_human_speech_is_transcribed_with_a_low_word_error_rate(transcriber):
    transcript = transcriber.transcribe_file(AUDIO / "jfk.wav")
    assert word_error_rate(reference("jfk.wav"), transcript.text) <= 0.1
    lj = transcriber.transcribe_file(AUDIO / "LJ001-0002.wav")  # 22.05 kHz, resampled on reading
    assert word_error_rate(reference("LJ001-0002.wav"), lj.text) <= 0.25


def test_words_carry_timings_and_duration_spans_first_to_last_word(transcriber, jfk):
    transcript = transcriber.transcribe(jfk)
    assert len(transcript.words) >= 20
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts)
    assert all(w.end >= w.start for w in transcript.words)
    assert transcript.words[-1].end <= 11.0
    assert transcript.duration_seconds == pytest.approx(transcript.words[-1].end - transcript.words[0].start)
    assert 8.0 <= transcript.duration_seconds <= 11.0


def test_silence_gives_an_empty_transcript_not_a_hallucination(transcriber):
    transcript = transcriber.transcribe(np.zeros(5 * 16000, np.float32))
    assert transcript.text == ""
    assert transcript.words == []
    assert transcript.duration_seconds is None


def test_fillers_survive_transcription(transcriber):
    transcript = transcriber.transcribe(espeak(FILLER_ANSWER))
    found = fillers_in(transcript.text)
    assert found["um"] >= 2 and found["uh"] >= 1, transcript.text
    assert word_error_rate(FILLER_ANSWER, transcript.text) <= 0.3


def test_both_passes_over_a_piece_share_one_encoding_of_its_window(jfk):
    """The second pass (plain, for the words) reuses the first's encoder output: the same words, one encoding."""
    shared, separate = Transcriber(), Transcriber()
    shared.load()
    separate.load()
    uncached = separate._model.encode

    def forgetful(features):
        uncached.key = None  # no memory of the last window: each pass encodes
        return uncached(features)

    separate._model.encode = forgetful
    cache = shared._model.encode
    encoded = []
    inner = cache.encode
    cache.encode = lambda features: encoded.append(features.shape) or inner(features)
    piece = shared.transcribe_piece(jfk)
    assert len(encoded) == 1  # one 30 s window, two decodes
    assert piece.text == separate.transcribe_piece(jfk).text
    assert [(w.text, w.start, w.end) for w in piece.words] == [
        (w.text, w.start, w.end) for w in separate.transcribe_piece(jfk).words]
    shared.transcribe_piece(jfk[: 6 * 16000])  # other audio: encoded afresh
    assert len(encoded) == 2


def test_a_piece_that_ends_well_before_20_s_is_encoded_as_a_20_s_window_and_a_longer_one_whole(jfk):
    """EncoderCache: short pieces get a 20 s window (a third of the time), padded to 30 s of output."""
    transcriber = Transcriber()
    transcriber.load()
    cache = transcriber._model.encode
    shapes, outputs = [], []
    inner = cache.encode
    cache.encode = lambda features: shapes.append(features.shape[-1]) or inner(features)
    original = cache._encode
    cache._encode = lambda features: (lambda out: outputs.append(np.asarray(out).shape) or out)(original(features))
    short = transcriber.transcribe_piece(jfk)  # 11 s
    assert shapes == [2000] and outputs == [(1, 1500, 384)]  # the decoder still gets 30 s of output
    assert word_error_rate(reference("jfk.wav"), short.text) <= 0.1, short.text
    shapes.clear()
    long = np.concatenate([jfk, silence(1.0), jfk])  # 23 s: too long for the short window
    twice = " ".join([reference("jfk.wav")] * 2)
    assert word_error_rate(twice, transcriber.transcribe_piece(long).text) <= 0.25
    assert shapes[0] == 3000  # (a second window, after the first's last timestamp, may be short)


def test_the_audio_of_a_padded_window_is_found_by_its_zero_columns():
    features = np.zeros((80, 3000), np.float32)
    assert audio_frames(features) == 0
    features[:, :1234] = -0.7
    features[3, 1500] = 0.1  # a single non-zero value still counts as audio
    assert audio_frames(features) == 1501


def test_without_the_filler_prompt_whisper_drops_them(jfk):
    """Why the prompt exists: the same model and audio without it loses the fillers."""
    plain = Transcriber(prompt=None).transcribe(espeak(FILLER_ANSWER))
    assert sum(fillers_in(plain.text).values()) <= 1, plain.text


@pytest.mark.parametrize("suffix", [".flac", ".mp3", ".wav"])
def test_common_formats_are_read(tmp_path, jfk, suffix):
    path = write_audio(tmp_path / f"jfk{suffix}", (jfk * 32767).astype(np.int16))
    audio = read_audio(path)
    assert abs(audio.size - jfk.size) < 0.05 * jfk.size
    assert np.corrcoef(audio[:100_000], jfk[: min(100_000, audio.size)])[0, 1] > 0.9 or suffix == ".mp3"


def test_an_ogg_file_is_transcribed(tmp_path, transcriber):
    import av

    path = tmp_path / "answer.ogg"
    samples = (read_audio(AUDIO / "jfk.wav") * 32767).astype(np.int16).reshape(1, -1)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libopus", rate=16000, layout="mono")
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.sample_rate = 16000
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    assert word_error_rate(reference("jfk.wav"), transcriber.transcribe_file(path).text) <= 0.15


def bad_file(tmp_path, kind: str):
    """A file of each kind a user might hand to `mockint analyze` by mistake."""
    wav = (AUDIO / "jfk.wav").read_bytes()
    path = tmp_path / {"unsupported": "notes.txt", "corrupt_flac": "answer.flac"}.get(kind, "answer.wav")
    contents = {
        "empty": b"",
        "corrupt": bytes(np.random.default_rng(1).integers(0, 256, 4000, dtype=np.uint8)),
        "truncated": wav[: len(wav) // 2],
        "header_only": wav[:44],
        "unsupported": b"not audio",
        "corrupt_flac": b"fLaC" + bytes(200),
    }[kind]
    path.write_bytes(contents)
    return path


@pytest.mark.parametrize(
    "kind, message",
    [
        ("empty", "is empty"),
        ("corrupt", "damaged"),
        ("truncated", "truncated"),
        ("header_only", "truncated"),
        ("unsupported", "unsupported audio format"),
        ("corrupt_flac", "damaged"),
    ],
)
def test_bad_files_are_one_clear_user_error(tmp_path, transcriber, kind, message):
    with pytest.raises(UserError, match=message) as caught:
        transcriber.transcribe_file(bad_file(tmp_path, kind))
    assert "\n" not in str(caught.value)


def test_a_truncated_flac_is_refused(tmp_path, transcriber, jfk):
    whole = write_audio(tmp_path / "whole.flac", (jfk * 32767).astype(np.int16)).read_bytes()
    cut = tmp_path / "cut.flac"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UserError, match="truncated|damaged"):
        transcriber.transcribe_file(cut)


def test_a_missing_file_is_a_user_error(tmp_path, transcriber):
    with pytest.raises(UserError, match="No audio file"):
        transcriber.transcribe_file(tmp_path / "nowhere.wav")


def test_a_missing_or_wrong_model_folder_says_which_path_and_what_to_do(tmp_path, jfk):
    with pytest.raises(ModelError, match=f"{tmp_path / 'absent'}.*mockint models fetch"):
        Transcriber(tmp_path / "absent").transcribe(jfk)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="no model.bin"):
        Transcriber(tmp_path / "empty").load()
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "model.bin").write_bytes(b"nonsense")
    with pytest.raises(ModelError, match="Cannot load"):
        Transcriber(tmp_path / "broken").load()


# ---- Streaming ---------------------------------------------------------------------


def cuts(verdicts: list[bool], rules: CutRules = CutRules()) -> list[int]:
    cutter = PieceCutter(rules)
    found = [cutter.push(320, v, -20.0 if v else -80.0) for v in verdicts]
    return [c for c in found if c is not None]


def span(seconds: float, speech: bool) -> list[bool]:
    return [speech] * round(seconds / 0.02)


def test_pieces_end_at_pauses_once_long_enough_or_at_a_long_pause():
    rules = CutRules(pause_seconds=0.5, min_piece_seconds=6.0, long_pause_seconds=1.0, max_piece_seconds=25.0)
    verdicts = span(3, True) + span(0.6, False) + span(3, True) + span(0.6, False) + span(2, True) + span(1.2, False)
    # the first 0.6 s pause comes too early (3 s); the second ends a 7.2 s piece; the final long pause ends the rest
    assert cuts(verdicts, rules) == [round((6.6 + 0.25) * 16000), round((9.2 + 0.5) * 16000)]


def test_silence_alone_is_never_a_piece_and_a_long_monologue_is_cut_before_30_s():
    assert cuts(span(10, False)) == []
    monologue = cuts(span(40, True))
    assert monologue and all(b - a <= 25 * 16000 for a, b in zip([0] + monologue, monologue))


def test_cut_points_do_not_depend_on_how_the_audio_arrives(jfk):
    answer = np.concatenate([jfk, silence(0.7) / 32768, jfk, silence(2.0) / 32768]).astype(np.float32)
    whole = PauseSplitter().push(answer)
    splitter = PauseSplitter()
    chunked = [cut for block in blocks_of(answer, 777) for cut in splitter.push(block)]
    assert len(whole) >= 2 and chunked == whole


def test_streaming_gives_the_same_words_as_batch(transcriber, jfk):
    """Real speech and a filler answer with pauses, fed in small chunks while the worker transcribes."""
    parts = [
        jfk,
        silence(1.2),
        read_audio(AUDIO / "LJ001-0001.flac"),
        silence(0.3),
        read_audio(AUDIO / "LJ001-0002.wav"),
        silence(0.8),
        espeak(FILLER_ANSWER),
    ]
    answer = np.concatenate([p if p.dtype == np.float32 else p / 32768 for p in parts]).astype(np.float32)
    batch = transcriber.transcribe(answer)
    stream = StreamingTranscriber(transcriber)
    for block in blocks_of(answer, 1600):
        stream.feed(block)
    streamed = stream.finish()
    assert len(stream.pieces) >= 3
    assert word_error_rate(batch.text, streamed.text) <= 0.1, (batch.text, streamed.text)
    assert fillers_in(streamed.text)["um"] >= 2, streamed.text
    # the fillers come after the first 30 s window: batch keeps them too (it prompts every piece)
    assert answer.size > 30 * 16000 and fillers_in(batch.text)["um"] >= 2, batch.text
    times = [w.start for w in streamed.words]
    assert times == sorted(times) and times[-1] <= answer.size / 16000
    # the same words land at about the same times both ways: timings are offset per piece
    assert streamed.words[-1].end == pytest.approx(batch.words[-1].end, abs=0.5)
    assert streamed.duration_seconds == pytest.approx(batch.duration_seconds, abs=0.5)


def test_the_stream_reports_its_text_after_pieces_and_a_failing_listener_loses_nothing(transcriber, jfk):
    """The voice channel reads talking points' meaning from these reports while the candidate speaks."""
    first, rest = np.concatenate([jfk, silence(1.2)]), np.concatenate([jfk, silence(0.5)])
    heard: list[str] = []
    stream = StreamingTranscriber(transcriber, on_text=heard.append)
    for block in blocks_of(first.astype(np.float32), 1600):
        stream.feed(block)
    assert stream.text_until(first.size / 16000, timeout=60) is not None  # the first piece is transcribed
    for _ in range(600):  # the report follows the piece on the worker: wait for it, as a session would not
        if heard:
            break
        time.sleep(0.01)
    for block in blocks_of(rest.astype(np.float32), 1600):
        stream.feed(block)
    whole = stream.finish()
    assert heard and "country" in heard[0].lower() and whole.text.startswith(heard[0])

    def broken(text: str) -> None:
        raise RuntimeError("the listener failed")

    failing = StreamingTranscriber(transcriber, on_text=broken)
    for block in blocks_of(first.astype(np.float32), 1600):
        failing.feed(block)
    assert failing.text_until(first.size / 16000, timeout=60) is not None
    for block in blocks_of(rest.astype(np.float32), 1600):
        failing.feed(block)
    assert failing.finish().text == whole.text  # reading ahead only saves time: no word is lost


def test_streaming_a_silent_answer_gives_nothing(transcriber):
    stream = StreamingTranscriber(transcriber)
    stream.feed(silence(3.0))
    transcript = stream.finish()
    assert transcript.text == "" and transcript.duration_seconds is None


def test_a_thinking_pause_mid_clause_is_kept_and_a_finished_answer_ends_quickly(transcriber):
    """The real path: recorder, streaming Whisper asked for the text at each pause, the voice's fall."""
    said = ("Last year our biggest client moved the launch forward by a month, so, um, <break time=\"3500ms\"/> "
            "I split the work into two smaller releases and we shipped the first one on time.")
    answer = np.concatenate([silence(1.0), espeak(said), silence(6.0)])
    stream = StreamingTranscriber(transcriber)
    recording = Recorder(None).collect(blocks_of(answer, 1600), stream.feed, transcript=stream)
    text = stream.finish().text
    assert "on time" in text and recording.stop_reason == "silence", text
    assert recording.ended_after_silence_seconds == pytest.approx(Recorder(None).rules.quick_seconds, abs=0.02)


def test_both_passes_are_decoded_in_one_batch_with_the_words_of_two_separate_decodes(jfk):
    """PairedDecoder: one batched decode and alignment for the prompted and the plain pass, the same words as two."""
    paired, separate = Transcriber(), Transcriber()
    paired.load()
    separate.load()
    separate._model.model.arm = lambda first, second: None  # never batch: each pass decodes alone
    calls = {"paired": [], "separate": []}
    alignments = {"paired": [], "separate": []}
    for name, transcriber in (("paired", paired), ("separate", separate)):
        decoder = transcriber._model.model.model
        transcriber._model.model.model = type("Counting", (), {
            "generate": lambda self, output, prompts, log=calls[name], decoder=decoder, **options: log.append(
                len(prompts)) or decoder.generate(output, prompts, **options),
            "align": lambda self, output, start, tokens, frames, log=alignments[name], decoder=decoder, **options:
                log.append(len(tokens)) or decoder.align(output, start, tokens, frames, **options),
            "__getattr__": lambda self, name, decoder=decoder: getattr(decoder, name),
        })()
    context = "We were asked to move the launch forward."
    piece = paired.transcribe_piece(jfk, 0.0, context)
    alone = separate.transcribe_piece(jfk, 0.0, context)
    # The first decode of each pass is one batch of both prompts; anything after it (the rest
    # of a window after a timestamp, a fallback) is decoded alone, as before.
    assert calls["paired"][0] == 2 and set(calls["separate"]) == {1}
    assert len(calls["paired"]) == len(calls["separate"]) - 1
    # and the word alignment of both passes' first windows too
    assert alignments["paired"][0] == 2 and len(alignments["paired"]) == len(alignments["separate"]) - 1
    assert piece.text == alone.text
    assert [(w.text, w.start, w.end) for w in piece.words] == [(w.text, w.start, w.end) for w in alone.words]


def test_a_piece_encoded_while_the_pause_began_is_only_decoded_when_its_text_is_asked_for(jfk):
    """prepare_piece() encodes through faster-whisper's own path; transcribe_piece() of that audio reuses it."""
    prepared, fresh = Transcriber(), Transcriber()
    prepared.load()
    cache = prepared._model.encode
    encoded = []
    inner = cache.encode
    cache.encode = lambda features: encoded.append(features.shape) or inner(features)
    prepared.prepare_piece(jfk)
    assert len(encoded) == 1
    piece = prepared.transcribe_piece(jfk)
    assert len(encoded) == 1  # nothing left but the decoding
    assert [(w.text, w.start, w.end) for w in piece.words] == [
        (w.text, w.start, w.end) for w in fresh.transcribe_piece(jfk).words]
