"""Build hook: the wheel carries the top-level prompts/ folder as the package data mockint/prompts.

There is one copy of the roles and templates, prompts/ in the repository; a regular wheel
gets it at build time. An editable install gets nothing: it reads prompts/ in the
checkout directly, and a copy in site-packages would only go stale.
"""

from __future__ import annotations

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PromptsAsPackageData(BuildHookInterface):
    """Adds prompts/ to a regular (not editable) wheel as mockint/prompts."""

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name == "wheel" and version == "standard":
            build_data["force_include"]["prompts"] = "mockint/prompts"
