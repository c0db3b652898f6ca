"""Channels: how questions reach the candidate and answers come back, typed or spoken.

  base    the Channel protocol, its Reply, the commands (skip, repeat, quit)
  text    TextChannel: typed answers on standard input
  voice   VoiceChannel: spoken questions, recorded and transcribed answers
  scripted ScriptedChannel: written answers from a file, one per question
  choose  which channel a session gets
"""

from mockint.channels.base import Action, Channel, Reply, ask_and_listen
from mockint.channels.choose import default_mode, open_channel
from mockint.channels.scripted import ScriptedChannel
from mockint.channels.text import TextChannel
from mockint.channels.voice import VoiceChannel

__all__ = ["Action", "Channel", "Reply", "ScriptedChannel", "TextChannel", "VoiceChannel", "ask_and_listen", "default_mode",
           "open_channel"]
