"""Running the real CLI for the prep commands, and a story file to work with."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from mockint.cli import cli
from mockint.engines import Engines

BILLING_STORY = """Last spring at Northwind Logistics, our nightly billing export kept failing and finance missed two month-end deadlines.
My job was to make the export reliable before the quarter closed, in six weeks.
I traced the failures to a single Postgres query that locked the invoices table.
I rewrote it as an incremental job and added alerts in Grafana so the on-call engineer saw problems within five minutes.
I also walked the finance team through a manual fallback.
As a result, the export has not failed since, and the close now takes 2 days instead of 5.
"""


def invoke(args: list[str], input_text=None, engines: Engines | None = None):
    """Run `mockint ARGS` in-process with the given standard input (and engines); never a traceback."""
    result = CliRunner().invoke(cli, args, input=input_text, obj=engines)
    assert "Traceback" not in result.output, result.output
    return result


def invoke_json(args: list[str]) -> dict:
    """Run a --json command that must succeed, and parse its output."""
    result = invoke(args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def billing_story(tmp_path):
    """A complete STAR story with numbers and names, as a text file."""
    path = tmp_path / "billing.txt"
    path.write_text(BILLING_STORY, encoding="utf-8")
    return path
