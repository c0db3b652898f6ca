#!/usr/bin/env python3
"""Fetch and verify the embedded default models into the checkout's models/ (scripts/setup.sh runs this).

The work is done by `mockint models fetch` (mockint/models/): this only points it at
models/ here instead of the user data folder. The list of models is
mockint/models/sources.py.

Usage: python scripts/fetch_models.py [--only NAME ...] [--all]    (fetch into models/)
       python scripts/fetch_models.py --list                        (mockint models list)
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))  # this checkout's mockint, whichever one the venv has installed

from mockint.cli import cli  # noqa: E402


def main(argv: list[str]) -> None:
    """Run `mockint models fetch --dir models/ ...`, or `mockint models list` for --list."""
    if "--list" in argv:
        command = ["models", "list"]
    else:
        command = ["models", "fetch", "--dir", str(REPO_ROOT / "models"), *argv]
    cli.main(command, prog_name="fetch_models.py")  # ends in SystemExit with mockint's exit code


if __name__ == "__main__":
    main(sys.argv[1:])
