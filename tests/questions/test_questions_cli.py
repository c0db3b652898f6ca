"""`mockint questions --json` says which job family the questions came from."""

import json

from click.testing import CliRunner

from mockint.cli import cli


def test_questions_json_names_the_family_used_and_the_close_ones():
    result = CliRunner().invoke(cli, ["questions", "--role", "game producer", "--count", "1", "--json", "--seed", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["role"] == "Game Producer"
    assert data["family"]["key"] == "project_manager" and data["family"]["title"] == "Project Manager"
    assert data["family"]["exact"] is False
    assert "product_manager" in [f["key"] for f in data["family"]["also"]]
