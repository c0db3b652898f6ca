"""Speech: speaking the questions, recording and transcribing the answers, audio devices.

  devices    which microphone and speaker (sounddevice, matched by name or number)
  tts        Speaker: pyttsx3 renders a question, sounddevice plays it
  audio      Recorder and the end-of-answer rules (pure functions over frames)
  stt        Transcriber (faster-whisper, fillers kept) and StreamingTranscriber
  audiofile  reading answers from files, saving recordings
  voice      VoiceChannel: the spoken channel the session orchestrator talks to

Heavy engines (sounddevice, faster-whisper, pyttsx3) are imported on first use only.
"""

from mockint.speech.audio import Recorder, Recording
from mockint.speech.devices import check_audio, list_devices, resolve_device
from mockint.speech.stt import StreamingTranscriber, Transcriber
from mockint.speech.tts import Speaker, check_tts
from mockint.speech.voice import VoiceChannel

__all__ = [
    "Recorder", "Recording", "Speaker", "StreamingTranscriber", "Transcriber", "VoiceChannel",
    "check_audio", "check_tts", "list_devices", "resolve_device",
]
