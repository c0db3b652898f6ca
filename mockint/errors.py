"""Errors the candidate can cause or fix, shown as one clear line, never a traceback."""


class UserError(Exception):
    """Something the user can fix: the message says what happened and what to do."""

    exit_code = 2


class ModelError(UserError):
    """A model file is missing, unreadable or not the right format."""


class DeviceError(UserError):
    """No usable microphone or speaker, or the audio library is missing."""

    exit_code = 3


class StoreError(UserError):
    """The data directory or database cannot be used."""
