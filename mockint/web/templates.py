"""The web app's HTML: Jinja2 templates beside this module, every value escaped unless marked as markup."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

__all__ = ["Markup", "environment", "render"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One template environment, autoescaping everything (answers and role titles are the candidate's text)."""
    return Environment(loader=PackageLoader("mockint.web", "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def render(name: str, **values) -> str:
    """A template rendered to a string."""
    return environment().get_template(name).render(**values)
