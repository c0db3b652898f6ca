"""Speech engines: speaking the questions, recording and transcribing the answers, audio devices.

  base        the engine protocols: SpeechToText, TextToSpeech, Microphone, LevelMeter
  devices     which microphone and speaker (sounddevice, matched by name or number)
  tts         Speaker: renders a question with the process's one engine (tts_engine), plays it
  audio       Recorder: reads the microphone on its own thread (device I/O only)
  collector   one answer from blocks of audio: detection, end of turn, the Recording
  vad         speech detection (pure functions over frames)
  prosody     pitch and the fall of the voice before a pause (pure)
  turn        how much silence ends the answer, from the transcript and the voice (pure)
  commands    spoken commands: "could you repeat the question", "skip this one", "let's stop here"
  stt         Transcriber (faster-whisper, fillers kept) and StreamingTranscriber
  merge       the plain pass's words with the filler pass's "um"s and "uh"s
  audiofile   reading answers from files, saving recordings
  wer         word alignment and word error rate

Nothing here knows of sessions: mockint.channels.voice puts the engines together.
Heavy engines (sounddevice, faster-whisper, pyttsx3) are imported on first use only.
"""

from mockint.speech.audio import Recorder, Recording
from mockint.speech.base import Microphone, SpeechToText, TextToSpeech
from mockint.speech.devices import check_audio, list_devices, resolve_device
from mockint.speech.stt import StreamingTranscriber, Transcriber
from mockint.speech.tts import Speaker, check_tts

__all__ = [
    "Microphone", "Recorder", "Recording", "Speaker", "SpeechToText", "StreamingTranscriber", "TextToSpeech",
    "Transcriber", "check_audio", "check_tts", "list_devices", "resolve_device",
]
