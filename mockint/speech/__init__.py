"""Speech engines: speaking the questions, recording and transcribing the answers, audio devices.

  base       the engine protocols: SpeechToText, TextToSpeech, Microphone
  devices    which microphone and speaker (sounddevice, matched by name or number)
  tts        Speaker: pyttsx3 renders a question, sounddevice plays it
  audio      Recorder and the end-of-answer rules (pure functions over frames)
  stt        Transcriber (faster-whisper, fillers kept) and StreamingTranscriber
  audiofile  reading answers from files, saving recordings
  wer        word error rate, for measuring transcription

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
