"""`python -m mockint` runs the CLI."""

from mockint.cli import main

main()
