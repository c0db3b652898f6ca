"""The question-writing templates in prompts/templates (data, not code)."""

from __future__ import annotations

from string import Template

from mockint.data import data_path, load_template, load_toml


def toml_template(name: str) -> dict:
    """A TOML template file as a dict."""
    return load_toml(data_path("templates", name))


def text_template(name: str) -> Template:
    """A text template with $placeholders."""
    return load_template(data_path("templates", name))
