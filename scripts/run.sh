#!/usr/bin/env bash
# Set up (if needed) and start a practice session on the embedded default models.
# Extra arguments go to `mockint practice`, e.g. scripts/run.sh --text --role "data scientist"
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
exec .venv/bin/mockint practice "$@"
