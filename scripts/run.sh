#!/usr/bin/env bash
# Set up (if needed) and start a practice session on the embedded default models.
# Extra arguments go to `mockint practice`, e.g. scripts/run.sh --text --role "data scientist"
#   scripts/run.sh --web [ARGS]   the app in the browser instead (ARGS go to `mockint web`)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
if [[ "${1:-}" == "--web" ]]; then
    shift
    exec .venv/bin/mockint web "$@"
fi
exec .venv/bin/mockint practice "$@"
