"""The models mockint runs on: where they come from, fetching them, and checking them on disk."""

from mockint.models.download import DownloadError
from mockint.models.fetch import fetch_model
from mockint.models.integrity import State, state_of
from mockint.models.inventory import Installed, choose_sources, find_installed
from mockint.models.sources import SOURCES, ModelSource

__all__ = [
    "SOURCES", "DownloadError", "Installed", "ModelSource", "State", "choose_sources", "fetch_model",
    "find_installed", "state_of",
]
